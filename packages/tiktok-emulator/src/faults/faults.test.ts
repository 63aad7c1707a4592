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
  } finally {
    await server.close();
  }
});
