import assert from 'node:assert/strict';
import { after, before, describe, it, mock } from 'node:test';
import type { ErrorResponse } from '@whathead/contracts';
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
      assert.equal(refused.length, 40 - signUpFromAddress.limit);
      assert.equal(
        hashing.mock.callCount(),
        signUpFromAddress.limit,
        'a refused sign-up never reaches the hasher',
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

  it('holds the limit for guesses sent all at once: exactly the limit is checked', async () => {
    test.clock.advance(10 * 60);
    const owner = await visitorFrom(test, '192.0.2.20');
    await owner.post('/api/auth/signup', signUpBody('burst-owner@example.com'));
    const attacker = await visitorFrom(test, '192.0.2.21');
    const verifying = mock.method(test.whathead.services.passwordHashing, 'verify');
    try {
      const guesses = await Promise.all(
        Array.from({ length: 20 }, (_, attempt) =>
          attacker.post('/api/auth/login', {
            email: 'burst-owner@example.com',
            password: `guess ${attempt}`,
          }),
        ),
      );
      assert.deepEqual(tally(guesses), { 401: 5, 429: 15 });
      assert.equal(verifying.mock.callCount(), logInToAccountFromAddress.limit);
    } finally {
      verifying.mock.restore();
    }
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
    assert.equal(guess.status, 429, 'another address in the same IPv6 /64 counts as the same address');

    test.clock.advance(logInToAccount.windowSeconds);
    const later = await owner.post('/api/auth/login', {
      email: 'spread@example.com',
      password: 'a long enough password',
    });
    assert.equal(later.status, 200, 'the window passes and the owner gets in');
  });
});
