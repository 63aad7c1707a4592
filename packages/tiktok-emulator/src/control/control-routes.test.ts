import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emulatorApp } from '../registered-app.js';
import { callApi, createTestEmulator, ids } from '../test-support.js';

test('the control API issues codes, lists and revokes tokens, and logs calls', async () => {
  const emulator = createTestEmulator();
  const issued = await emulator.app.inject({
    method: 'POST',
    url: '/control/authorization-codes',
    payload: { email: ids.olivia, bc_id: ids.northwind },
  });
  const code = issued.json().auth_code as string;
  const exchange = await callApi(emulator, 'POST', '/oauth2/access_token/', {
    body: { app_id: emulatorApp.appId, secret: emulatorApp.secret, auth_code: code },
  });
  const token = (exchange.data as { access_token: string }).access_token;
  const tokens = (await emulator.app.inject({ method: 'GET', url: '/control/tokens' })).json().tokens as {
    access_token: string;
    state: string;
  }[];
  assert.deepEqual(
    tokens.map((entry) => [entry.access_token, entry.state]),
    [[token, 'active']],
  );
  await emulator.app.inject({
    method: 'POST',
    url: '/control/tokens/revoke',
    payload: { access_token: token },
  });
  assert.equal((await callApi(emulator, 'GET', '/bc/get/', { token })).code, 40105);
  const calls = (await emulator.app.inject({ method: 'GET', url: '/control/calls?path=/bc/get/' })).json()
    .calls as { code: number }[];
  assert.deepEqual(
    calls.map((call) => call.code),
    [40105],
  );
});

test('the control API changes statuses and roles, adds faults and moves the clock', async () => {
  const emulator = createTestEmulator();
  const status = await emulator.app.inject({
    method: 'POST',
    url: '/control/advertiser-status',
    payload: { advertiser_id: ids.northwindUs, status: 'STATUS_LIMIT', api_eligible: false },
  });
  assert.equal(status.statusCode, 200);
  assert.equal(emulator.state.store.advertisers.get(ids.northwindUs)?.apiEligible, false);
  const unknown = await emulator.app.inject({
    method: 'POST',
    url: '/control/advertiser-status',
    payload: { advertiser_id: '1', status: 'STATUS_LIMIT' },
  });
  assert.equal(unknown.statusCode, 404);
  const fault = await emulator.app.inject({
    method: 'POST',
    url: '/control/faults',
    payload: { kind: 'http_502', nth: 1 },
  });
  assert.equal(fault.json().kind, 'http_502');
  assert.equal((await emulator.app.inject({ method: 'GET', url: '/open_api/v1.3/bc/get/' })).statusCode, 502);
  const clock = await emulator.app.inject({
    method: 'POST',
    url: '/control/clock/advance',
    payload: { milliseconds: 60_000 },
  });
  assert.equal(clock.json().iso, '2026-11-25T12:01:00.000Z');
  const invalid = await emulator.app.inject({
    method: 'POST',
    url: '/control/faults',
    payload: { kind: 'meteor' },
  });
  assert.equal(invalid.statusCode, 400);
});

test('the control API adds api_error rules matched on the request body, and refuses one without a code', async () => {
  const emulator = createTestEmulator();
  const added = await emulator.app.inject({
    method: 'POST',
    url: '/control/faults',
    payload: {
      kind: 'api_error',
      path: '/campaign/create/',
      body_contains: 'Broken campaign',
      code: 40002,
      message: 'campaign_name: Contains prohibited words.',
    },
  });
  assert.equal(added.statusCode, 200);
  assert.deepEqual(
    [added.json().kind, added.json().bodyContains, added.json().code],
    ['api_error', 'Broken campaign', 40002],
  );
  const code = emulator.control.issueAuthorizationCode({ email: ids.alex, bcId: ids.northwind });
  const token = (
    (
      await callApi(emulator, 'POST', '/oauth2/access_token/', {
        body: { app_id: emulatorApp.appId, secret: emulatorApp.secret, auth_code: code },
      })
    ).data as { access_token: string }
  ).access_token;
  const create = (name: string) =>
    callApi(emulator, 'POST', '/campaign/create/', {
      token,
      body: {
        advertiser_id: ids.northwindUs,
        campaign_name: name,
        objective_type: 'TRAFFIC',
        budget_mode: 'BUDGET_MODE_DAY',
        budget: 100,
      },
    });
  assert.equal((await create('Spring campaign')).code, 0);
  const broken = await create('Broken campaign');
  assert.deepEqual([broken.code, broken.message], [40002, 'campaign_name: Contains prohibited words.']);
  const names = [...emulator.state.store.campaigns.values()].map((campaign) => campaign.campaign_name);
  assert.ok(names.includes('Spring campaign') && !names.includes('Broken campaign'));
  const withoutCode = await emulator.app.inject({
    method: 'POST',
    url: '/control/faults',
    payload: { kind: 'api_error', path: '/campaign/create/' },
  });
  assert.equal(withoutCode.statusCode, 400);
  assert.match(withoutCode.json().error.message, /needs the code/);
  const emptyText = await emulator.app.inject({
    method: 'POST',
    url: '/control/faults',
    payload: { kind: 'http_502', body_contains: '' },
  });
  assert.equal(emptyText.statusCode, 400);
});

