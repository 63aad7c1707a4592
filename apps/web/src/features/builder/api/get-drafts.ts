import { useQuery } from '@tanstack/react-query';
import { draftListResponseSchema, type DraftListResponse } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { draftQueryKeys, draftsPath } from './draft-query-keys';

/** While a draft is being published, ask this often whether it has finished. */
export const publishingPollMilliseconds = 3000;

/** `GET /api/workspaces/:workspaceId/drafts`: every draft of the workspace, latest edit first. */
export function getDrafts(
  workspaceId: string,
  options?: { signal?: AbortSignal },
): Promise<DraftListResponse> {
  return api.get(draftsPath(workspaceId), draftListResponseSchema, options);
}

export function useDrafts(workspaceId: string) {
  return useQuery({
    queryKey: draftQueryKeys.list(workspaceId),
    queryFn: ({ signal }) => getDrafts(workspaceId, { signal }),
    refetchInterval: (query) =>
      query.state.data?.drafts.some((draft) => draft.activePublishId) ? publishingPollMilliseconds : false,
  });
}
