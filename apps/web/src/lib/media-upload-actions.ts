import { useMutation, useQueryClient } from '@tanstack/react-query';
import { mediaBatchSchema, type CreateMediaBatchInput, type MediaBatch } from '@whathead/contracts';
import { api } from './api';
import { isBatchUnfinished, refreshAfterUploads } from './media-batches';
import { queryKeys } from './query-keys';

const uploadsPath = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}/media/uploads`;

/** `POST /api/workspaces/:workspaceId/media/uploads`: uploads each checked file to each account (201). */
export function createMediaBatch(workspaceId: string, input: CreateMediaBatchInput): Promise<MediaBatch> {
  return api.post(uploadsPath(workspaceId), input, mediaBatchSchema);
}

/** `POST /api/workspaces/:workspaceId/media/uploads/:batchId/retry`: queues the batch's failed uploads again. */
export function retryMediaBatch(workspaceId: string, batchId: string): Promise<MediaBatch> {
  return api.post(`${uploadsPath(workspaceId)}/${encodeURIComponent(batchId)}/retry`, {}, mediaBatchSchema);
}

/** The answer is the batch as it now stands: shown at once, and polled from there. */
function useBatchAnswer(workspaceId: string) {
  const queryClient = useQueryClient();
  return (batch: MediaBatch) => {
    queryClient.setQueryData(queryKeys.mediaBatch(workspaceId, batch.batchId), batch);
    void queryClient.invalidateQueries({ queryKey: queryKeys.mediaBatches(workspaceId) });
  };
}

export function useCreateMediaBatch(workspaceId: string) {
  const queryClient = useQueryClient();
  const showBatch = useBatchAnswer(workspaceId);
  return useMutation({
    mutationFn: (input: CreateMediaBatchInput) => createMediaBatch(workspaceId, input),
    onSuccess: (batch) => {
      showBatch(batch);
      // Every file already in its accounts (reused): the batch is born finished, so no poll will
      // see it finish, and the library is read again now.
      if (!isBatchUnfinished(batch)) void refreshAfterUploads(queryClient, workspaceId);
    },
  });
}

export function useRetryMediaBatch(workspaceId: string) {
  const showBatch = useBatchAnswer(workspaceId);
  return useMutation({
    mutationFn: (batchId: string) => retryMediaBatch(workspaceId, batchId),
    onSuccess: showBatch,
  });
}
