import { useQuery } from '@tanstack/react-query';
import { publishPreviewSchema, type PublishPreview } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { draftsPath } from './draft-query-keys';
import { publishQueryKeys } from './publish-query-keys';

/**
 * `POST /api/workspaces/:workspaceId/drafts/:draftId/preview`: what publishing the saved `version`
 * would do, checked on the server. A newer version on the server answers 409 draft_conflict.
 */
export function previewPublish(
  workspaceId: string,
  draftId: string,
  version: number,
): Promise<PublishPreview> {
  return api.post(`${draftsPath(workspaceId, draftId)}/preview`, { version }, publishPreviewSchema);
}

/**
 * A read, though sent as a POST: asked afresh each time the preview opens (TikTok's side or the
 * guardrails may have changed since), and never kept once the preview closes.
 */
export function usePublishPreview(workspaceId: string, draftId: string, version: number) {
  return useQuery({
    queryKey: publishQueryKeys.preview(workspaceId, draftId, version),
    queryFn: () => previewPublish(workspaceId, draftId, version),
    staleTime: 0,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
}
