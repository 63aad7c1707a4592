import { queryOptions, useQuery } from '@tanstack/react-query';
import { tiktokUsageResponseSchema, type TikTokUsageResponse } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

/** While the panel is open: calls add up and pauses come and go within minutes (a minute pause lasts five). */
const refetchIntervalMilliseconds = 30_000;

/** `GET /api/workspaces/:workspaceId/tiktok/usage`: today's TikTok calls by lane, and TikTok's pauses. */
export function getTikTokUsage(
  workspaceId: string,
  options?: { signal?: AbortSignal },
): Promise<TikTokUsageResponse> {
  return api.get(
    `/workspaces/${encodeURIComponent(workspaceId)}/tiktok/usage`,
    tiktokUsageResponseSchema,
    options,
  );
}

export function tiktokUsageQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: queryKeys.tiktokUsage(workspaceId),
    queryFn: ({ signal }) => getTikTokUsage(workspaceId, { signal }),
    refetchInterval: refetchIntervalMilliseconds,
  });
}

export function useTikTokUsage(workspaceId: string) {
  return useQuery(tiktokUsageQueryOptions(workspaceId));
}
