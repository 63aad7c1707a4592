import { queryOptions, useQuery } from '@tanstack/react-query';
import { invitationPreviewSchema, type InvitationPreview } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

/**
 * `GET /api/invitations/:token` (public): who invited whom to which workspace. Answers 404
 * `invitation_invalid` for a token that is unknown, expired, revoked or used.
 */
export function getInvitationPreview(
  token: string,
  options?: { signal?: AbortSignal },
): Promise<InvitationPreview> {
  return api.get(`/invitations/${encodeURIComponent(token)}`, invitationPreviewSchema, options);
}

export function invitationPreviewQueryOptions(token: string) {
  return queryOptions({
    queryKey: queryKeys.invitationPreview(token),
    queryFn: ({ signal }) => getInvitationPreview(token, { signal }),
  });
}

export function useInvitationPreview(token: string) {
  return useQuery(invitationPreviewQueryOptions(token));
}
