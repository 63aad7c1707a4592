import { Navigate, Outlet, useNavigation, useSearchParams } from 'react-router';
import { redirectTarget } from '../../lib/redirect-target';
import { useSession } from '../../lib/session';

/**
 * The log-in and sign-up pages are for visitors; a logged-in user goes where they were headed.
 * Right after logging in the form has already sent the user on, and that page's code may still be
 * on its way (router.tsx): the form stays until it arrives.
 */
export function RequireGuest() {
  const { user } = useSession();
  const [searchParams] = useSearchParams();
  const isNavigating = useNavigation().state !== 'idle';
  if (user && isNavigating) return <Outlet />;
  if (user) return <Navigate to={redirectTarget(searchParams.get('next'))} replace />;
  return <Outlet />;
}
