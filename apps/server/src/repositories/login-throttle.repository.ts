import type { Database, Kysely, Tables } from '@whathead/db';
import { sql } from '@whathead/db';

export interface ThrottleCount {
  key: string;
  attempts: number;
  windowStartedAt: Date;
}

export class LoginThrottleRepository {
  readonly #db: Kysely<Tables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  /**
   * Counts one attempt against each key in a fixed window (a window that started at or before
   * `windowStart` starts again at one) and returns the counts after it. One upsert, so attempts
   * made at the same moment, on any app process, each see a distinct count.
   */
  async countAttempt(keys: string[], now: Date, windowStart: Date): Promise<ThrottleCount[]> {
    return this.#db
      .insertInto('login_throttles')
      .values(keys.map((key) => ({ key, failures: 1, window_started_at: now })))
      .onConflict((conflict) =>
        conflict.column('key').doUpdateSet({
          failures: sql`case when login_throttles.window_started_at <= ${windowStart} then 1 else login_throttles.failures + 1 end`,
          window_started_at: sql`case when login_throttles.window_started_at <= ${windowStart} then ${now} else login_throttles.window_started_at end`,
        }),
      )
      .returning(['key', 'failures as attempts', 'window_started_at as windowStartedAt'])
      .execute();
  }

  /** Takes back one counted attempt (a successful log-in is not a guess). */
  async uncount(key: string): Promise<void> {
    await this.#db
      .updateTable('login_throttles')
      .set({ failures: sql`greatest(failures - 1, 0)` })
      .where('key', '=', key)
      .execute();
  }

  async clear(key: string): Promise<void> {
    await this.#db.deleteFrom('login_throttles').where('key', '=', key).execute();
  }

  async deleteOlderThan(before: Date): Promise<number> {
    const result = await this.#db
      .deleteFrom('login_throttles')
      .where('window_started_at', '<', before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
