import { useMutation, useQueryClient } from '@tanstack/react-query';
import { publishSchema, type Publish } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { draftQueryKeys } from './draft-query-keys';
import { publishesPath, publishQueryKeys } from './publish-query-keys';

/**
 * `POST /api/workspaces/:workspaceId/publishes/:publishId/reject` (owners and admins other than
 * the requester): nothing is sent, and the draft can be edited again.
 */
export function rejectPublish(workspaceId: string, publishId: string): Promise<Publish> {
  return api.post(`${publishesPath(workspaceId, publishId)}/reject`, {}, publishSchema);
}

export function useRejectPublish(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (publishId: string) => rejectPublish(workspaceId, publishId),
    onSuccess: (publish) => {
      queryClient.setQueryData(publishQueryKeys.publish(workspaceId, publish.id), publish);
      // Nothing is sent: the draft can be edited again.
      void queryClient.invalidateQueries({ queryKey: draftQueryKeys.draft(workspaceId, publish.draftId) });
      void queryClient.invalidateQueries({ queryKey: draftQueryKeys.list(workspaceId) });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: publishQueryKeys.list(workspaceId) }),
  });
}
