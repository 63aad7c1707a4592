import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, beforeEach, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openDatabase, sql, type Database } from '@whathead/db';
import { createTestDatabase, type TestDatabase } from '@whathead/db/testing';
import {
  createRateLimiter,
  RateLimitWaitError,
  type Clock,
  type RateLimitedCall,
  type RateLimiter,
  type RateLimitStore,
} from '@whathead/tiktok-client';
import { createVirtualTime, rateLimitStoreContract, type VirtualTime } from '@whathead/tiktok-client/testing';
import { TikTokRateLimitRepository } from './tiktok-rate-limit.repository.js';

// Issue 10 item 1: one budget for every process on one database. Each "process" here has its own
// connection pool and limiter over the same tables (on PGlite, which serves one process, the same
// database), and a clock the test controls.

const second = 1_000;
const minute = 60 * second;
const noon = Date.UTC(2026, 11, 1, 12, 0, 0);
/** 3 calls a second: slots 1000 / 3 / 0.97 ≈ 344 ms apart. */
const limits = { perSecond: 3, perMinute: 180, perDay: 10_000 };
const call: RateLimitedCall = { path: '/campaign/get/', lane: 'interactive' };

/** Time that stands still: a granted call never waits, a refused one fails at once. */
const frozenAt = (time: number): Clock => ({ now: () => time, sleep: async () => undefined });

async function refusedUntil(limiter: RateLimiter, request: RateLimitedCall, deadline: number) {
  try {
    await limiter.acquire(request, { deadline });
  } catch (error) {
    if (error instanceof RateLimitWaitError) return error.retryAt;
    throw error;
  }
  return undefined;
}

