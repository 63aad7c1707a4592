import { useQueryClient } from '@tanstack/react-query';
import type { CampaignRow } from '@whathead/contracts';
import { useCallback, useMemo, useRef, useState } from 'react';
import { isApiError } from '../../../lib/api-error';
import { messageForError } from '../../../lib/error-messages';
import { putCampaignRows, rowKey } from '../api/campaign-row-cache';
import { useChangeCampaignStatus, type CampaignOperation } from '../api/change-campaign-status';
import { useEditCampaignEntity, type EntityChange } from '../api/edit-campaign-entity';
import {
  announcementOf,
  changedRows,
  conflictsOf,
  failedReport,
  reportOf,
  type StatusReport,
} from './status-report';

export type RowField = 'status' | 'name' | 'budget' | 'bid';

/** Why a row's last change didn't happen, in TikTok's or Whathead's plain words. */
export interface RowProblem {
  field: RowField;
  message: string;
}

/** Rows changed at TikTok since the user loaded them: as shown then, and as TikTok has them now. */
export type Conflict =
  | { kind: 'status'; operation: CampaignOperation; rows: { before: CampaignRow; now: CampaignRow }[] }
  | { kind: 'edit'; change: EntityChange; before: CampaignRow; now: CampaignRow };

/** The field an edit is about, where its problem shows. */
export const fieldOfChange = (change: EntityChange): RowField =>
  change.name !== undefined ? 'name' : change.bid !== undefined ? 'bid' : 'budget';

interface Options {
  /** Rows TikTok deleted, to take them out of the selection. */
  onDeleted?: (rows: readonly CampaignRow[]) => void;
  /**
   * The rows as the server holds them after a status change, to take out of the selection those
   * the view no longer shows (turned off under "Active"): a selection of rows out of sight is one
   * the user can neither see nor untick.
   */
  onStatusChanged?: (rows: readonly CampaignRow[]) => void;
}

/**
 * The table's actions and what came of them: per-row problems, the summary of a status change,
 * the conflicts waiting for the user's choice, and a sentence for screen readers. The rows
 * themselves live in the query cache (api/campaign-row-cache.ts).
 */
