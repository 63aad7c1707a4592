import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { PasswordReset } from '@whathead/contracts';
import { describe, expect, it } from 'vitest';
import { anonymousSession, signedInSession } from '../../../testing/fixtures';
import { errorResponse, jsonResponse, mockApi } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';

const token = 'reset-token-from-the-mail';
const resetPath = `/api/auth/password-resets/${token}`;
const reset: PasswordReset = { email: 'ada@example.com', expiresAt: '2026-11-25T12:30:00.000Z' };

describe('reset password page', () => {
  it('sets the new password, then asks to log in with it, the email filled in', async () => {
    const { requests } = mockApi({
      [`GET ${resetPath}`]: () => jsonResponse(reset),
      [`POST ${resetPath}`]: () => jsonResponse({ ...anonymousSession, csrfToken: 'fresh-anonymous-token' }),
    });
    const { router } = await renderApp(`/reset-password/${token}`, anonymousSession);

    expect(await screen.findByRole('heading', { level: 1, name: 'Choose a new password' })).toBeTruthy();
    expect(screen.getByText('ada@example.com')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('New password'), { target: { value: 'a brand new password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set new password' }));

    const notice = await screen.findByText(/Your password has been changed/);
    expect(notice.closest('[role="status"]')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('ada@example.com');
    const sent = requests.find((request) => request.method === 'POST');
    expect(sent?.body).toEqual({ password: 'a brand new password' });
  });

  it('logs out whoever was logged in here: the log-in page follows', async () => {
    mockApi({
      [`GET ${resetPath}`]: () => jsonResponse(reset),
      [`POST ${resetPath}`]: () => jsonResponse(anonymousSession),
    });
    const { router } = await renderApp(`/reset-password/${token}`, signedInSession());

    fireEvent.change(await screen.findByLabelText('New password'), {
      target: { value: 'a brand new password' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Set new password' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Log in to Whathead' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
  });

  it('holds a too-short password back with the sign-up rule', async () => {
    const { requests } = mockApi({ [`GET ${resetPath}`]: () => jsonResponse(reset) });
    await renderApp(`/reset-password/${token}`, anonymousSession);

    fireEvent.change(await screen.findByLabelText('New password'), { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set new password' }));

    const password = screen.getByLabelText('New password');
    await waitFor(() => expect(password.getAttribute('aria-invalid')).toBe('true'));
    expect(requests.filter((request) => request.method === 'POST')).toHaveLength(0);
  });

  it('explains a used or expired link and offers a new one', async () => {
    mockApi({ [`GET ${resetPath}`]: () => errorResponse(404, 'password_reset_invalid') });
    const { router } = await renderApp(`/reset-password/${token}`, anonymousSession);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'This reset link can’t be used' }),
    ).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('expired or has already been used');
    fireEvent.click(screen.getByRole('link', { name: 'Ask for a new link' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Reset your password' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/forgot-password');
  });

  it('explains a link that stopped working while the new password was typed', async () => {
    mockApi({
      [`GET ${resetPath}`]: () => jsonResponse(reset),
      [`POST ${resetPath}`]: () => errorResponse(404, 'password_reset_invalid'),
    });
    await renderApp(`/reset-password/${token}`, anonymousSession);

    fireEvent.change(await screen.findByLabelText('New password'), {
      target: { value: 'a brand new password' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Set new password' }));

    expect((await screen.findByRole('alert')).textContent).toContain('Ask for a new one');
  });

  it.each([
    ['a token too long to be one', 404, 'not_found'],
    ['a token the server cannot read', 400, 'validation_failed'],
  ] as const)('treats %s as a link that cannot be used', async (_case, status, code) => {
    mockApi({ [`GET ${resetPath}`]: () => errorResponse(status, code) });
    await renderApp(`/reset-password/${token}`, anonymousSession);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'This reset link can’t be used' }),
    ).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('expired or has already been used');
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Ask for a new link' })).toBeTruthy();
  });

  it('offers to log in beside a new link: the link was perhaps used a moment ago', async () => {
    mockApi({ [`GET ${resetPath}`]: () => errorResponse(404, 'password_reset_invalid') });
    const { router } = await renderApp(`/reset-password/${token}`, anonymousSession);

    fireEvent.click(await screen.findByRole('link', { name: 'Log in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Log in to Whathead' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
  });

  it('offers no log-in to someone already logged in', async () => {
    mockApi({ [`GET ${resetPath}`]: () => jsonResponse(reset) });
    await renderApp(`/reset-password/${token}`, signedInSession());
    expect(await screen.findByRole('heading', { level: 1, name: 'Choose a new password' })).toBeTruthy();
    expect(screen.queryByText(/Remembered your password/)).toBeNull();
    expect(screen.queryByRole('link', { name: 'Log in' })).toBeNull();
  });

  it('offers someone logged in a new link from a dead one, and the way back, with no log-in', async () => {
    mockApi({ [`GET ${resetPath}`]: () => errorResponse(404, 'password_reset_invalid') });
    await renderApp(`/reset-password/${token}`, signedInSession());
    expect(
      await screen.findByRole('heading', { level: 1, name: 'This reset link can’t be used' }),
    ).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Log in' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Open Whathead' })).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: 'Ask for a new link' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Reset your password' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Log in' })).toBeNull();
  });

  it.each([
    ['aaaaaaaaaaaa', 'Use at least 5 different characters'],
    ['Password1234', 'one of the most common passwords'],
  ])('holds back %s, saying why', async (password, reason) => {
    const { requests } = mockApi({ [`GET ${resetPath}`]: () => jsonResponse(reset) });
    await renderApp(`/reset-password/${token}`, anonymousSession);

    const field = await screen.findByLabelText('New password');
    fireEvent.change(field, { target: { value: password } });
    fireEvent.click(screen.getByRole('button', { name: 'Set new password' }));

    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = (field.getAttribute('aria-describedby') ?? '').split(' ');
    const messages = describedBy.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    expect(messages).toContain(reason);
    expect(messages, 'the error takes the hint’s place').not.toContain('At least 12 characters');
    expect(requests.filter((request) => request.method === 'POST')).toHaveLength(0);
  });

  it('shows the new password on request', async () => {
    mockApi({ [`GET ${resetPath}`]: () => jsonResponse(reset) });
    await renderApp(`/reset-password/${token}`, anonymousSession);

    const field = (await screen.findByLabelText('New password')) as HTMLInputElement;
    fireEvent.click(screen.getByRole('button', { name: 'Show new password' }));
    expect(field.type).toBe('text');
  });
});
