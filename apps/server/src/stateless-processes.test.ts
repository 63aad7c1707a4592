import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SessionResponse } from '@whathead/contracts';
import { createTestApp, TestBrowser, type TestApp } from './testing/test-app.js';

/** Two app processes on one database must behave as one: nothing a request relies on lives in memory. */
describe('two app processes on one database', () => {
  let first: TestApp;
  let second: TestApp;
  before(async () => {
    first = await createTestApp();
    second = await createTestApp({}, { database: first.database });
  });
  after(async () => {
    await second?.close();
    await first?.close();
  });

  it('share sessions and CSRF tokens: a browser can hop between them', async () => {
    const onFirst = new TestBrowser(first.app);
    const session = await onFirst.signUp({ email: 'hopper@example.com', workspaceName: 'Hop' });
    const onSecond = new TestBrowser(second.app);
    onSecond.cookies.clear();
    for (const [name, value] of onFirst.cookies) onSecond.cookies.set(name, value);
    onSecond.csrfToken = onFirst.csrfToken;
    const created = await onSecond.post<SessionResponse>('/api/workspaces', { name: 'Made on the second' });
    assert.equal(created.status, 201);
    assert.equal(created.body.user?.id, session.user?.id);
    const seenByFirst = await onFirst.get<SessionResponse>('/api/session');
    assert.equal(seenByFirst.body.activeWorkspaceId, created.body.activeWorkspaceId);
  });

  it('share the log-in throttle: failures on either count toward one limit', async () => {
    await new TestBrowser(first.app).signUp({ email: 'throttled@example.com' });
    // A browser that never logged in to the account, so its attempts count per account and network.
    const browser = new TestBrowser(first.app);
    await browser.get('/api/session');
    const apps = [first, second];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const app = apps[attempt % 2]!;
      const response = await app.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: {
          'content-type': 'application/json',
          'x-csrf-token': browser.csrfToken,
          cookie: [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        },
        payload: JSON.stringify({ email: 'throttled@example.com', password: `wrong ${attempt}` }),
      });
      assert.equal(response.statusCode, 401);
    }
    const onSecond = new TestBrowser(second.app);
    await onSecond.get('/api/session');
    const blocked = await onSecond.post('/api/auth/login', {
      email: 'throttled@example.com',
      password: 'wrong again',
    });
    assert.equal(blocked.status, 429);
  });
});
