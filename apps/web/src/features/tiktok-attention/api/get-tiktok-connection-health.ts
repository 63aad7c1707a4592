import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TikTokAttentionCause } from '@whathead/contracts';
import { queryKeys } from '../../../lib/query-keys';
import { getTikTokConnections } from '../../../lib/tiktok-connections';

/** How often a page left open asks again: the health job checks every four hours. */
const refetchIntervalMilliseconds = 5 * 60 * 1000;

/**
 * The connections as the app-wide notice reads them: the same request and query key as the
 * Integrations and Campaigns pages (lib/tiktok-connections.ts), so a check or reconnect there
 * updates the notice at once and none of them fetch twice.
 */
export function tiktokConnectionHealthQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: queryKeys.tiktokConnections(workspaceId),
    queryFn: ({ signal }) => getTikTokConnections(workspaceId, { signal }),
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