export function useCampaignActions(workspaceId: string, { onDeleted, onStatusChanged }: Options = {}) {
  const queryClient = useQueryClient();
  const statusChange = useChangeCampaignStatus(workspaceId);
  const { mutateAsync: editAsync } = useEditCampaignEntity(workspaceId);
  const [problems, setProblems] = useState<ReadonlyMap<string, RowProblem>>(new Map());
  const [report, setReport] = useState<StatusReport | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // The latest edit of each cell: an older one's answer arriving later says nothing about it now.
  const latestEdits = useRef(new Map<string, number>());
  const editCount = useRef(0);

  const clearProblem = useCallback(
    (row: CampaignRow, field: RowField) =>
      setProblems((current) => {
        if (current.get(rowKey(row))?.field !== field) return current;
        const next = new Map(current);
        next.delete(rowKey(row));
        return next;
      }),
    [],
  );

  const setProblemsOf = useCallback(
    (rows: readonly CampaignRow[], problemOf: (row: CampaignRow) => RowProblem | null) =>
      setProblems((current) => {
        const next = new Map(current);
        for (const row of rows) {
          const problem = problemOf(row);
          if (problem) next.set(rowKey(row), problem);
          else next.delete(rowKey(row));
        }
        return next;
      }),
    [],
  );

  const { mutateAsync: changeStatusAsync } = statusChange;
  const changeStatus = useCallback(
    (operation: CampaignOperation, rows: readonly CampaignRow[]) => {
      if (rows.length === 0) return;
      const settle = (next: StatusReport) => {
        const failures = new Map(next.failed.map((failure) => [rowKey(failure.row), failure.message]));
        setProblemsOf(rows, (row) => {
          const message = failures.get(rowKey(row));
          return message ? { field: 'status', message } : null;
        });
        // Conflicts are the dialog's: the summary is for rows changed, failed or with nothing to change.
        setReport(next.changed + next.failed.length + next.skipped.length > 0 ? next : null);
        setAnnouncement(announcementOf(next));
      };
      setReport(null);
      setAnnouncement('');
      setProblemsOf(rows, () => null);
      // mutateAsync, not mutate's callbacks, which TanStack Query runs for the latest call only.
      changeStatusAsync({ operation, rows }).then(
        ({ results }) => {
          settle(reportOf(operation, rows, results));
          const conflicts = conflictsOf(rows, results);
          if (conflicts.length > 0) setConflict({ kind: 'status', operation, rows: conflicts });
          const deleted = changedRows(rows, results);
          if (operation === 'DELETE' && deleted.length > 0) onDeleted?.(deleted);
          onStatusChanged?.(results.flatMap((each) => (each.row ? [each.row] : [])));
        },
        (error: unknown) => settle(failedReport(operation, rows, messageForError(error))),
      );
    },
    [changeStatusAsync, onDeleted, onStatusChanged, setProblemsOf],
  );

  const edit = useCallback(
    (row: CampaignRow, change: EntityChange) => {
      const field = fieldOfChange(change);
      const cell = `${rowKey(row)}:${field}`;
      editCount.current += 1;
      const number = editCount.current;
      latestEdits.current.set(cell, number);
      const isLatest = () => latestEdits.current.get(cell) === number;
      const problem = (message: string) => {
        if (isLatest()) setProblemsOf([row], () => ({ field, message }));
      };
      setProblemsOf([row], () => null);
      setAnnouncement('');
      // Each edit's own answer, even when the user edits another row before this one's arrives.
      editAsync({ row, change }).then(
        (result) => {
          if (result.outcome === 'changed') {
            if (isLatest()) clearProblem(row, field);
            setAnnouncement(`Saved: ${result.row?.name ?? row.name}.`);
          } else if (result.outcome === 'conflict') {
            if (isLatest()) setConflict({ kind: 'edit', change, before: row, now: result.row ?? row });
          } else problem(result.message ?? 'TikTok didn’t save it.');
        },
        (error: unknown) => problem(issueOf(error, field) ?? messageForError(error)),
      );
    },
    [editAsync, setProblemsOf, clearProblem],
  );

  const retryFailed = useCallback(() => {
    if (report)
      changeStatus(
        report.operation,
        report.failed.map((failure) => failure.row),
      );
  }, [report, changeStatus]);

  // Sent again from TikTok's copy, which the dialog showed: what is seen is now TikTok's value, so
  // the change applies over it, and over nothing newer (changed again since: another conflict).
  const applyAnyway = useCallback(() => {
    if (!conflict) return;
    setConflict(null);
    if (conflict.kind === 'status')
      changeStatus(
        conflict.operation,
        conflict.rows.map((each) => each.now),
      );
    else edit(conflict.now, conflict.change);
  }, [conflict, changeStatus, edit]);

  const keepTikTok = useCallback(() => {
    if (!conflict) return;
    setConflict(null);
    const rows = conflict.kind === 'status' ? conflict.rows.map((each) => each.now) : [conflict.now];
    putCampaignRows(queryClient, workspaceId, rows);
    setAnnouncement('Kept TikTok’s values.');
  }, [conflict, queryClient, workspaceId]);

  const pendingOperation = statusChange.isPending ? (statusChange.variables?.operation ?? null) : null;
  return useMemo(
    () => ({
      changeStatus,
      edit,
      retryFailed,
      applyAnyway,
      keepTikTok,
      dismissReport: () => setReport(null),
      clearProblem,
      problems,
      report,
      conflict,
      announcement,
      /** The status change under way, if any. */
      pendingOperation,
    }),
    [
      changeStatus,
      edit,
      retryFailed,
      applyAnyway,
      keepTikTok,
      clearProblem,
      problems,
      report,
      conflict,
      announcement,
      pendingOperation,
    ],
  );
}

export type CampaignActions = ReturnType<typeof useCampaignActions>;

/** The server's words for the field, when it refused the value before asking TikTok. */
function issueOf(error: unknown, field: RowField): string | null {
  if (!isApiError(error)) return null;
  return error.issues.find((issue) => issue.path === field)?.message ?? null;
}
