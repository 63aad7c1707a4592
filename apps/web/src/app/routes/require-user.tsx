import { Navigate, Outlet, useLocation } from 'react-router';
import { logInPath } from '../../lib/redirect-target';
import { useSession } from '../../lib/session';

/** Sends visitors who are not logged in to the log-in page, which brings them back afterwards. */
export function RequireUser() {
  const { user } = useSession();
  const location = useLocation();
  if (!user) return <Navigate to={logInPath(`${location.pathname}${location.search}`)} replace />;
  return <Outlet />;
}
