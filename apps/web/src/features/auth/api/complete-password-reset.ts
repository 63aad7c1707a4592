import { useMutation } from '@tanstack/react-query';
import {
  sessionResponseSchema,
  type CompletePasswordResetInput,
  type SessionResponse,
} from '@whathead/contracts';
import { useNavigate } from 'react-router';
import { api } from '../../../lib/api';
import type { AuthPageState } from '../../../lib/auth-page-state';
import { useApplySession } from '../../../lib/session';

/**
 * `POST /api/auth/password-resets/:token`: sets the new password. Every session of the account
 * ends, this browser's too, so the answer is an anonymous session.
 */
export function completePasswordReset(
  token: string,
  input: CompletePasswordResetInput,
): Promise<SessionResponse> {
  return api.post(`/auth/password-resets/${encodeURIComponent(token)}`, input, sessionResponseSchema);
}

/** Sets the new password, then goes to the log-in page to use it. */
export function useCompletePasswordReset({ token, email }: { token: string; email: string }) {
  const applySession = useApplySession();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (input: CompletePasswordResetInput) => completePasswordReset(token, input),
    onSuccess: (session) => {
      applySession(session);
      // The log-in page says so and fills in the email.
      const state: AuthPageState = { email, reason: 'password-reset' };
      void navigate('/login', { replace: true, state });
    },
  });
}
