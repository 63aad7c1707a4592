import { fireEvent, screen, waitFor, within } from '@testing-library/react';
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

  it('clears a field’s error as soon as its value changes, whether the browser or the server found it', async () => {
    mockApi({
      'POST /api/auth/login': () =>
        errorResponse(400, 'validation_failed', {
          issues: [{ path: 'password', message: 'Use at most 200 characters.' }],
        }),
    });
    await renderApp('/login', anonymousSession);

    fillIn('Email', 'not an email');
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    const email = screen.getByLabelText('Email');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    fillIn('Email', 'ada@example.com');
    expect(email.hasAttribute('aria-invalid')).toBe(false);
    expect(errorTextOf(email)).not.toContain('Enter a valid email address.');
    expect(errorTextOf(screen.getByLabelText('Password'))).toContain('Enter your password.');

    fillIn('Password', 'x'.repeat(12));
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    const password = screen.getByLabelText('Password');
    await waitFor(() => expect(errorTextOf(password)).toContain('Use at most 200 characters.'));
    fillIn('Password', 'a shorter one');
    expect(password.hasAttribute('aria-invalid')).toBe(false);
    expect(errorTextOf(password)).toBe('');
  });

  it('sends the form once, however often it is submitted while the first is on its way', async () => {
    let answer: (response: Response) => void = () => undefined;
    const { requests } = mockApi({
      'POST /api/auth/login': () => new Promise<Response>((resolve) => (answer = resolve)),
    });
    await renderApp('/login', anonymousSession);

    fillIn('Email', 'ada@example.com');
    fillIn('Password', 'wrong password');
    const form = screen.getByRole('button', { name: 'Log in' }).closest('form')!;
    fireEvent.submit(form);
    fireEvent.submit(form);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Log in' }).getAttribute('aria-busy')).toBe('true'),
    );
    fireEvent.submit(form);
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(requests).toHaveLength(1);

    answer(errorResponse(401, 'invalid_credentials'));
    expect((await screen.findByRole('alert')).textContent).toContain('don’t match');
  });

  it('keeps the Log in button focusable while it waits, so the focus is still there for the answer', async () => {
    let answer: (response: Response) => void = () => undefined;
    mockApi({ 'POST /api/auth/login': () => new Promise<Response>((resolve) => (answer = resolve)) });
    await renderApp('/login', anonymousSession);

    fillIn('Email', 'ada@example.com');
    fillIn('Password', 'wrong password');
    const button = screen.getByRole('button', { name: 'Log in' }) as HTMLButtonElement;
    button.focus();
    fireEvent.click(button);
    await waitFor(() => expect(button.getAttribute('aria-busy')).toBe('true'));
    expect(button.disabled).toBe(false);

    answer(errorResponse(401, 'invalid_credentials'));
    await screen.findByRole('alert');
    expect(document.activeElement).toBe(button);
  });

  it('on a lockout, says how long to wait and offers a reset with the typed email', async () => {
    mockApi({
      'POST /api/auth/login': () => errorResponse(429, 'too_many_attempts', { retryAfterSeconds: 840 }),
    });
    const { router } = await renderApp('/login', anonymousSession);

    fillIn('Email', 'Ada@Example.com');
    fillIn('Password', 'sixth guess');
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Too many attempts. Try again in 14 minutes.');
    fireEvent.click(within(alert).getByRole('link', { name: 'Reset your password' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Reset your password' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/forgot-password');
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('Ada@Example.com');
  });

  it('carries the typed email to the forgot-password form', async () => {
    mockApi({});
    await renderApp('/login', anonymousSession);

    fillIn('Email', 'grace@example.com');
    fireEvent.click(screen.getByRole('link', { name: 'Forgot password?' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Reset your password' })).toBeTruthy();
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('grace@example.com');
  });

  it('shows the password on request, with a toggle button that says whether it is pressed', async () => {
    mockApi({});
    await renderApp('/login', anonymousSession);

    const password = screen.getByLabelText('Password') as HTMLInputElement;
    const toggle = screen.getByRole('button', { name: 'Show password' });
    expect(password.type).toBe('password');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(toggle.getAttribute('type')).toBe('button');

    fireEvent.click(toggle);
    expect(password.type).toBe('text');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(toggle);
    expect(password.type).toBe('password');
  });
});
