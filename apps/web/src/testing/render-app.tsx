import type { SessionResponse } from '@whathead/contracts';
import { render, waitFor } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from '../app/router-provider';
import { AppProvider } from '../app/provider';
import { appRoutes } from '../app/router';
import { queryClient } from '../lib/query-client';
import { queryKeys } from '../lib/query-keys';

/**
 * Renders the whole app at `path` with `session` already in the cache, and resolves once the root
 * loader has run and the first page is on screen.
 */
export async function renderApp(path: string, session: SessionResponse) {
  queryClient.setQueryData(queryKeys.session, session);
  const router = createMemoryRouter(appRoutes(queryClient), { initialEntries: [path] });
  const view = render(
    <AppProvider>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  await waitFor(() => {
    if (!router.state.initialized) throw new Error('The router is still loading.');
  });
  return { ...view, router };
}
