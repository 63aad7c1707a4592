import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';
import { tiktokPath } from './get-tiktok-connections';

/** `DELETE …/tiktok/connections/:connectionId`: revokes Whathead's access at TikTok. */
export function disconnectTikTokConnection(workspaceId: string, connectionId: string): Promise<void> {
  return api.delete(`${tiktokPath(workspaceId)}/connections/${encodeURIComponent(connectionId)}`);
}

export function useDisconnectTikTokConnection(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (connectionId: string) => disconnectTikTokConnection(workspaceId, connectionId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.tiktokConnections(workspaceId) }),
  });
}
