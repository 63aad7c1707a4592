import { useMutation } from '@tanstack/react-query';
import { sessionResponseSchema, type SessionResponse, type SignUpInput } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { useApplySession } from '../../../lib/session';

/**
 * `POST /api/auth/signup`: creates the account and logs it in. With a workspace name it also
 * creates that workspace; with an invitation token it joins the inviting workspace instead.
 */
export function signUp(input: SignUpInput): Promise<SessionResponse> {
  return api.post('/auth/signup', input, sessionResponseSchema);
}

export function useSignUp({ destination }: { destination: string }) {
  const applySession = useApplySession();
  return useMutation({
    mutationFn: signUp,
    onSuccess: (session) => applySession(session, destination),
  });
}
