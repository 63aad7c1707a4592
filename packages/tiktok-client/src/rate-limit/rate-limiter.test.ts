import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createVirtualTime } from '../test-support/virtual-time.js';
import { createInMemoryRateLimitStore } from './in-memory-rate-limit-store.js';
import type { RateLimitStore } from './rate-limit-store.js';
import { createRateLimiter, RateLimitWaitError } from './rate-limiter.js';

const call = { path: '/campaign/get/', advertiserId: '7200000000000000011', lane: 'sync' } as const;

test('never more than the per-second limit in any window of one second, however aligned', async () => {
  const time = createVirtualTime(1_000_500);
  const limiter = createRateLimiter({
    clock: time,
    tier: { perSecond: 10, perMinute: 600, perDay: 864_000 },
  });
  const grants: number[] = [];
  await time.run(() =>
    Promise.all(Array.from({ length: 45 }, () => limiter.acquire(call).then(() => grants.push(time.now())))),
  );
  grants.sort((left, right) => left - right);
  for (let index = 10; index < grants.length; index += 1) {
    assert.ok(grants[index]! - grants[index - 10]! >= 1000, `grant ${index} at ${grants[index]}`);
  }
  assert.ok(grants.at(-1)! - grants[0]! >= 4000);
});

test('endpoint limits apply on top of the app limit (reference §8: /ad/create/ 5 QPS)', async () => {
  const time = createVirtualTime(0);
  const limiter = createRateLimiter({ clock: time });
  await time.run(() =>
    Promise.all(Array.from({ length: 10 }, () => limiter.acquire({ path: '/ad/create/', lane: 'publish' }))),
  );
  assert.ok(time.now() >= 1000);
});

test('a minute-window 40100 pauses the app for 5 minutes; a second-window one for a second (§8, correction 18)', async () => {
  const time = createVirtualTime(0);
  const limiter = createRateLimiter({ clock: time });
  assert.equal(await limiter.penalize(call, { window: 'minute', scope: 'app' }), 300_000);
  await time.run(() => limiter.acquire(call));
  assert.equal(time.now(), 300_000);
  assert.equal(await limiter.penalize(call, { window: 'second', scope: 'app' }), 301_000);
  await time.run(() => limiter.acquire(call));
  assert.equal(time.now(), 301_000);
});

test('a throttle that names no window is read as a minute hit: 5 minutes', async () => {
  const time = createVirtualTime(0);
  const limiter = createRateLimiter({ clock: time });
  assert.equal(await limiter.penalize(call, { window: undefined, scope: 'app' }), 300_000);
  await time.run(() => limiter.acquire({ path: '/ad/get/', lane: 'sync' }));
  assert.equal(time.now(), 300_000);
});

test('a day-window 40100 pauses until 00:00 UTC; waiting past the deadline fails fast', async () => {
  const time = createVirtualTime(Date.UTC(2026, 10, 25, 12));
  const limiter = createRateLimiter({ clock: time });
  assert.equal(await limiter.penalize(call, { window: 'day', scope: 'app' }), Date.UTC(2026, 10, 26));
  await assert.rejects(limiter.acquire(call, { deadline: time.now() + 120_000 }), (error: unknown) => {
    assert.ok(error instanceof RateLimitWaitError);
    assert.equal(error.retryAt, Date.UTC(2026, 10, 26));
    return true;
  });
});

test('a 40133 pauses only that advertiser and path', async () => {
  const time = createVirtualTime(0);
  const limiter = createRateLimiter({ clock: time });
  await limiter.penalize(call, { window: 'second', scope: 'advertiser' });
  await time.run(() =>
    limiter.acquire({ path: '/campaign/get/', advertiserId: '7200000000000000012', lane: 'sync' }),
  );
  assert.equal(time.now(), 0);
  await time.run(() => limiter.acquire(call));
  assert.equal(time.now(), 1000);
});

test('betweenSends holds work back just before a booked call, and only then', async () => {
  const time = createVirtualTime(0);
  const limiter = createRateLimiter({
    clock: time,
    tier: { perSecond: 10, perMinute: 600, perDay: 864_000 },
  });
  await time.run(async () => {
    await limiter.acquire(call);
    const second = limiter.acquire(call).then(() => time.now());
    // The second call's slot is a tenth of a second away: work may start now.
    await limiter.betweenSends();
    assert.equal(time.now(), 0);
    await time.sleep(80);
    // Now it is 23 ms away: work waits until it has been sent.
    await limiter.betweenSends();
    const sentAt = await second;
    assert.ok(sentAt > 100, `second call sent at ${sentAt}`);
    assert.ok(time.now() > sentAt, `work resumed at ${time.now()}, after the call sent at ${sentAt}`);
  });
});

test('a store slower than the late tolerance loses no slot: calls are booked as far ahead as a booking takes', async () => {
  const time = createVirtualTime(0);
  const inMemory = createInMemoryRateLimitStore();
  // Every booking takes 40 ms to come back, longer than the 24 ms a call may be sent late.
  const slowStore: RateLimitStore = {
    ...inMemory,
    reserve: async (request) => {
      await time.sleep(40);
      return inMemory.reserve(request);
    },
  };
  const limiter = createRateLimiter({ clock: time, store: slowStore });
  const waits: number[] = [];
  await time.run(async () => {
    for (let index = 0; index < 5; index += 1) {
      // An idle budget: each call asks for a slot "now", half a second after the last one.
      const asked = time.now();
      await limiter.acquire(call, { deadline: asked + 2_000 });
      waits.push(time.now() - asked);
      await time.sleep(500);
    }
  });
  assert.equal(waits.length, 5);
  // The first booking, before the limiter knows the store's pace, comes back late and books again.
  const [, ...learned] = waits;
  assert.ok(
    learned.every((wait) => wait <= 60),
    `each later call went out as its booking came back, without a lost slot: ${waits.join(', ')}`,
  );
});
