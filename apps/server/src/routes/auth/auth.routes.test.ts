import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ErrorResponse, SessionResponse } from '@whathead/contracts';
import { createTestApp, TestBrowser, type TestApp } from '../../testing/test-app.js';

describe('sign up, log in, log out', () => {
  let test: TestApp;
  before(async () => {
    test = await createTestApp();
  });
  after(async () => test?.close());

  it('signs up a user into a workspace they own, behind a hardened session cookie', async () => {
    const browser = new TestBrowser(test.app);
    await browser.get('/api/session');
    const response = await browser.post<SessionResponse>('/api/auth/signup', {
      name: 'Ada Marketer',
      email: '  Ada@Example.COM ',
      password: 'a long enough password',
      workspaceName: 'Acme Agency',
    });
    assert.equal(response.status, 201);
    assert.equal(response.body.user?.email, 'ada@example.com', 'emails are trimmed and lower-cased');
    assert.deepEqual(
      response.body.workspaces.map((workspace) => [workspace.name, workspace.role]),
      [['Acme Agency', 'owner']],
    );
    assert.equal(response.body.activeWorkspaceId, response.body.workspaces[0]?.id);
    const setCookie = ([] as string[]).concat(response.headers['set-cookie'] as string[]);
    const session = setCookie.find((cookie) => cookie.startsWith('whathead_session='));
    assert.ok(session, 'a session cookie is set');
    assert.match(session, /HttpOnly/);
    assert.match(session, /SameSite=Lax/);
    assert.doesNotMatch(session, /Secure/, 'plain http in tests: not Secure');
    assert.doesNotMatch(response.text, /password/i, 'no password or hash in the response');
  });

  it('refuses a second account for the same email, whatever its case', async () => {
    const browser = new TestBrowser(test.app);
    await browser.signUp({ email: 'taken@example.com' });
    const again = new TestBrowser(test.app);
    await again.get('/api/session');
    const response = await again.post<ErrorResponse>('/api/auth/signup', {
      name: 'Other',
      email: 'TAKEN@example.com',
      password: 'another long password',
      workspaceName: 'Other',
    });
    assert.equal(response.status, 409);
    assert.equal(response.body.error.code, 'email_taken');
    assert.equal(response.body.error.details?.issues?.[0]?.path, 'email');
  });

  it('names each invalid field', async () => {
    const browser = new TestBrowser(test.app);
    await browser.get('/api/session');
    const response = await browser.post<ErrorResponse>('/api/auth/signup', {
      name: '',
      email: 'not-an-email',
      password: 'short',
    });
    assert.equal(response.status, 400);
    assert.equal(response.body.error.code, 'validation_failed');
    const paths = response.body.error.details?.issues?.map((issue) => issue.path).sort();
    assert.deepEqual(paths, ['email', 'name', 'password']);
  });

  it('asks for a workspace name when no invitation brings one', async () => {
    const browser = new TestBrowser(test.app);
    await browser.get('/api/session');
    const response = await browser.post<ErrorResponse>('/api/auth/signup', {
      name: 'No Workspace',
      email: 'noworkspace@example.com',
      password: 'a long enough password',
    });
    assert.equal(response.status, 400);
    assert.deepEqual(
      response.body.error.details?.issues?.map((issue) => issue.path),
      ['workspaceName'],
    );
  });

  it('logs out, and the old session cookie no longer works', async () => {
    const browser = new TestBrowser(test.app);
    await browser.signUp({ email: 'leaving@example.com' });
    const oldCookie = browser.cookies.get('whathead_session')!;
    assert.equal((await browser.post('/api/auth/logout')).status, 200);
    const after = await browser.get<SessionResponse>('/api/session');
    assert.equal(after.body.user, null);
    const replay = await test.app.inject({
      method: 'GET',
      url: '/api/session',
      cookies: { whathead_session: oldCookie },
    });
    assert.equal(replay.json<SessionResponse>().user, null, 'the server forgot the session');
  });

  it('logs back in with the right password only, and rotates the session', async () => {
    const browser = new TestBrowser(test.app);
    await browser.signUp({ email: 'returning@example.com', password: 'my very own password' });
    const firstCookie = browser.cookies.get('whathead_session');
    await browser.post('/api/auth/logout');
    const wrong = await browser.post<ErrorResponse>('/api/auth/login', {
      email: 'returning@example.com',
      password: 'not my password',
    });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.body.error.code, 'invalid_credentials');
    const unknown = await browser.post<ErrorResponse>('/api/auth/login', {
      email: 'nobody@example.com',
      password: 'not my password',
    });
    assert.deepEqual(unknown.body, wrong.body, 'an unknown email answers exactly like a wrong password');
    const right = await browser.post<SessionResponse>('/api/auth/login', {
      email: 'Returning@Example.com',
      password: 'my very own password',
    });
    assert.equal(right.status, 200);
    assert.equal(right.body.user?.email, 'returning@example.com');
    assert.notEqual(browser.cookies.get('whathead_session'), firstCookie);
  });

  it('slows password guessing: the sixth failure within 15 minutes is refused, even with the right password', async () => {
    const browser = new TestBrowser(test.app);
    await browser.signUp({ email: 'target@example.com', password: 'the real password' });
    await browser.post('/api/auth/logout');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const failure = await browser.post('/api/auth/login', {
        email: 'target@example.com',
        password: `guess ${attempt}`,
      });
      assert.equal(failure.status, 401);
    }
    const blocked = await browser.post<ErrorResponse>('/api/auth/login', {
      email: 'target@example.com',
      password: 'the real password',
    });
    assert.equal(blocked.status, 429);
    assert.equal(blocked.body.error.code, 'too_many_attempts');
    assert.ok(Number(blocked.headers['retry-after']) > 0);
    test.clock.advance(15 * 60 + 1);
    const later = await browser.post('/api/auth/login', {
      email: 'target@example.com',
      password: 'the real password',
    });
    assert.equal(later.status, 200, 'the window passes and the owner gets in');
  });

  it('holds the limit for attempts sent all at once: five are checked in all, the rest refused', async () => {
    const browser = new TestBrowser(test.app);
    await browser.signUp({ email: 'burst@example.com', password: 'the real password' });
    await browser.post('/api/auth/logout');
    const guess = (attempt: number) =>
      browser.post('/api/auth/login', { email: 'burst@example.com', password: `guess ${attempt}` });
    const burst = await Promise.all(Array.from({ length: 20 }, (_, attempt) => guess(attempt)));
    const later = [];
    for (let attempt = 20; attempt < 30; attempt += 1) later.push(await guess(attempt));
    const counts = [...burst, ...later].reduce<Record<number, number>>((tally, response) => {
      tally[response.status] = (tally[response.status] ?? 0) + 1;
      return tally;
    }, {});
    // Never more than five checked, however they arrive; fewer when some of the burst were turned
    // away for arriving all at once (they still counted against the guesser).
    assert.ok((counts[401] ?? 0) >= 1 && (counts[401] ?? 0) <= 5, JSON.stringify(counts));
    assert.equal((counts[401] ?? 0) + (counts[429] ?? 0), 30);
  });

  it('recovers from a session cookie whose session is gone: it is cleared and log-in works', async () => {
    const browser = new TestBrowser(test.app);
    await browser.signUp({ email: 'stale@example.com', password: 'the real password' });
    browser.cookies.set('whathead_session', 'A'.repeat(43));
    const session = await browser.get<SessionResponse>('/api/session');
    assert.equal(session.body.user, null);
    assert.equal(browser.cookies.has('whathead_session'), false, 'the dead cookie is cleared');
    const login = await browser.post('/api/auth/login', {
      email: 'stale@example.com',
      password: 'the real password',
    });
    assert.equal(login.status, 200);
  });

  it('renews the session cookie when the session slides forward', async () => {
    const browser = new TestBrowser(test.app);
    await browser.signUp({ email: 'active@example.com' });
    test.clock.advance(2 * 60 * 60);
    const response = await browser.get('/api/session');
    const renewed = ([] as string[])
      .concat((response.headers['set-cookie'] as string[] | undefined) ?? [])
      .find((cookie) => cookie.startsWith('whathead_session='));
    assert.ok(renewed, 'a fresh session cookie is sent');
    assert.match(renewed, /Max-Age=1209600/);
  });

  it('marks cookies Secure and __Host- when Whathead is served over https', async () => {
    const secure = await createTestApp({ PUBLIC_URL: 'https://ads.example.com' });
    try {
      const browser = new TestBrowser(secure.app);
      await browser.get('/api/session');
      const response = await browser.post('/api/auth/signup', {
        name: 'Sec',
        email: 'secure@example.com',
        password: 'a long enough password',
        workspaceName: 'Secure',
      });
      const cookies = ([] as string[]).concat(response.headers['set-cookie'] as string[]);
      assert.ok(cookies.length >= 2);
      for (const cookie of cookies) {
        assert.match(cookie, /; Secure/);
        assert.match(cookie, /^__Host-whathead_/, 'a sibling subdomain cannot plant these');
      }
    } finally {
      await secure.close();
    }
  });
});

