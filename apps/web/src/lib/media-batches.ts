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

/** Every recent batch, polled while one moves; each batch that finishes brings its files into the library. */
export function useMediaBatches(workspaceId: string) {
  const query = useQuery(mediaBatchesQueryOptions(workspaceId));
  useLibraryRefreshedAsBatchesFinish(workspaceId, query.data?.batches);
  return query;
}

/** One batch, polled while it moves; once it finishes, its files are read into the library. */
export function useMediaBatch(workspaceId: string, batchId: string) {
  const query = useQuery(mediaBatchQueryOptions(workspaceId, batchId));
  useLibraryRefreshedAsBatchesFinish(workspaceId, query.data ? [query.data] : undefined);
  return query;
}

function useLibraryRefreshedAsBatchesFinish(workspaceId: string, batches: readonly MediaBatch[] | undefined) {
  const queryClient = useQueryClient();
  const unfinished = useRef<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (!batches) return;
    const before = unfinished.current;
    unfinished.current = new Set(batches.filter(isBatchUnfinished).map((batch) => batch.batchId));
    const finished = batches.some(
      (batch) => before.has(batch.batchId) && !unfinished.current.has(batch.batchId),
    );
    if (finished) void refreshAfterUploads(queryClient, workspaceId);
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
