import { Navigate, Outlet, useSearchParams } from 'react-router';
import { redirectTarget } from '../../lib/redirect-target';
import { useSession } from '../../lib/session';

/** The log-in and sign-up pages are for visitors; a logged-in user goes where they were headed. */
export function RequireGuest() {
  const { user } = useSession();
  const [searchParams] = useSearchParams();
  if (user) return <Navigate to={redirectTarget(searchParams.get('next'))} replace />;
  return <Outlet />;
}