describe('CSRF protection', () => {
  let test: TestApp;
  before(async () => {
    test = await createTestApp();
  });
  after(async () => test?.close());

  it('refuses a state-changing request without the token, with a forged one, or from another site', async () => {
    const browser = new TestBrowser(test.app);
    await browser.signUp({ email: 'csrf@example.com' });
    const token = browser.csrfToken;

    browser.csrfToken = '';
    const missing = await browser.post<ErrorResponse>('/api/workspaces', { name: 'Nope' });
    assert.equal(missing.status, 403);
    assert.equal(missing.body.error.code, 'csrf_rejected');

    browser.csrfToken = `${token.split('.')[0]}.forged`;
    assert.equal((await browser.post('/api/workspaces', { name: 'Nope' })).status, 403);

    browser.csrfToken = token;
    const crossSite = await browser.request<ErrorResponse>(
      'POST',
      '/api/workspaces',
      { name: 'Nope' },
      { origin: 'https://evil.example' },
    );
    assert.equal(crossSite.status, 403);

    const encodedPath = await browser.request<ErrorResponse>(
      'POST',
      '/%61pi/workspaces',
      { name: 'Nope' },
      { origin: 'https://evil.example' },
    );
    assert.equal(encodedPath.status, 403, 'a percent-encoded /api path is checked like any other');

    const sameSite = await browser.request(
      'POST',
      '/api/workspaces',
      { name: 'Yes' },
      { origin: 'http://localhost:3000' },
    );
    assert.equal(sameSite.status, 201);

    const unknownRoute = await browser.post<ErrorResponse>('/api/workspaces/nowhere/at-all', {});
    assert.equal(unknownRoute.status, 404, 'no route: not found, not a token problem');
    const wrongMethod = await browser.request<ErrorResponse>('PATCH', '/api/session', {});
    assert.equal(wrongMethod.status, 404);
  });

  it('does not accept an anonymous token once logged in (tokens are bound to the session)', async () => {
    const attacker = new TestBrowser(test.app);
    await attacker.get('/api/session');
    const anonymousToken = attacker.csrfToken;
    const victim = new TestBrowser(test.app);
    await victim.signUp({ email: 'victim@example.com' });
    victim.csrfToken = anonymousToken;
    victim.cookies.set('whathead_csrf', anonymousToken);
    const response = await victim.post<ErrorResponse>('/api/workspaces', { name: 'Planted' });
    assert.equal(response.status, 403);
  });
});
