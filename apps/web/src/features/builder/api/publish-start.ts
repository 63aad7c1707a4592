import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { publishSchema, type Publish } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { draftQueryKeys, draftsPath } from './draft-query-keys';
import { publishQueryKeys } from './publish-query-keys';

/**
 * `POST /api/workspaces/:workspaceId/drafts/:draftId/publishes`: publishes the saved `version`
 * (answered 202 with the publish, queued or waiting for approval). Errors left in the draft answer
 * 422 draft_invalid with each in `details.issues`; a newer version 409 draft_conflict; a publish
 * already under way 409 draft_publishing.
 */
export function startPublish(workspaceId: string, draftId: string, version: number): Promise<Publish> {
  return api.post(`${draftsPath(workspaceId, draftId)}/publishes`, { version }, publishSchema);
}

export function useStartPublish(workspaceId: string, draftId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => startPublish(workspaceId, draftId, version),
    onSuccess: (publish) => {
      queryClient.setQueryData(publishQueryKeys.publish(workspaceId, publish.id), publish);
      void refreshPublishedDraft(queryClient, workspaceId, draftId);
    },
  });
}

/**
 * Reads the draft and the lists again when a publish starts or ends. From its start the draft is
 * read-only, which the builder learns from the draft (then polled until the publish is over); at
 * its end the draft holds TikTok's ids in a new version, which the builder opens.
 */
export function refreshPublishedDraft(queryClient: QueryClient, workspaceId: string, draftId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: draftQueryKeys.draft(workspaceId, draftId) }),
    queryClient.invalidateQueries({ queryKey: draftQueryKeys.list(workspaceId) }),
    queryClient.invalidateQueries({ queryKey: publishQueryKeys.list(workspaceId) }),
  ]);
}
