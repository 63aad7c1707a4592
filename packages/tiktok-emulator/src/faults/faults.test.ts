import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callApi, connect, createTestEmulator, ids } from '../test-support.js';

const query = { advertiser_ids: [ids.northwindUs] };

test('a 50000 fault at the 2nd call fires once, in the envelope', async () => {
  const emulator = createTestEmulator();
  const { token } = await connect(emulator, ids.alex, ids.northwind);
  emulator.control.addFault({ kind: 'system_error', path: '/advertiser/info/', nth: 2 });
  const codes = [];
  for (let call = 0; call < 3; call += 1)
    codes.push((await callApi(emulator, 'GET', '/advertiser/info/', { token, query })).code);
  assert.deepEqual(codes, [0, 50000, 0]);
});

test('HTTP 5xx and injected 40100 faults', async () => {
  const emulator = createTestEmulator();
  const { token } = await connect(emulator, ids.alex, ids.northwind);
  emulator.control.addFault({ kind: 'http_503', times: 1 });
  const response = await emulator.app.inject({
    method: 'GET',
    url: '/open_api/v1.3/bc/get/',
    headers: { 'access-token': token },
  });
  assert.equal(response.statusCode, 503);
  assert.match(String(response.headers['content-type']), /html/);
  emulator.control.clearFaults();
  emulator.control.addFault({ kind: 'rate_limit', path: '/bc/get/' });
  assert.equal((await callApi(emulator, 'GET', '/bc/get/', { token })).code, 40100);
});

test('probabilistic faults replay identically for the same seed', async () => {
  const run = async (seed: number) => {
    const emulator = createTestEmulator({
      seed,
      settings: { appRateLimit: { perSecond: 1000, perMinute: 60_000, perDay: 864_000 } },
    });
    const { token } = await connect(emulator, ids.alex, ids.northwind);
    emulator.control.addFault({ kind: 'system_error', probability: 0.5 });
    const codes = [];
    for (let call = 0; call < 20; call += 1)
      codes.push((await callApi(emulator, 'GET', '/bc/get/', { token })).code);
    return codes;
  };
  const first = await run(3);
  assert.deepEqual(await run(3), first);
  assert.ok(first.includes(0) && first.includes(50000));
});

test('latency holds the answer; a dropped connection closes the socket without a response', async () => {
  const emulator = createTestEmulator();
  const server = await emulator.listen();
  try {
    const { token } = await connect(emulator, ids.alex, ids.northwind);
    emulator.control.addFault({ kind: 'latency', latencyMilliseconds: 60, nth: 1, path: '/bc/get/' });
    const started = performance.now();
    const slow = await fetch(`${server.url}/open_api/v1.3/bc/get/`, { headers: { 'access-token': token } });
    assert.equal(((await slow.json()) as { code: number }).code, 0);
    assert.ok(performance.now() - started >= 55);
    emulator.control.addFault({ kind: 'drop_connection', path: '/bc/get/', nth: 1 });
    await assert.rejects(
      fetch(`${server.url}/open_api/v1.3/bc/get/`, { headers: { 'access-token': token } }),
    );
    const calls = emulator.control.calls({ path: '/bc/get/' });
    assert.equal(calls.at(-1)?.fault, 'drop_connection');
    // A lost answer: the call ran (the custom identity exists), its caller heard nothing.
    emulator.control.addFault({ kind: 'answer_lost', path: '/identity/create/', nth: 1 });
    const identities = emulator.state.store.identities.size;
    await assert.rejects(
      fetch(`${server.url}/open_api/v1.3/identity/create/`, {
        method: 'POST',
        headers: { 'access-token': token, 'content-type': 'application/json' },
        body: JSON.stringify({ advertiser_id: ids.northwindUs, display_name: 'Lost answer' }),
      }),
    );
    assert.equal(emulator.state.store.identities.size, identities + 1);
    assert.equal(emulator.control.calls({ path: '/identity/create/' }).at(-1)?.fault, 'answer_lost');
  } finally {
    await server.close();
  }
});

