import { newPasswordHint } from '@whathead/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { anonymousSession } from '../../../testing/fixtures';
import { errorResponse, mockApi } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';

function fillIn(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

function messagesOf(input: HTMLElement): string {
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

async function signUpAs(email: string, password = 'a long enough password') {
  fillIn('Name', 'Ada Lovelace');
  fillIn('Work email', email);
  fillIn('Password', password);
  fillIn('Workspace name', 'Acme Agency');
  fireEvent.click(screen.getByRole('button', { name: 'Sign up' }));
}

const emailTaken = () =>
  errorResponse(409, 'email_taken', {
    issues: [{ path: 'email', message: 'An account with this email already exists.' }],
  });

describe('sign-up form', () => {
  it('says once, at the field, that the email has an account, and offers the ways in', async () => {
    mockApi({ 'POST /api/auth/signup': emailTaken });
    await renderApp('/signup', anonymousSession);

    await signUpAs('Ada@Example.com');

    const email = screen.getByLabelText('Work email');
    await waitFor(() => expect(messagesOf(email)).toContain('An account with this email already exists.'));
    expect(screen.getAllByText(/already exists/)).toHaveLength(1);
    expect(screen.queryByText(/Log in instead/)).toBeNull();
    const banner = screen.getByText(/Is this your account/);
    expect(within(banner).getByRole('link', { name: 'Forgot password?' })).toBeTruthy();
    fireEvent.click(within(banner).getByRole('link', { name: 'Log in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Log in to Whathead' })).toBeTruthy();
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('ada@example.com');
  });

  it('carries the email to Forgot password from the banner', async () => {
    mockApi({ 'POST /api/auth/signup': emailTaken });
    const { router } = await renderApp('/signup', anonymousSession);

    await signUpAs('ada@example.com');
    fireEvent.click(await screen.findByRole('link', { name: 'Forgot password?' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Reset your password' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/forgot-password');
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('ada@example.com');
  });

  it('refuses a password of one character repeated before asking the server, and says why', async () => {
    const { requests } = mockApi({});
    await renderApp('/signup', anonymousSession);

    await signUpAs('ada@example.com', 'aaaaaaaaaaaa');

    const password = screen.getByLabelText('Password');
    await waitFor(() => expect(password.getAttribute('aria-invalid')).toBe('true'));
    expect(messagesOf(password)).toContain('Use at least 5 different characters');
    expect(requests).toHaveLength(0);
  });

  it('describes the password by its hint until it is refused, then by the error alone', async () => {
    mockApi({});
    await renderApp('/signup', anonymousSession);
    const password = screen.getByLabelText('Password');
    expect(messagesOf(password)).toBe(newPasswordHint);

    await signUpAs('ada@example.com', 'too short');

    await waitFor(() => expect(password.getAttribute('aria-invalid')).toBe('true'));
    expect(messagesOf(password)).toBe('Use at least 12 characters.');
    expect(screen.queryByText(newPasswordHint), 'the hint is not repeated beside the error').toBeNull();
    expect(screen.getAllByText(/at least 12 characters/i)).toHaveLength(1);

    fillIn('Password', 'a longer password now');
    await waitFor(() =>
      expect(messagesOf(password), 'editing the field brings the hint back').toBe(newPasswordHint),
    );
  });
});
