import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  checkTikTokConnectionResponseSchema,
  type CheckTikTokConnectionResponse,
  type TikTokConnectionsResponse,
} from '@whathead/contracts';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';
import { tiktokPath } from './get-tiktok-connections';

/**
 * `POST …/tiktok/connections/:connectionId/check`: asks TikTok now and refreshes the accounts.
 * Answers the connections as they are now and what the check changed (empty: nothing).
 */
export function checkTikTokConnection(
  workspaceId: string,
  connectionId: string,
): Promise<CheckTikTokConnectionResponse> {
  return api.post(
    `${tiktokPath(workspaceId)}/connections/${encodeURIComponent(connectionId)}/check`,
    {},
    checkTikTokConnectionResponseSchema,
  );
}

export function useCheckTikTokConnection(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (connectionId: string) => checkTikTokConnection(workspaceId, connectionId),
    onSuccess: ({ changes: _changes, ...connections }) => {
      queryClient.setQueryData<TikTokConnectionsResponse>(
        queryKeys.tiktokConnections(workspaceId),
        connections,
      );
      return queryClient.invalidateQueries({ queryKey: queryKeys.tiktokAudit(workspaceId) });
    },
  });
}
