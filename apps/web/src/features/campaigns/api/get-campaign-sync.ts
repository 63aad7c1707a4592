import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { campaignSyncResponseSchema, type CampaignSyncResponse } from '@whathead/contracts';
import { useEffect, useRef } from 'react';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';
import { refreshCampaignRows, type CampaignPages } from './get-campaigns';

/** While an ad account is queued or importing, ask this often how far it got. */
export const syncPollMilliseconds = 2000;

/** `GET /api/workspaces/:workspaceId/campaigns/sync`: where each ad account's mirror stands. */
export function getCampaignSync(
  workspaceId: string,
  options?: { signal?: AbortSignal },
): Promise<CampaignSyncResponse> {
  return api.get(
    `/workspaces/${encodeURIComponent(workspaceId)}/campaigns/sync`,
    campaignSyncResponseSchema,
    options,
  );
}

/** Whether any ad account is waiting for, or in, a sync. */
export function isSyncRunning(sync: CampaignSyncResponse | undefined): boolean {
  return (
    sync?.accounts.some((account) => account.state === 'queued' || account.state === 'importing') ?? false
  );
}

export function campaignSyncQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: queryKeys.campaignSync(workspaceId),
    queryFn: ({ signal }) => getCampaignSync(workspaceId, { signal }),
    refetchInterval: (query) => (isSyncRunning(query.state.data) ? syncPollMilliseconds : false),
    // Choosing accounts in Integrations starts an import: the page asks afresh whenever it opens.
    refetchOnMount: 'always',
  });
}

/** The sync state, polled while it runs; each ad account that finishes brings its rows into the table. */
export function useCampaignSync(workspaceId: string) {
  const query = useQuery(campaignSyncQueryOptions(workspaceId));
  useRowsRefreshedAsAccountsFinish(workspaceId, query.data);
  return query;
}

function useRowsRefreshedAsAccountsFinish(workspaceId: string, sync: CampaignSyncResponse | undefined) {
  const queryClient = useQueryClient();
  const previous = useRef(sync);
  useEffect(() => {
    const before = previous.current;
    previous.current = sync;
    // Rows read before a sync that has since ended are stale, however the page learned of it.
    if (sync && rowsOlderThan(queryClient, workspaceId, newestSync(sync))) {
      void refreshCampaignRows(queryClient, workspaceId);
      return;
    }
    if (!before || !sync || !isSyncRunning(before)) return;
    if (finishedAccounts(sync) > finishedAccounts(before) || !isSyncRunning(sync)) {
      void refreshCampaignRows(queryClient, workspaceId);
    }
  }, [queryClient, workspaceId, sync]);
}

function newestSync(sync: CampaignSyncResponse): string | null {
  const times = sync.accounts.map((account) => account.lastSyncedAt).filter((time) => time !== null);
  return times.length > 0 ? times.reduce((newest, time) => (time > newest ? time : newest)) : null;
}

/** Whether a loaded table page was read before `syncedAt` (both the server's times). */
function rowsOlderThan(queryClient: QueryClient, workspaceId: string, syncedAt: string | null): boolean {
  if (syncedAt === null) return false;
  return queryClient
    .getQueriesData<CampaignPages>({ queryKey: queryKeys.campaignRows(workspaceId) })
    .some(([, data]) => {
      const first = data?.pages[0];
      return first !== undefined && (first.syncedAt === null || first.syncedAt < syncedAt);
    });
}

function finishedAccounts(sync: CampaignSyncResponse): number {
  return sync.accounts.filter((account) => account.state !== 'queued' && account.state !== 'importing')
    .length;
}
