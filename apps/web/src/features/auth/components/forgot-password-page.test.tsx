import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { anonymousSession } from '../../../testing/fixtures';
import { errorResponse, mockApi } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';

describe('forgot password', () => {
  it('is one click from the log-in page, and says where the link went without saying whether the account exists', async () => {
    const { requests } = mockApi({
      'POST /api/auth/password-resets': () => new Response(null, { status: 204 }),
    });
    await renderApp('/login', anonymousSession);

    fireEvent.click(await screen.findByRole('link', { name: 'Forgot password?' }));
    fireEvent.change(await screen.findByLabelText('Email'), { target: { value: ' Ada@Example.com ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Email me a reset link' }));

    const status = await screen.findByRole('status');
    expect(status.textContent).toContain('If there’s a Whathead account for ada@example.com');
    expect(status.textContent).toContain('30 minutes');
    expect(await screen.findByRole('heading', { level: 1, name: 'Check your email' })).toBeTruthy();
    expect(requests).toHaveLength(1);
    expect(requests[0]?.body).toEqual({ email: 'ada@example.com' });
    expect(requests[0]?.headers.get('x-csrf-token')).toBe(anonymousSession.csrfToken);

    fireEvent.click(screen.getByRole('button', { name: 'Send another link' }));
    expect(await screen.findByRole('button', { name: 'Email me a reset link' })).toBeTruthy();
  });

  it('says how long to wait when too many links were asked for', async () => {
    mockApi({
      'POST /api/auth/password-resets': () =>
        errorResponse(429, 'too_many_attempts', { retryAfterSeconds: 1500 }),
    });
    await renderApp('/forgot-password', anonymousSession);

    fireEvent.change(await screen.findByLabelText('Email'), { target: { value: 'ada@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Email me a reset link' }));

    expect((await screen.findByRole('alert')).textContent).toContain(
      'Too many attempts. Try again in 25 minutes.',
    );
  });

  it('checks the email before asking the server', async () => {
    const { requests } = mockApi({});
    await renderApp('/forgot-password', anonymousSession);

    fireEvent.change(await screen.findByLabelText('Email'), { target: { value: 'not an email' } });
    fireEvent.click(screen.getByRole('button', { name: 'Email me a reset link' }));

    const email = screen.getByLabelText('Email');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(requests).toHaveLength(0);
  });
});
