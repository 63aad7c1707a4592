import { queryOptions, useQuery } from '@tanstack/react-query';
import { tiktokPendingGrantsResponseSchema, type TikTokPendingGrantsResponse } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';
import { tiktokPath } from './get-tiktok-connections';

/**
 * `GET …/tiktok/grants`: this browser session's TikTok sign-ins (ten minutes each) that still have
 * Business Centers to connect, so a reload keeps "Connect another Business Center from this sign-in".
 */
export function getTikTokGrants(
  workspaceId: string,
  options?: { signal?: AbortSignal },
): Promise<TikTokPendingGrantsResponse> {
  return api.get(`${tiktokPath(workspaceId)}/grants`, tiktokPendingGrantsResponseSchema, options);
}

export function tiktokGrantsQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: queryKeys.tiktokGrants(workspaceId),
    queryFn: ({ signal }) => getTikTokGrants(workspaceId, { signal }),
  });
}

export function useTikTokGrants(workspaceId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...tiktokGrantsQueryOptions(workspaceId), enabled });
}
