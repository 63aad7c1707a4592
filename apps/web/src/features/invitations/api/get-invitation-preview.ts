import { queryOptions, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { invitationPreviewSchema, type InvitationPreview } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';
import { useSession } from '../../../lib/session';

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

/**
 * The preview. Signing up on the invitation's page uses the invitation, and the new session clears
 * the cache (useApplySession) just before the page is left: asking again then would only get a
 * 404. So a visitor who came logged out and now has a user gets no new request; nothing else gives
 * this page a user, as logging in happens on its own page.
 */
export function useInvitationPreview(token: string) {
  const { user } = useSession();
  const [openedLoggedOut] = useState(user === null);
  const hasSignedUp = openedLoggedOut && user !== null;
  return useQuery({ ...invitationPreviewQueryOptions(token), enabled: !hasSignedUp });
}