test('an api_error rule with bodyContains fails exactly the matching call, in the envelope, without its effect', async () => {
  const emulator = createTestEmulator();
  const { token } = await connect(emulator, ids.ivan);
  const adgroup = [...emulator.state.store.adgroups.values()].find(
    (candidate) => candidate.advertiser_id === ids.ivansBakery,
  )!;
  const sample = [...emulator.state.store.ads.values()].find((ad) => ad.adgroup_id === adgroup.adgroup_id)!;
  const rule = emulator.control.addFault({
    kind: 'api_error',
    path: '/ad/create/',
    bodyContains: 'Broken ad',
    code: 40002,
    message: 'creatives.0.ad_text: Contains prohibited words.',
  });
  const createAd = (name: string) =>
    emulator.app.inject({
      method: 'POST',
      url: '/open_api/v1.3/ad/create/',
      headers: { 'access-token': token },
      payload: {
        advertiser_id: ids.ivansBakery,
        adgroup_id: adgroup.adgroup_id,
        creatives: [
          {
            ad_name: name,
            ad_format: 'SINGLE_VIDEO',
            ad_text: 'Fresh bread',
            video_id: sample.video_id,
            image_ids: sample.image_ids,
            landing_page_url: 'https://example.com/',
            identity_type: 'CUSTOMIZED_USER',
            identity_id: sample.identity_id,
          },
        ],
      },
    });
  const good = await createAd('Good ad');
  assert.equal(good.json().code, 0, good.json().message);
  const broken = await createAd('Broken ad');
  assert.equal(broken.statusCode, 200);
  assert.deepEqual(
    [broken.json().code, broken.json().message, broken.json().data],
    [40002, 'creatives.0.ad_text: Contains prohibited words.', {}],
  );
  assert.match(broken.json().request_id, /^\d{14}[0-9A-F]{20}$/);
  const names = [...emulator.state.store.ads.values()].map((ad) => ad.ad_name);
  assert.ok(names.includes('Good ad'));
  assert.ok(!names.includes('Broken ad'), 'the failed call created nothing');
  assert.deepEqual(
    emulator.control.faults().map((fault) => [fault.id, fault.matched, fault.fired]),
    [[rule.id, 1, 1]],
    'the good call was not counted',
  );
  assert.equal(emulator.control.calls({ path: '/ad/create/' }).at(-1)?.fault, 'api_error');
});

test('bodyContains reads the decoded query string of a GET, and nth counts matching calls only', async () => {
  const emulator = createTestEmulator();
  const { token } = await connect(emulator, ids.alex, ids.northwind);
  emulator.control.addFault({
    kind: 'api_error',
    path: '/advertiser/info/',
    bodyContains: `"${ids.northwindOutlet}"`,
    code: 40105,
    message: 'Access token is incorrect or has been revoked.',
    nth: 2,
  });
  const info = async (advertiserId: string) =>
    (
      await callApi(emulator, 'GET', '/advertiser/info/', {
        token,
        query: { advertiser_ids: [advertiserId] },
      })
    ).code;
  const codes = [
    await info(ids.northwindUs),
    await info(ids.northwindOutlet),
    await info(ids.northwindUs),
    await info(ids.northwindOutlet),
    await info(ids.northwindOutlet),
  ];
  assert.deepEqual(codes, [0, 0, 0, 40105, 0]);
});

test('an api_error rule needs a non-zero code; code and message belong to api_error only', async () => {
  const emulator = createTestEmulator();
  assert.throws(() => emulator.control.addFault({ kind: 'api_error' }), /code: an api_error rule needs/);
  assert.throws(() => emulator.control.addFault({ kind: 'api_error', code: 0 }), /non-zero/);
  assert.throws(() => emulator.control.addFault({ kind: 'system_error', code: 40002 }), /only an api_error/);
  assert.throws(() => emulator.control.addFault({ kind: 'http_503', bodyContains: '' }), /must not be empty/);
  const { token } = await connect(emulator, ids.alex, ids.northwind);
  const rule = emulator.control.addFault({ kind: 'api_error', code: 40700, path: '/bc/get/' });
  const answer = await callApi(emulator, 'GET', '/bc/get/', { token });
  assert.deepEqual([answer.code, answer.message], [40700, 'Injected API error.']);
  assert.equal(rule.kind, 'api_error');
});
