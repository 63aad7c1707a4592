import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ErrorResponse, MembersResponse, SessionResponse } from '@whathead/contracts';
import { createTestApp, TestBrowser, type TestApp } from '../../testing/test-app.js';

describe('workspaces', () => {
  let test: TestApp;
  before(async () => {
    test = await createTestApp();
  });
  after(async () => test?.close());

  it('creates a second workspace, makes it active, and switches back', async () => {
    const browser = new TestBrowser(test.app);
    const first = await browser.signUp({ email: 'agency@example.com', workspaceName: 'Agency' });
    const created = await browser.post<SessionResponse>('/api/workspaces', { name: 'Client Two' });
    assert.equal(created.status, 201);
    assert.deepEqual(
      created.body.workspaces.map((workspace) => workspace.name),
      ['Agency', 'Client Two'],
    );
    const second = created.body.workspaces.find((workspace) => workspace.name === 'Client Two')!;
    assert.equal(created.body.activeWorkspaceId, second.id);
    assert.equal(second.role, 'owner');

    const switched = await browser.post<SessionResponse>('/api/session/workspace', {
      workspaceId: first.activeWorkspaceId,
    });
    assert.equal(switched.body.activeWorkspaceId, first.activeWorkspaceId);
    const reloaded = await browser.get<SessionResponse>('/api/session');
    assert.equal(reloaded.body.activeWorkspaceId, first.activeWorkspaceId, 'the choice is kept server-side');
  });

  it("answers 404 for another workspace's members and refuses to switch into it", async () => {
    const alice = new TestBrowser(test.app);
    const aliceSession = await alice.signUp({ email: 'alice@example.com', workspaceName: 'Alice Co' });
    const bob = new TestBrowser(test.app);
    await bob.signUp({ email: 'bob@example.com', workspaceName: 'Bob Co' });
    const aliceWorkspace = aliceSession.activeWorkspaceId!;

    const members = await bob.get<ErrorResponse>(`/api/workspaces/${aliceWorkspace}/members`);
    assert.equal(members.status, 404);
    assert.equal(members.body.error.code, 'not_found');
    const missing = await bob.get<ErrorResponse>(
      `/api/workspaces/00000000-0000-4000-8000-000000000000/members`,
    );
    assert.deepEqual(missing.body, members.body, 'a foreign workspace looks exactly like a missing one');

    const switched = await bob.post<ErrorResponse>('/api/session/workspace', { workspaceId: aliceWorkspace });
    assert.equal(switched.status, 404);
    const invite = await bob.post<ErrorResponse>(`/api/workspaces/${aliceWorkspace}/invitations`, {
      email: 'mallory@example.com',
      role: 'admin',
    });
    assert.equal(invite.status, 404);

    const own = await alice.get<MembersResponse>(`/api/workspaces/${aliceWorkspace}/members`);
    assert.equal(own.status, 200);
    assert.deepEqual(
      own.body.members.map((member) => [member.email, member.role]),
      [['alice@example.com', 'owner']],
    );
  });

  it('requires a session for workspace routes', async () => {
    const anonymous = new TestBrowser(test.app);
    await anonymous.get('/api/session');
    const response = await anonymous.post<ErrorResponse>('/api/workspaces', { name: 'Anon' });
    assert.equal(response.status, 401);
    assert.equal(response.body.error.code, 'unauthenticated');
  });
});
