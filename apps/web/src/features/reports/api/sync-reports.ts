import { useMutation, useQueryClient } from '@tanstack/react-query';
import { reportStatusResponseSchema, type ReportStatusResponse } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

/** `POST /api/workspaces/:workspaceId/reports/sync`: reads every ad account's recent days from TikTok now. */
export function syncReports(workspaceId: string): Promise<ReportStatusResponse> {
  return api.post(
    `/workspaces/${encodeURIComponent(workspaceId)}/reports/sync`,
    {},
    reportStatusResponseSchema,
  );
}

export function useSyncReports(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => syncReports(workspaceId),
    // The answer says the accounts are queued, which starts the status's polling.
    onSuccess: (status) => queryClient.setQueryData(queryKeys.reportStatus(workspaceId), status),
  });
}
