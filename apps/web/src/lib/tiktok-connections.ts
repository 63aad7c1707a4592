import { queryOptions, useQuery } from '@tanstack/react-query';
import { tiktokConnectionsResponseSchema, type TikTokConnectionsResponse } from '@whathead/contracts';
import { api } from './api';
import { queryKeys } from './query-keys';

/**
 * The workspace's TikTok connections, read by Integrations (to manage them) and Campaigns (which
 * accounts to show): in lib because features do not import each other, and one query key so the
 * two pages never fetch it twice.
 */

/** While the server checks a connection in the background, ask again this often for the fresh state. */
export const checkingPollMilliseconds = 2000;

/** `GET /api/workspaces/:workspaceId/tiktok/connections`: every Business Center and its accounts. */
export function getTikTokConnections(
  workspaceId: string,
  options?: { signal?: AbortSignal },
): Promise<TikTokConnectionsResponse> {
  return api.get(
    `/workspaces/${encodeURIComponent(workspaceId)}/tiktok/connections`,
    tiktokConnectionsResponseSchema,
    options,
  );
}

export function tiktokConnectionsQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: queryKeys.tiktokConnections(workspaceId),
    queryFn: ({ signal }) => getTikTokConnections(workspaceId, { signal }),
    // A connection whose last check is older than 15 minutes comes back `checking`: poll until none is.
    refetchInterval: (query) =>
      query.state.data?.connections.some((connection) => connection.checking)
        ? checkingPollMilliseconds
        : false,
  });
}

export function useTikTokConnections(workspaceId: string) {
  return useQuery(tiktokConnectionsQueryOptions(workspaceId));
}
