import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  blockingIssues,
  indexDraft,
  planPublish,
  validateDraft,
  type Draft,
  type DraftNode,
} from '@whathead/contracts';
import { useCallback, useMemo, useState } from 'react';
import { messageForError } from '../../../lib/error-messages';
import { useNow } from '../../../lib/use-now';
import { draftQueryKeys } from '../api/draft-query-keys';
import { getExistingNodes } from '../api/get-existing-nodes';
import { useBuilderActions } from '../hooks/use-builder-actions';
import { useBuilderShortcuts } from '../hooks/use-builder-shortcuts';
import { useDraftAutosave } from '../hooks/use-draft-autosave';
import { useDraftEditor } from '../hooks/use-draft-editor';
import { useLeaveGuard } from '../hooks/use-leave-guard';
import { usePublishLock } from '../hooks/use-publish-lock';
import { validationAccounts, type BuilderAccount } from '../model/builder-accounts';
import { expandQuery } from '../model/existing-nodes';
import { nodeStates } from '../model/node-states';
import { BuilderHeader } from './builder-header';
import { BuilderToolbar } from './builder-toolbar';
import { DeleteNodesDialog } from './delete-nodes-dialog';
import { DraftCanvas, type CanvasFocus } from './draft-canvas';
import { DraftConflictDialog } from './draft-conflict-dialog';
import { DraftOutline } from './draft-outline';
import { IssueSummary, issueLine } from './issue-summary';
import { LeaveDialog } from './leave-dialog';
import { PublishButton } from './publish-slot';
import { SelectExistingDialog } from './select-existing-dialog';
import { SidePanel } from './side-panel';
import './builder.css';

interface DraftBuilderProps {
  workspaceId: string;
  /** The draft as first loaded: where editing starts. */
  draft: Draft;
  /** The draft as last read from the server (polled while it is being published). */
  server: Draft;
  accounts: BuilderAccount[];
  defaultAdvertiserId: string | null;
}

