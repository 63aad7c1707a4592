import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { reportOverviewResponseSchema, type ReportOverviewResponse } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';
import { queryStringOf, type ReportScope } from '../lib/report-request';
import type { Granularity } from '../lib/report-view';

/** The overview's query string, as the contract's reportOverviewQuerySchema reads it. */
export interface ReportOverviewParams extends ReportScope {
  granularity: Granularity;
  compare: 'true' | 'false';
}

/** `GET /api/workspaces/:workspaceId/reports/overview`: totals per currency, and their series. */
export function getReportOverview(
  workspaceId: string,
  params: ReportOverviewParams,
  options?: { signal?: AbortSignal },
): Promise<ReportOverviewResponse> {
  return api.get(
    `/workspaces/${encodeURIComponent(workspaceId)}/reports/overview?${queryStringOf(params)}`,
    reportOverviewResponseSchema,
    options,
  );
}

export function reportOverviewQueryOptions(workspaceId: string, params: ReportOverviewParams) {
  return queryOptions({
    queryKey: queryKeys.reportOverview(workspaceId, params),
    queryFn: ({ signal }) => getReportOverview(workspaceId, params, { signal }),
    // Another range or account keeps the figures shown (marked as updating) instead of blinking empty.
    placeholderData: keepPreviousData,
  });
}

/** Nothing is asked while the view has no valid range (`params` null). */
export function useReportOverview(workspaceId: string, params: ReportOverviewParams | null) {
  return useQuery({
    ...reportOverviewQueryOptions(workspaceId, params ?? emptyParams),
    enabled: params !== null,
  });
}

const emptyParams: ReportOverviewParams = {
  accounts: '',
  from: '',
  to: '',
  granularity: 'day',
  compare: 'false',
};