test('loading another scenario replaces the world; reset restores the current one', async () => {
  const emulator = createTestEmulator();
  const loaded = await emulator.app.inject({
    method: 'POST',
    url: '/control/scenario',
    payload: { name: 'empty-business-center' },
  });
  assert.equal(loaded.json().name, 'empty-business-center');
  const code = emulator.control.issueAuthorizationCode({
    email: 'emma.empty@example.com',
    bcId: '7100000000000000101',
  });
  const exchange = await callApi(emulator, 'POST', '/oauth2/access_token/', {
    body: { app_id: emulatorApp.appId, secret: emulatorApp.secret, auth_code: code },
  });
  assert.deepEqual((exchange.data as { advertiser_ids: string[] }).advertiser_ids, []);
  const bad = await emulator.app.inject({
    method: 'POST',
    url: '/control/scenario',
    payload: { name: 'nope' },
  });
  assert.equal(bad.statusCode, 400);
  emulator.control.reset();
  assert.equal(emulator.control.tokens().length, 0);
  assert.equal(emulator.control.scenario().name, 'empty-business-center');
});

test('an inline scenario is validated and every problem is reported', () => {
  const emulator = createTestEmulator();
  assert.throws(
    () =>
      emulator.control.loadScenario({
        name: 'broken',
        users: [{ user_id: '1', email: 'a@example.com', password: 'x', display_name: 'A' }],
        business_centers: [
          {
            bc_id: '7100000000000000999',
            name: 'X',
            members: [{ email: 'ghost@example.com', user_role: 'ADMIN' }],
          },
        ],
      }),
    /users\.0\.user_id.*unknown user ghost@example\.com/s,
  );
});

test('the control API refuses what a page on another site could send through a browser', async () => {
  const emulator = createTestEmulator();
  const registered = () => emulator.state.store.apps.get(emulatorApp.appId)?.redirectUris ?? [];
  const attack = 'https://attacker.example/steal';
  const attempts = [
    // A plain HTML form posted from another site.
    {
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://attacker.example' },
      payload: `redirect_uri=${encodeURIComponent(attack)}`,
      status: 403,
    },
    // The same form from a page that sends no Origin: refused for not being JSON.
    {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `redirect_uri=${encodeURIComponent(attack)}`,
      status: 415,
    },
    {
      headers: { 'content-type': 'text/plain' },
      payload: JSON.stringify({ redirect_uri: attack }),
      status: 415,
    },
    // JSON from a page elsewhere (the browser would send a preflight; the answer is no anyway).
    {
      headers: { 'content-type': 'application/json', origin: 'https://attacker.example' },
      payload: JSON.stringify({ redirect_uri: attack }),
      status: 403,
    },
    // A DNS name rebound to this machine.
    {
      headers: { 'content-type': 'application/json', host: 'rebound.attacker.example:4010' },
      payload: JSON.stringify({ redirect_uri: attack }),
      status: 403,
    },
  ];
  for (const attempt of attempts) {
    const answer = await emulator.app.inject({ method: 'POST', url: '/control/redirect-uris', ...attempt });
    assert.equal(answer.statusCode, attempt.status, JSON.stringify(attempt.headers));
    assert.ok(answer.json().error.message, 'the refusal says why');
  }
  const fromElsewhere = await emulator.app.inject({
    method: 'GET',
    url: '/control/tokens',
    remoteAddress: '203.0.113.7',
  });
  assert.equal(fromElsewhere.statusCode, 403, 'another machine cannot even list tokens');
  assert.ok(!registered().includes(attack), 'no redirect URI was added');

  const fromItsOwnPage = await emulator.app.inject({
    method: 'POST',
    url: '/control/redirect-uris',
    headers: { 'content-type': 'application/json', host: 'localhost:4010', origin: 'http://localhost:4010' },
    payload: JSON.stringify({ redirect_uri: 'http://localhost:5173/callback' }),
  });
  assert.equal(fromItsOwnPage.statusCode, 200, 'a local tool or the emulator’s own origin is served');
  assert.ok(registered().includes('http://localhost:5173/callback'));
});

test('control codes take a set of advertiser ids, a Business Center, or default to every grantable account', async () => {
  const emulator = createTestEmulator();
  const issue = async (payload: Record<string, unknown>) =>
    emulator.app.inject({ method: 'POST', url: '/control/authorization-codes', payload });
  const exchange = async (code: string) =>
    (
      await callApi(emulator, 'POST', '/oauth2/access_token/', {
        body: { app_id: emulatorApp.appId, secret: emulatorApp.secret, auth_code: code },
      })
    ).data as { advertiser_ids: string[] };
  const spanning = await issue({ email: ids.alex, advertiser_ids: [ids.northwindUs, ids.cafeLumen] });
  assert.deepEqual((await exchange(spanning.json().auth_code)).advertiser_ids, [
    ids.northwindUs,
    ids.cafeLumen,
  ]);
  const everything = await issue({ email: ids.olivia });
  assert.deepEqual((await exchange(everything.json().auth_code)).advertiser_ids, [
    ids.northwindUs,
    ids.northwindOutlet,
  ]);
  const notHers = await issue({ email: ids.olivia, advertiser_ids: [ids.cafeLumen] });
  assert.equal(notHers.statusCode, 400);
  assert.match(notHers.json().error.message, /cannot grant advertiser 7200000000000000021/);
  const tokens = emulator.control.tokens();
  assert.deepEqual(
    tokens.map((token) => [token.bc_id, token.bc_ids]),
    [
      [null, [ids.northwind, ids.bluebird]],
      [ids.northwind, [ids.northwind]],
    ],
  );
});
