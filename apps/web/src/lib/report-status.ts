import { queryOptions } from '@tanstack/react-query';
import { reportStatusResponseSchema, type ReportStatusResponse } from '@whathead/contracts';
import { api } from './api';
import { queryKeys } from './query-keys';

/**
 * Each ad account's report sync, and its "today" in its own zone, read by Reports (the sync, the
 * backfill, the range presets) and Campaigns (the range presets of the metric columns): in lib
 * because features do not import each other, and one query key so the two pages share one answer.
 * Each page adds how often it asks again.
 */

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
    // Choosing accounts in Integrations starts a backfill: a page asks afresh whenever it opens.
    refetchOnMount: 'always',
  });
}

/**
 * When nothing is syncing, ask now and then: the scheduled syncs run without the page, and "today"
 * of an account moves at its midnight, which the range presets count from.
 */
export const idleStatusPollMilliseconds = 5 * 60_000;
