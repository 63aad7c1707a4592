import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type {
  CreateInvitationResponse,
  ErrorResponse,
  InvitationPreview,
  MembersResponse,
  SessionResponse,
} from '@whathead/contracts';
import { createTestApp, TestBrowser, type TestApp } from '../../testing/test-app.js';

const tokenOf = (link: string) => new URL(link).pathname.split('/').pop()!;

describe('inviting a teammate', () => {
  let test: TestApp;
  let owner: TestBrowser;
  let workspaceId: string;
  before(async () => {
    test = await createTestApp();
    owner = new TestBrowser(test.app);
    workspaceId = (
      await owner.signUp({ name: 'Olivia Owner', email: 'owner@example.com', workspaceName: 'Growth Team' })
    ).activeWorkspaceId!;
  });
  after(async () => test?.close());

  const invite = (email: string, role: 'admin' | 'member' = 'member') =>
    owner.post<CreateInvitationResponse>(`/api/workspaces/${workspaceId}/invitations`, { email, role });

  it('gives the inviter a link that a new user signs up through, joining the workspace with the role', async () => {
    const created = await invite('New.Hire@example.com', 'admin');
    assert.equal(created.status, 201);
    assert.match(created.body.link, /^http:\/\/localhost:3000\/invite\/[\w-]{43}$/);
    assert.equal(created.body.invitation.email, 'new.hire@example.com');

    const newcomer = new TestBrowser(test.app);
    const preview = await newcomer.get<InvitationPreview>(`/api/invitations/${tokenOf(created.body.link)}`);
    assert.deepEqual(
      { workspace: preview.body.workspaceName, by: preview.body.invitedBy, role: preview.body.role },
      { workspace: 'Growth Team', by: 'Olivia Owner', role: 'admin' },
    );
    await newcomer.get('/api/session');
    const joined = await newcomer.post<SessionResponse>('/api/auth/signup', {
      name: 'New Hire',
      email: 'new.hire@example.com',
      password: 'a long enough password',
      invitationToken: tokenOf(created.body.link),
    });
    assert.equal(joined.status, 201);
    assert.deepEqual(joined.body.workspaces, [{ id: workspaceId, name: 'Growth Team', role: 'admin' }]);

    const reused = await new TestBrowser(test.app).get<ErrorResponse>(
      `/api/invitations/${tokenOf(created.body.link)}`,
    );
    assert.equal(reused.body.error.code, 'invitation_invalid', 'a link works once');
    const second = new TestBrowser(test.app);
    await second.get('/api/session');
    const reusedSignUp = await second.post<ErrorResponse>('/api/auth/signup', {
      name: 'Second Try',
      email: 'new.hire@example.com',
      password: 'a long enough password',
      invitationToken: tokenOf(created.body.link),
    });
    assert.equal(
      reusedSignUp.body.error.code,
      'invitation_invalid',
      'a used link cannot sign anyone up again',
    );
    const members = await owner.get<MembersResponse>(`/api/workspaces/${workspaceId}/members`);
    assert.deepEqual(members.body.invitations, [], 'no longer pending');
  });

  it('lets an existing user accept while logged in, only with the invited email', async () => {
    const created = await invite('existing@example.com');
    const stranger = new TestBrowser(test.app);
    await stranger.signUp({ email: 'stranger@example.com' });
    const refused = await stranger.post<ErrorResponse>(
      `/api/invitations/${tokenOf(created.body.link)}/accept`,
    );
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'invitation_email_mismatch');

    const existing = new TestBrowser(test.app);
    const own = await existing.signUp({ email: 'existing@example.com', workspaceName: 'Own Shop' });
    const accepted = await existing.post<SessionResponse>(
      `/api/invitations/${tokenOf(created.body.link)}/accept`,
    );
    assert.equal(accepted.status, 200);
    assert.equal(accepted.body.activeWorkspaceId, workspaceId, 'the joined workspace becomes active');
    assert.equal(accepted.body.workspaces.length, 2);
    assert.ok(accepted.body.workspaces.some((workspace) => workspace.id === own.activeWorkspaceId));
  });

  it('lets only owners and admins invite, and revokes a pending invitation', async () => {
    const created = await invite('plain.member@example.com', 'member');
    const member = new TestBrowser(test.app);
    await member.get('/api/session');
    await member.post('/api/auth/signup', {
      name: 'Plain Member',
      email: 'plain.member@example.com',
      password: 'a long enough password',
      invitationToken: tokenOf(created.body.link),
    });
    const refused = await member.post<ErrorResponse>(`/api/workspaces/${workspaceId}/invitations`, {
      email: 'friend@example.com',
      role: 'member',
    });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'forbidden');

    const pending = await invite('later@example.com');
    const duplicate = await invite('plain.member@example.com');
    assert.equal(duplicate.status, 409, 'members are not invited twice');
    const revokedByMember = await member.delete(
      `/api/workspaces/${workspaceId}/invitations/${pending.body.invitation.id}`,
    );
    assert.equal(revokedByMember.status, 403);
    const revoked = await owner.delete(
      `/api/workspaces/${workspaceId}/invitations/${pending.body.invitation.id}`,
    );
    assert.equal(revoked.status, 204);
    const preview = await new TestBrowser(test.app).get<ErrorResponse>(
      `/api/invitations/${tokenOf(pending.body.link)}`,
    );
    assert.equal(preview.status, 404);
  });

  it("cannot revoke another workspace's invitation by its id", async () => {
    const pending = await invite('kept@example.com');
    const outsider = new TestBrowser(test.app);
    const outsiderWorkspace = (await outsider.signUp({ email: 'outsider@example.com' })).activeWorkspaceId!;
    const viaOwnWorkspace = await outsider.delete(
      `/api/workspaces/${outsiderWorkspace}/invitations/${pending.body.invitation.id}`,
    );
    assert.equal(viaOwnWorkspace.status, 404);
    const members = await owner.get<MembersResponse>(`/api/workspaces/${workspaceId}/members`);
    assert.ok(members.body.invitations.some((invitation) => invitation.email === 'kept@example.com'));
  });

  it('expires links after seven days', async () => {
    const created = await invite('slow@example.com');
    test.clock.advance(7 * 24 * 60 * 60 + 1);
    const preview = await new TestBrowser(test.app).get<ErrorResponse>(
      `/api/invitations/${tokenOf(created.body.link)}`,
    );
    assert.equal(preview.body.error.code, 'invitation_invalid');
  });
});
