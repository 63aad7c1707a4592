import { useQuery } from '@tanstack/react-query';
import { draftSchema, type Draft } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { draftQueryKeys, draftsPath } from './draft-query-keys';
import { publishingPollMilliseconds } from './get-drafts';

/** `GET /api/workspaces/:workspaceId/drafts/:draftId`: the draft with its whole document. */
export function getDraft(
  workspaceId: string,
  draftId: string,
  options?: { signal?: AbortSignal },
): Promise<Draft> {
  return api.get(draftsPath(workspaceId, draftId), draftSchema, options);
}

/**
 * The draft as the server has it. The builder edits its own copy and reads this only to start,
 * and to learn when a publish that made the draft read-only has finished (polled until then).
 */
export function useDraft(workspaceId: string, draftId: string) {
  return useQuery({
    queryKey: draftQueryKeys.draft(workspaceId, draftId),
    queryFn: ({ signal }) => getDraft(workspaceId, draftId, { signal }),
    // The builder's own copy is the truth while it is open: no refetch on focus overwrites work.
    refetchOnWindowFocus: false,
    staleTime: Infinity,
    refetchInterval: (query) => (query.state.data?.activePublishId ? publishingPollMilliseconds : false),
  });
}
