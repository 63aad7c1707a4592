import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Emulator } from '../create-emulator.js';
import { emulatorApp } from '../registered-app.js';
import { createTestEmulator, ids } from '../test-support.js';

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

async function loginAndChoose(emulator: Emulator, email: string, password: string, bcId: string) {
  const start = await openAuthorization(emulator, {
    app_id: emulatorApp.appId,
    redirect_uri: callback,
    state: 'xyz 1',
  });
  const session = sessionOf(start.body);
  await submit(emulator, '/portal/auth/login', [
    ['session', session],
    ['email', email],
    ['password', password],
  ]);
  const chosen = await submit(emulator, '/portal/auth/business-center', [
    ['session', session],
    ['bc_id', bcId],
  ]);
  return { session, chosen };
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

test('confirming redirects with auth_code, code and state; unticked permissions leave the scope', async () => {
  const emulator = createTestEmulator();
  const { session, chosen } = await loginAndChoose(emulator, ids.alex, 'alex-password', ids.northwind);
  assert.match(chosen.body, /<legend>Ads Management<\/legend>/);
  assert.match(chosen.body, /<legend>Creative Management<\/legend>/);
  // Keep everything but Reporting's "Ad Level Report" (43).
  const kept = [...chosen.body.matchAll(/name="permission" value="(\d+)"/g)]
    .map((match) => match[1] ?? '')
    .filter((id) => id !== '43');
  const confirmed = await submit(emulator, '/portal/auth/confirm', [
    ['session', session],
    ...kept.map((id): [string, string] => ['permission', id]),
  ]);
  assert.equal(confirmed.statusCode, 302);
  const location = new URL(String(confirmed.headers.location));
  assert.equal(`${location.origin}${location.pathname}`, callback);
  assert.equal(location.searchParams.get('state'), 'xyz 1');
  const code = location.searchParams.get('auth_code');
  assert.equal(location.searchParams.get('code'), code);
  const exchanged = await emulator.app.inject({
    method: 'POST',
    url: '/open_api/v1.3/oauth2/access_token/',
    payload: { app_id: emulatorApp.appId, secret: emulatorApp.secret, auth_code: code },
  });
  const scope = exchanged.json().data.scope as number[];
  assert.equal(scope.includes(43), false);
  assert.equal(scope.includes(4), false, 'a group with an unticked child is not granted whole');
  assert.ok(scope.includes(41));
});

test('cancelling redirects with error=access_denied and the state', async () => {
  const emulator = createTestEmulator();
  const start = await openAuthorization(emulator, {
    app_id: emulatorApp.appId,
    redirect_uri: callback,
    state: 'abc',
  });
  const cancelled = await submit(emulator, '/portal/auth/cancel', [['session', sessionOf(start.body)]]);
  const location = new URL(String(cancelled.headers.location));
  assert.equal(location.searchParams.get('error'), 'access_denied');
  assert.equal(location.searchParams.get('state'), 'abc');
  assert.equal(location.searchParams.get('auth_code'), null);
});

test('an analyst-only user sees permission denied and returns with error=permission_denied', async () => {
  const emulator = createTestEmulator();
  const { session, chosen } = await loginAndChoose(emulator, ids.wendy, 'wendy-password', ids.bluebird);
  assert.match(chosen.body, /<h1>Permission denied<\/h1>/);
  const back = await submit(emulator, '/portal/auth/deny', [['session', session]]);
  const location = new URL(String(back.headers.location));
  assert.equal(location.searchParams.get('error'), 'permission_denied');
  assert.equal(location.searchParams.get('state'), 'xyz 1');
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
