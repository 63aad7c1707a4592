import assert from 'node:assert/strict';
import { after, before, describe, it, mock } from 'node:test';
import type { ErrorResponse } from '@whathead/contracts';
import { sessionsPerUser } from '../../services/session.service.js';
import { standardThrottleRules } from '../../services/throttle.service.js';
import { createTestApp, TestBrowser, type BrowserResponse, type TestApp } from '../../testing/test-app.js';

const { logInToAccount, logInToAccountFromAddress, signUpFromAddress } = standardThrottleRules;

/** A visitor from one client address (behind the trusted proxy), ready to post. */
async function visitorFrom(test: TestApp, address: string) {
  const browser = new TestBrowser(test.app);
  await browser.request('GET', '/api/session', undefined, { 'x-forwarded-for': address });
  return {
    browser,
    post: <Body = unknown>(url: string, body: unknown) =>
      browser.request<Body>('POST', url, body, { 'x-forwarded-for': address }),
  };
}

const signUpBody = (email: string) => ({
  name: 'Flood',
  email,
  password: 'a long enough password',
  workspaceName: 'Flood',
});

const tally = (responses: BrowserResponse[]) =>
  responses.reduce<Record<number, number>>((counts, response) => {
    counts[response.status] = (counts[response.status] ?? 0) + 1;
    return counts;
  }, {});

