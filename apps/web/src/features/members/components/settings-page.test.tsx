import type { CreateInvitationResponse, MembersResponse } from '@whathead/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { signedInSession, userId, workspaceIds } from '../../../testing/fixtures';
import { jsonResponse, mockApi } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';

const membersPath = `/api/workspaces/${workspaceIds.acme}/members`;
/** The page's sessions section asks too; its own tests are in features/sessions. */
const otherSessions = { 'GET /api/session/others': () => jsonResponse({ count: 0 }) };
const invitationsPath = `/api/workspaces/${workspaceIds.acme}/invitations`;

const pendingInvitation = {
  id: '7d1c2b3a-4e5f-4a6b-9c7d-8e9f0a1b2c3d',
  email: 'grace@example.com',
  role: 'member' as const,
  invitedBy: 'Ada Lovelace',
  createdAt: '2026-11-20T10:00:00.000Z',
  expiresAt: '2026-11-27T10:00:00.000Z',
};

const team: MembersResponse = {
  members: [
    {
      userId,
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      role: 'owner',
      joinedAt: '2026-11-01T09:00:00.000Z',
    },
  ],
  invitations: [pendingInvitation],
};

const created: CreateInvitationResponse = {
  invitation: { ...pendingInvitation, id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', email: 'alan@example.com' },
  link: 'http://localhost:3000/invite/secret-token',
};

describe('settings page', () => {
  it('lists the members and their role', async () => {
    mockApi({ ...otherSessions, [`GET ${membersPath}`]: () => jsonResponse(team) });
    await renderApp('/settings', signedInSession('owner'));

    const table = await screen.findByRole('table', { name: 'Members of Acme Agency' });
    const row = within(table).getByRole('row', { name: /Ada Lovelace/ });
    expect(within(row).getByText('ada@example.com')).toBeTruthy();
    expect(within(row).getByText('Owner')).toBeTruthy();
  });

  it('creates an invite link, shows it with a Copy link button and copies it', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const { requests } = mockApi({
      ...otherSessions,
      [`GET ${membersPath}`]: () => jsonResponse(team),
      [`POST ${invitationsPath}`]: () => jsonResponse(created, 201),
    });
    await renderApp('/settings', signedInSession('admin'));

    fireEvent.change(await screen.findByLabelText('Email'), { target: { value: 'alan@example.com' } });
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'admin' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create invite link' }));

    const link = (await screen.findByRole('textbox', { name: 'Invite link' })) as HTMLInputElement;
    expect(link.value).toBe(created.link);
    expect(link.readOnly).toBe(true);
    const invitationRequest = requests.find((request) => request.path === invitationsPath);
    expect(invitationRequest?.body).toEqual({ email: 'alan@example.com', role: 'admin' });
    expect(invitationRequest?.headers.get('x-csrf-token')).toBe('signed-in-token');

    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(created.link));
    expect((await screen.findByText(/Link copied/)).closest('[role="status"]')).toBeTruthy();
  });

  it('revokes a pending invitation', async () => {
    const { requests } = mockApi({
      ...otherSessions,
      [`GET ${membersPath}`]: () => jsonResponse(team),
      [`DELETE ${invitationsPath}/${pendingInvitation.id}`]: () => new Response(null, { status: 204 }),
    });
    await renderApp('/settings', signedInSession('owner'));

    const pending = await screen.findByRole('region', { name: 'Pending invitations' });
    expect(within(pending).getByText('grace@example.com')).toBeTruthy();
    fireEvent.click(within(pending).getByRole('button', { name: 'Revoke' }));

    await waitFor(() => expect(requests.some((request) => request.method === 'DELETE')).toBe(true));
  });

  it('after a revoke, keeps the focus in the list and says which invitation went', async () => {
    let invitations = [pendingInvitation];
    mockApi({
      ...otherSessions,
      [`GET ${membersPath}`]: () => jsonResponse({ ...team, invitations }),
      [`DELETE ${invitationsPath}/${pendingInvitation.id}`]: () => {
        invitations = [];
        return new Response(null, { status: 204 });
      },
    });
    await renderApp('/settings', signedInSession('owner'));

    const pending = await screen.findByRole('region', { name: 'Pending invitations' });
    const status = within(pending).getByRole('status');
    fireEvent.click(within(pending).getByRole('button', { name: 'Revoke' }));

    await waitFor(() => expect(status.textContent).toBe('Revoked the invitation for grace@example.com.'));
    expect(within(pending).getByText(/No pending invitations/)).toBeTruthy();
    expect(pending.contains(document.activeElement)).toBe(true);
  });

  it('says invitations are not emailed, and asks for the address when it is left empty', async () => {
    const { requests } = mockApi({ ...otherSessions, [`GET ${membersPath}`]: () => jsonResponse(team) });
    await renderApp('/settings', signedInSession('owner'));

    const invite = await screen.findByRole('region', { name: 'Invite a teammate' });
    expect(invite.textContent).toContain('Invitations aren’t emailed');
    expect(invite.textContent).not.toContain('doesn’t send emails');
    fireEvent.click(within(invite).getByRole('button', { name: 'Create invite link' }));

    const email = within(invite).getByLabelText('Email');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(within(invite).getByText('Enter your email address.')).toBeTruthy();
    expect(requests.some((request) => request.path === invitationsPath)).toBe(false);
  });

  it('offers no invite form to a member', async () => {
    mockApi({ ...otherSessions, [`GET ${membersPath}`]: () => jsonResponse(team) });
    await renderApp('/settings', signedInSession('member'));

    await screen.findByRole('table', { name: 'Members of Acme Agency' });
    expect(screen.queryByRole('button', { name: 'Create invite link' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Revoke' })).toBeNull();
    expect(screen.getByText(/Only owners and admins can invite teammates/)).toBeTruthy();
  });
});
