import assert from 'node:assert/strict';
import { after, before, describe, it, mock } from 'node:test';
import type { ErrorResponse, PasswordReset, SessionResponse } from '@whathead/contracts';
import { standardThrottleRules } from '../../services/throttle.service.js';
import { startSmtpSink, type SmtpSink } from '../../testing/smtp-sink.js';
import { loggedResetLinks, resetLinkPattern } from '../../testing/logged-mail.js';
import { createTestApp, logInAsNewBrowser, TestBrowser, type TestApp } from '../../testing/test-app.js';

async function requestReset(test: TestApp, email: string, address = '192.0.2.1') {
  const browser = new TestBrowser(test.app);
  await browser.get('/api/session');
  return browser.request<ErrorResponse>(
    'POST',
    '/api/auth/password-resets',
    { email },
    { 'x-forwarded-for': address },
  );
}

async function resetWith(test: TestApp, token: string, password: string) {
  const browser = new TestBrowser(test.app);
  await browser.get('/api/session');
  return browser.post<SessionResponse & ErrorResponse>(`/api/auth/password-resets/${token}`, { password });
}

describe('forgot password', () => {
  let test: TestApp;
  before(async () => {
    test = await createTestApp({ TRUST_PROXY: 'loopback' });
  });
  after(async () => test?.close());

  it('writes the link to the log at info level without SMTP_URL; the link sets a new password once', async () => {
    await new TestBrowser(test.app).signUp({ email: 'forgetful@example.com', password: 'the old password' });
    const answer = await requestReset(test, 'forgetful@example.com');
    assert.equal(answer.status, 204);
    const [logged] = loggedResetLinks(test, 'forgetful@example.com');
    assert.ok(logged, 'the reset mail was written to the log');
    assert.equal(logged.level, 30, 'at info level');

    const preview = await new TestBrowser(test.app).get<PasswordReset>(
      `/api/auth/password-resets/${logged.token}`,
    );
    assert.equal(preview.status, 200);
    assert.equal(preview.body.email, 'forgetful@example.com');

    const reset = await resetWith(test, logged.token, 'a brand new password');
    assert.equal(reset.status, 200);
    assert.equal(reset.body.user, null, 'the user is sent to log in with the new password');
    assert.equal(
      (await logInAsNewBrowser(test, 'forgetful@example.com', 'the old password')).response.status,
      401,
    );
    assert.equal(
      (await logInAsNewBrowser(test, 'forgetful@example.com', 'a brand new password')).response.status,
      200,
    );

    const again = await resetWith(test, logged.token, 'yet another password');
    assert.equal(again.status, 404);
    assert.equal(again.body.error.code, 'password_reset_invalid');
    const gone = await new TestBrowser(test.app).get<ErrorResponse>(
      `/api/auth/password-resets/${logged.token}`,
    );
    assert.equal(gone.body.error.code, 'password_reset_invalid');
  });

  it('ends every session of the account, on every device', async () => {
    const first = new TestBrowser(test.app);
    await first.signUp({ email: 'everywhere@example.com', password: 'the old password' });
    const { browser: second } = await logInAsNewBrowser(test, 'everywhere@example.com', 'the old password');
    await requestReset(test, 'everywhere@example.com');
    const [logged] = loggedResetLinks(test, 'everywhere@example.com');
    assert.equal((await resetWith(test, logged!.token, 'a brand new password')).status, 200);
    for (const browser of [first, second]) {
      assert.equal((await browser.get<SessionResponse>('/api/session')).body.user, null);
    }
  });

  it('refuses a link after 30 minutes, and a new one can be asked for', async () => {
    await new TestBrowser(test.app).signUp({ email: 'slow@example.com', password: 'the old password' });
    await requestReset(test, 'slow@example.com');
    const [expired] = loggedResetLinks(test, 'slow@example.com');
    test.clock.advance(30 * 60 + 1);
    const late = await resetWith(test, expired!.token, 'a brand new password');
    assert.equal(late.status, 404);
    assert.equal(late.body.error.code, 'password_reset_invalid');
    assert.equal(
      (await logInAsNewBrowser(test, 'slow@example.com', 'the old password')).response.status,
      200,
    );
    const swept = await test.whathead.services.housekeeping.sweep();
    assert.ok(swept.passwordResetsDeleted >= 1, 'housekeeping forgets expired links');

    await requestReset(test, 'slow@example.com');
    const fresh = loggedResetLinks(test, 'slow@example.com').at(-1)!;
    assert.notEqual(fresh.token, expired!.token);
    assert.equal((await resetWith(test, fresh.token, 'a brand new password')).status, 200);
  });

  it('answers an unknown email exactly like a known one, and mails nothing', async () => {
    await new TestBrowser(test.app).signUp({ email: 'known@example.com' });
    const known = await requestReset(test, 'known@example.com', '192.0.2.40');
    const unknown = await requestReset(test, 'unknown@example.com', '192.0.2.41');
    assert.equal(unknown.status, known.status);
    assert.equal(unknown.text, known.text);
    assert.equal(unknown.headers['content-type'], known.headers['content-type']);
    assert.equal(loggedResetLinks(test, 'known@example.com').length, 1);
    assert.equal(loggedResetLinks(test, 'unknown@example.com').length, 0);
  });

  it('limits requests per email and per address, so nobody can mail-bomb an inbox', async () => {
    test.clock.advance(60 * 60);
    await new TestBrowser(test.app).signUp({ email: 'bombed@example.com' });
    const { limit } = standardThrottleRules.passwordResetForAccount;
    for (let index = 0; index < limit; index += 1) {
      assert.equal((await requestReset(test, 'bombed@example.com', `198.51.100.${index + 1}`)).status, 204);
    }
    const refused = await requestReset(test, 'bombed@example.com', '198.51.100.99');
    assert.equal(refused.status, 429);
    assert.equal(refused.body.error.code, 'too_many_attempts');
    assert.ok((refused.body.error.details?.retryAfterSeconds ?? 0) > 0);
    assert.equal(loggedResetLinks(test, 'bombed@example.com').length, limit);

    const fromAddress = standardThrottleRules.passwordResetFromAddress.limit;
    const statuses = [];
    for (let index = 0; index <= fromAddress; index += 1) {
      statuses.push((await requestReset(test, `nobody-${index}@example.com`, '198.51.100.200')).status);
    }
    assert.deepEqual(statuses, [...Array<number>(fromAddress).fill(204), 429]);
  });

  it('lets an owner whose account ceiling an attacker used up back in after a reset', async () => {
    await new TestBrowser(test.app).signUp({ email: 'besieged@example.com', password: 'the old password' });
    const { limit } = standardThrottleRules.logInToAccount;
    for (let index = 0; index < limit; index += 1) {
      const attacker = new TestBrowser(test.app);
      await attacker.get('/api/session');
      await attacker.request(
        'POST',
        '/api/auth/login',
        { email: 'besieged@example.com', password: 'wrong' },
        { 'x-forwarded-for': `10.9.${Math.floor(index / 5)}.1` },
      );
    }
    assert.equal(
      (await logInAsNewBrowser(test, 'besieged@example.com', 'the old password')).response.status,
      429,
    );
    await requestReset(test, 'besieged@example.com');
    const [logged] = loggedResetLinks(test, 'besieged@example.com');
    assert.equal((await resetWith(test, logged!.token, 'a brand new password')).status, 200);
    assert.equal(
      (await logInAsNewBrowser(test, 'besieged@example.com', 'a brand new password')).response.status,
      200,
    );
  });

  it('keeps reset tokens out of request logs: only the deliberate mail line carries the link', async () => {
    await new TestBrowser(test.app).signUp({ email: 'quiet@example.com' });
    await requestReset(test, 'quiet@example.com');
    const [logged] = loggedResetLinks(test, 'quiet@example.com');
    await new TestBrowser(test.app).get(`/api/auth/password-resets/${logged!.token}`);
    await new TestBrowser(test.app).get(`/reset-password/${logged!.token}`);
    await resetWith(test, logged!.token, 'a brand new password');
    const carrying = test.logs.filter((line) => line.includes(logged!.token));
    assert.equal(carrying.length, 1);
    assert.match(carrying[0]!, /SMTP_URL is not set/);
  });
  it('leaves no session to a log-in with the old password that was being checked while the reset committed', async () => {
    await new TestBrowser(test.app).signUp({ email: 'racing@example.com', password: 'the old password' });
    await requestReset(test, 'racing@example.com');
    const [logged] = loggedResetLinks(test, 'racing@example.com');
    // The attacker's check of the old password passes, then waits until the reset has committed.
    let resetDone: () => void = () => undefined;
    const afterReset = new Promise<void>((resolve) => (resetDone = resolve));
    const hashing = test.whathead.services.passwordHashing;
    const verify = hashing.verify.bind(hashing);
    const checking = mock.method(hashing, 'verify', async (...args: Parameters<typeof verify>) => {
      const valid = await verify(...args);
      if (args[0] === 'the old password') await afterReset;
      return valid;
    });
    try {
      const attacker = logInAsNewBrowser(test, 'racing@example.com', 'the old password');
      await waitFor(() => checking.mock.callCount() === 1);
      assert.equal((await resetWith(test, logged!.token, 'a brand new password')).status, 200);
      resetDone();
      const { browser, response } = await attacker;
      assert.equal(response.status, 401, 'the old password no longer opens a session');
      assert.equal((await browser.get<SessionResponse>('/api/session')).body.user, null);
    } finally {
      checking.mock.restore();
    }
  });
});

