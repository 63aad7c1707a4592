import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emulatorApp } from '../registered-app.js';
import { callApi, connect, createTestEmulator, ids } from '../test-support.js';

test('an API answer is HTTP 200 with code, "OK", a 34-character request id and data', async () => {
  const emulator = createTestEmulator();
  const { token } = await connect(emulator, ids.alex, ids.northwind);
  const answer = await callApi(emulator, 'GET', '/advertiser/info/', {
    token,
    query: { advertiser_ids: [ids.northwindUs] },
  });
  assert.equal(answer.httpStatus, 200);
  assert.equal(answer.code, 0);
  assert.equal(answer.message, 'OK');
  assert.match(answer.request_id, /^\d{14}[0-9A-F]{20}$/);
  assert.ok(answer.request_id.startsWith('20261125120000'));
});

test('a path without its trailing slash is an HTTP 404 page, not an envelope', async () => {
  const emulator = createTestEmulator();
  const response = await emulator.app.inject({ method: 'GET', url: '/open_api/v1.3/bc/get?page=1' });
  assert.equal(response.statusCode, 404);
  assert.match(String(response.headers['content-type']), /text\/html/);
});

test('a known path with the wrong method is a bare HTTP 405 page', async () => {
  const emulator = createTestEmulator();
  const response = await emulator.app.inject({ method: 'POST', url: '/open_api/v1.3/bc/get/' });
  assert.equal(response.statusCode, 405);
  assert.match(response.body, /405 Not Allowed/);
});

test('array parameters must be JSON-encoded strings; a bare value is a 40002 naming the field', async () => {
  const emulator = createTestEmulator();
  const { token } = await connect(emulator, ids.alex, ids.northwind);
  const response = await emulator.app.inject({
    method: 'GET',
    url: `/open_api/v1.3/advertiser/info/?advertiser_ids=${ids.northwindUs}`,
    headers: { 'access-token': token },
  });
  const answer = response.json();
  assert.equal(answer.code, 40002);
  assert.equal(answer.message, 'advertiser_ids: Not a valid list.');
  assert.deepEqual(answer.data, {});
});

test('a repeated query key is not a list either: 40002 naming the field', async () => {
  const emulator = createTestEmulator();
  const { token } = await connect(emulator, ids.alex, ids.northwind);
  const response = await emulator.app.inject({
    method: 'GET',
    url: `/open_api/v1.3/advertiser/info/?advertiser_ids=${ids.northwindUs}&advertiser_ids=${ids.northwindCanada}`,
    headers: { 'access-token': token },
  });
  const answer = response.json();
  assert.equal(answer.code, 40002);
  assert.equal(answer.message, 'advertiser_ids: Not a valid list.');
});

test('a POST body that is not JSON carries no parameters', async () => {
  const emulator = createTestEmulator();
  const response = await emulator.app.inject({
    method: 'POST',
    url: '/open_api/v1.3/oauth2/access_token/',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: `app_id=${emulatorApp.appId}&secret=${emulatorApp.secret}&auth_code=abc`,
  });
  const answer = response.json();
  assert.equal(answer.code, 40002);
  assert.equal(answer.message, 'app_id: Missing data for required field.');
});

test('a missing required field is a 40002 in marshmallow wording', async () => {
  const emulator = createTestEmulator();
  const { token } = await connect(emulator, ids.alex, ids.northwind);
  const answer = await callApi(emulator, 'GET', '/bc/asset/get/', { token, query: { bc_id: ids.northwind } });
  assert.equal(answer.code, 40002);
  assert.equal(answer.message, 'asset_type: Missing data for required field.');
});

test('an unreadable JSON body is answered in the envelope with 40002', async () => {
  const emulator = createTestEmulator();
  const response = await emulator.app.inject({
    method: 'POST',
    url: '/open_api/v1.3/oauth2/access_token/',
    headers: { 'content-type': 'application/json' },
    payload: '{"app_id":',
  });
  assert.equal(response.statusCode, 200);
  assert.equal(response.json().code, 40002);
  assert.equal(response.headers['x-tt-logid'], response.json().request_id);
});

test('the same seed gives the same tokens and request ids', async () => {
  const first = createTestEmulator({ seed: 7 });
  const second = createTestEmulator({ seed: 7 });
  const third = createTestEmulator({ seed: 8 });
  const [a, b, c] = await Promise.all(
    [first, second, third].map((emulator) => connect(emulator, ids.alex, ids.northwind)),
  );
  assert.equal(a?.token, b?.token);
  assert.notEqual(a?.token, c?.token);
  assert.match(a?.token ?? '', /^[0-9a-f]{40}$/);
});

test('a browser asking for the favicon gets an empty answer, not an error page', async () => {
  const emulator = createTestEmulator();
  const response = await emulator.app.inject({ method: 'GET', url: '/favicon.ico' });
  assert.equal(response.statusCode, 204);
  assert.equal(response.body, '');
});
