import { useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigation } from 'react-router';
import type { AuthPageState } from '../../lib/auth-page-state';
import { logInPath } from '../../lib/redirect-target';
import { useSession } from '../../lib/session';

/**
 * Sends visitors who are not logged in to the log-in page, which brings them back afterwards.
 * When the user was logged in a moment ago on this page, the session ended elsewhere (logged out
 * everywhere else, a password change, expiry): any request then answers 401, the session is read
 * again (lib/query-client.ts), and the log-in page says why it is back. Logging out on purpose
 * leaves the page before this guard sees the anonymous session (lib/session.ts useApplySession);
 * when the log-in page's code is still on its way (router.tsx), the guard waits for it.
 */
export function RequireUser() {
  const { user } = useSession();
  const location = useLocation();
  const isNavigating = useNavigation().state !== 'idle';
  const [wasLoggedIn, setWasLoggedIn] = useState(user !== null);
  if (user && !wasLoggedIn) setWasLoggedIn(true);
  if (!user) {
    // Nothing of the user's may show, and the page under way decides where to go.
    if (isNavigating) return null;
    const state: AuthPageState | undefined = wasLoggedIn ? { reason: 'session-ended' } : undefined;
    return <Navigate to={logInPath(`${location.pathname}${location.search}`)} state={state} replace />;
  }
  return <Outlet />;
}
