import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callApi, connect, createTestEmulator, ids } from '../test-support.js';

const info = (token: string) => ({ token, query: { advertiser_ids: [ids.northwindUs] } });

test('a burst of 50 calls in one second: exactly the 40 over the Basic 10 QPS get 40100', async () => {
  const emulator = createTestEmulator();
  const { token } = await connect(emulator, ids.alex, ids.northwind);
  emulator.control.advanceClock(1_000); // the token exchange counted in the previous second
  const answers = await Promise.all(
    Array.from({ length: 50 }, () => callApi(emulator, 'GET', '/advertiser/info/', info(token))),
  );
  assert.equal(answers.filter((answer) => answer.code === 0).length, 10);
  const limited = answers.filter((answer) => answer.code === 40100);
  assert.equal(limited.length, 40);
  assert.ok(
    limited.every((answer) => answer.httpStatus === 200 && answer.message === 'App reaches the QPS limit.'),
  );
  emulator.control.advanceClock(1_000);
  assert.equal(
    (await callApi(emulator, 'GET', '/advertiser/info/', info(token))).code,
    0,
    'the next second is open again',
  );
});

test('the rate-limited answers carry no rate-limit headers', async () => {
  const emulator = createTestEmulator({
    settings: { appRateLimit: { perSecond: 1, perMinute: 600, perDay: 864_000 } },
  });
  const { token } = await connect(emulator, ids.alex, ids.northwind);
  const response = await emulator.app.inject({
    method: 'GET',
    url: `/open_api/v1.3/advertiser/info/?advertiser_ids=${encodeURIComponent(JSON.stringify([ids.northwindUs]))}`,
    headers: { 'access-token': token },
  });
  assert.equal(response.json().code, 40100);
  assert.equal(
    Object.keys(response.headers).some((name) => /ratelimit|retry-after/i.test(name)),
    false,
  );
});

test('QPM is counted across seconds and resets with the next minute', async () => {
  const emulator = createTestEmulator({
    settings: { appRateLimit: { perSecond: 10, perMinute: 15, perDay: 864_000 } },
  });
  const { token } = await connect(emulator, ids.alex, ids.northwind);
  const codes: number[] = [];
  for (let second = 0; second < 2; second += 1) {
    for (let call = 0; call < 10; call += 1)
      codes.push((await callApi(emulator, 'GET', '/advertiser/info/', info(token))).code);
    emulator.control.advanceClock(1_000);
  }
  // The token exchange itself counted one call in the first minute.
  assert.equal(codes.filter((code) => code === 0).length, 14);
  const last = await callApi(emulator, 'GET', '/advertiser/info/', info(token));
  assert.equal(last.message, 'App reaches the QPM limit.');
  emulator.control.advanceClock(60_000);
  assert.equal((await callApi(emulator, 'GET', '/advertiser/info/', info(token))).code, 0);
});

test('per-advertiser path limits answer 40133', async () => {
  const emulator = createTestEmulator({
    settings: {
      appRateLimit: { perSecond: 100, perMinute: 6_000, perDay: 864_000 },
      advertiserRateLimitPerSecond: 3,
    },
  });
  const { token } = await connect(emulator, ids.alex, ids.northwind);
  const codes = [];
  for (let call = 0; call < 5; call += 1)
    codes.push((await callApi(emulator, 'GET', '/advertiser/info/', info(token))).code);
  assert.deepEqual(codes, [0, 0, 0, 40133, 40133]);
  const otherAccount = await callApi(emulator, 'GET', '/advertiser/info/', {
    token,
    query: { advertiser_ids: [ids.northwindOutlet] },
  });
  assert.equal(otherAccount.code, 0);
});

test('an endpoint the user did not grant is 40001 in TikTok wording', async () => {
  const emulator = createTestEmulator();
  const { token } = await connect(emulator, ids.alex, ids.northwind, [2, 4, 6]);
  const answer = await callApi(emulator, 'GET', '/advertiser/info/', info(token));
  assert.equal(answer.code, 40001);
  assert.equal(answer.message, 'advertiser does not grant you /advertiser/info/:GET permission');
});

test('sliding windows: no more than the limit in any second, across the clock’s second boundary', async () => {
  const emulator = createTestEmulator({ settings: { rateWindows: 'sliding' } });
  const { token } = await connect(emulator, ids.alex, ids.northwind);
  emulator.control.advanceClock(1_600); // the token exchange is out of every window below
  const burst = () =>
    Promise.all(Array.from({ length: 10 }, () => callApi(emulator, 'GET', '/advertiser/info/', info(token))));
  assert.ok((await burst()).every((answer) => answer.code === 0));
  // 0.5 s later a new calendar second has begun, but the last second already holds 10 calls.
  emulator.control.advanceClock(500);
  assert.equal((await callApi(emulator, 'GET', '/advertiser/info/', info(token))).code, 40100);
  emulator.control.advanceClock(501);
  assert.equal((await callApi(emulator, 'GET', '/advertiser/info/', info(token))).code, 0);
});
