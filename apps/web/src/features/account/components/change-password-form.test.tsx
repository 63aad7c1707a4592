import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { signedInSession, workspaceIds } from '../../../testing/fixtures';
import { errorResponse, jsonResponse, mockApi } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';

const settingsApi = {
  [`GET /api/workspaces/${workspaceIds.acme}/members`]: () => jsonResponse({ members: [], invitations: [] }),
};

function messagesOf(input: HTMLElement): string {
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

async function openAccountSection() {
  const section = await screen.findByRole('region', { name: 'Your account' });
  const fill = (label: string, value: string) =>
    fireEvent.change(within(section).getByLabelText(label), { target: { value } });
  return { section, fill };
}

describe('change password, on the Settings page', () => {
  it('changes it, says so in a live region that was waiting, and recounts the other sessions', async () => {
    let others = 2;
    const { requests } = mockApi({
      ...settingsApi,
      'GET /api/session/others': () => jsonResponse({ count: others }),
      'PUT /api/account/password': () => {
        others = 0;
        return jsonResponse({ otherSessionsEnded: 2 });
      },
    });
    await renderApp('/settings', signedInSession());
    const { section, fill } = await openAccountSection();
    const status = within(section).getByRole('status');
    expect(status.textContent).toBe('');

    fill('Current password', 'the old password');
    fill('New password', 'a brand new password');
    fireEvent.click(within(section).getByRole('button', { name: 'Change password' }));

    await waitFor(() =>
      expect(status.textContent).toBe(
        'Your password has been changed. Logged out 2 other sessions; this browser stays logged in.',
      ),
    );
    const change = requests.find((request) => request.path === '/api/account/password');
    expect(change?.method).toBe('PUT');
    expect(change?.body).toEqual({
      currentPassword: 'the old password',
      newPassword: 'a brand new password',
    });
    expect(change?.headers.get('x-csrf-token')).toBe('signed-in-token');
    expect((within(section).getByLabelText('New password') as HTMLInputElement).value).toBe('');
    const sessions = screen.getByRole('region', { name: 'Your sessions' });
    expect(await within(sessions).findByText('You’re logged in only here.')).toBeTruthy();
  });

  it('shows a wrong current password at its field, and clears it once the field changes', async () => {
    mockApi({
      ...settingsApi,
      'GET /api/session/others': () => jsonResponse({ count: 0 }),
      'PUT /api/account/password': () =>
        errorResponse(400, 'validation_failed', {
          issues: [{ path: 'currentPassword', message: 'That isn’t your current password.' }],
        }),
    });
    await renderApp('/settings', signedInSession());
    const { section, fill } = await openAccountSection();

    fill('Current password', 'a wrong guess');
    fill('New password', 'a brand new password');
    fireEvent.click(within(section).getByRole('button', { name: 'Change password' }));

    const current = within(section).getByLabelText('Current password');
    await waitFor(() => expect(messagesOf(current)).toContain('That isn’t your current password.'));
    expect(current.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(current);
    expect(within(section).queryByText(/Some details need another look/)).toBeNull();
    fill('Current password', 'the old password');
    expect(current.hasAttribute('aria-invalid')).toBe(false);
  });

  it('says how long to wait after too many wrong current passwords', async () => {
    mockApi({
      ...settingsApi,
      'GET /api/session/others': () => jsonResponse({ count: 0 }),
      'PUT /api/account/password': () => errorResponse(429, 'too_many_attempts', { retryAfterSeconds: 600 }),
    });
    await renderApp('/settings', signedInSession());
    const { section, fill } = await openAccountSection();

    fill('Current password', 'the old password');
    fill('New password', 'a brand new password');
    fireEvent.click(within(section).getByRole('button', { name: 'Change password' }));

    expect((await within(section).findByRole('alert')).textContent).toContain('Try again in 10 minutes.');
  });

  it('checks the new password with the sign-up rules before asking the server', async () => {
    const { requests } = mockApi({
      ...settingsApi,
      'GET /api/session/others': () => jsonResponse({ count: 0 }),
    });
    await renderApp('/settings', signedInSession());
    const { section, fill } = await openAccountSection();

    fill('Current password', 'the old password');
    fill('New password', 'qwertyuiopas');
    fireEvent.click(within(section).getByRole('button', { name: 'Change password' }));

    const field = within(section).getByLabelText('New password');
    await waitFor(() => expect(messagesOf(field)).toContain('one of the most common passwords'));
    expect(requests.some((request) => request.path === '/api/account/password')).toBe(false);
  });

  it('shows either password on request, each with its own toggle', async () => {
    mockApi({ ...settingsApi, 'GET /api/session/others': () => jsonResponse({ count: 0 }) });
    await renderApp('/settings', signedInSession());
    const { section } = await openAccountSection();

    const toggle = within(section).getByRole('button', { name: 'Show current password' });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect((within(section).getByLabelText('Current password') as HTMLInputElement).type).toBe('text');
    expect((within(section).getByLabelText('New password') as HTMLInputElement).type).toBe('password');
    expect(within(section).getByRole('button', { name: 'Show new password' })).toBeTruthy();
  });

  it('offers a reset link to a user who no longer knows the current password', async () => {
    mockApi({ ...settingsApi, 'GET /api/session/others': () => jsonResponse({ count: 0 }) });
    const { router } = await renderApp('/settings', signedInSession());
    const { section } = await openAccountSection();

    fireEvent.click(within(section).getByRole('link', { name: 'Forgot your current password?' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Reset your password' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/forgot-password');
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('ada@example.com');
    expect(screen.queryByText(/Remembered it/)).toBeNull();
  });
});
