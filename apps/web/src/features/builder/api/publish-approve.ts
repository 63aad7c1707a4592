import { useMutation, useQueryClient } from '@tanstack/react-query';
import { publishSchema, type Publish } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { publishesPath, publishQueryKeys } from './publish-query-keys';

/**
 * `POST /api/workspaces/:workspaceId/publishes/:publishId/approve` (owners and admins other than
 * the requester): the held publish is queued and goes to TikTok.
 */
export function approvePublish(workspaceId: string, publishId: string): Promise<Publish> {
  return api.post(`${publishesPath(workspaceId, publishId)}/approve`, {}, publishSchema);
}

export function useApprovePublish(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (publishId: string) => approvePublish(workspaceId, publishId),
    onSuccess: (publish) =>
      queryClient.setQueryData(publishQueryKeys.publish(workspaceId, publish.id), publish),
    onSettled: () => queryClient.invalidateQueries({ queryKey: publishQueryKeys.list(workspaceId) }),
  });
}
