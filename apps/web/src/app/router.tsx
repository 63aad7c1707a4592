import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { FullPageLoading } from '../components/layout/full-page-status';
import { homePath } from '../lib/redirect-target';
import { sessionQueryOptions } from '../lib/session';
import { AppShell } from './routes/app-shell';
import { NotFoundRoute } from './routes/not-found-route';
import { RequireGuest } from './routes/require-guest';
import { RequireUser } from './routes/require-user';
import { RootRoute } from './routes/root-route';
import { RouteError } from './routes/route-error';

/**
 * A route whose page is fetched the first time it is visited, so each page is its own chunk and
 * the first load carries only the shell. The router waits for it like for a loader: the previous
 * page stays until it arrives (see PageLoadingStatus), and at start the loading screen shows.
 */
function page(load: () => Promise<ComponentType>): () => Promise<{ Component: ComponentType }> {
  return async () => ({ Component: await load() });
}

/**
 * Settings carries the workspace and account sections other features provide; they arrive in the
 * same round trip.
 */
async function settingsRoute(): Promise<Pick<RouteObject, 'element'>> {
  const [{ SettingsPage }, { AccountSection }, { SessionsSection }, { GuardrailsSection }] =
    await Promise.all([
      import('../features/members/components/settings-page'),
      import('../features/account/components/account-section'),
      import('../features/sessions/components/sessions-section'),
      import('../features/builder/components/guardrails/guardrails-section'),
    ]);
  return {
    element: (
      <SettingsPage
        workspaceSections={<GuardrailsSection />}
        accountSections={
          <>
            <AccountSection />
            <SessionsSection />
          </>
        }
      />
    ),
  };
}

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
            {
              path: 'login',
              lazy: page(async () => (await import('../features/auth/components/log-in-page')).LogInPage),
            },
            {
              path: 'signup',
              lazy: page(async () => (await import('../features/auth/components/sign-up-page')).SignUpPage),
            },
          ],
        },
        // Open to a logged-in user too: changing the password asks for the current one, which a
        // user kept logged in for weeks may no longer know.
        {
          path: 'forgot-password',
          lazy: page(
            async () => (await import('../features/auth/components/forgot-password-page')).ForgotPasswordPage,
          ),
        },
        {
          path: 'invite/:token',
          lazy: page(async () => (await import('./routes/invitation-route')).InvitationRoute),
        },
        // The link of a reset mail works whoever is logged in here: the reset ends every session.
        {
          path: 'reset-password/:token',
          lazy: page(
            async () => (await import('../features/auth/components/reset-password-page')).ResetPasswordPage,
          ),
        },
        // The TikTok callback's clean landing page: in the popup it reports back and closes.
        {
          path: 'integrations/tiktok/done',
          lazy: page(
            async () =>
              (await import('../features/integrations/components/tiktok-callback-page')).TikTokCallbackPage,
          ),
        },
        {
          element: <RequireUser />,
          children: [
            {
              element: <AppShell />,
              children: [
                { index: true, element: <Navigate to={homePath} replace /> },
                {
                  path: 'campaigns',
                  lazy: page(
                    async () =>
                      (await import('../features/campaigns/components/campaigns-page')).CampaignsPage,
                  ),
                },
                {
                  path: 'campaigns/drafts',
                  lazy: page(
                    async () => (await import('../features/builder/components/drafts-page')).DraftsPage,
                  ),
                },
                {
                  path: 'campaigns/publishes',
                  lazy: page(
                    async () =>
                      (await import('../features/builder/components/publish/publishes-page')).PublishesPage,
                  ),
                },
                {
                  path: 'campaigns/drafts/:draftId',
                  lazy: page(
                    async () => (await import('../features/builder/components/builder-page')).BuilderPage,
                  ),
                },
                {
                  path: 'media',
                  lazy: page(async () => (await import('../features/media/components/media-page')).MediaPage),
                },
                {
                  path: 'reports',
                  lazy: page(
                    async () => (await import('../features/reports/components/reports-page')).ReportsPage,
                  ),
                },
                {
                  path: 'integrations',
                  lazy: page(
                    async () =>
                      (await import('../features/integrations/components/integrations-page'))
                        .IntegrationsPage,
                  ),
                },
                { path: 'settings', lazy: settingsRoute },
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
