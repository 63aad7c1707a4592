import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createEmulator, emulatorApp, type Emulator } from '@whathead/tiktok-emulator';
import { createTikTokClient, type TikTokClient } from './create-tiktok-client.js';
import { createRateLimiter } from './rate-limit/rate-limiter.js';
import { defaultRetryPolicy } from './retry/retry-policy.js';
import { createRecordingLogger } from './test-support/recording-logger.js';
import { createInjectFetch, createTrackedFetch } from './test-support/test-fetch.js';
import { createVirtualTime, type VirtualTime } from './test-support/virtual-time.js';

const northwindUs = '7200000000000000011';

function clientFor(time: VirtualTime, fetch: typeof globalThis.fetch, baseUrl: string) {
  const logger = createRecordingLogger();
  let seed = 1;
  const client = createTikTokClient({
    baseUrl: `${baseUrl}/open_api/v1.3`,
    appId: emulatorApp.appId,
    secret: emulatorApp.secret,
    fetch,
    clock: time,
    limiter: createRateLimiter({ clock: time }),
    logger,
    // Deterministic jitter, so that a run replays the same timing.
    random: () => (seed = (seed * 16807) % 2147483647) / 2147483647,
  });
  return { client, logger };
}

async function connect(emulator: Emulator, client: TikTokClient, time: VirtualTime): Promise<string> {
  const authCode = emulator.control.issueAuthorizationCode({
    email: 'alex.admin@example.com',
    bcId: '7100000000000000001',
  });
  return (await time.run(() => client.oauth.exchangeAuthorizationCode({ authCode }))).accessToken;
}

// TikTok does not say how it aligns its windows (emulator setting `rateWindows`): the pacing must
// hold under either reading, across minute boundaries too.
for (const rateWindows of ['calendar', 'sliding'] as const)
  test(`pacing: 700 calls under 10 QPS / 600 QPM take ≥ 70 s of emulator time and meet no 40100 (${rateWindows} windows)`, async () => {
    const time = createVirtualTime();
    const emulator = createEmulator({ clock: time, seed: 3, settings: { rateWindows } });
    const { client } = clientFor(time, createInjectFetch(emulator.app, time), 'http://emulator.test');
    const accessToken = await connect(emulator, client, time);
    emulator.control.clearCalls();
    const started = time.now();
    const calls = Array.from({ length: 700 }, (_, index) =>
      index % 2 === 0
        ? () => client.campaigns.get({ accessToken, advertiserId: northwindUs })
        : () => client.advertisers.getInfo({ accessToken, advertiserIds: [northwindUs] }),
    );
    await time.run(() => Promise.all(calls.map((call) => call())));
    const elapsed = time.now() - started;
    const log = emulator.control.calls();
    assert.equal(log.length, 700);
    assert.ok(elapsed >= 69_900, `took ${elapsed} ms of emulator time`);
    assert.equal(log.filter((call) => call.code === 40100 || call.code === 40133).length, 0);
  });

/** 10 campaigns created one by one with request ids, then 490 reads of several kinds at once. */
async function workload(client: TikTokClient, time: VirtualTime, accessToken: string) {
  const call = { accessToken, advertiserId: northwindUs };
  const created: string[] = [];
  for (let index = 0; index < 10; index += 1) {
    const { campaignId } = await time.run(() =>
      client.campaigns.create({
        ...call,
        name: `Load ${index}`,
        objectiveType: 'TRAFFIC',
        budgetMode: 'BUDGET_MODE_DAY',
        budget: 100,
        idempotency: { requestId: String(1_000_000 + index) },
      }),
    );
    created.push(campaignId);
  }
  const reads = Array.from({ length: 490 }, (_, index) => {
    switch (index % 4) {
      case 0:
        return () => client.campaigns.get({ ...call, filtering: { campaignIds: [created[index % 10]!] } });
      case 1:
        return () => client.advertisers.getInfo({ accessToken, advertiserIds: [northwindUs] });
      case 2:
        return () => client.businessCenters.get({ accessToken });
      default:
        return () => client.oauth.getAuthorizedAdvertisers({ accessToken });
    }
  });
  const results = await time.run(() => Promise.all(reads.map((read) => read())));
  return { created, results };
}

const withoutTimes = (value: unknown): unknown =>
  JSON.parse(
    JSON.stringify(value, (key, member: unknown) => (/^(create|modify)Time$/.test(key) ? undefined : member)),
  );

test('faults: 10 % code 50000 + 5 % dropped connections, 500 calls, same results, retries bounded', async () => {
  const run = async (faulty: boolean) => {
    const time = createVirtualTime();
    const emulator = createEmulator({ clock: time, seed: 11 });
    const server = await emulator.listen();
    try {
      const { client, logger } = clientFor(time, createTrackedFetch(time), server.url);
      const accessToken = await connect(emulator, client, time);
      if (faulty) {
        emulator.control.addFault({ kind: 'system_error', probability: 0.1 });
        emulator.control.addFault({ kind: 'drop_connection', probability: 0.05 });
      }
      const outcome = await workload(client, time, accessToken);
      const faults = emulator.control.calls().filter((call) => call.fault !== undefined).length;
      return { ...outcome, events: logger.events, faults };
    } finally {
      await server.close();
    }
  };
  const clean = await run(false);
  const faulty = await run(true);
  assert.equal(clean.faults, 0);
  assert.ok(faulty.faults >= 40, `only ${faulty.faults} faults fired`);
  assert.deepEqual(faulty.created, clean.created);
  // Retries make the faulty run's creates happen later, so only their timestamps may differ.
  assert.deepEqual(withoutTimes(faulty.results), withoutTimes(clean.results));
  const attempts = faulty.events.map((event) => event.attempt);
  assert.ok(Math.max(...attempts) <= defaultRetryPolicy.maxAttempts);
  assert.equal(faulty.events.filter((event) => event.outcome === 'success').length, 501);
});
