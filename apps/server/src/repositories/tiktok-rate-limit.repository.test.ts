import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openDatabase, type Database } from '@whathead/db';
import { createTestDatabase, type TestDatabase } from '@whathead/db/testing';
import { createRateLimiter, RateLimitWaitError, type RateLimiter } from '@whathead/tiktok-client';
import { TikTokRateLimitRepository } from './tiktok-rate-limit.repository.js';

// Issue 10 item 1: one budget for every process on one database. Each "process" here has its own
// connection pool and limiter over the same tables (on PGlite, which serves one process, the
// same database), and a clock the test moves.

class ManualClock {
  constructor(public time: number) {}
  now = () => this.time;
  sleep = async (milliseconds: number) => {
    this.time += milliseconds;
  };
}

const second = 1_000;
const minute = 60 * second;
const noon = Date.UTC(2026, 11, 1, 12, 0, 0);
const limits = { perSecond: 3, perMinute: 100, perDay: 10_000 };
const call = { path: '/campaign/get/' };

async function refusedUntil(
  limiter: RateLimiter,
  request: { path: string; advertiserId?: string },
  now: number,
) {
  try {
    await limiter.acquire(request, { deadline: now });
  } catch (error) {
    if (error instanceof RateLimitWaitError) return error.retryAt;
    throw error;
  }
  return undefined;
}

describe('the TikTok rate budget in PostgreSQL', () => {
  let database: TestDatabase;
  let other: Database;
  before(async () => {
    database = await createTestDatabase();
    other = database.url
      ? await openDatabase({ engine: 'postgres', url: database.url, maxConnections: 4 })
      : database;
  });
  after(async () => {
    if (other !== database) await other.close();
    await database?.close();
  });

  /** Two processes' limiters on the one database, with their own clocks set to `time`. */
  const processes = (time: number, options: { perDay?: number; advertiserPathPerSecond?: number } = {}) => {
    const clock = new ManualClock(time);
    const tier = { ...limits, ...(options.perDay ? { perDay: options.perDay } : {}) };
    const make = (db: Database) =>
      createRateLimiter({
        tier,
        endpoints: {},
        advertiserPathPerSecond: options.advertiserPathPerSecond,
        store: new TikTokRateLimitRepository(db),
        clock,
      });
    return { clock, first: make(database), second: make(other) };
  };

  it('counts the calls of every process in one budget', async () => {
    const start = noon + 1 * minute;
    const { first, second: other } = processes(start);
    await first.acquire(call, { deadline: start });
    await other.acquire(call, { deadline: start });
    await first.acquire(call, { deadline: start });
    assert.equal(
      await refusedUntil(other, call, start),
      start + second,
      'the fourth call waits for the next second',
    );
  });

  it('admits exactly the limit when many callers of two processes ask at once', async () => {
    const start = noon + 2 * minute;
    const { first, second: other } = processes(start);
    const outcomes = await Promise.all(
      Array.from({ length: 24 }, (_, index) =>
        (index % 2 === 0 ? first : other).acquire(call, { deadline: start }).then(
          () => 'granted',
          (error: unknown) => (error instanceof RateLimitWaitError ? 'refused' : Promise.reject(error)),
        ),
      ),
    );
    assert.equal(outcomes.filter((outcome) => outcome === 'granted').length, limits.perSecond);
  });

  it('pauses every process for five minutes after a per-minute 40100 seen by one', async () => {
    const start = noon + 3 * minute;
    const { first, second: other } = processes(start);
    await first.penalize(call, { window: 'minute', scope: 'app' });
    assert.equal(await refusedUntil(other, { path: '/ad/get/' }, start), start + 5 * minute);
  });

  it('pauses only the advertiser and path of a 40133', async () => {
    const start = noon + 20 * minute;
    const { first, second: other } = processes(start, { advertiserPathPerSecond: 10 });
    const throttled = { path: '/ad/create/', advertiserId: '7200000000000000011' };
    await first.penalize(throttled, { window: 'second', scope: 'advertiser' });
    assert.equal(await refusedUntil(other, throttled, start), start + second);
    assert.equal(
      await refusedUntil(other, { ...throttled, advertiserId: '7200000000000000012' }, start),
      undefined,
    );
    assert.equal(await refusedUntil(other, { ...throttled, path: '/ad/update/' }, start), undefined);
  });

  it('spends the daily budget until 00:00 UTC, then starts again', async () => {
    const lastSecond = Date.UTC(2026, 11, 2, 23, 59, 59, 500);
    const { first, second: other } = processes(lastSecond, { perDay: 2 });
    const daily = { path: '/report/integrated/get/' };
    await first.acquire(daily, { deadline: lastSecond });
    await other.acquire(daily, { deadline: lastSecond });
    const midnight = Date.UTC(2026, 11, 3);
    assert.equal(await refusedUntil(first, daily, lastSecond), midnight);
    assert.equal(await refusedUntil(other, daily, midnight), undefined);
  });
});
