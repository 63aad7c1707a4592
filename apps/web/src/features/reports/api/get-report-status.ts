import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { reportStatusResponseSchema, type ReportStatusResponse } from '@whathead/contracts';
import { useEffect, useRef } from 'react';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';
import { hasNewFigures, isSyncRunning } from '../lib/sync-state';

/** While an ad account is queued or syncing, ask this often how far it got. */
export const statusPollMilliseconds = 3000;

/**
 * Otherwise, now and then: the scheduled syncs run without the page, and "today" of an account
 * moves at its midnight, which the range presets count from.
 */
const idleStatusPollMilliseconds = 5 * 60_000;

/** `GET /api/workspaces/:workspaceId/reports/status`: each ad account's report sync and backfill. */
export function getReportStatus(
  workspaceId: string,
  options?: { signal?: AbortSignal },
): Promise<ReportStatusResponse> {
  return api.get(
    `/workspaces/${encodeURIComponent(workspaceId)}/reports/status`,
    reportStatusResponseSchema,
    options,
  );
}

export function reportStatusQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: queryKeys.reportStatus(workspaceId),
    queryFn: ({ signal }) => getReportStatus(workspaceId, { signal }),
    refetchInterval: (query) =>
      isSyncRunning(query.state.data) ? statusPollMilliseconds : idleStatusPollMilliseconds,
    // Choosing accounts in Integrations starts a backfill: the page asks afresh whenever it opens.
    refetchOnMount: 'always',
  });
}

/** The report sync state, polled while it runs; a sync that finishes brings its figures onto the page. */
export function useReportStatus(workspaceId: string) {
  const query = useQuery(reportStatusQueryOptions(workspaceId));
  useFiguresRefreshedAfterSync(workspaceId, query.data);
  return query;
}

function useFiguresRefreshedAfterSync(workspaceId: string, status: ReportStatusResponse | undefined) {
  const queryClient = useQueryClient();
  const previous = useRef(status);
  useEffect(() => {
    const before = previous.current;
    previous.current = status;
    if (before && status && before !== status && hasNewFigures(before, status)) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.reportFigures(workspaceId) });
    }
  }, [queryClient, workspaceId, status]);
}
