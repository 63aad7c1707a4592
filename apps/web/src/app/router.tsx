import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { FullPageLoading } from '../components/layout/full-page-status';
import { AccountSection } from '../features/account/components/account-section';
import { ForgotPasswordPage } from '../features/auth/components/forgot-password-page';
import { LogInPage } from '../features/auth/components/log-in-page';
import { ResetPasswordPage } from '../features/auth/components/reset-password-page';
import { SignUpPage } from '../features/auth/components/sign-up-page';
import { CampaignsPage } from '../features/campaigns/components/campaigns-page';
import { IntegrationsPage } from '../features/integrations/components/integrations-page';
import { TikTokCallbackPage } from '../features/integrations/components/tiktok-callback-page';
import { MediaPage } from '../features/media/components/media-page';
import { SettingsPage } from '../features/members/components/settings-page';
import { ReportsPage } from '../features/reports/components/reports-page';
import { SessionsSection } from '../features/sessions/components/sessions-section';
import { homePath } from '../lib/redirect-target';
import { sessionQueryOptions } from '../lib/session';
import { AppShell } from './routes/app-shell';
import { InvitationRoute } from './routes/invitation-route';
import { NotFoundRoute } from './routes/not-found-route';
import { RequireGuest } from './routes/require-guest';
import { RequireUser } from './routes/require-user';
import { RootRoute } from './routes/root-route';
import { RouteError } from './routes/route-error';

/** Every page of the app. The root loader fetches the session first: it decides every guard and sets the CSRF cookie. */
export function appRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      id: 'root',
      element: <RootRoute />,
      loader: async () => {
        await queryClient.ensureQueryData(sessionQueryOptions());
        return null;
      },
      hydrateFallbackElement: <FullPageLoading />,
      errorElement: <RouteError />,
      children: [
        {
          element: <RequireGuest />,
          children: [
            { path: 'login', element: <LogInPage /> },
            { path: 'signup', element: <SignUpPage /> },
          ],
        },
        // Open to a logged-in user too: changing the password asks for the current one, which a
        // user kept logged in for weeks may no longer know.
        { path: 'forgot-password', element: <ForgotPasswordPage /> },
        { path: 'invite/:token', element: <InvitationRoute /> },
        // The link of a reset mail works whoever is logged in here: the reset ends every session.
        { path: 'reset-password/:token', element: <ResetPasswordPage /> },
        // The TikTok callback's clean landing page: in the popup it reports back and closes.
        { path: 'integrations/tiktok/done', element: <TikTokCallbackPage /> },
        {
          element: <RequireUser />,
          children: [
            {
              element: <AppShell />,
              children: [
                { index: true, element: <Navigate to={homePath} replace /> },
                { path: 'campaigns', element: <CampaignsPage /> },
                { path: 'media', element: <MediaPage /> },
                { path: 'reports', element: <ReportsPage /> },
                { path: 'integrations', element: <IntegrationsPage /> },
                {
                  path: 'settings',
                  element: (
                    <SettingsPage
                      accountSections={
                        <>
                          <AccountSection />
                          <SessionsSection />
                        </>
                      }
                    />
                  ),
                },
              ],
            },
          ],
        },
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ];
}

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(appRoutes(queryClient));
}
