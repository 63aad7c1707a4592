import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CreateInvitationResponse } from '@whathead/contracts';
import { redactUrl } from './lib/logger.js';
import { createTestApp, TestBrowser, type TestApp } from './testing/test-app.js';

describe('logs', () => {
  let test: TestApp;
  before(async () => {
    test = await createTestApp();
  });
  after(async () => test?.close());

  it('carry a request id on every request line and no password, session, CSRF token, invitation token or secret', async () => {
    const password = 'canary-password-5f1c9e';
    const browser = new TestBrowser(test.app);
    const session = await browser.signUp({ email: 'logs@example.com', password });
    await browser.post('/api/auth/logout');
    await browser.post('/api/auth/login', { email: 'logs@example.com', password: `${password}-wrong` });
    await browser.post('/api/auth/login', { email: 'logs@example.com', password });
    const invitation = await browser.post<CreateInvitationResponse>(
      `/api/workspaces/${session.activeWorkspaceId}/invitations`,
      { email: 'friend@example.com', role: 'member' },
    );
    const invitationToken = new URL(invitation.body.link).pathname.split('/').pop()!;
    await new TestBrowser(test.app).get(`/api/invitations/${invitationToken}`);
    await browser.request(
      'POST',
      '/api/auth/login',
      { email: 'x@example.com', password },
      {
        authorization: 'Bearer canary-authorization',
      },
    );

    const secrets = [
      password,
      ...browser.cookieHistory,
      invitationToken,
      test.config.sessionSecret!,
      test.config.tokenEncryptionKey!,
      'canary-authorization',
    ];
    assert.ok(test.logs.length > 10, 'the journey was logged');
    for (const line of test.logs) {
      for (const secret of secrets) assert.ok(!line.includes(secret), `a secret leaked into: ${line}`);
    }
    const requestLines = test.logs
      .map((line) => JSON.parse(line) as { msg: string; reqId?: string })
      .filter((entry) => entry.msg === 'incoming request');
    assert.ok(requestLines.length > 5);
    for (const entry of requestLines) assert.ok(entry.reqId, 'every request line names its request');
  });

  it('redacts secrets carried in URLs', () => {
    assert.equal(
      redactUrl('/api/integrations/tiktok/callback?auth_code=abc&code=abc&state=xyz&keep=1'),
      '/api/integrations/tiktok/callback?auth_code=[redacted]&code=[redacted]&state=[redacted]&keep=1',
    );
    assert.equal(redactUrl('/api/invitations/SECRET/accept'), '/api/invitations/[redacted]/accept');
    assert.equal(redactUrl('/invite/SECRET'), '/invite/[redacted]');
  });
});
