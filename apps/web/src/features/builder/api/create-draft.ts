import { useMutation, useQueryClient } from '@tanstack/react-query';
import { draftSummarySchema, type CreateDraftInput, type DraftSummary } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { draftQueryKeys, draftsPath } from './draft-query-keys';

/** `POST /api/workspaces/:workspaceId/drafts`: an empty draft, named by the server unless given a name. */
export function createDraft(workspaceId: string, input: CreateDraftInput = {}): Promise<DraftSummary> {
  return api.post(draftsPath(workspaceId), input, draftSummarySchema);
}

export function useCreateDraft(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateDraftInput = {}) => createDraft(workspaceId, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: draftQueryKeys.list(workspaceId) }),
  });
}
