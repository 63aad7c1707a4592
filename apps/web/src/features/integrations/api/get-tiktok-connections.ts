import { queryOptions, useQuery } from '@tanstack/react-query';
import { tiktokConnectionsResponseSchema, type TikTokConnectionsResponse } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

const workspacePath = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}/tiktok`;

/** While the server checks a connection in the background, ask again this often for the fresh state. */
export const checkingPollMilliseconds = 2000;

/** `GET /api/workspaces/:workspaceId/tiktok/connections`: every Business Center and its accounts. */
export function getTikTokConnections(
  workspaceId: string,
  options?: { signal?: AbortSignal },
): Promise<TikTokConnectionsResponse> {
  return api.get(`${workspacePath(workspaceId)}/connections`, tiktokConnectionsResponseSchema, options);
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

export const tiktokPath = workspacePath;
