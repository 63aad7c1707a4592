import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  createInvitationResponseSchema,
  type CreateInvitationInput,
  type CreateInvitationResponse,
} from '@whathead/contracts';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

/**
 * `POST /api/workspaces/:workspaceId/invitations` (owners and admins): answers with the invite
 * link, which the inviter copies and passes on themselves: invitations are not emailed.
 */
export function createInvitation(
  workspaceId: string,
  input: CreateInvitationInput,
): Promise<CreateInvitationResponse> {
  return api.post(
    `/workspaces/${encodeURIComponent(workspaceId)}/invitations`,
    input,
    createInvitationResponseSchema,
  );
}

export function useCreateInvitation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateInvitationInput) => createInvitation(workspaceId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.members(workspaceId) }),
  });
}
