import { useQuery, useQueryClient } from '@tanstack/react-query';
import { publishSchema, type Publish, type PublishState } from '@whathead/contracts';
import { useEffect } from 'react';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';
import { publishesPath, publishQueryKeys } from './publish-query-keys';

/** While TikTok is being written to, each item moves within seconds: follow it closely. */
export const runningPollMilliseconds = 1000;
/** A publish waiting for a reconnect or a reviewer can wait for hours: ask now and then. */
export const waitingPollMilliseconds = 5000;

const finishedStates: readonly PublishState[] = ['succeeded', 'failed', 'rejected'];

export const isPublishFinished = (state: PublishState) => finishedStates.includes(state);

/** How often to read a publish in this state again; false once it has finished. */
export function publishPollMilliseconds(state: PublishState): number | false {
  if (state === 'queued' || state === 'running') return runningPollMilliseconds;
  return isPublishFinished(state) ? false : waitingPollMilliseconds;
}

/** `GET /api/workspaces/:workspaceId/publishes/:publishId`: the publish with each item's state. */
export function getPublish(
  workspaceId: string,
  publishId: string,
  options?: { signal?: AbortSignal },
): Promise<Publish> {
  return api.get(publishesPath(workspaceId, publishId), publishSchema, options);
}

/**
 * The publish, read again until it has finished. A publish blocked for a reconnect found the
 * connection broken, and the server has marked it so: the connections read earlier (the builder
 * reads them for its accounts) are read again, so Integrations, where "Reconnect in Integrations"
 * leads, shows Reconnect at once rather than "Connected" from its cache.
 */
export function usePublish(workspaceId: string, publishId: string) {
  const queryClient = useQueryClient();
  const publish = useQuery({
    queryKey: publishQueryKeys.publish(workspaceId, publishId),
    queryFn: ({ signal }) => getPublish(workspaceId, publishId, { signal }),
    refetchInterval: (query) => (query.state.data ? publishPollMilliseconds(query.state.data.state) : false),
    // Progress shows in a dialog that may sit in a background tab: keep it moving there too.
    refetchIntervalInBackground: true,
  });
  const blocked = publish.data?.state === 'blocked';
  useEffect(() => {
    if (blocked) void queryClient.invalidateQueries({ queryKey: queryKeys.tiktokConnections(workspaceId) });
  }, [blocked, queryClient, workspaceId]);
  return publish;
}
