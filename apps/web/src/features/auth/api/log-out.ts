import { useMutation } from '@tanstack/react-query';
import type { SessionResponse } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { getSession, useApplySession } from '../../../lib/session';

/**
 * `POST /api/auth/logout`, then `GET /api/session`: logging out rotates the CSRF token, so the
 * anonymous session is fetched at once for the next request to carry the new one.
 */
export async function logOut(): Promise<SessionResponse> {
  await api.post('/auth/logout');
  return getSession();
}

/** Logs out, then shows `destination`: the log-in page unless the caller has a better place. */
export function useLogOut({ destination = '/login' }: { destination?: string } = {}) {
  const applySession = useApplySession();
  return useMutation({
    mutationFn: logOut,
    onSuccess: (session) => applySession(session, destination),
  });
}
