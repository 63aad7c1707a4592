/**
 * How much booking the shared rate budget's store can take (issue 10 §1: "must hold under
 * contention without serialising every call on one row lock: measure and pick the design").
 * Four connection pools, as four processes would have, with 50 callers each, book calls as fast
 * as the database answers, for a few seconds per design, side by side on one PostgreSQL:
 *
 *   - booked_ahead: the store Whathead uses (migration 0008): one statement per call, which locks
 *     the call's bucket rows only while it runs;
 *   - calendar_transaction: the first shared store (migration 0007): a transaction per call that
 *     reads pauses and counts the call in each of its windows with a conditional upsert.
 *
 * Limits are set far above what callers can reach, so every booking succeeds and the figures are
 * the store's own cost. TikTok's highest tier is 50 calls a second; the ratio to it says how far
 * the store is from being what limits Whathead.
 *
 * Needs PostgreSQL: TEST_DATABASE_URL or DATABASE_URL, or PostgreSQL's binaries for a throwaway cluster.
 */
import { openDatabase, sql, type Database } from '@whathead/db';
import { createTestDatabase } from '@whathead/db/testing';
import type { PacedBucket } from '@whathead/tiktok-client';
import { TikTokRateLimitRepository } from '../../apps/server/src/repositories/tiktok-rate-limit.repository.js';
import { percentile, rounded, type Benchmark, type Figures } from '../lib/benchmark.js';
import { findPostgresBinaries, startPostgresCluster, type PostgresCluster } from '../lib/postgres-cluster.js';

const pools = 4;
const callersPerPool = 50;
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const highestTierPerSecond = 50;

const buckets: PacedBucket[] = [
  { key: 'app', intervalMilliseconds: 0.0001, perDay: 1e12 },
  { key: 'endpoint:/campaign/get/', intervalMilliseconds: 0, perDay: Number.POSITIVE_INFINITY },
];

/** Migration 0007's store, kept here only to be measured against. */
async function calendarBooking(db: Database, now: number): Promise<boolean> {
  return db.db.transaction().execute(async (transaction) => {
    const paused = await sql<{ until: string | null }>`
      select max(until_ms) as until from bench_rate_pauses
      where key in ('app', 'endpoint:/campaign/get/') and until_ms > ${now}`.execute(transaction);
    if (paused.rows[0]?.until) return false;
    for (const [windowMs, limit] of [
      [1_000, 1_000_000],
      [60_000, 100_000_000],
      [86_400_000, 2_000_000_000],
    ] as const) {
      const windowStart = Math.floor(now / windowMs) * windowMs;
      const counted = await sql`
        insert into bench_rate_windows as w (key, window_ms, window_start, count)
        values ('app', ${windowMs}, ${windowStart}, 1)
        on conflict (key, window_ms) do update set
          count = case when w.window_start = excluded.window_start then w.count + 1 else 1 end,
          window_start = excluded.window_start
        where w.window_start <> excluded.window_start or w.count < ${limit}
        returning count`.execute(transaction);
      if (counted.rows.length === 0) return false;
    }
    return true;
  });
}

async function measure(
  label: string,
  databases: Database[],
  book: (db: Database) => Promise<boolean>,
  callers = callersPerPool,
): Promise<{ perSecond: number; p50: number; p99: number }> {
  const latencies: number[] = [];
  let booked = 0;
  const until = performance.now() + seconds * 1_000;
  await Promise.all(
    databases.flatMap((db) =>
      Array.from({ length: callers }, async () => {
        while (performance.now() < until) {
          const started = performance.now();
          if (await book(db)) booked += 1;
          latencies.push(performance.now() - started);
        }
      }),
    ),
  );
  const result = {
    perSecond: booked / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
  console.log(
    `  ${label}: ${Math.round(result.perSecond)} bookings a second, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms`,
  );
  return result;
}

export const benchmark: Benchmark = {
  description: `${pools} pools × ${callersPerPool} callers book TikTok calls as fast as PostgreSQL answers: the store in use against the first design`,
  async run() {
    let cluster: PostgresCluster | undefined;
    if (!process.env.TEST_DATABASE_URL && !process.env.DATABASE_URL) {
      const binaries = findPostgresBinaries();
      if (!binaries)
        throw new Error('rate-store needs PostgreSQL: set TEST_DATABASE_URL or install PostgreSQL.');
      cluster = await startPostgresCluster(binaries);
    }
    process.env.TEST_DATABASE_URL ||= process.env.DATABASE_URL || cluster!.url;
    const database = await createTestDatabase();
    const databases = await Promise.all(
      Array.from({ length: pools }, () =>
        openDatabase({ engine: 'postgres', url: database.url!, maxConnections: 10 }),
      ),
    );
    try {
      await sql`create table bench_rate_windows (key text, window_ms bigint, window_start bigint,
        count integer, primary key (key, window_ms))`.execute(database.db);
      await sql`create table bench_rate_pauses (key text primary key, until_ms bigint)`.execute(database.db);
      const stores = databases.map((db) => new TikTokRateLimitRepository(db));
      const bookAhead = async (db: Database) => {
        const now = Date.now();
        const reservation = await stores[databases.indexOf(db)]!.reserve({
          buckets,
          now,
          latest: now + 300,
          lane: 'sync',
          tenant: 'bench',
        });
        return reservation.granted;
      };
      const ahead = await measure('booked ahead (one statement)', databases, bookAhead);
      const calendar = await measure('calendar windows (a transaction)', databases, (db) =>
        calendarBooking(db, Date.now()),
      );
      // As the limiter books: one booking in flight per process at a time.
      const onePerProcess = await measure(
        'booked ahead, one caller per pool (as each process books)',
        databases,
        bookAhead,
        1,
      );
      const figures: Figures = {
        pools,
        callers: pools * callersPerPool,
        booked_ahead_per_second: Math.round(ahead.perSecond),
        booked_ahead_p50_ms: rounded(ahead.p50, 1),
        booked_ahead_p99_ms: rounded(ahead.p99, 1),
        calendar_transaction_per_second: Math.round(calendar.perSecond),
        calendar_transaction_p50_ms: rounded(calendar.p50, 1),
        calendar_transaction_p99_ms: rounded(calendar.p99, 1),
        one_per_process_per_second: Math.round(onePerProcess.perSecond),
        one_per_process_p50_ms: rounded(onePerProcess.p50, 2),
        one_per_process_p99_ms: rounded(onePerProcess.p99, 2),
        booked_ahead_over_calendar: rounded(ahead.perSecond / calendar.perSecond, 2),
        booked_ahead_over_highest_tier: rounded(ahead.perSecond / highestTierPerSecond, 1),
      };
      return figures;
    } finally {
      await Promise.all(databases.map((db) => db.close()));
      await database.close();
      cluster?.stop();
    }
  },
};
