import type { InvitationPreview } from '@whathead/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { anonymousSession, signedInSession, workspaceIds } from '../../testing/fixtures';
import { errorResponse, jsonResponse, mockApi } from '../../testing/mock-api';
import { renderApp } from '../../testing/render-app';

const preview: InvitationPreview = {
  workspaceName: 'Initech',
  email: 'ada@example.com',
  role: 'admin',
  invitedBy: 'Bill Lumbergh',
  expiresAt: '2026-12-01T10:00:00.000Z',
};

describe('invitation page', () => {
  it('offers a logged-out visitor a sign-up without workspace name that carries the token', async () => {
    const { requests } = mockApi({
      'GET /api/invitations/token-1': () => jsonResponse(preview),
      'POST /api/auth/signup': () => jsonResponse(signedInSession(), 201),
    });
    const { router } = await renderApp('/invite/token-1', anonymousSession);

    expect(await screen.findByRole('heading', { level: 1, name: 'Join Initech on Whathead' })).toBeTruthy();
    expect(screen.queryByLabelText('Workspace name')).toBeNull();
    expect(screen.getByRole('link', { name: 'Log in' }).getAttribute('href')).toBe(
      '/login?next=%2Finvite%2Ftoken-1',
    );
    expect((screen.getByLabelText('Work email') as HTMLInputElement).value).toBe('ada@example.com');

    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Ada Lovelace' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'a long enough password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign up' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/campaigns'));
    expect(requests.find((request) => request.path === '/api/auth/signup')?.body).toEqual({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      password: 'a long enough password',
      invitationToken: 'token-1',
    });
  });

  it('lets a logged-in user join the workspace', async () => {
    const joined = { ...signedInSession(), activeWorkspaceId: workspaceIds.globex };
    const { requests } = mockApi({
      'GET /api/invitations/token-2': () => jsonResponse(preview),
      'POST /api/invitations/token-2/accept': () => jsonResponse(joined),
    });
    const { router } = await renderApp('/invite/token-2', signedInSession());

    fireEvent.click(await screen.findByRole('button', { name: 'Join workspace' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/campaigns'));
    const accept = requests.find((request) => request.path === '/api/invitations/token-2/accept');
    expect(accept?.headers.get('x-csrf-token')).toBe('signed-in-token');
  });

  it('explains an invitation that can no longer be used', async () => {
    mockApi({ 'GET /api/invitations/used': () => errorResponse(404, 'invitation_invalid') });
    await renderApp('/invite/used', anonymousSession);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'This invitation can’t be used' }),
    ).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('no longer valid');
  });
});
