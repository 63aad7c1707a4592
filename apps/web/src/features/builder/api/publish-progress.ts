import { useQuery, useQueryClient } from '@tanstack/react-query';
import { publishSchema, type Publish, type PublishState } from '@whathead/contracts';
import { useEffect, useState } from 'react';
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
 * Follows the publish's events (`GET …/publishes/:publishId/events`, server-sent) into the query's
 * cache until it has finished: each change arrives as it happens. The browser's EventSource opens
 * the stream again after a drop, and after the 5 s the server names once a publish waits for a
 * person. Says whether the stream is open; without EventSource (or while it is down) the query
 * polls instead.
 */
function usePublishEvents(workspaceId: string, publishId: string): boolean {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api${publishesPath(workspaceId, publishId)}/events`);
    const close = () => {
      source.close();
      setOpen(false);
    };
    source.addEventListener('open', () => setOpen(true));
    source.addEventListener('error', () => setOpen(false));
    source.addEventListener('publish', (event) => {
      const parsed = publishSchema.safeParse(JSON.parse((event as MessageEvent<string>).data));
      if (!parsed.success) return;
      queryClient.setQueryData(publishQueryKeys.publish(workspaceId, publishId), parsed.data);
      if (isPublishFinished(parsed.data.state)) close();
    });
    return close;
  }, [publishId, queryClient, workspaceId]);
  return open;
}

/**
 * The publish, followed until it has finished. A publish blocked for a reconnect found the
 * connection broken, and the server has marked it so: the connections read earlier (the builder
 * reads them for its accounts) are read again, so Integrations, where "Reconnect in Integrations"
 * leads, shows Reconnect at once rather than "Connected" from its cache.
 */
export function usePublish(workspaceId: string, publishId: string) {
  const queryClient = useQueryClient();
  const streaming = usePublishEvents(workspaceId, publishId);
  const publish = useQuery({
    queryKey: publishQueryKeys.publish(workspaceId, publishId),
    queryFn: ({ signal }) => getPublish(workspaceId, publishId, { signal }),
    refetchInterval: (query) =>
      streaming || !query.state.data ? false : publishPollMilliseconds(query.state.data.state),
    // Progress shows in a dialog that may sit in a background tab: keep it moving there too.
    refetchIntervalInBackground: true,
  });
  const blocked = publish.data?.state === 'blocked';
  useEffect(() => {
    if (blocked) void queryClient.invalidateQueries({ queryKey: queryKeys.tiktokConnections(workspaceId) });
  }, [blocked, queryClient, workspaceId]);
  return publish;
}
