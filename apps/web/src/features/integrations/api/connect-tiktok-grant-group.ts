import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  connectTikTokGrantGroupResponseSchema,
  type ConnectTikTokGrantGroupResponse,
} from '@whathead/contracts';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';
import { tiktokPath } from './get-tiktok-connections';
import { tiktokGrantQueryOptions } from './get-tiktok-grant';

/**
 * `POST …/tiktok/grants/:grantId/connect`: connects one Business Center (or the accounts outside
 * one) of a TikTok sign-in, without signing in at TikTok again.
 */
export function connectTikTokGrantGroup(
  workspaceId: string,
  grantId: string,
  groupKey: string,
): Promise<ConnectTikTokGrantGroupResponse> {
  return api.post(
    `${tiktokPath(workspaceId)}/grants/${encodeURIComponent(grantId)}/connect`,
    { groupKey },
    connectTikTokGrantGroupResponseSchema,
  );
}

export function useConnectTikTokGrantGroup(workspaceId: string, grantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (groupKey: string) => connectTikTokGrantGroup(workspaceId, grantId, groupKey),
    onSuccess: ({ grant }) => {
      queryClient.setQueryData(tiktokGrantQueryOptions(workspaceId, grant.id).queryKey, grant);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.tiktokConnections(workspaceId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.tiktokGrants(workspaceId), exact: true }),
        queryClient.invalidateQueries({ queryKey: queryKeys.tiktokAudit(workspaceId) }),
      ]);
    },
    // Expired or used up: the offer it came from is stale too.
    onError: () =>
      queryClient.invalidateQueries({ queryKey: queryKeys.tiktokGrants(workspaceId), exact: true }),
  });
}
