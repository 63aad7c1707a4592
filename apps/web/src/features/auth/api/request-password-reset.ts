import { useMutation } from '@tanstack/react-query';
import type { RequestPasswordResetInput } from '@whathead/contracts';
import { api } from '../../../lib/api';

/**
 * `POST /api/auth/password-resets`: mails a reset link when the email has an account. The answer
 * is the same either way, so the page can only say where the link went if there is an account.
 */
export function requestPasswordReset(input: RequestPasswordResetInput): Promise<void> {
  return api.post('/auth/password-resets', input);
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}
