import { useQuery } from '@tanstack/react-query';
import { publishListResponseSchema, type Publish } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { isPublishFinished, waitingPollMilliseconds } from './publish-progress';
import { publishesPath, publishQueryKeys } from './publish-query-keys';

/** A publish as the list gives it: everything but its items. */
export type PublishSummary = Omit<Publish, 'items'>;
export interface PublishListResponse {
  publishes: PublishSummary[];
}

/** `GET /api/workspaces/:workspaceId/publishes`: the latest publishes, newest first, without items. */
export function getPublishes(
  workspaceId: string,
  options?: { signal?: AbortSignal },
): Promise<PublishListResponse> {
  return api.get(publishesPath(workspaceId), publishListResponseSchema, options);
}

export function usePublishes(workspaceId: string) {
  return useQuery({
    queryKey: publishQueryKeys.list(workspaceId),
    queryFn: ({ signal }) => getPublishes(workspaceId, { signal }),
    refetchInterval: (query) =>
      query.state.data?.publishes.some((publish) => !isPublishFinished(publish.state))
        ? waitingPollMilliseconds
        : false,
  });
}
