import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createEmulator, emulatorApp } from '@whathead/tiktok-emulator';
import { createTestApp, TestBrowser, type TestApp } from './testing/test-app.js';
import {
  callbackUrl,
  emulatorSettings,
  listConnections,
  signUpWorkspace,
  startConnect,
} from './testing/tiktok-flow.js';

/** Connect started on one app process and finished on another: the OAuth state lives in the database. */
describe('connecting TikTok across two app processes', () => {
  const emulator = createEmulator({ publicUrl: 'http://localhost:3000' });
  let closeEmulator: () => Promise<void>;
  let first: TestApp;
  let second: TestApp;
  before(async () => {
    const listening = await emulator.listen({ port: 0 });
    closeEmulator = listening.close;
    const tiktok = emulatorSettings(listening.url, emulatorApp);
    first = await createTestApp({}, { tiktok });
    second = await createTestApp({}, { database: first.database, tiktok });
  });
  after(async () => {
    await second?.close();
    await first?.close();
    await closeEmulator?.();
  });

  it('starts Connect on the first, takes TikTok’s callback on the second, and both list the connection', async () => {
    const { browser: onFirst, workspaceId } = await signUpWorkspace(first, 'two-processes@example.com');
    const { state, authorizationUrl } = await startConnect(onFirst, workspaceId);
    assert.equal(authorizationUrl.searchParams.get('state'), state);

    // TikTok's consent, then its redirect lands on whichever process the load balancer picks.
    const authCode = emulator.control.issueAuthorizationCode({
      email: 'alex.admin@example.com',
      bcId: '7100000000000000001',
    });
    const onSecond = new TestBrowser(second.app);
    for (const [name, value] of onFirst.cookies) onSecond.cookies.set(name, value);
    onSecond.csrfToken = onFirst.csrfToken;
    const callback = await onSecond.get(callbackUrl(state, authCode));
    assert.equal(callback.status, 303);
    const connected = /^\/integrations\/tiktok\/done\?connected=([\w-]+)$/.exec(
      String(callback.headers.location),
    );
    assert.ok(connected, `callback went to ${String(callback.headers.location)}`);

    for (const browser of [onFirst, onSecond]) {
      const listed = await listConnections(browser, workspaceId);
      assert.deepEqual(
        listed.connections.map((connection) => [
          connection.id,
          connection.businessCenterName,
          connection.status,
        ]),
        [[connected[1], 'Northwind Retail', 'connected']],
      );
    }
    // The state is spent everywhere: replaying the callback on the first process is refused.
    const replay = await onFirst.get(callbackUrl(state, authCode));
    assert.equal(replay.headers.location, '/integrations/tiktok/done?tiktok_error=authorization_invalid');
  });

  it('shares one TikTok budget: a per-minute 40100 answered to one process pauses the other', async () => {
    const { browser: onFirst, workspaceId } = await signUpWorkspace(first, 'shared-budget@example.com');
    const { state } = await startConnect(onFirst, workspaceId);
    const authCode = emulator.control.issueAuthorizationCode({
      email: 'alex.admin@example.com',
      bcId: '7100000000000000001',
    });
    const callback = await onFirst.get(callbackUrl(state, authCode));
    const connectionId = /connected=([\w-]+)/.exec(String(callback.headers.location))![1]!;
    const onSecond = new TestBrowser(second.app);
    for (const [name, value] of onFirst.cookies) onSecond.cookies.set(name, value);
    onSecond.csrfToken = onFirst.csrfToken;
    emulator.control.updateSettings({ appRateLimit: { perSecond: 100, perMinute: 1, perDay: 100_000 } });
    try {
      const checkPath = `/api/workspaces/${workspaceId}/tiktok/connections/${connectionId}/check`;
      const throttled = await onFirst.post<{ error: { code: string } }>(checkPath, {});
      assert.equal(throttled.body.error.code, 'tiktok_rate_limited');
      const calls = emulator.control.calls().length;
      const elsewhere = await onSecond.post<{ error: { code: string } }>(checkPath, {});
      assert.equal(elsewhere.body.error.code, 'tiktok_rate_limited', 'the other process waits too');
      assert.equal(emulator.control.calls().length, calls, 'and sends nothing to TikTok meanwhile');
      // Nobody is sent through TikTok's sign-in whose code could not be exchanged before it expires.
      const connect = await onSecond.post<{ error: { code: string; details: { retryAt: string } } }>(
        `/api/workspaces/${workspaceId}/tiktok/connect`,
        {},
      );
      assert.equal(connect.status, 503);
      assert.equal(connect.body.error.code, 'tiktok_rate_limited');
      assert.ok(
        Date.parse(connect.body.error.details.retryAt) > Date.now() + 4 * 60_000,
        'the 5-minute pause',
      );
    } finally {
      emulator.control.updateSettings({ appRateLimit: { perSecond: 10, perMinute: 600, perDay: 864_000 } });
      await first.database.db.deleteFrom('tiktok_rate_buckets').where('key', '=', 'app').execute();
    }
  });

  it('a sign-in that comes back while TikTok has paused Whathead says when to try again', async () => {
    const { browser, workspaceId } = await signUpWorkspace(first, 'paused-callback@example.com');
    const { state } = await startConnect(browser, workspaceId);
    const authCode = emulator.control.issueAuthorizationCode({
      email: 'alex.admin@example.com',
      bcId: '7100000000000000001',
    });
    // TikTok answers another call of the app with its daily limit while the user is on its pages.
    const limiter = first.whathead.services.tiktokRateLimiter;
    const midnight = await limiter.penalize(
      { path: '/campaign/get/', lane: 'sync' },
      { window: 'day', scope: 'app' },
    );
    try {
      const callback = await browser.get(callbackUrl(state, authCode));
      const landing = new URL(String(callback.headers.location), 'http://localhost');
      assert.equal(landing.searchParams.get('tiktok_error'), 'rate_limited');
      assert.equal(landing.searchParams.get('retry_at'), new Date(midnight).toISOString());
    } finally {
      await first.database.db.deleteFrom('tiktok_rate_buckets').where('key', '=', 'app').execute();
    }
  });
});
