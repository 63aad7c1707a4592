/**
 * What a link or redirect to the log-in or forgot-password page may bring along in the router's
 * state (never in the address, so an email stays out of history and server logs): the email to
 * fill in, and why the person is there, for the page to say.
 */
export interface AuthPageState {
  email?: string;
  reason?: 'password-reset' | 'session-ended';
}

/** Reads the state defensively: history state outlives the code that wrote it. */
export function readAuthPageState(state: unknown): AuthPageState {
  if (typeof state !== 'object' || state === null) return {};
  const { email, reason } = state as Record<string, unknown>;
  return {
    email: typeof email === 'string' && email.trim() !== '' ? email.trim() : undefined,
    reason: reason === 'password-reset' || reason === 'session-ended' ? reason : undefined,
  };
}
