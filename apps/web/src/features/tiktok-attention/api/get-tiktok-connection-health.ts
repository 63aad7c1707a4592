import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  tiktokConnectionsResponseSchema,
  type TikTokAttentionCause,
  type TikTokConnectionsResponse,
} from '@whathead/contracts';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

/** How often a page left open asks again: the health job checks every four hours. */
const refetchIntervalMilliseconds = 5 * 60 * 1000;

/**
 * `GET /api/workspaces/:workspaceId/tiktok/connections`, read for the app-wide notice. It shares
 * the Integrations page's query key and schema, so a check or reconnect there updates the notice
 * at once and both never fetch twice.
 */
export function getTikTokConnectionHealth(
  workspaceId: string,
  options?: { signal?: AbortSignal },
): Promise<TikTokConnectionsResponse> {
  return api.get(
    `/workspaces/${encodeURIComponent(workspaceId)}/tiktok/connections`,
    tiktokConnectionsResponseSchema,
    options,
  );
}

export function tiktokConnectionHealthQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: queryKeys.tiktokConnections(workspaceId),
    queryFn: ({ signal }) => getTikTokConnectionHealth(workspaceId, { signal }),
    refetchInterval: refetchIntervalMilliseconds,
  });
}

export interface TikTokConnectionNeedingAttention {
  id: string;
  name: string;
  /** Null only if the server sent no cause; treated like a broken connection. */
  cause: TikTokAttentionCause | null;
}

/** The Business Centers of the workspace that need attention; empty while loading or on failure. */
export function useTikTokConnectionsNeedingAttention(
  workspaceId: string,
): TikTokConnectionNeedingAttention[] {
  const query = useQuery({
    ...tiktokConnectionHealthQueryOptions(workspaceId),
    // A notice is no reason to retry loudly: the next interval or page visit asks again.
    retry: false,
    select: (response) =>
      response.connections
        .filter((connection) => connection.status === 'needs_attention')
        .map((connection) => ({
          id: connection.id,
          name: connection.businessCenterName,
          cause: connection.attention?.cause ?? null,
        })),
  });
  return query.data ?? [];
}
