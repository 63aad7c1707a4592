import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  reportBreakdownResponseSchema,
  type ReportBreakdownResponse,
  type ReportLevel,
  type ReportSortColumn,
} from '@whathead/contracts';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';
import { queryStringOf, type ReportScope } from '../lib/report-request';
import type { SortDirection } from '../lib/report-view';

/** The breakdown's query string, as the contract's reportBreakdownQuerySchema reads it. */
export interface ReportBreakdownParams extends ReportScope {
  level: ReportLevel;
  q?: string;
  sort: ReportSortColumn;
  direction: SortDirection;
}

function breakdownPath(
  workspaceId: string,
  file: 'breakdown' | 'breakdown.csv',
  params: ReportBreakdownParams,
) {
  return `/workspaces/${encodeURIComponent(workspaceId)}/reports/${file}?${queryStringOf(params)}`;
}

/** `GET /api/workspaces/:workspaceId/reports/breakdown`: the first 1,000 rows of a level, sorted by the server. */
export function getReportBreakdown(
  workspaceId: string,
  params: ReportBreakdownParams,
  options?: { signal?: AbortSignal },
): Promise<ReportBreakdownResponse> {
  return api.get(breakdownPath(workspaceId, 'breakdown', params), reportBreakdownResponseSchema, options);
}

/**
 * `GET /api/workspaces/:workspaceId/reports/breakdown.csv`: every row of the same breakdown. A link
 * the browser downloads itself (the session cookie goes with it), so a large file never passes
 * through the page's memory.
 */
export function breakdownCsvUrl(workspaceId: string, params: ReportBreakdownParams): string {
  return `/api${breakdownPath(workspaceId, 'breakdown.csv', params)}`;
}

export function reportBreakdownQueryOptions(workspaceId: string, params: ReportBreakdownParams) {
  return queryOptions({
    queryKey: queryKeys.reportBreakdown(workspaceId, params),
    queryFn: ({ signal }) => getReportBreakdown(workspaceId, params, { signal }),
    // A new sort or search keeps the rows of the same level shown; another level's would mislead.
    // The key ends with the params (queryKeys.reportBreakdown), which name the level.
    placeholderData: (previous, previousQuery) =>
      (previousQuery?.queryKey[5] as ReportBreakdownParams | undefined)?.level === params.level
        ? previous
        : undefined,
  });
}

/** Nothing is asked while the view has no valid range (`params` null). */
export function useReportBreakdown(workspaceId: string, params: ReportBreakdownParams | null) {
  return useQuery({
    ...reportBreakdownQueryOptions(workspaceId, params ?? emptyParams),
    enabled: params !== null,
  });
}

const emptyParams: ReportBreakdownParams = {
  accounts: '',
  from: '',
  to: '',
  level: 'campaign',
  sort: 'spend',
  direction: 'desc',
};
