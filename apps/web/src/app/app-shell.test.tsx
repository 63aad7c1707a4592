import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import shellStyles from '../styles/shell.css?raw';
import { anonymousSession, signedInSession, workspaceIds } from '../testing/fixtures';
import { errorResponse, jsonResponse, mockApi } from '../testing/mock-api';
import { renderApp } from '../testing/render-app';

/** The shell's TikTok needs-attention notice reads the workspace's connections on every page. */
const isTikTokHealthRead = (path: string) => /^\/api\/workspaces\/[\w-]+\/tiktok\/connections$/.test(path);

describe('app shell and route guards', () => {
  it('sends a visitor who is not logged in to the log-in page, remembering the page', async () => {
    mockApi({});
    const { router } = await renderApp('/reports', anonymousSession);

    expect(await screen.findByRole('heading', { level: 1, name: 'Log in to Whathead' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe('?next=%2Freports');
    expect(router.state.location.state, 'no session ended: there was none').toBeFalsy();
  });

  it('says the session has ended when a page’s request is refused for a user who was logged in', async () => {
    const ended = () => errorResponse(401, 'unauthenticated');
    const workspace = `/api/workspaces/${workspaceIds.acme}`;
    mockApi({
      [`GET ${workspace}/members`]: ended,
      [`GET ${workspace}/tiktok/audit`]: ended,
      [`GET ${workspace}/tiktok/connections`]: ended,
      'GET /api/session/others': ended,
      'GET /api/session': () => jsonResponse({ ...anonymousSession, csrfToken: 'after-the-end' }),
    });
    const { router } = await renderApp('/settings', signedInSession());

    expect(await screen.findByRole('heading', { level: 1, name: 'Log in to Whathead' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe('?next=%2Fsettings');
    const status = screen.getByRole('status');
    await waitFor(() => expect(status.textContent).toBe('Your session has ended. Log in again.'));
  });

  it('redirects / to Campaigns and shows the navigation, workspace switcher and Log out', async () => {
    mockApi({});
    const { router } = await renderApp('/', signedInSession());

    expect(await screen.findByRole('heading', { level: 1, name: 'Campaigns' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/campaigns');
    const navigation = screen.getByRole('navigation', { name: 'Main' });
    for (const name of ['Campaigns', 'Media', 'Reports', 'Integrations', 'Settings']) {
      expect(within(navigation).getByRole('link', { name })).toBeTruthy();
    }
    const switcher = screen.getByRole('combobox', { name: 'Workspace' }) as HTMLSelectElement;
    expect(switcher.value).toBe(workspaceIds.acme);
    expect(screen.getByRole('button', { name: 'Log out' })).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Campaigns · Whathead'));
  });

  it('after a navigation, focuses <main> without scrolling it under the sticky top bar, and shows the page from its top', async () => {
    mockApi({});
    await renderApp('/campaigns', signedInSession());
    await screen.findByRole('heading', { level: 1, name: 'Campaigns' });
    const main = screen.getByRole('main');
    const focus = vi.spyOn(main, 'focus');
    const scrollTo = vi.spyOn(window, 'scrollTo');
    const navigation = screen.getByRole('navigation', { name: 'Main' });
    fireEvent.click(within(navigation).getByRole('link', { name: 'Media' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Media' })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(main));
    expect(focus).toHaveBeenCalledWith({ preventScroll: true });
    expect(scrollTo).toHaveBeenCalledWith(0, 0);
    expect(shellStyles).toMatch(/\.page-header \{\s*scroll-margin-top: calc\(var\(--top-bar-height\)/);
  });

  it('logs out to a plain log-in page and fetches the new session for its CSRF token', async () => {
    const { requests } = mockApi({
      'POST /api/auth/logout': () => new Response(null, { status: 204 }),
      'GET /api/session': () => jsonResponse({ ...anonymousSession, csrfToken: 'after-logout' }),
    });
    const { router } = await renderApp('/media', signedInSession());

    fireEvent.click(await screen.findByRole('button', { name: 'Log out' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Log in to Whathead' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe('');
    expect(router.state.location.state, 'logging out on purpose is no ended session').toBeFalsy();
    const ownRequests = requests.filter((request) => !isTikTokHealthRead(request.path));
    expect(ownRequests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /api/auth/logout',
      'GET /api/session',
    ]);
    expect(ownRequests[0]?.headers.get('x-csrf-token')).toBe('signed-in-token');
  });

  it('switches the active workspace through the select', async () => {
    const switched = { ...signedInSession(), activeWorkspaceId: workspaceIds.globex };
    const { requests } = mockApi({ 'POST /api/session/workspace': () => jsonResponse(switched) });
    await renderApp('/campaigns', signedInSession());

    fireEvent.change(await screen.findByRole('combobox', { name: 'Workspace' }), {
      target: { value: workspaceIds.globex },
    });

    await waitFor(() =>
      expect((screen.getByRole('combobox', { name: 'Workspace' }) as HTMLSelectElement).value).toBe(
        workspaceIds.globex,
      ),
    );
    const switchRequest = requests.find((request) => request.path === '/api/session/workspace');
    expect(switchRequest?.body).toEqual({ workspaceId: workspaceIds.globex });
  });

  it('shows a not-found page inside the app for an unknown address', async () => {
    mockApi({});
    await renderApp('/no-such-page', signedInSession());

    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
  });
});
