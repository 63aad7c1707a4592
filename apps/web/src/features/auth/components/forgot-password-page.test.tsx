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
    // The page's code arrives on the first visit: until then the log-in page, and its Email, stay.
    await screen.findByRole('heading', { level: 1, name: 'Reset your password' });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: ' Ada@Example.com ' } });
    // The live region is on the page, empty, before the news arrives: screen readers announce it.
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Email me a reset link' }));

    await waitFor(() =>
      expect(status.textContent).toContain('If there’s a Whathead account for ada@example.com'),
    );
    expect(status.textContent).toContain('30 minutes');
    const heading = screen.getByRole('heading', { level: 1, name: 'Check your email' });
    expect(document.activeElement).toBe(heading);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.body).toEqual({ email: 'ada@example.com' });
    expect(requests[0]?.headers.get('x-csrf-token')).toBe(anonymousSession.csrfToken);
  });

  it('sends another link to the same address, and says so', async () => {
    const { requests } = mockApi({
      'POST /api/auth/password-resets': () => new Response(null, { status: 204 }),
    });
    await renderApp('/forgot-password', anonymousSession);

    fireEvent.change(await screen.findByLabelText('Email'), { target: { value: 'ada@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Email me a reset link' }));
    const again = await screen.findByRole('button', { name: 'Send another link' });
    await screen.findByText(/we’ve sent it a link/);
    const status = screen.getAllByRole('status').find((region) => region.textContent === '');
    expect(status, 'an empty live region waits for the answer').toBeTruthy();
    fireEvent.click(again);

    await waitFor(() => expect(status?.textContent).toBe('Sent again. It can take a few minutes to arrive.'));
    expect(requests.map((request) => request.body)).toEqual([
      { email: 'ada@example.com' },
      { email: 'ada@example.com' },
    ]);
    expect(screen.getByRole('heading', { level: 1, name: 'Check your email' })).toBeTruthy();
  });

  it('says how long to wait when another link would be one too many', async () => {
    let asked = 0;
    mockApi({
      'POST /api/auth/password-resets': () =>
        (asked += 1) === 1
          ? new Response(null, { status: 204 })
          : errorResponse(429, 'too_many_attempts', { retryAfterSeconds: 3000 }),
    });
    await renderApp('/forgot-password', anonymousSession);

    fireEvent.change(await screen.findByLabelText('Email'), { target: { value: 'ada@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Email me a reset link' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Send another link' }));

    expect((await screen.findByRole('alert')).textContent).toContain('Try again in 50 minutes.');
    expect(screen.getByRole('heading', { level: 1, name: 'Check your email' })).toBeTruthy();
  });

  it('goes back to the form, the address filled in, for a different email', async () => {
    mockApi({ 'POST /api/auth/password-resets': () => new Response(null, { status: 204 }) });
    await renderApp('/forgot-password', anonymousSession);

    fireEvent.change(await screen.findByLabelText('Email'), { target: { value: 'ada@exmaple.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Email me a reset link' }));
    fireEvent.click(await screen.findByRole('link', { name: 'Use a different email' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Reset your password' })).toBeTruthy();
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('ada@exmaple.com');
    expect(screen.getByRole('button', { name: 'Email me a reset link' })).toBeTruthy();
  });

  it('asks for the address when the field is empty', async () => {
    const { requests } = mockApi({});
    await renderApp('/forgot-password', anonymousSession);

    fireEvent.click(await screen.findByRole('button', { name: 'Email me a reset link' }));

    const email = screen.getByLabelText('Email');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(email.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Enter your email address.',
    );
    expect(requests).toHaveLength(0);
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
