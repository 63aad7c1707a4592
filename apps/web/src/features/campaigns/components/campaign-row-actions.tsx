import { useMutationState } from '@tanstack/react-query';
import type { CampaignRow } from '@whathead/contracts';
import { useMemo, useState, type ReactNode } from 'react';
import { StatusMessage } from '../../../components/ui/status-message';
import { rowKey } from '../api/campaign-row-cache';
import { editMutationKey, type EntityEdit } from '../api/edit-campaign-entity';
import { fieldOfChange, type CampaignActions, type RowField } from '../hooks/use-campaign-actions';
import { CampaignActionsContext, type CampaignActionsContextValue } from './campaign-actions-context';
import { ConflictDialog } from './conflict-dialog';
import { HistoryDialog } from './history-dialog';
import { RenameDialog } from './rename-dialog';
import { StatusReportBar } from './status-report-bar';
import './campaign-actions.css';

interface CampaignRowActionsProps {
  workspaceId: string;
  actions: CampaignActions;
  /** The table: its cells edit, rename and show history through this component. */
  children: ReactNode;
}

/**
 * What the table's actions show around it: the summary of the last status change, the conflict
 * choice, Rename and History, and one live region that says how each action ended.
 */
export function CampaignRowActions({ workspaceId, actions, children }: CampaignRowActionsProps) {
  const [renaming, setRenaming] = useState<CampaignRow | null>(null);
  const [historyOf, setHistoryOf] = useState<CampaignRow | null>(null);
  const saving = useMutationState({
    filters: { mutationKey: editMutationKey, status: 'pending' },
    select: (mutation) => mutation.state.variables as EntityEdit | undefined,
  });
  const { problems, edit, clearProblem } = actions;
  const context = useMemo<CampaignActionsContextValue>(() => {
    const savingFields = new Set(
      saving.flatMap((each) => (each ? [fieldKey(each.row, fieldOfChange(each.change))] : [])),
    );
    return {
      problemOf: (row, field) => {
        const problem = problems.get(rowKey(row));
        return problem?.field === field ? problem.message : null;
      },
      isSaving: (row, field) => savingFields.has(fieldKey(row, field)),
      clearProblem,
      saveAmount: (row, field, amount) => edit(row, { [field]: amount }),
      openRename: setRenaming,
      openHistory: setHistoryOf,
    };
  }, [problems, edit, clearProblem, saving]);

  return (
    <>
      {actions.report && (
        <StatusReportBar
          report={actions.report}
          isRetrying={actions.pendingOperation !== null}
          onRetry={actions.retryFailed}
          onDismiss={actions.dismissReport}
        />
      )}
      <CampaignActionsContext value={context}>{children}</CampaignActionsContext>
      <StatusMessage tone="neutral" className="visually-hidden">
        {actions.announcement}
      </StatusMessage>
      {actions.conflict && (
        <ConflictDialog
          conflict={actions.conflict}
          onApply={actions.applyAnyway}
          onKeep={actions.keepTikTok}
        />
      )}
      {renaming && (
        <RenameDialog
          row={renaming}
          onRename={(name) => edit(renaming, { name })}
          onClose={() => setRenaming(null)}
        />
      )}
      {historyOf && (
        <HistoryDialog workspaceId={workspaceId} row={historyOf} onClose={() => setHistoryOf(null)} />
      )}
    </>
  );
}

const fieldKey = (row: CampaignRow, field: RowField) => `${rowKey(row)}:${field}`;
