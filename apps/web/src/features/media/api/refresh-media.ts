import { useMutation, useQueryClient } from '@tanstack/react-query';
import { mediaAccountsResponseSchema, type MediaAccountsResponse } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

/** `POST /api/workspaces/:workspaceId/media/refresh`: reads these accounts' libraries from TikTok again (202). */
export function refreshMedia(
  workspaceId: string,
  advertiserIds: readonly string[],
): Promise<MediaAccountsResponse> {
  return api.post(
    `/workspaces/${encodeURIComponent(workspaceId)}/media/refresh`,
    { advertiserIds },
    mediaAccountsResponseSchema,
  );
}

export function useRefreshMedia(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (advertiserIds: readonly string[]) => refreshMedia(workspaceId, advertiserIds),
    // The answer says the accounts are queued, which starts the accounts' polling.
    onSuccess: (answer) => queryClient.setQueryData(queryKeys.mediaAccounts(workspaceId), answer),
  });
}
