import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ChangePasswordResponse, ErrorResponse, SessionResponse } from '@whathead/contracts';
import { standardThrottleRules } from '../../services/throttle.service.js';
import { loggedResetLinks } from '../../testing/logged-mail.js';
import { createTestApp, logInAsNewBrowser, TestBrowser, type TestApp } from '../../testing/test-app.js';

const oldPassword = 'the old password';
const newPassword = 'a brand new password';

const isLoggedIn = async (browser: TestBrowser) =>
  (await browser.get<SessionResponse>('/api/session')).body.user !== null;

const changePassword = (browser: TestBrowser, currentPassword: string, password = newPassword) =>
  browser.put<ChangePasswordResponse & ErrorResponse>('/api/account/password', {
    currentPassword,
    newPassword: password,
  });

describe('changing the password while logged in', () => {
  let test: TestApp;
  before(async () => {
    test = await createTestApp();
  });
  after(async () => test?.close());

  it('sets the new password and ends every other session of the user, keeping this one', async () => {
    const here = new TestBrowser(test.app);
    await here.signUp({ email: 'changer@example.com', password: oldPassword });
    const { browser: phone } = await logInAsNewBrowser<ErrorResponse>(
      test,
      'changer@example.com',
      oldPassword,
    );
    const stranger = new TestBrowser(test.app);
    await stranger.signUp({ email: 'bystander@example.com' });

    const changed = await changePassword(here, oldPassword);
    assert.equal(changed.status, 200, changed.text);
    assert.deepEqual(changed.body, { otherSessionsEnded: 1 });

    assert.equal(await isLoggedIn(here), true, 'this session stays');
    assert.equal(await isLoggedIn(phone), false, 'the other session ended');
    assert.equal(await isLoggedIn(stranger), true, 'another user’s session is untouched');
    assert.equal(
      (await logInAsNewBrowser<ErrorResponse>(test, 'changer@example.com', oldPassword)).response.status,
      401,
    );
    assert.equal(
      (await logInAsNewBrowser<ErrorResponse>(test, 'changer@example.com', newPassword)).response.status,
      200,
    );
  });

  it('refuses a wrong current password at its field, counted as a failed log-in: the sixth is throttled', async () => {
    const browser = new TestBrowser(test.app);
    await browser.signUp({ email: 'guessed@example.com', password: oldPassword });
    const { browser: other } = await logInAsNewBrowser<ErrorResponse>(
      test,
      'guessed@example.com',
      oldPassword,
    );
    const { limit } = standardThrottleRules.logInToAccountFromAddress;
    for (let attempt = 0; attempt < limit; attempt += 1) {
      const wrong = await changePassword(browser, `guess number ${attempt}`);
      assert.equal(wrong.status, 400);
      assert.equal(wrong.body.error.code, 'validation_failed');
      assert.deepEqual(
        wrong.body.error.details?.issues?.map((issue) => issue.path),
        ['currentPassword'],
      );
    }
    const throttled = await changePassword(browser, oldPassword);
    assert.equal(throttled.status, 429, 'refused even with the right password');
    assert.equal(throttled.body.error.code, 'too_many_attempts');
    assert.ok((throttled.body.error.details?.retryAfterSeconds ?? 0) > 0);
    const logInHere = await logInAsNewBrowser<ErrorResponse>(test, 'guessed@example.com', oldPassword);
    assert.equal(logInHere.response.status, 429, 'the same count as log-in, for this email and network');

    assert.equal(await isLoggedIn(other), true, 'a refused change ends no session');
    test.clock.advance(standardThrottleRules.logInToAccountFromAddress.windowSeconds + 1);
    assert.equal(
      (await logInAsNewBrowser<ErrorResponse>(test, 'guessed@example.com', oldPassword)).response.status,
      200,
    );
    assert.equal((await changePassword(browser, oldPassword)).status, 200);
  });

  it('holds the new password to the sign-up rules, and tells which field is wrong', async () => {
    const browser = new TestBrowser(test.app);
    await browser.signUp({ email: 'weak@example.com', password: oldPassword });
    for (const [password, message] of [
      ['aaaaaaaaaaaa', /5 different characters/],
      ['Password1234', /most common passwords/],
      [oldPassword, /different from your current one/],
    ] as const) {
      const refused = await changePassword(browser, oldPassword, password);
      assert.equal(refused.status, 400, password);
      const issue = refused.body.error.details?.issues?.[0];
      assert.equal(issue?.path, 'newPassword');
      assert.match(issue?.message ?? '', message);
    }
    assert.equal(
      (await logInAsNewBrowser<ErrorResponse>(test, 'weak@example.com', oldPassword)).response.status,
      200,
    );
  });

  it('refuses a weak password at sign-up too', async () => {
    const browser = new TestBrowser(test.app);
    await browser.get('/api/session');
    const refused = await browser.post<ErrorResponse>('/api/auth/signup', {
      name: 'Weak',
      email: 'weak-sign-up@example.com',
      password: 'aaaaaaaaaaaa',
      workspaceName: 'Weak',
    });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error.details?.issues?.[0]?.path, 'password');
  });

  it('ends reset links mailed before the change, so an old mail cannot undo it', async () => {
    const browser = new TestBrowser(test.app);
    await browser.signUp({ email: 'mailed@example.com', password: oldPassword });
    const forgetful = new TestBrowser(test.app);
    await forgetful.get('/api/session');
    assert.equal(
      (await forgetful.post('/api/auth/password-resets', { email: 'mailed@example.com' })).status,
      204,
    );
    const token = loggedResetLinks(test, 'mailed@example.com')[0]?.token;
    assert.ok(token, 'a reset link was mailed');
    assert.equal((await changePassword(browser, oldPassword)).status, 200);
    const late = await new TestBrowser(test.app).get<ErrorResponse>(`/api/auth/password-resets/${token}`);
    assert.equal(late.body.error.code, 'password_reset_invalid');
  });
});
