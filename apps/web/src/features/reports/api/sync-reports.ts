import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  reportSyncResponseSchema,
  type ReportStatusResponse,
  type ReportSyncResponse,
} from '@whathead/contracts';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

/**
 * `POST /api/workspaces/:workspaceId/reports/sync`: reads every ad account's recent days from
 * TikTok now. The answer is the status after it, which accounts it queued, and which it left out
 * and why (already queued or syncing, synced minutes ago, or not syncing at all).
 */
export function syncReports(workspaceId: string): Promise<ReportSyncResponse> {
  return api.post(
    `/workspaces/${encodeURIComponent(workspaceId)}/reports/sync`,
    {},
    reportSyncResponseSchema,
  );
}

export function useSyncReports(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => syncReports(workspaceId),
    // The answer's status says which accounts are queued, which starts the status's polling.
    onSuccess: ({ queued: _queued, skipped: _skipped, ...status }) =>
      queryClient.setQueryData<ReportStatusResponse>(queryKeys.reportStatus(workspaceId), status),
  });
}
