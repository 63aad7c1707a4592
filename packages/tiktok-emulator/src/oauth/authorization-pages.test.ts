import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Emulator } from '../create-emulator.js';
import { emulatorApp } from '../registered-app.js';
import { createTestEmulator, exchangeCode, ids, alexAccounts } from '../test-support.js';

const callback = 'http://localhost:3000/api/integrations/tiktok/callback';

async function openAuthorization(emulator: Emulator, query: Record<string, string>) {
  return emulator.app.inject({ method: 'GET', url: `/portal/auth?${new URLSearchParams(query).toString()}` });
}

const sessionOf = (html: string): string => /name="session" value="([0-9a-f]+)"/.exec(html)?.[1] ?? '';

async function submit(emulator: Emulator, action: string, fields: [string, string][]) {
  return emulator.app.inject({
    method: 'POST',
    url: action,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
}

async function start(emulator: Emulator, state = 'xyz 1'): Promise<string> {
  const page = await openAuthorization(emulator, {
    app_id: emulatorApp.appId,
    redirect_uri: callback,
    state,
  });
  return sessionOf(page.body);
}

async function logIn(emulator: Emulator, email: string, password: string) {
  const session = await start(emulator);
  const page = await submit(emulator, '/portal/auth/login', [
    ['session', session],
    ['email', email],
    ['password', password],
  ]);
  return { session, page };
}

const offeredAccounts = (html: string): string[] =>
  [...html.matchAll(/name="advertiser_id" value="(\d+)"/g)].map((match) => match[1] ?? '');
const tickedAccounts = (html: string): string[] =>
  [...html.matchAll(/name="advertiser_id" value="(\d+)" checked/g)].map((match) => match[1] ?? '');
const permissionIds = (html: string): string[] =>
  [...html.matchAll(/name="permission" value="(\d+)"/g)].map((match) => match[1] ?? '');

/** Confirms the consent page with these accounts ticked (and every permission), then exchanges the code. */
async function confirm(emulator: Emulator, session: string, html: string, advertiserIds: string[]) {
  const confirmed = await submit(emulator, '/portal/auth/confirm', [
    ['session', session],
    ...advertiserIds.map((id): [string, string] => ['advertiser_id', id]),
    ...permissionIds(html).map((id): [string, string] => ['permission', id]),
  ]);
  assert.equal(confirmed.statusCode, 302);
  const location = new URL(String(confirmed.headers.location));
  return exchangeCode(emulator, location.searchParams.get('auth_code') ?? '');
}

test('an unknown app or an unregistered redirect_uri gets an error page and no redirect', async () => {
  const emulator = createTestEmulator();
  const unknownApp = await openAuthorization(emulator, { app_id: '123', redirect_uri: callback, state: 's' });
  assert.equal(unknownApp.statusCode, 400);
  assert.equal(unknownApp.headers.location, undefined);
  const wrongUri = await openAuthorization(emulator, {
    app_id: emulatorApp.appId,
    redirect_uri: 'https://evil.example/cb',
  });
  assert.equal(wrongUri.statusCode, 400);
  assert.match(wrongUri.body, /redirect_uri is not registered/);
});

test('the login form has labelled fields; a wrong password is announced and keeps the user on it', async () => {
  const emulator = createTestEmulator();
  const start = await openAuthorization(emulator, {
    app_id: emulatorApp.appId,
    redirect_uri: callback,
    state: 's',
  });
  assert.match(start.body, /<label for="email">Email<\/label>/);
  assert.match(start.body, /<label for="password">Password<\/label>/);
  const wrong = await submit(emulator, '/portal/auth/login', [
    ['session', sessionOf(start.body)],
    ['email', ids.alex],
    ['password', 'wrong'],
  ]);
  assert.equal(wrong.statusCode, 401);
  assert.match(wrong.body, /role="alert">Incorrect email or password/);
});

test('after log-in the consent page offers every account of every Business Center, all ticked', async () => {
  const emulator = createTestEmulator();
  const { page } = await logIn(emulator, ids.alex, 'alex-password');
  assert.match(page.body, /<h1>Authorize Whathead<\/h1>/);
  assert.doesNotMatch(page.body, /Select a Business Center/);
  assert.match(page.body, /<legend>Ad accounts<\/legend>/);
  assert.match(
    page.body,
    /<label for="advertiser-7200000000000000021">Café Lumen \(7200000000000000021\)<\/label>/,
  );
  assert.match(page.body, /Bluebird Agency · Admin/);
  assert.match(page.body, /<legend>Ads Management<\/legend>/);
  const all = alexAccounts;
  assert.deepEqual(offeredAccounts(page.body), all);
  assert.deepEqual(tickedAccounts(page.body), all);
});

test('confirming redirects with auth_code, code and state; the grant is the ticked accounts', async () => {
  const emulator = createTestEmulator();
  const { session, page } = await logIn(emulator, ids.alex, 'alex-password');
  // Two accounts of two Business Centers, a forged id (dropped), every permission but Ad Level Report (43).
  const confirmed = await submit(emulator, '/portal/auth/confirm', [
    ['session', session],
    ['advertiser_id', ids.northwindUs],
    ['advertiser_id', ids.cafeLumen],
    ['advertiser_id', ids.harborFlagship],
    ...permissionIds(page.body)
      .filter((id) => id !== '43')
      .map((id): [string, string] => ['permission', id]),
  ]);
  assert.equal(confirmed.statusCode, 302);
  const location = new URL(String(confirmed.headers.location));
  assert.equal(`${location.origin}${location.pathname}`, callback);
  assert.equal(location.searchParams.get('state'), 'xyz 1');
  const code = location.searchParams.get('auth_code') ?? '';
  assert.equal(location.searchParams.get('code'), code);
  const token = await exchangeCode(emulator, code);
  assert.deepEqual(token.advertiserIds, [ids.northwindUs, ids.cafeLumen]);
  assert.equal(token.scope.includes(43), false);
  assert.equal(token.scope.includes(4), false, 'a group with an unticked child is not granted whole');
  assert.ok(token.scope.includes(41));
});

test('unticking every account gives an empty grant; unticking every permission is refused', async () => {
  const emulator = createTestEmulator();
  const { session, page } = await logIn(emulator, ids.alex, 'alex-password');
  const refused = await submit(emulator, '/portal/auth/confirm', [
    ['session', session],
    ['advertiser_id', ids.cafeLumen],
  ]);
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /role="alert">Select at least one permission/);
  assert.deepEqual(tickedAccounts(refused.body), [ids.cafeLumen], 'what the user left ticked stays ticked');
  assert.deepEqual((await confirm(emulator, session, page.body, [])).advertiserIds, []);
});

test('an analyst-only user is offered their accounts and granted a token (correction 16)', async () => {
  const emulator = createTestEmulator();
  const { session, page } = await logIn(emulator, ids.wendy, 'wendy-password');
  assert.match(page.body, /Bluebird Agency · Analyst/);
  const token = await confirm(emulator, session, page.body, offeredAccounts(page.body));
  assert.deepEqual(token.advertiserIds, [ids.cafeLumen, ids.verdeGym]);
  const denied = await submit(emulator, '/portal/auth/deny', [['session', session]]);
  assert.equal(denied.statusCode, 404, 'there is no permission-denied step');
});

test('owned accounts are offered as such; a member who reaches no account sees none and may confirm', async () => {
  const emulator = createTestEmulator();
  const ivan = await logIn(emulator, ids.ivan, 'ivan-password');
  assert.match(ivan.page.body, /Owned by you · Admin/);
  assert.deepEqual(offeredAccounts(ivan.page.body), [ids.ivansBakery, ids.ivansFoodTruck]);
  const hugo = await logIn(emulator, ids.hugo, 'hugo-password');
  assert.match(hugo.page.body, /You have no ad accounts to authorize\./);
  assert.deepEqual((await confirm(emulator, hugo.session, hugo.page.body, [])).advertiserIds, []);
});

test("businessCenterStep 'pick' asks for a Business Center first and offers only its accounts", async () => {
  const emulator = createTestEmulator({ settings: { businessCenterStep: 'pick' } });
  const { session, page } = await logIn(emulator, ids.alex, 'alex-password');
  assert.match(page.body, /<h1>Select a Business Center<\/h1>/);
  assert.match(page.body, /<label for="bc-7100000000000000003">Harbor Holdings<\/label>/);
  const chosen = await submit(emulator, '/portal/auth/business-center', [
    ['session', session],
    ['bc_id', ids.bluebird],
  ]);
  assert.deepEqual(offeredAccounts(chosen.body), [ids.cafeLumen, ids.verdeGym]);
  const token = await confirm(emulator, session, chosen.body, [ids.cafeLumen, ids.northwindUs]);
  assert.deepEqual(token.advertiserIds, [ids.cafeLumen]);
  assert.equal(emulator.control.tokens()[0]?.bc_id, ids.bluebird);
  // A user outside every Business Center has nothing to pick.
  const ivan = await logIn(emulator, ids.ivan, 'ivan-password');
  assert.match(ivan.page.body, /<h1>Authorize Whathead<\/h1>/);
});

test('cancel redirects with error=access_denied, or only the state, or stays on a TikTok page', async () => {
  const emulator = createTestEmulator();
  const cancel = async () =>
    submit(emulator, '/portal/auth/cancel', [['session', await start(emulator, 'abc')]]);
  const oauthError = new URL(String((await cancel()).headers.location));
  assert.equal(oauthError.searchParams.get('error'), 'access_denied');
  assert.equal(oauthError.searchParams.get('error_description'), 'The user cancelled the authorization.');
  assert.equal(oauthError.searchParams.get('state'), 'abc');
  assert.equal(oauthError.searchParams.get('auth_code'), null);
  emulator.control.updateSettings({ cancelRedirect: 'state_only' });
  const stateOnly = new URL(String((await cancel()).headers.location));
  assert.deepEqual([...stateOnly.searchParams.keys()], ['state']);
  emulator.control.updateSettings({ cancelRedirect: 'none' });
  const stay = await cancel();
  assert.equal(stay.statusCode, 200);
  assert.equal(stay.headers.location, undefined);
  assert.match(stay.body, /<h1>Authorization cancelled<\/h1>/);
  assert.match(stay.body, /You can close this window\./);
});

test('extra redirect URIs can be registered by option and by the control API', async () => {
  const emulator = createTestEmulator({ redirectUris: ['http://127.0.0.1:5173/cb'] });
  assert.equal(
    (
      await openAuthorization(emulator, {
        app_id: emulatorApp.appId,
        redirect_uri: 'http://127.0.0.1:5173/cb',
      })
    ).statusCode,
    200,
  );
  emulator.control.registerRedirectUri('http://127.0.0.1:9999/cb');
  emulator.control.reset();
  assert.equal(
    (
      await openAuthorization(emulator, {
        app_id: emulatorApp.appId,
        redirect_uri: 'http://127.0.0.1:9999/cb',
      })
    ).statusCode,
    200,
  );
});

test('a stale session cannot be continued', async () => {
  const emulator = createTestEmulator();
  const start = await openAuthorization(emulator, { app_id: emulatorApp.appId, redirect_uri: callback });
  emulator.control.advanceClock(3_600_000);
  const late = await submit(emulator, '/portal/auth/login', [
    ['session', sessionOf(start.body)],
    ['email', ids.alex],
    ['password', 'alex-password'],
  ]);
  assert.equal(late.statusCode, 400);
  assert.match(late.body, /expired/);
});
