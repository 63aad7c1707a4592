import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { draftQueryKeys, draftsPath } from './draft-query-keys';

/** `DELETE /api/workspaces/:workspaceId/drafts/:draftId`: the draft only; nothing at TikTok changes. */
export function deleteDraft(workspaceId: string, draftId: string): Promise<void> {
  return api.delete(draftsPath(workspaceId, draftId));
}

export function useDeleteDraft(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (draftId: string) => deleteDraft(workspaceId, draftId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: draftQueryKeys.list(workspaceId) }),
  });
}
