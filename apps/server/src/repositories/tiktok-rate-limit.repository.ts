import { sql, type Database, type Kysely, type Tables } from '@whathead/db';
import type { RateBucket, RateLimitStore, TakeResult } from '@whathead/tiktok-client';

/** Thrown inside the transaction to undo the buckets already counted when a later one refuses. */
class BucketFull extends Error {
  constructor(readonly retryAt: number) {
    super('rate bucket full');
  }
}

/**
 * The TikTok client's rate-limit store in PostgreSQL (or PGlite): every process on one database
 * spends one budget, and a pause after TikTok's 40100 or 40133, seen by any process, holds for
 * all. Each bucket is a calendar window aligned to the epoch (per second, minute and UTC day, as
 * TikTok counts, emulator reading 14), counted by one conditional upsert that takes the row's lock
 * only for that statement; a call's buckets are counted in one transaction, so a call refused by
 * one bucket spends none. Unlimited buckets (no documented limit) only carry pauses.
 */
export class TikTokRateLimitRepository implements RateLimitStore {
  readonly #db: Kysely<Tables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  async take(buckets: readonly RateBucket[], now: number): Promise<TakeResult> {
    const keys = [...new Set(buckets.map((bucket) => bucket.key))];
    try {
      return await this.#db.transaction().execute(async (transaction) => {
        const pausedUntil = await this.#pausedUntil(transaction, keys, now);
        if (pausedUntil !== undefined) return { granted: false, retryAt: pausedUntil };
        for (const bucket of buckets) {
          if (!Number.isFinite(bucket.limit)) continue;
          const windowStart = Math.floor(now / bucket.windowMilliseconds) * bucket.windowMilliseconds;
          const windowEnd = windowStart + bucket.windowMilliseconds;
          if (bucket.limit <= 0) throw new BucketFull(Number.POSITIVE_INFINITY);
          const counted = await transaction
            .insertInto('tiktok_rate_windows')
            .values({
              key: bucket.key,
              window_ms: bucket.windowMilliseconds,
              window_start: windowStart,
              count: 1,
            })
            .onConflict((conflict) =>
              conflict
                .columns(['key', 'window_ms'])
                .doUpdateSet({
                  count: sql`case when tiktok_rate_windows.window_start = excluded.window_start then tiktok_rate_windows.count + 1 else 1 end`,
                  window_start: sql`excluded.window_start`,
                })
                .where(
                  sql<boolean>`tiktok_rate_windows.window_start <> excluded.window_start or tiktok_rate_windows.count < ${bucket.limit}`,
                ),
            )
            .returning('count')
            .executeTakeFirst();
          if (!counted) throw new BucketFull(windowEnd);
        }
        return { granted: true } as const;
      });
    } catch (error) {
      if (error instanceof BucketFull) return { granted: false, retryAt: error.retryAt };
      throw error;
    }
  }

  async pause(key: string, until: number): Promise<void> {
    await this.#db
      .insertInto('tiktok_rate_pauses')
      .values({ key, until_ms: until })
      .onConflict((conflict) =>
        conflict.column('key').doUpdateSet({
          until_ms: sql`greatest(tiktok_rate_pauses.until_ms, excluded.until_ms)`,
        }),
      )
      .execute();
  }

  async #pausedUntil(db: Kysely<Tables>, keys: readonly string[], now: number): Promise<number | undefined> {
    const row = await db
      .selectFrom('tiktok_rate_pauses')
      .select(sql<string | null>`max(until_ms)`.as('until'))
      .where('key', 'in', [...keys])
      .where(sql<boolean>`until_ms > ${now}`)
      .executeTakeFirst();
    return row?.until === null || row?.until === undefined ? undefined : Number(row.until);
  }
}
