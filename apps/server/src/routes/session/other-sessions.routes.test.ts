import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { EndOtherSessionsResponse, OtherSessions, SessionResponse } from '@whathead/contracts';
import { createTestApp, TestBrowser, type TestApp, logInAsNewBrowser } from '../../testing/test-app.js';

const day = 24 * 60 * 60;

async function logIn(test: TestApp, email: string) {
  const { browser, response } = await logInAsNewBrowser(test, email);
  assert.equal(response.status, 200);
  return browser;
}

const isLoggedIn = async (browser: TestBrowser) =>
  (await browser.get<SessionResponse>('/api/session')).body.user !== null;

/** The Max-Age of the session cookie the response set, if it set one. */
function sessionCookieMaxAge(headers: Record<string, unknown>): number | undefined {
  const cookie = ([] as string[])
    .concat((headers['set-cookie'] as string[] | undefined) ?? [])
    .find((line) => line.startsWith('whathead_session='));
  const maxAge = cookie && /Max-Age=(\d+)/.exec(cookie)?.[1];
  return maxAge ? Number(maxAge) : undefined;
}

describe('sessions', () => {
  let test: TestApp;
  before(async () => {
    test = await createTestApp();
  });
  after(async () => test?.close());

  it('logs out every other session of the user and leaves this one, saying how many ended', async () => {
    const here = new TestBrowser(test.app);
    await here.signUp({ email: 'many-devices@example.com' });
    const phone = await logIn(test, 'many-devices@example.com');
    const laptop = await logIn(test, 'many-devices@example.com');
    const stranger = new TestBrowser(test.app);
    await stranger.signUp({ email: 'stranger@example.com' });

    assert.deepEqual((await here.get<OtherSessions>('/api/session/others')).body, { count: 2 });
    const ended = await here.post<EndOtherSessionsResponse>('/api/session/others/end');
    assert.equal(ended.status, 200);
    assert.deepEqual(ended.body, { ended: 2 });

    assert.equal(await isLoggedIn(here), true, 'this session stays');
    assert.equal(await isLoggedIn(phone), false);
    assert.equal(await isLoggedIn(laptop), false);
    assert.equal(await isLoggedIn(stranger), true, 'another user’s session is untouched');
    assert.deepEqual((await here.get<OtherSessions>('/api/session/others')).body, { count: 0 });
    assert.deepEqual((await here.post<EndOtherSessionsResponse>('/api/session/others/end')).body, {
      ended: 0,
    });
  });

  it('asks for a log-in before it counts or ends sessions', async () => {
    const anonymous = new TestBrowser(test.app);
    await anonymous.get('/api/session');
    assert.equal((await anonymous.get('/api/session/others')).status, 401);
    assert.equal((await anonymous.post('/api/session/others/end')).status, 401);
  });

  it('ends a session 30 days after it began even when it is used every day, and its cookie never outlives it', async () => {
    const browser = new TestBrowser(test.app);
    await browser.signUp({ email: 'daily@example.com' });
    for (let elapsed = 1; elapsed <= 29; elapsed += 1) {
      test.clock.advance(day);
      const response = await browser.get<SessionResponse>('/api/session');
      assert.notEqual(response.body.user, null, `still logged in on day ${elapsed}`);
      const maxAge = sessionCookieMaxAge(response.headers);
      assert.ok(maxAge !== undefined, 'used after more than an hour: the cookie is renewed');
      assert.equal(maxAge, Math.min(14 * day, (30 - elapsed) * day), `cookie on day ${elapsed}`);
    }
    test.clock.advance(day - 1);
    assert.equal(await isLoggedIn(browser), true, 'one second before the 30 days are up');
    test.clock.advance(1);
    assert.equal(await isLoggedIn(browser), false, '30 days after it began, the session is over');
  });
});
