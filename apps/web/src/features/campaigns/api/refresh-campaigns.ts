import { useMutation, useQueryClient } from '@tanstack/react-query';
import { campaignSyncResponseSchema, type CampaignSyncResponse } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

/** `POST /api/workspaces/:workspaceId/campaigns/refresh`: syncs every selected ad account now (202). */
export function refreshCampaigns(workspaceId: string): Promise<CampaignSyncResponse> {
  return api.post(
    `/workspaces/${encodeURIComponent(workspaceId)}/campaigns/refresh`,
    {},
    campaignSyncResponseSchema,
  );
}

export function useRefreshCampaigns(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => refreshCampaigns(workspaceId),
    // The answer says the accounts are queued, which starts the sync state's polling.
    onSuccess: (sync) => queryClient.setQueryData(queryKeys.campaignSync(workspaceId), sync),
  });
}
