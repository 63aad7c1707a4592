import {
  infiniteQueryOptions,
  useInfiniteQuery,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import {
  campaignTableResponseSchema,
  type CampaignTableQuery,
  type CampaignTableResponse,
} from '@whathead/contracts';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

/** The first page is quick to answer and draw; later pages are the contract's largest, because
 * every page added rebuilds the table's row model, which costs more the more rows are loaded. */
export const firstPageSize = 200;
export const laterPageSize = 500;

/**
 * A refresh refetches at most this many pages of a view. Refetching every page a user scrolled
 * through would be hundreds of requests on a 100,000-row table; later pages load again on scrolling.
 */
const pagesKeptOnRefresh = 5;

/** One view of the table: everything but the paging, which the infinite query does. */
export type CampaignTableView = Omit<CampaignTableQuery, 'after' | 'limit'>;

export type CampaignPages = InfiniteData<CampaignTableResponse, string | undefined>;

/** `GET /api/workspaces/:workspaceId/campaigns`: one page of campaigns, ad groups or ads, filtered and sorted by the server. */
export function getCampaigns(
  workspaceId: string,
  query: CampaignTableQuery,
  options?: { signal?: AbortSignal },
): Promise<CampaignTableResponse> {
  return api.get(
    `/workspaces/${encodeURIComponent(workspaceId)}/campaigns?${searchParamsOf(query)}`,
    campaignTableResponseSchema,
    options,
  );
}

function searchParamsOf(query: CampaignTableQuery): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  return params.toString();
}

export function campaignTableQueryOptions(workspaceId: string, view: CampaignTableView) {
  return infiniteQueryOptions({
    queryKey: queryKeys.campaignTable(workspaceId, view),
    queryFn: ({ pageParam, signal }) =>
      getCampaigns(
        workspaceId,
        { ...view, after: pageParam, limit: pageParam === undefined ? firstPageSize : laterPageSize },
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    // While a new filter or order loads, the rows of the same level stay (marked as updating)
    // instead of the table blinking empty; another level's rows would not fit its columns.
    placeholderData: (previous, previousQuery) =>
      levelOf(previousQuery?.queryKey) === (view.level ?? 'campaign') ? previous : undefined,
  });
}

function levelOf(queryKey: readonly unknown[] | undefined): unknown {
  const view = queryKey?.[4] as CampaignTableView | undefined;
  return view?.level ?? 'campaign';
}

export function useCampaignTable(workspaceId: string, view: CampaignTableView, enabled: boolean) {
  return useInfiniteQuery({ ...campaignTableQueryOptions(workspaceId, view), enabled });
}

/** Fetches every view of the table again after a sync brought new rows: its first pages only. */
export function refreshCampaignRows(queryClient: QueryClient, workspaceId: string): Promise<void> {
  const rowsKey = queryKeys.campaignRows(workspaceId);
  queryClient.setQueriesData<CampaignPages>({ queryKey: rowsKey }, (data) =>
    data && data.pages.length > pagesKeptOnRefresh
      ? {
          pages: data.pages.slice(0, pagesKeptOnRefresh),
          pageParams: data.pageParams.slice(0, pagesKeptOnRefresh),
        }
      : data,
  );
  return queryClient.invalidateQueries({ queryKey: rowsKey });
}
