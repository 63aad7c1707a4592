import type { InvitationPreview } from '@whathead/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { anonymousSession, signedInSession } from '../../../testing/fixtures';
import { errorResponse, jsonResponse, mockApi, type RecordedRequest } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';

const preview: InvitationPreview = {
  workspaceName: 'Initech',
  email: 'ada@example.com',
  role: 'member',
  invitedBy: 'Bill Lumbergh',
  expiresAt: '2026-12-01T10:00:00.000Z',
};

describe('the invitation’s preview', () => {
  it('is not asked for again once signing up has used the invitation', async () => {
    let used = false;
    const { requests } = mockApi({
      // Used by the sign-up: from then on the server no longer knows the token.
      'GET /api/invitations/token-1': () =>
        used ? errorResponse(404, 'invitation_invalid') : jsonResponse(preview),
      'POST /api/auth/signup': () => {
        used = true;
        return jsonResponse(signedInSession(), 201);
      },
    });
    const { router } = await renderApp('/invite/token-1', anonymousSession);

    fireEvent.change(await screen.findByLabelText('Name'), { target: { value: 'Ada Lovelace' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'a long enough password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign up' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/campaigns'));
    // Give a refetch the moment it would take.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(previewRequests(requests, 'token-1')).toHaveLength(1);
  });

  it('is not asked for again once a logged-in user has joined with it', async () => {
    let used = false;
    const { requests } = mockApi({
      'GET /api/invitations/token-2': () =>
        used ? errorResponse(404, 'invitation_invalid') : jsonResponse(preview),
      'POST /api/invitations/token-2/accept': () => {
        used = true;
        return jsonResponse(signedInSession());
      },
    });
    const { router } = await renderApp('/invite/token-2', signedInSession());

    fireEvent.click(await screen.findByRole('button', { name: 'Join workspace' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/campaigns'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(previewRequests(requests, 'token-2')).toHaveLength(1);
  });
});

function previewRequests(requests: readonly RecordedRequest[], token: string) {
  return requests.filter(
    (request) => request.method === 'GET' && request.path === `/api/invitations/${token}`,
  );
}
