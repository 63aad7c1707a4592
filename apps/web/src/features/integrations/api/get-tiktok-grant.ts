import { queryOptions, useQuery } from '@tanstack/react-query';
import { tiktokPendingGrantSchema, type TikTokPendingGrant } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';
import { tiktokPath } from './get-tiktok-connections';

/** `GET …/tiktok/grants/:grantId`: one TikTok sign-in's groups, for "Select your Business Center". */
export function getTikTokGrant(
  workspaceId: string,
  grantId: string,
  options?: { signal?: AbortSignal },
): Promise<TikTokPendingGrant> {
  return api.get(
    `${tiktokPath(workspaceId)}/grants/${encodeURIComponent(grantId)}`,
    tiktokPendingGrantSchema,
    options,
  );
}

export function tiktokGrantQueryOptions(workspaceId: string, grantId: string) {
  return queryOptions({
    queryKey: [...queryKeys.tiktokGrants(workspaceId), grantId] as const,
    queryFn: ({ signal }) => getTikTokGrant(workspaceId, grantId, { signal }),
    // An expired grant stays expired: asking again only delays the message.
    retry: false,
  });
}

export function useTikTokGrant(workspaceId: string, grantId: string) {
  return useQuery(tiktokGrantQueryOptions(workspaceId, grantId));
}
