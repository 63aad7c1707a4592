import { useMutation, useQueryClient } from '@tanstack/react-query';
import { tiktokConnectionsResponseSchema, type TikTokConnectionsResponse } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';
import { tiktokPath } from './get-tiktok-connections';

/** `POST …/tiktok/connections/:connectionId/check`: asks TikTok now and refreshes the accounts. */
export function checkTikTokConnection(
  workspaceId: string,
  connectionId: string,
): Promise<TikTokConnectionsResponse> {
  return api.post(
    `${tiktokPath(workspaceId)}/connections/${encodeURIComponent(connectionId)}/check`,
    {},
    tiktokConnectionsResponseSchema,
  );
}

export function useCheckTikTokConnection(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (connectionId: string) => checkTikTokConnection(workspaceId, connectionId),
    onSuccess: (connections) =>
      queryClient.setQueryData(queryKeys.tiktokConnections(workspaceId), connections),
  });
}
