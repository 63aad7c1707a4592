import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  mediaBatchSchema,
  mediaBatchesResponseSchema,
  type MediaBatch,
  type MediaBatchesResponse,
} from '@whathead/contracts';
import { useEffect, useRef } from 'react';
import { api } from './api';
import { queryKeys } from './query-keys';

/**
 * Upload batches: one file × account matrix a person confirmed, and where each of its uploads
 * stands. Read by the upload flow (the batch it just started) and the Media page (every batch, so
 * a person can leave and come back).
 */

/** While anything of a batch moves, ask this often how far it got: uploads take seconds, not minutes. */
export const batchPollMilliseconds = 1500;

const uploadsPath = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}/media/uploads`;

/** `GET /api/workspaces/:workspaceId/media/uploads`: the latest batches, newest first, with every unfinished one. */
export function getMediaBatches(
  workspaceId: string,
  options?: { signal?: AbortSignal },
): Promise<MediaBatchesResponse> {
  return api.get(uploadsPath(workspaceId), mediaBatchesResponseSchema, options);
}

/** `GET /api/workspaces/:workspaceId/media/uploads/:batchId`: one batch, upload by upload. */
export function getMediaBatch(
  workspaceId: string,
  batchId: string,
  options?: { signal?: AbortSignal },
): Promise<MediaBatch> {
  return api.get(`${uploadsPath(workspaceId)}/${encodeURIComponent(batchId)}`, mediaBatchSchema, options);
}

/** Whether any upload of the batch is still waiting, uploading or being processed by TikTok. */
export function isBatchUnfinished(batch: MediaBatch): boolean {
  return batch.counts.queued + batch.counts.uploading + batch.counts.processing > 0;
}

export function mediaBatchesQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: queryKeys.mediaBatches(workspaceId),
    queryFn: ({ signal }) => getMediaBatches(workspaceId, { signal }),
    refetchInterval: (query) =>
      query.state.data?.batches.some(isBatchUnfinished) ? batchPollMilliseconds : false,
    // A batch started in the picker, or by a colleague, shows whenever the page opens.
    refetchOnMount: 'always',
  });
}

export function mediaBatchQueryOptions(workspaceId: string, batchId: string) {
  return queryOptions({
    queryKey: queryKeys.mediaBatch(workspaceId, batchId),
    queryFn: ({ signal }) => getMediaBatch(workspaceId, batchId, { signal }),
    refetchInterval: (query) =>
      query.state.data && isBatchUnfinished(query.state.data) ? batchPollMilliseconds : false,
  });
}

/** Every recent batch, polled while one moves; each upload that lands brings its file into the library. */
export function useMediaBatches(workspaceId: string) {
  const query = useQuery(mediaBatchesQueryOptions(workspaceId));
  useLibraryRefreshedAsUploadsLand(workspaceId, query.data?.batches);
  return query;
}

/** One batch, polled while it moves; each of its uploads that lands is read into the library. */
export function useMediaBatch(workspaceId: string, batchId: string) {
  const query = useQuery(mediaBatchQueryOptions(workspaceId, batchId));
  useLibraryRefreshedAsUploadsLand(workspaceId, query.data ? [query.data] : undefined);
  return query;
}

/**
 * Reads the libraries again whenever a poll finds more uploads ready than the last: an image is
 * ready in seconds while a video of its batch may take minutes at TikTok, and the image should not
 * wait for it to appear.
 */
function useLibraryRefreshedAsUploadsLand(workspaceId: string, batches: readonly MediaBatch[] | undefined) {
  const queryClient = useQueryClient();
  const readyBefore = useRef<ReadonlyMap<string, number> | null>(null);
  useEffect(() => {
    if (!batches) return;
    const before = readyBefore.current;
    readyBefore.current = new Map(batches.map((batch) => [batch.batchId, batch.counts.ready]));
    // The first answer is what the page opened on; the library read as it opened is as new.
    if (before === null) return;
    const landed = batches.some((batch) => batch.counts.ready > (before.get(batch.batchId) ?? 0));
    if (landed) void refreshAfterUploads(queryClient, workspaceId);
  }, [queryClient, workspaceId, batches]);
}

/** New items in the libraries, new counts on the accounts, and the batch list up to date. */
export function refreshAfterUploads(
  queryClient: ReturnType<typeof useQueryClient>,
  workspaceId: string,
): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.mediaLibraries(workspaceId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.mediaAccounts(workspaceId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.mediaBatches(workspaceId) }),
  ]);
}
