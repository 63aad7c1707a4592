import { queryOptions, useQuery } from '@tanstack/react-query';
import { tiktokConnectionsResponseSchema, type TikTokConnectionsResponse } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

const workspacePath = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}/tiktok`;

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
  });
}

export function useTikTokConnections(workspaceId: string) {
  return useQuery(tiktokConnectionsQueryOptions(workspaceId));
}

export const tiktokPath = workspacePath;
