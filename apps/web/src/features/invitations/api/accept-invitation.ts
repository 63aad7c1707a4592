import { useMutation } from '@tanstack/react-query';
import { sessionResponseSchema, type SessionResponse } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { homePath } from '../../../lib/redirect-target';
import { useApplySession } from '../../../lib/session';

/**
 * `POST /api/invitations/:token/accept`: the logged-in user joins the workspace, which becomes
 * active. The user's email must be the invited one (`invitation_email_mismatch` otherwise).
 */
export function acceptInvitation(token: string): Promise<SessionResponse> {
  return api.post(`/invitations/${encodeURIComponent(token)}/accept`, {}, sessionResponseSchema);
}

export function useAcceptInvitation(token: string) {
  const applySession = useApplySession();
  return useMutation({
    mutationFn: () => acceptInvitation(token),
    onSuccess: (session) => applySession(session, homePath),
  });
}
