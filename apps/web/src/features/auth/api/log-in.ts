import { useMutation } from '@tanstack/react-query';
import { sessionResponseSchema, type LogInInput, type SessionResponse } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { useApplySession } from '../../../lib/session';

/** `POST /api/auth/login`: answers with the new session, whose CSRF token replaces the old one. */
export function logIn(input: LogInInput): Promise<SessionResponse> {
  return api.post('/auth/login', input, sessionResponseSchema);
}

/** Logs in, then continues to `destination` (the page that asked for a log-in, or the home page). */
export function useLogIn({ destination }: { destination: string }) {
  const applySession = useApplySession();
  return useMutation({
    mutationFn: logIn,
    onSuccess: (session) => applySession(session, destination),
  });
}
