import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  tiktokConnectionsResponseSchema,
  type TikTokConnectionsResponse,
  type UpdateTikTokAccountsInput,
} from '@whathead/contracts';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';
import { tiktokPath } from './get-tiktok-connections';

/** `PUT …/tiktok/connections/:connectionId/accounts`: which accounts to use, and the default. */
export function updateTikTokAccounts(
  workspaceId: string,
  connectionId: string,
  input: UpdateTikTokAccountsInput,
): Promise<TikTokConnectionsResponse> {
  return api.put(
    `${tiktokPath(workspaceId)}/connections/${encodeURIComponent(connectionId)}/accounts`,
    input,
    tiktokConnectionsResponseSchema,
  );
}

export function useUpdateTikTokAccounts(workspaceId: string, connectionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateTikTokAccountsInput) => updateTikTokAccounts(workspaceId, connectionId, input),
    onSuccess: (connections) => {
      queryClient.setQueryData(queryKeys.tiktokConnections(workspaceId), connections);
      return queryClient.invalidateQueries({ queryKey: queryKeys.tiktokAudit(workspaceId) });
    },
  });
}
