import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { signedInSession, workspaceIds } from '../../../testing/fixtures';
import { errorResponse, jsonResponse, mockApi } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';

const members = {
  [`GET /api/workspaces/${workspaceIds.acme}/members`]: () => jsonResponse({ members: [], invitations: [] }),
};

describe('log out other sessions, on the Settings page', () => {
  it('says how many other sessions there are, ends them, and says how many ended', async () => {
    let others = 2;
    const { requests } = mockApi({
      ...members,
      'GET /api/session/others': () => jsonResponse({ count: others }),
      'POST /api/session/others/end': () => {
        const ended = others;
        others = 0;
        return jsonResponse({ ended });
      },
    });
    await renderApp('/settings', signedInSession());

    const section = await screen.findByRole('region', { name: 'Your sessions' });
    expect(
      await within(section).findByText('You’re also logged in on 2 other browsers or devices.'),
    ).toBeTruthy();
    // The live region is there, empty, before the news: screen readers announce what arrives in it.
    const status = within(section).getByRole('status');
    expect(status.textContent).toBe('');
    const button = within(section).getByRole('button', { name: 'Log out other sessions' });
    button.focus();
    fireEvent.click(button);

    await waitFor(() =>
      expect(status.textContent).toBe('Logged out 2 other sessions. This browser stays logged in.'),
    );
    expect(await within(section).findByText('You’re logged in only here.')).toBeTruthy();
    await waitFor(() => expect(button.getAttribute('aria-disabled')).toBe('true'));
    expect(document.activeElement, 'the focus stays on the button').toBe(button);
    const ending = requests.find((request) => request.path === '/api/session/others/end');
    expect(ending?.headers.get('x-csrf-token')).toBe('signed-in-token');
  });

  it('shows why ending the other sessions failed', async () => {
    mockApi({
      ...members,
      'GET /api/session/others': () => jsonResponse({ count: 1 }),
      'POST /api/session/others/end': () => errorResponse(503, 'server_busy', { retryAfterSeconds: 5 }),
    });
    await renderApp('/settings', signedInSession());

    const section = await screen.findByRole('region', { name: 'Your sessions' });
    expect(
      await within(section).findByText('You’re also logged in on 1 other browser or device.'),
    ).toBeTruthy();
    fireEvent.click(within(section).getByRole('button', { name: 'Log out other sessions' }));

    expect((await within(section).findByRole('alert')).textContent).toContain(
      'Whathead is busy right now. Try again in 5 seconds.',
    );
  });

  it('has nothing to log out when this is the only session, and says so', async () => {
    const { requests } = mockApi({ ...members, 'GET /api/session/others': () => jsonResponse({ count: 0 }) });
    await renderApp('/settings', signedInSession());

    const section = await screen.findByRole('region', { name: 'Your sessions' });
    expect(await within(section).findByText('You’re logged in only here.')).toBeTruthy();
    const button = within(section).getByRole('button', { name: 'Log out other sessions' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(button);
    expect(requests.some((request) => request.path === '/api/session/others/end')).toBe(false);
  });
});