/** The builder: outline, canvas and forms over one draft, saved as it changes. */
export function DraftBuilder({
  workspaceId,
  draft,
  server,
  accounts,
  defaultAdvertiserId,
}: DraftBuilderProps) {
  const queryClient = useQueryClient();
  const [state, dispatch] = useDraftEditor(draft);
  const autosave = useDraftAutosave({
    workspaceId,
    draftId: draft.id,
    state,
    dispatch,
    initialVersion: draft.version,
  });
  const publishing = usePublishLock(server, autosave, dispatch);
  const blocker = useLeaveGuard(autosave.dirty && autosave.phase !== 'publishing');

  // The rules and the plan of the contracts, run again only when the draft changes (or a minute passes:
  // a schedule's start can fall into the past).
  const now = useNow(60_000);
  const tree = useMemo(() => indexDraft(state.document), [state.document]);
  const context = useMemo(() => ({ now, accounts: validationAccounts(accounts) }), [now, accounts]);
  const issues = useMemo(() => validateDraft(state.document, context), [state.document, context]);
  const plan = useMemo(() => planPublish(state.document), [state.document]);
  const states = useMemo(() => nodeStates(state.document, issues, plan), [state.document, issues, plan]);
  const errors = blockingIssues(issues).length;
  const nothingToPublish = plan.counts.create + plan.counts.update === 0;
  const currencyOf = useCallback(
    (advertiserId: string) =>
      accounts.find((account) => account.advertiserId === advertiserId)?.currency ?? null,
    [accounts],
  );

  const [pendingDelete, setPendingDelete] = useState<string[] | null>(null);
  const [selectingExisting, setSelectingExisting] = useState(false);
  const [dismissedConflict, setDismissedConflict] = useState<Draft | null>(null);
  const [focus, setFocus] = useState<CanvasFocus>({ key: null, request: 0 });
  const reveal = useCallback(
    (key: string | null) => setFocus((last) => ({ key, request: last.request + 1 })),
    [],
  );
  const expand = useMutation({
    mutationFn: (node: DraftNode) => getExistingNodes(workspaceId, expandQuery(tree, node)!),
    onSuccess: (nodes, node) => dispatch({ type: 'insertExisting', nodes, under: node.key }),
  });

  const selectExisting = useCallback(() => setSelectingExisting(true), []);
  const showAll = useCallback(() => reveal(null), [reveal]);
  const actions = useBuilderActions({
    state,
    dispatch,
    tree,
    defaultAdvertiserId,
    onDelete: setPendingDelete,
    onSelectExisting: selectExisting,
    onExpand: expand.mutate,
    isExpanding: expand.isPending,
    onTidied: showAll,
  });
  useBuilderShortcuts(actions);

  const openNode = (key: string) => dispatch({ type: 'open', key });
  const revealNode = (key: string) => {
    openNode(key);
    reveal(key);
  };
  const select = (keys: string[]) => dispatch({ type: 'select', keys });
  const message = expand.isError ? messageForError(expand.error) : state.message?.text;

  return (
    <div className="builder">
      <BuilderHeader
        name={state.name}
        readOnly={state.readOnly}
        phase={autosave.phase}
        dirty={autosave.dirty}
        failure={autosave.failure}
        onRename={(name) => dispatch({ type: 'rename', name })}
        onResolveConflict={() => setDismissedConflict(null)}
      />
      {publishing && (
        <p className="notice notice--warning builder__banner">
          This draft is being published. It is read-only until the publish finishes; the published version
          then opens here.
        </p>
      )}
      <BuilderToolbar
        actions={actions}
        tree={tree}
        selection={state.selection}
        readOnly={state.readOnly}
        onMoveTo={(parentKey) => dispatch({ type: 'reparent', keys: state.selection, parentKey })}
        publish={
          <>
            <IssueSummary issues={issues} tree={tree} onOpen={revealNode} />
            <span
              title={
                issueLine(issues, tree) ??
                (nothingToPublish
                  ? 'Nothing to publish: the draft is empty, or everything in it is as TikTok has it.'
                  : undefined)
              }
            >
              <PublishButton
                draftId={draft.id}
                version={autosave.version}
                disabled={
                  errors > 0 || nothingToPublish || autosave.dirty || autosave.phase !== 'idle' || publishing
                }
                activePublishId={server.activePublishId}
                onNewerVersion={() => void autosave.checkNewer().catch(() => undefined)}
                // The server now holds the draft for the publish: read it, so the builder turns
                // read-only and follows the publish to its end (hooks/use-publish-lock.ts).
                onPublish={() =>
                  void queryClient.invalidateQueries({
                    queryKey: draftQueryKeys.draft(workspaceId, draft.id),
                  })
                }
              />
            </span>
            {nothingToPublish && errors === 0 && !publishing && (
              // Said beside the disabled button, not only in its tooltip, which touch screens never show.
              <span className="builder-toolbar__hint">Nothing to publish: TikTok has all of this</span>
            )}
          </>
        }
      />
      <div
        role="status"
        aria-live="polite"
        className={`builder__message builder__message--${expand.isError ? 'refusal' : (state.message?.tone ?? 'note')}`}
      >
        {message}
      </div>
      <div className="builder__body">
        <nav className="builder__outline" aria-label="Outline">
          <DraftOutline
            tree={tree}
            states={states}
            selection={state.selection}
            onSelect={select}
            onOpen={revealNode}
          />
        </nav>
        <div className="builder__canvas">
          <DraftCanvas
            document={state.document}
            tree={tree}
            states={states}
            selection={state.selection}
            readOnly={state.readOnly}
            currencyOf={currencyOf}
            focus={focus}
            onSelect={select}
            onOpen={openNode}
            onMove={(positions) => dispatch({ type: 'move', positions })}
            onReparent={(child, parent) => dispatch({ type: 'reparent', keys: [child], parentKey: parent })}
            onRefuse={(text) => dispatch({ type: 'refuse', message: text })}
          />
        </div>
        <SidePanel
          tree={tree}
          openKey={state.openKey}
          selection={state.selection}
          accounts={accounts}
          issuesOf={(key) => states.get(key)?.issues ?? []}
          readOnly={state.readOnly}
          onChange={(nodes) => dispatch({ type: 'update', nodes })}
          onClose={() => dispatch({ type: 'open', key: null })}
        />
      </div>

      {pendingDelete && (
        <DeleteNodesDialog
          tree={tree}
          keys={pendingDelete}
          onClose={() => setPendingDelete(null)}
          onConfirm={() => {
            dispatch({ type: 'delete', keys: pendingDelete });
            setPendingDelete(null);
          }}
        />
      )}
      {selectingExisting && (
        <SelectExistingDialog
          workspaceId={workspaceId}
          accounts={accounts}
          defaultAdvertiserId={defaultAdvertiserId}
          document={state.document}
          onClose={() => setSelectingExisting(false)}
          onInsert={(nodes) => {
            dispatch({ type: 'insertExisting', nodes });
            setSelectingExisting(false);
          }}
        />
      )}
      {autosave.phase === 'conflict' && autosave.theirs && autosave.theirs !== dismissedConflict && (
        <DraftConflictDialog
          theirs={autosave.theirs}
          published={autosave.theirsPublished}
          onReload={() => autosave.adopt(autosave.theirs!)}
          onKeepMine={autosave.keepMine}
          onClose={() => setDismissedConflict(autosave.theirs)}
        />
      )}
      <LeaveDialog blocker={blocker} retrying={autosave.phase === 'retrying'} />
    </div>
  );
}