/** Time stands still while the database answers: virtual time moves only when nothing is in flight. */
function tracked(time: VirtualTime, store: RateLimitStore): RateLimitStore {
  return {
    reserve: (request) => time.track(store.reserve(request)),
    pause: (key, until) => time.track(store.pause(key, until)),
    leave: (lane, tenant) => time.track(store.leave(lane, tenant)),
    usage: (now, tenant) => time.track(store.usage(now, tenant)),
    pauses: (now) => time.track(store.pauses(now)),
  };
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
  beforeEach(async () => {
    await sql`truncate tiktok_rate_buckets, tiktok_rate_tenants, tiktok_rate_usage`.execute(database.db);
  });

  describe('keeps the store contract', () => {
    rateLimitStoreContract(async () => {
      await sql`truncate tiktok_rate_buckets, tiktok_rate_tenants, tiktok_rate_usage`.execute(database.db);
      return new TikTokRateLimitRepository(database);
    });
  });

  /** Two processes' limiters on the one database. */
  const processes = (clock: Clock, options: { perDay?: number; advertiserPathPerSecond?: number } = {}) => {
    const tier = { ...limits, ...(options.perDay ? { perDay: options.perDay } : {}) };
    const make = (db: Database) =>
      createRateLimiter({
        tier,
        endpoints: {},
        advertiserPathPerSecond: options.advertiserPathPerSecond,
        store: new TikTokRateLimitRepository(db),
        clock,
      });
    return { first: make(database), second: make(other) };
  };

  /** Two processes' limiters at the Basic tier on virtual time. */
  /** Two processes' limiters at the Basic tier on virtual time. */
  const basicTierProcesses = (time: VirtualTime): [RateLimiter, RateLimiter] => {
    const make = (db: Database) =>
      createRateLimiter({
        tier: 'basic',
        clock: time,
        store: tracked(time, new TikTokRateLimitRepository(db)),
      });
    return [make(database), make(other)];
  };

  it('books the calls of every process in one budget', async () => {
    const { first, second: other } = processes(frozenAt(noon));
    await first.acquire(call, { deadline: noon });
    const next = await refusedUntil(other, call, noon);
    assert.ok(next && Math.abs(next - (noon + 1000 / 3 / 0.97)) < 1, `next slot at ${next}`);
  });

  it('grants exactly the slots of one second when many callers of two processes ask at once', async () => {
    const { first, second: other } = processes(frozenAt(noon));
    const outcomes = await Promise.all(
      Array.from({ length: 24 }, (_, index) =>
        (index % 2 === 0 ? first : other).acquire(call, { deadline: noon + second - 1 }).then(
          () => 'granted',
          (error: unknown) => (error instanceof RateLimitWaitError ? 'refused' : Promise.reject(error)),
        ),
      ),
    );
    assert.equal(outcomes.filter((outcome) => outcome === 'granted').length, limits.perSecond);
  });

  it('pauses every process for five minutes after a per-minute 40100 seen by one', async () => {
    const { first, second: other } = processes(frozenAt(noon));
    await first.penalize(call, { window: 'minute', scope: 'app' });
    assert.equal(await refusedUntil(other, { ...call, path: '/ad/get/' }, noon + minute), noon + 5 * minute);
  });

  it('pauses only the advertiser and path of a 40133', async () => {
    const { first, second: other } = processes(frozenAt(noon), { advertiserPathPerSecond: 10 });
    const throttled: RateLimitedCall = { ...call, path: '/ad/create/', advertiserId: '7200000000000000011' };
    await first.penalize(throttled, { window: 'second', scope: 'advertiser' });
    assert.equal(await refusedUntil(other, throttled, noon), noon + second);
    assert.equal(
      await refusedUntil(other, { ...throttled, advertiserId: '7200000000000000012' }, noon),
      undefined,
    );
  });

  it('spends the daily budget until 00:00 UTC, then starts again', async () => {
    const lastSecond = Date.UTC(2026, 11, 2, 23, 59, 58);
    const evening = processes(frozenAt(lastSecond), { perDay: 2 });
    await evening.first.acquire(call, { deadline: lastSecond + second });
    await evening.second.acquire(call, { deadline: lastSecond + second });
    const midnight = Date.UTC(2026, 11, 3);
    assert.equal(await refusedUntil(evening.first, call, lastSecond + second), midnight);
    const morning = processes(frozenAt(midnight), { perDay: 2 });
    assert.equal(await refusedUntil(morning.second, call, midnight), undefined);
  });

  it('serves a call a person waits on ahead of the sync backlog of another process', async () => {
    const time = createVirtualTime(noon);
    const [worker, web] = basicTierProcesses(time);
    const waits = await time.run(async () => {
      const backlog = Array.from({ length: 40 }, () =>
        worker.acquire({ path: '/report/integrated/get/', lane: 'sync', tenant: 'agency' }),
      );
      await time.sleep(1_000);
      const clicked = time.now();
      await web.acquire({ path: '/bc/get/', lane: 'interactive', tenant: 'shop' });
      const interactiveWait = time.now() - clicked;
      await Promise.all(backlog);
      return { interactiveWait, backlogDone: time.now() - noon };
    });
    // The sync lane books at most 200 ms ahead, so the click waits for no more than that and a slot.
    assert.ok(waits.interactiveWait <= 200 + 104, `interactive call waited ${waits.interactiveWait} ms`);
    assert.ok(waits.backlogDone >= 4_000, 'the backlog still went at the paced rate');
  });

  it('shares the sync lane evenly between workspaces whose work runs in different processes', async () => {
    const time = createVirtualTime(noon);
    const [one, two] = basicTierProcesses(time);
    const order: string[] = [];
    await time.run(() =>
      Promise.all([
        // A big backfill in one process, a small sync in the other.
        ...Array.from({ length: 30 }, () =>
          one
            .acquire({ path: '/report/integrated/get/', lane: 'sync', tenant: 'big' })
            .then(() => order.push('big')),
        ),
        ...Array.from({ length: 6 }, () =>
          two
            .acquire({ path: '/campaign/get/', lane: 'sync', tenant: 'small' })
            .then(() => order.push('small')),
        ),
      ]),
    );
    // The small workspace is done within the first dozen calls, not after the backfill.
    assert.ok(order.lastIndexOf('small') < 14, `order: ${order.join(' ')}`);
  });

  it('forgets budgets, tenants and usage nobody has touched for a day, and nothing in use', async () => {
    const store = new TikTokRateLimitRepository(database);
    const app = { key: 'app', intervalMilliseconds: 100, perDay: 864_000 };
    const advertiser = {
      key: 'advertiser:7200000000000000011:/ad/get/',
      intervalMilliseconds: 100,
      perDay: Infinity,
    };
    const book = (now: number, tenant: string) =>
      store.reserve({
        buckets: [app, advertiser],
        now,
        latest: now + 300,
        lane: 'sync',
        tenant,
        fairShareSlack: 1,
      });
    await book(noon - 3 * 86_400_000, 'gone');
    await store.pause('endpoint:/ad/create/', noon + minute);
    const keys = async () =>
      (await database.db.selectFrom('tiktok_rate_buckets').select('key').orderBy('key').execute()).map(
        (row) => row.key,
      );
    assert.deepEqual(await keys(), [advertiser.key, 'app', 'endpoint:/ad/create/']);
    assert.ok((await store.deleteIdle(noon)) >= 2);
    // The app row always stays; a running pause stays.
    assert.deepEqual(await keys(), ['app', 'endpoint:/ad/create/']);
    await book(noon, 'here');
    assert.equal(await store.deleteIdle(noon + second), 0, 'what was just used stays');
  });

  it('loses at most the slots a killed process had booked, never the budget', async (t) => {
    if (!database.url) return t.skip('PGlite serves one process; the PostgreSQL pass runs this');
    // A child process books slots for a sync backlog and is killed mid-way (SIGKILL: no clean-up).
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('../testing/rate-budget-child.ts', import.meta.url))],
      {
        env: { ...process.env, RATE_BUDGET_DATABASE_URL: database.url },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const booking = await new Promise<string>((resolve, reject) => {
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => chunk.includes('booking') && resolve(chunk));
      child.once('exit', (code) => reject(new Error(`child exited ${code} before booking`)));
    });
    assert.match(booking, /booking/);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const killedAt = Date.now();
    // Whatever the child held, this process books its next call no later than the longest
    // horizon any lane books ahead (2 s) plus one slot after the kill.
    const store = new TikTokRateLimitRepository(other);
    const app = { key: 'app', intervalMilliseconds: 103.1, perDay: 864_000 };
    const reservation = await store.reserve({
      buckets: [app],
      now: killedAt,
      latest: killedAt + 60_000,
      lane: 'sync',
      tenant: 'survivor',
    });
    assert.ok(reservation.granted, 'booked');
    assert.ok(
      reservation.at <= killedAt + 2_000 + 104,
      `next slot ${reservation.at - killedAt} ms after the kill`,
    );
  });
});
