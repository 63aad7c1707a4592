import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { anonymousSession, signedInSession } from '../../../testing/fixtures';
import { errorResponse, jsonResponse, mockApi } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';

function fillIn(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

function errorTextOf(input: HTMLElement): string {
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('log-in form', () => {
  it('shows a field error next to the field it is about, before asking the server', async () => {
    const { requests } = mockApi({});
    await renderApp('/login', anonymousSession);

    fillIn('Email', 'not an email');
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));

    const email = screen.getByLabelText('Email');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(errorTextOf(email)).toContain('Enter a valid email address.');
    expect(errorTextOf(screen.getByLabelText('Password'))).toContain('Enter your password.');
    expect(document.activeElement).toBe(email);
    expect(requests).toHaveLength(0);
  });

  it('shows the issues the server reports next to the matching field', async () => {
    mockApi({
      'POST /api/auth/login': () =>
        errorResponse(400, 'validation_failed', {
          issues: [{ path: 'password', message: 'Use at most 200 characters.' }],
        }),
    });
    await renderApp('/login', anonymousSession);

    fillIn('Email', 'ada@example.com');
    fillIn('Password', 'correct horse battery staple');
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));

    const password = screen.getByLabelText('Password');
    await waitFor(() => expect(errorTextOf(password)).toContain('Use at most 200 characters.'));
    expect(password.getAttribute('aria-invalid')).toBe('true');
  });

  it('announces wrong credentials and sends the CSRF token of the current session', async () => {
    const { requests } = mockApi({ 'POST /api/auth/login': () => errorResponse(401, 'invalid_credentials') });
    await renderApp('/login', anonymousSession);

    fillIn('Email', ' Ada@Example.com ');
    fillIn('Password', 'wrong password');
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));

    expect((await screen.findByRole('alert')).textContent).toContain(
      'That email and password don’t match an account.',
    );
    expect(requests[0]?.headers.get('x-csrf-token')).toBe(anonymousSession.csrfToken);
    expect(requests[0]?.body).toEqual({ email: 'ada@example.com', password: 'wrong password' });
  });

  it('continues to the page that asked for a log-in', async () => {
    mockApi({
      'POST /api/auth/login': () => jsonResponse(signedInSession()),
      'GET /api/workspaces/0b6f4d1e-6a0c-4f35-9d2b-6f1f6f3c2a10/members': () =>
        jsonResponse({ members: [], invitations: [] }),
      'GET /api/session/others': () => jsonResponse({ count: 0 }),
    });
    const { router } = await renderApp('/login?next=%2Fsettings', anonymousSession);

    fillIn('Email', 'ada@example.com');
    fillIn('Password', 'correct horse battery staple');
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/settings');
  });
});
