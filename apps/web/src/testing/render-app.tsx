import type { SessionResponse } from '@whathead/contracts';
import { render, waitFor } from '@testing-library/react';
import { useLayoutEffect } from 'react';
import { createMemoryRouter, type RouteObject } from 'react-router';
import { RouterProvider } from '../app/router-provider';
import { AppProvider } from '../app/provider';
import { appRoutes } from '../app/router';
import { queryClient } from '../lib/query-client';
import { queryKeys } from '../lib/query-keys';

/**
 * Counts how many hydrate fallbacks (the "Loading Whathead…" screen shown while the root loader
 * runs) are mounted. Telling it apart by its mounting, not its text, keeps pages that show the
 * same loading screen as their own content (the TikTok callback page) renderable.
 */
let mountedFallbacks = 0;

function FallbackProbe() {
  useLayoutEffect(() => {
    mountedFallbacks += 1;
    return () => {
      mountedFallbacks -= 1;
    };
  }, []);
  return null;
}

function withFallbackProbe(routes: RouteObject[]): RouteObject[] {
  return routes.map((route) =>
    route.hydrateFallbackElement === undefined
      ? route
      : {
          ...route,
          hydrateFallbackElement: (
            <>
              {route.hydrateFallbackElement}
              <FallbackProbe />
            </>
          ),
        },
  );
}

/**
 * Renders the whole app at `path` with `session` already in the cache, and resolves once the
 * root loader has run and the route's page (not the loading screen) is on screen. React commits
 * the router's new state in a transition, so an initialised router alone does not mean the page
 * is in the DOM yet; on a busy machine the gap is long enough for a `getBy…` to miss.
 */
export async function renderApp(path: string, session: SessionResponse) {
  queryClient.setQueryData(queryKeys.session, session);
  const router = createMemoryRouter(withFallbackProbe(appRoutes(queryClient)), { initialEntries: [path] });
  const view = render(
    <AppProvider>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  await waitFor(() => {
    if (!router.state.initialized) throw new Error('The router is still loading.');
    if (router.state.navigation.state !== 'idle') throw new Error('The router is still navigating.');
    if (mountedFallbacks > 0) throw new Error('The loading screen is still on screen.');
    if (view.container.childElementCount === 0) throw new Error('Nothing is rendered yet.');
  });
  return { ...view, router };
}