describe('sign-up and log-in throttles', () => {
  let test: TestApp;
  before(async () => {
    test = await createTestApp({ TRUST_PROXY: 'loopback' });
  });
  after(async () => test?.close());

  it('refuses a sign-up flood from one address before hashing: refused sign-ups never reach the hasher', async () => {
    test.clock.advance(10 * 60);
    const hashing = mock.method(test.whathead.services.passwordHashing, 'hash');
    try {
      const visitors = [];
      for (let index = 0; index < 40; index += 1) visitors.push(await visitorFrom(test, '198.51.100.7'));
      const responses = await Promise.all(
        visitors.map((visitor, index) =>
          visitor.post<ErrorResponse>('/api/auth/signup', signUpBody(`flood-${index}@example.com`)),
        ),
      );
      const counts = tally(responses);
      // 503 would say the hashing queue was full for a moment: refused quickly, after counting.
      assert.deepEqual(
        Object.keys(counts).filter((status) => !['201', '429', '503'].includes(status)),
        [],
      );
      const refused = responses.filter((response) => response.status === 429);
      // Past the address's limit none reaches the hasher; of those that do, one network gets only
      // a few hashes at a time, and the rest are refused at once.
      assert.ok(refused.length >= 40 - signUpFromAddress.limit, `${refused.length} refused`);
      assert.ok((counts[201] ?? 0) >= 1 && (counts[201] ?? 0) <= signUpFromAddress.limit);
      assert.equal(
        hashing.mock.callCount(),
        signUpFromAddress.limit,
        'a sign-up refused by the throttle never reaches the hasher',
      );
      for (const response of refused) {
        assert.equal(response.body.error.code, 'too_many_attempts');
        assert.ok((response.body.error.details?.retryAfterSeconds ?? 0) > 0);
        assert.ok(Number(response.headers['retry-after']) > 0);
      }
      const again = await visitorFrom(test, '198.51.100.7');
      const laterFromFlood = await again.post('/api/auth/signup', signUpBody('flood-later@example.com'));
      assert.equal(laterFromFlood.status, 429, 'the address has used up its sign-ups for the hour');
      const other = await visitorFrom(test, '198.51.100.8');
      const elsewhere = await other.post('/api/auth/signup', signUpBody('elsewhere@example.com'));
      assert.equal(elsewhere.status, 201, 'another address still signs up');
    } finally {
      hashing.mock.restore();
    }
  });

  it('limits sign-ups from every address together, so a flood from many addresses stops too', async () => {
    test.clock.advance(10 * 60);
    const { limit } = standardThrottleRules.signUpEverywhere;
    const statuses: number[] = [];
    for (let index = 0; index <= limit; index += 1) {
      const visitor = await visitorFrom(test, `203.0.113.${index + 1}`);
      statuses.push((await visitor.post('/api/auth/signup', signUpBody(`many-${index}@example.com`))).status);
    }
    assert.deepEqual(statuses.slice(0, limit), Array(limit).fill(201));
    assert.equal(statuses[limit], 429);
    test.clock.advance(standardThrottleRules.signUpEverywhere.windowSeconds);
    const later = await visitorFrom(test, '203.0.113.200');
    assert.equal((await later.post('/api/auth/signup', signUpBody('later@example.com'))).status, 201);
  });

  it('locks out a guesser per account and address: the owner, from their own address, still logs in', async () => {
    test.clock.advance(10 * 60);
    const owner = await visitorFrom(test, '192.0.2.10');
    await owner.post('/api/auth/signup', signUpBody('owner@example.com'));
    const attacker = await visitorFrom(test, '192.0.2.66');
    const guesses = [];
    for (let attempt = 0; attempt < 60; attempt += 1) {
      guesses.push(
        await attacker.post('/api/auth/login', { email: 'owner@example.com', password: `guess ${attempt}` }),
      );
    }
    assert.deepEqual(tally(guesses), {
      401: logInToAccountFromAddress.limit,
      429: 60 - logInToAccountFromAddress.limit,
    });
    const right = await attacker.post<ErrorResponse>('/api/auth/login', {
      email: 'owner@example.com',
      password: 'a long enough password',
    });
    assert.equal(right.status, 429, 'the locked-out address is refused even with the right password');

    const ownerAgain = await visitorFrom(test, '192.0.2.10');
    const login = await ownerAgain.post('/api/auth/login', {
      email: 'owner@example.com',
      password: 'a long enough password',
    });
    assert.equal(login.status, 200, 'one address cannot lock the owner out');
  });

  it('holds the limit for guesses sent all at once: never more than the limit are checked', async () => {
    test.clock.advance(10 * 60);
    const owner = await visitorFrom(test, '192.0.2.20');
    await owner.post('/api/auth/signup', signUpBody('burst-owner@example.com'));
    const attacker = await visitorFrom(test, '192.0.2.21');
    const guess = (attempt: number) =>
      attacker.post('/api/auth/login', { email: 'burst-owner@example.com', password: `guess ${attempt}` });
    const burst = await Promise.all(Array.from({ length: 20 }, (_, attempt) => guess(attempt)));
    // Some of the burst wait their network's turn and are refused at once; the account's limit
    // is what the burst and everything after it cannot get past.
    const after = [];
    for (let attempt = 20; attempt < 30; attempt += 1) after.push(await guess(attempt));
    const all = tally([...burst, ...after]);
    const checked = all[401] ?? 0;
    assert.ok(checked >= 1 && checked <= logInToAccountFromAddress.limit, JSON.stringify(all));
    assert.equal(checked + (all[429] ?? 0), 30, 'every other attempt was refused');
  });

  it('stops a guess at one account spread over many addresses at the account’s ceiling', async () => {
    test.clock.advance(10 * 60);
    const owner = await visitorFrom(test, '192.0.2.30');
    await owner.post('/api/auth/signup', signUpBody('spread@example.com'));
    const perAddress = logInToAccountFromAddress.limit;
    const addresses = logInToAccount.limit / perAddress;
    for (let index = 0; index < addresses; index += 1) {
      const attacker = await visitorFrom(test, `2001:db8:${index}::1`);
      for (let attempt = 0; attempt < perAddress; attempt += 1) {
        const guess = await attacker.post('/api/auth/login', {
          email: 'spread@example.com',
          password: 'wrong',
        });
        assert.equal(guess.status, 401);
      }
    }
    const next = await visitorFrom(test, '2001:db8:ffff::1');
    const refused = await next.post<ErrorResponse>('/api/auth/login', {
      email: 'spread@example.com',
      password: 'a long enough password',
    });
    assert.equal(
      refused.status,
      429,
      'the account’s ceiling holds for a fresh address, right password or not',
    );
    assert.equal(refused.body.error.code, 'too_many_attempts');

    const sameNetwork = await visitorFrom(test, '2001:db8:0::beef');
    const guess = await sameNetwork.post('/api/auth/login', {
      email: 'spread@example.com',
      password: 'wrong',
    });
    assert.equal(guess.status, 429, 'another address in the same IPv6 /56 counts as the same address');

    test.clock.advance(logInToAccount.windowSeconds);
    const later = await owner.post('/api/auth/login', {
      email: 'spread@example.com',
      password: 'a long enough password',
    });
    assert.equal(later.status, 200, 'the window passes and the owner gets in');
  });

  it('lets the owner in from a browser they logged in with before, whatever strangers did to the account', async () => {
    test.clock.advance(logInToAccount.windowSeconds);
    const owner = await visitorFrom(test, '192.0.2.40');
    await owner.post('/api/auth/signup', signUpBody('trusted@example.com'));
    await owner.post('/api/auth/logout', {});
    const perAddress = logInToAccountFromAddress.limit;
    for (let index = 0; index < logInToAccount.limit / perAddress; index += 1) {
      const attacker = await visitorFrom(test, `198.18.${index}.1`);
      for (let attempt = 0; attempt < perAddress; attempt += 1)
        await attacker.post('/api/auth/login', { email: 'trusted@example.com', password: 'wrong' });
    }
    const stranger = await visitorFrom(test, '192.0.2.41');
    const locked = await stranger.post('/api/auth/login', {
      email: 'trusted@example.com',
      password: 'a long enough password',
    });
    assert.equal(locked.status, 429, 'the account is locked against strangers');
    const ownersBrowser = await owner.post('/api/auth/login', {
      email: 'trusted@example.com',
      password: 'a long enough password',
    });
    assert.equal(ownersBrowser.status, 200, 'its owner’s browser, known from the sign-up, still gets in');
    const forged = await visitorFrom(test, '192.0.2.42');
    forged.browser.cookies.set('whathead_device', `${'A'.repeat(22)}.${'B'.repeat(43)}`);
    const withForgedCookie = await forged.post('/api/auth/login', {
      email: 'trusted@example.com',
      password: 'a long enough password',
    });
    assert.equal(withForgedCookie.status, 429, 'a made-up device cookie vouches for nothing');
  });

  it('does not give a network its attempts back for right passwords, so logging in without end stops', async () => {
    test.clock.advance(logInToAccount.windowSeconds);
    const visitor = await visitorFrom(test, '192.0.2.50');
    await visitor.post('/api/auth/signup', signUpBody('loop@example.com'));
    const { limit } = standardThrottleRules.logInFromAddress;
    const statuses: number[] = [];
    // A new browser each time, so every log-in leaves a session behind.
    for (let attempt = 0; attempt <= limit; attempt += 1) {
      const browser = await visitorFrom(test, '192.0.2.50');
      const login = await browser.post('/api/auth/login', {
        email: 'loop@example.com',
        password: 'a long enough password',
      });
      statuses.push(login.status);
    }
    assert.deepEqual(statuses.slice(0, limit), Array(limit).fill(200));
    assert.equal(statuses[limit], 429, 'the network’s log-ins are counted, right or wrong');
    const sessions = await test.database.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select('sessions.token_hash')
      .where('users.email', '=', 'loop@example.com')
      .execute();
    assert.equal(sessions.length, sessionsPerUser, 'and a user keeps at most this many sessions');
  });
});
