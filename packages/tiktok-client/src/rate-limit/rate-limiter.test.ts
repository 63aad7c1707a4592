import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createVirtualTime } from '../test-support/virtual-time.js';
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
