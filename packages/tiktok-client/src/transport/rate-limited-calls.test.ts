import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRecordedFetch, envelope } from '../test-support/test-fetch.js';
import { canaryToken, createTestClient } from '../test-support/test-client.js';
import { createVirtualTime } from '../test-support/virtual-time.js';
import { rejectionOf } from '../test-support/expect-api-error.js';
import { intervalOf, rateLimitTiers } from '../rate-limit/rate-limits.js';

// Reference §8 and correction 18: QPS → next second, QPM → 5 minutes, QPD → 00:00 UTC. A caller
// whose deadline (maxTotalMilliseconds, 120 s by default) ends first gets `retryAt` at once.

const advertiserId = '7200000000000000011';
const start = Date.UTC(2026, 10, 25, 12, 0, 0);
const fiveMinutes = 300_000;
const emptyPage = envelope({
  list: [],
  page_info: { page: 1, page_size: 10, total_number: 0, total_page: 0 },
});

/** A client on virtual time whose fetch also notes when each request reached TikTok. */
function throttledClient(answers: string[], retry: { maxTotalMilliseconds?: number } = {}) {
  const time = createVirtualTime(start);
  const recorded = createRecordedFetch(answers);
  const sentAt: number[] = [];
  const timedFetch: typeof fetch = (input, init) => {
    sentAt.push(time.now());
    return recorded.fetch(input, init);
  };
  return { ...createTestClient({ fetch: timedFetch, time, retry }), sentAt };
}

test('a per-minute 40100 fails fast with retryAt 5 minutes on, and nothing is sent inside the pause', async () => {
  const { client, time, sentAt } = throttledClient([
    envelope({}, 40100, 'App reaches the QPM limit.'),
    emptyPage,
  ]);
  const throttled = await rejectionOf(
    time.run(() => client.campaigns.get({ accessToken: canaryToken, advertiserId })),
  );
  assert.deepEqual([throttled.kind, throttled.code, throttled.attempts], ['rate_limited', 40100, 1]);
  assert.equal(throttled.retryAt, start + fiveMinutes);
  assert.equal(time.now(), start, 'no sleep before failing');

  const paused = await rejectionOf(
    time.run(() => client.ads.get({ accessToken: canaryToken, advertiserId: '7200000000000000012' })),
  );
  assert.deepEqual([paused.kind, paused.code, paused.attempts], ['rate_limited', undefined, 0]);
  assert.equal(paused.retryAt, start + fiveMinutes);
  assert.deepEqual(sentAt, [start]);
});

test('a caller with time to wait sends its next call ≥ 5 minutes later, spending one retry', async () => {
  const { client, time, logger, sentAt } = throttledClient(
    [envelope({}, 40100, 'App reaches the QPM limit.'), emptyPage],
    { maxTotalMilliseconds: 10 * 60_000 },
  );
  await time.run(() => client.campaigns.get({ accessToken: canaryToken, advertiserId }));
  assert.deepEqual(sentAt, [start, start + fiveMinutes]);
  assert.deepEqual(
    logger.events.map((event) => [event.attempt, event.outcome, event.willRetry]),
    [
      [1, 'failure', true],
      [2, 'success', undefined],
    ],
  );
});

test('a per-day 40100 waits until 00:00 UTC; a short deadline fails fast with that retryAt', async () => {
  const midnight = Date.UTC(2026, 10, 26);
  const quick = throttledClient([envelope({}, 40100, 'App reaches the QPD limit.')]);
  const throttled = await rejectionOf(
    quick.time.run(() => quick.client.campaigns.get({ accessToken: canaryToken, advertiserId })),
  );
  assert.equal(throttled.retryAt, midnight);
  assert.equal(throttled.rateLimit?.window, 'day');

  const patient = throttledClient([envelope({}, 40100, 'App reaches the QPD limit.'), emptyPage], {
    maxTotalMilliseconds: 86_400_000,
  });
  await patient.time.run(() => patient.client.campaigns.get({ accessToken: canaryToken, advertiserId }));
  assert.deepEqual(patient.sentAt, [start, midnight]);
});

test('a throttle that names no window pauses 5 minutes, like a minute hit', async () => {
  const restricted =
    'Due to too many requests, requests from App 7300000000000000001 are temporarily restricted.';
  const { client, time, sentAt } = throttledClient([envelope({}, 40100, restricted)]);
  const throttled = await rejectionOf(
    time.run(() => client.campaigns.get({ accessToken: canaryToken, advertiserId })),
  );
  assert.equal(throttled.rateLimit?.window, undefined);
  assert.equal(throttled.retryAt, start + fiveMinutes);
  assert.deepEqual(sentAt, [start]);
});

test('a per-second 40100 is retried the next second', async () => {
  const { client, time, sentAt } = throttledClient([
    envelope({}, 40100, 'App reaches the QPS limit.'),
    emptyPage,
  ]);
  await time.run(() => client.campaigns.get({ accessToken: canaryToken, advertiserId }));
  assert.deepEqual(sentAt, [start, start + 1_000]);
});

test('a 40133 pauses only that advertiser on that path', async () => {
  const { client, time, sentAt } = throttledClient([
    envelope({}, 40133, 'Advertiser reaches the QPM limit of /campaign/get/.'),
    emptyPage,
  ]);
  const throttled = await rejectionOf(
    time.run(() => client.campaigns.get({ accessToken: canaryToken, advertiserId })),
  );
  assert.deepEqual(throttled.rateLimit, { window: 'minute', scope: 'advertiser' });
  assert.equal(throttled.retryAt, start + fiveMinutes);

  const other = '7200000000000000012';
  await time.run(() => client.campaigns.get({ accessToken: canaryToken, advertiserId: other }));
  await time.run(() => client.adGroups.get({ accessToken: canaryToken, advertiserId }));
  const paused = await rejectionOf(
    time.run(() => client.campaigns.get({ accessToken: canaryToken, advertiserId })),
  );
  assert.equal(paused.retryAt, start + fiveMinutes);
  // The other calls went at once, one paced slot apart (10 calls a second, less the headroom).
  const slot = intervalOf(rateLimitTiers.basic);
  assert.deepEqual(sentAt, [start, start + slot, start + 2 * slot]);
});
