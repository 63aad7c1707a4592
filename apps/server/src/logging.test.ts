import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CreateInvitationResponse } from '@whathead/contracts';
import { sql } from '@whathead/db';
import { serializeError } from './lib/error-serializer.js';
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
    for (const spelling of [
      '/api/auth/%70assword-resets/SECRET',
      '/api/%69nvitations/SECRET',
      '/Reset-Password/SECRET',
      '/reset-password;x/SECRET',
      '/api/invitations%2FSECRET',
    ])
      assert.doesNotMatch(redactUrl(spelling), /SECRET/, spelling);
  });

  it('log a failed query with its code and constraint, never with the values it was given', async () => {
    // Any sign-up now fails inside the database, as an unexpected error: the insert carried the
    // new user's email and password hash, which PostgreSQL repeats in its detail and PGlite in
    // its params.
    await sql`alter table users add constraint canary_refuses_everyone check (false) not valid`.execute(
      test.database.db,
    );
    try {
      const browser = new TestBrowser(test.app);
      await browser.get('/api/session');
      const before = test.logs.length;
      const answer = await browser.post('/api/auth/signup', {
        name: 'Canary Person',
        email: 'canary-values@example.com',
        password: 'canary-password-0d1e2f',
        workspaceName: 'Canary',
      });
      assert.equal(answer.status, 500);
      assert.doesNotMatch(answer.text, /canary_refuses_everyone|scrypt/, 'nothing of it reaches the browser');
      const written = test.logs.slice(before).join('');
      assert.match(written, /canary_refuses_everyone/, 'the log names the constraint that failed');
      assert.match(written, /23514/, 'and its SQLSTATE');
      for (const value of ['canary-values@example.com', 'Canary Person', 'scrypt$'])
        assert.ok(!written.includes(value), `the log holds a query value: ${value}`);
    } finally {
      await sql`alter table users drop constraint canary_refuses_everyone`.execute(test.database.db);
    }
  });

  it('keep the value out of a data exception even when it is the cause of another error', () => {
    const databaseError = Object.assign(new Error('invalid input syntax for type uuid: "secret-value"'), {
      code: '22P02',
      severity: 'ERROR',
      params: ['secret-value'],
      detail: 'Key (id)=(secret-value)',
      table: 'users',
    });
    const wrapped = new Error('loading the user failed', { cause: databaseError });
    const text = JSON.stringify(serializeError(wrapped));
    assert.ok(!text.includes('secret-value'), text);
    assert.match(text, /22P02/);
    assert.match(text, /"table":"users"/);
    assert.match(text, /loading the user failed/);
  });
});