describe('forgot password with SMTP_URL', () => {
  let sink: SmtpSink;
  let test: TestApp;
  before(async () => {
    sink = await startSmtpSink();
    test = await createTestApp({ SMTP_URL: sink.url, SMTP_FROM: 'Whathead <no-reply@ads.example.com>' });
  });
  after(async () => {
    await test?.close();
    await sink?.close();
  });

  it('mails the link through the SMTP server, and the link works', async () => {
    await new TestBrowser(test.app).signUp({ email: 'mailed@example.com', password: 'the old password' });
    assert.equal((await requestReset(test, 'mailed@example.com')).status, 204);
    const mail = await sink.waitForMail((received) => received.to.includes('mailed@example.com'));
    assert.equal(mail.from, 'no-reply@ads.example.com');
    assert.equal(mail.subject, 'Reset your Whathead password');
    const match = resetLinkPattern.exec(mail.text);
    assert.ok(match, `the mail carries the link: ${mail.text}`);
    assert.match(mail.text, /30 minutes/);

    assert.equal((await resetWith(test, match[1]!, 'a brand new password')).status, 200);
    assert.equal(
      (await logInAsNewBrowser(test, 'mailed@example.com', 'a brand new password')).response.status,
      200,
    );
    assert.ok(!test.logs.some((line) => line.includes(match[1]!)), 'a mailed link is not logged');
  });
});

/** Polls a condition the code under test makes true soon. */
async function waitFor(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('the condition never held');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
