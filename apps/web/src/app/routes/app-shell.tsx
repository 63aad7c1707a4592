import { useEffect, useRef, type ReactNode } from 'react';
import { Link, Outlet, useLocation, useNavigationType } from 'react-router';
import { Brand } from '../../components/layout/brand';
import { ShellLayout } from '../../components/layout/shell-layout';
import { Avatar } from '../../components/ui/avatar';
import { LogOutButton } from '../../features/auth/components/log-out-button';
import { TikTokAttentionNotice } from '../../features/tiktok-attention/components/tiktok-attention-notice';
import { CreateWorkspaceDialog } from '../../features/workspaces/components/create-workspace-dialog';
import { FirstWorkspace } from '../../features/workspaces/components/first-workspace';
import { WorkspaceSwitcher } from '../../features/workspaces/components/workspace-switcher';
import { homePath } from '../../lib/redirect-target';
import { useActiveWorkspace, useSession } from '../../lib/session';
import { MainNavigation } from './main-navigation';

/** The logged-in frame. Renders its child route, or `children` when used outside the route tree. */
export function AppShell({ children }: { children?: ReactNode }) {
  const { user } = useSession();
  const workspace = useActiveWorkspace();
  const { pathname } = useLocation();
  useFocusMainOnNavigation();

  const topBar = (
    <>
      <Link to={homePath} className="top-bar__brand">
        <Brand />
      </Link>
      {workspace && (
        <div className="top-bar__workspace">
          <WorkspaceSwitcher />
          <CreateWorkspaceDialog />
        </div>
      )}
      <div className="top-bar__user">
        {user && (
          <>
            <Avatar name={user.name} />
            <span className="top-bar__user-text">
              <span className="top-bar__user-name">{user.name}</span>
              <span className="top-bar__user-email">{user.email}</span>
            </span>
          </>
        )}
        <LogOutButton />
      </div>
    </>
  );

  return (
    <ShellLayout topBar={topBar} navigation={<MainNavigation />}>
      {workspace ? (
        <>
          {/* The Integrations page shows each connection's warning on its card instead. */}
          {!pathname.startsWith('/integrations') && <TikTokAttentionNotice workspaceId={workspace.id} />}
          {children ?? <Outlet />}
        </>
      ) : (
        <FirstWorkspace />
      )}
    </ShellLayout>
  );
}

/**
 * After moving to another page, put keyboard and screen reader focus at the start of the new
 * content instead of leaving it on the link that was used, and show a new page from its top.
 * Focusing <main> must not scroll by itself: the browser would bring <main> to the very top of
 * the window, under the sticky top bar, hiding the page title and the Menu button.
 */
function useFocusMainOnNavigation(): void {
  const { pathname } = useLocation();
  const navigationType = useNavigationType();
  const previousPathname = useRef(pathname);
  useEffect(() => {
    if (previousPathname.current === pathname) return;
    previousPathname.current = pathname;
    document.getElementById('main')?.focus({ preventScroll: true });
    // Back and Forward keep the position the router restores.
    if (navigationType !== 'POP') window.scrollTo(0, 0);
  }, [pathname, navigationType]);
}
