import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReportStatusResponse } from '@whathead/contracts';
import { useEffect, useRef } from 'react';
import { queryKeys } from '../../../lib/query-keys';
import { idleStatusPollMilliseconds, reportStatusQueryOptions } from '../../../lib/report-status';
import { hasNewFigures, isSyncRunning } from '../lib/sync-state';

// `GET /api/workspaces/:workspaceId/reports/status` itself is in lib/report-status.ts: Campaigns
// reads it too, for its range presets.

/** While an ad account is queued or syncing, ask this often how far it got. */
export const statusPollMilliseconds = 3000;

/** The report sync state, polled while it runs; a sync that finishes brings its figures onto the page. */
export function useReportStatus(workspaceId: string) {
  const query = useQuery({
    ...reportStatusQueryOptions(workspaceId),
    refetchInterval: ({ state }) =>
      isSyncRunning(state.data) ? statusPollMilliseconds : idleStatusPollMilliseconds,
  });
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
