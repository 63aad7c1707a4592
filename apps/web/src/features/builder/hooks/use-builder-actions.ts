import { nodeTitle, type DraftNode, type DraftTree } from '@whathead/contracts';
import { useMemo, type Dispatch } from 'react';
import type { DraftEditorAction, DraftEditorState } from '../model/draft-editor';
import { expandQuery } from '../model/existing-nodes';
import { ownersOf } from '../model/tree-edits';

export type BuilderActionId =
  | 'addCampaign'
  | 'addAdGroup'
  | 'addAd'
  | 'copy'
  | 'paste'
  | 'duplicate'
  | 'delete'
  | 'expand'
  | 'selectExisting'
  | 'tidy'
  | 'undo'
  | 'redo';

export interface BuilderAction {
  label: string;
  /** The keys that do it too, as shown to the user ("Ctrl+C"). */
  shortcut?: string;
  /** What it does, where the label is short. */
  description?: string;
  /** Why it can't be done now; null when it can. */
  disabledReason: string | null;
  run(): void;
}

interface BuilderActionsOptions {
  state: DraftEditorState;
  dispatch: Dispatch<DraftEditorAction>;
  tree: DraftTree;
  defaultAdvertiserId: string | null;
  /** Asks before deleting (components/delete-nodes-dialog.tsx). */
  onDelete(keys: string[]): void;
  onSelectExisting(): void;
  onExpand(node: DraftNode): void;
  isExpanding: boolean;
  /** After Tidy up, to show the whole draft again. */
  onTidied(): void;
}

const readOnlyReason = 'The draft is read-only while it is being published.';

/**
 * Every action of the builder, with whether it can be done now and why not: the toolbar, the
 * outline's keys and the canvas's keys all run these, so each offers the same.
 */
export function useBuilderActions({
  state,
  dispatch,
  tree,
  defaultAdvertiserId,
  onDelete,
  onSelectExisting,
  onExpand,
  isExpanding,
  onTidied,
}: BuilderActionsOptions): Record<BuilderActionId, BuilderAction> {
  return useMemo(() => {
    const { selection, readOnly, clipboard } = state;
    const nothingSelected = selection.length === 0 ? 'Select something first.' : null;
    const editable = (reason: string | null) => (readOnly ? readOnlyReason : reason);
    const expandable = selection.length === 1 ? tree.byKey.get(selection[0]!) : undefined;
    const expandTarget = expandable && expandQuery(tree, expandable) ? expandable : undefined;
    return {
      addCampaign: {
        label: 'Campaign',
        disabledReason: editable(
          defaultAdvertiserId ? null : 'Choose the workspace’s ad accounts in Integrations first.',
        ),
        run: () =>
          defaultAdvertiserId && dispatch({ type: 'addCampaign', advertiserId: defaultAdvertiserId }),
      },
      addAdGroup: {
        label: 'Ad group',
        disabledReason: editable(
          ownersOf(tree, selection, 'campaign').length > 0
            ? null
            : 'Select a campaign to add an ad group to.',
        ),
        run: () => dispatch({ type: 'addAdGroups' }),
      },
      addAd: {
        label: 'Ad',
        disabledReason: editable(
          ownersOf(tree, selection, 'adgroup').length > 0 ? null : 'Select an ad group to add an ad to.',
        ),
        run: () => dispatch({ type: 'addAds' }),
      },
      copy: {
        label: 'Copy',
        shortcut: 'Ctrl+C',
        disabledReason: nothingSelected,
        run: () => dispatch({ type: 'copy' }),
      },
      paste: {
        label: 'Paste',
        shortcut: 'Ctrl+V',
        disabledReason: editable(clipboard ? null : 'Copy something first.'),
        run: () => dispatch({ type: 'paste' }),
      },
      duplicate: {
        label: 'Duplicate',
        shortcut: 'Ctrl+D',
        disabledReason: editable(nothingSelected),
        run: () => dispatch({ type: 'duplicate' }),
      },
      delete: {
        label: 'Delete',
        shortcut: 'Delete',
        disabledReason: editable(nothingSelected),
        run: () => onDelete(selection),
      },
      expand: {
        label: 'Expand',
        description:
          expandTarget?.level === 'adgroup'
            ? 'Load the ad group’s ads from TikTok'
            : 'Load the campaign’s ad groups and ads from TikTok',
        disabledReason: editable(
          isExpanding
            ? 'Loading…'
            : expandTarget
              ? null
              : 'Select one campaign or ad group loaded from TikTok without what is under it.',
        ),
        run: () => expandTarget && onExpand(expandTarget),
      },
      selectExisting: {
        label: 'Select existing',
        disabledReason: editable(null),
        run: onSelectExisting,
      },
      tidy: {
        label: 'Tidy up',
        disabledReason: editable(
          state.document.nodes.some((node) => node.position)
            ? null
            : 'Every node is already where the layout puts it.',
        ),
        run: () => {
          dispatch({ type: 'tidy' });
          onTidied();
        },
      },
      undo: {
        label: 'Undo',
        shortcut: 'Ctrl+Z',
        disabledReason: editable(state.past.length > 0 ? null : 'Nothing to undo.'),
        run: () => dispatch({ type: 'undo' }),
      },
      redo: {
        label: 'Redo',
        shortcut: 'Ctrl+Shift+Z',
        disabledReason: editable(state.future.length > 0 ? null : 'Nothing to redo.'),
        run: () => dispatch({ type: 'redo' }),
      },
    };
  }, [
    state,
    dispatch,
    tree,
    defaultAdvertiserId,
    onDelete,
    onSelectExisting,
    onExpand,
    isExpanding,
    onTidied,
  ]);
}

/** "Spring" or "3 items": what an action is about, for confirmations. */
export function selectionName(tree: DraftTree, keys: readonly string[]): string {
  if (keys.length === 1) {
    const node = tree.byKey.get(keys[0]!);
    return node ? `“${nodeTitle(node)}”` : '1 item';
  }
  return `${keys.length} items`;
}
