import type { Database, Kysely, Tables } from '@whathead/db';
import { sql } from '@whathead/db';

export class LoginThrottleRepository {
  readonly #db: Kysely<Tables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  find(keys: string[]): Promise<{ key: string; failures: number; windowStartedAt: Date }[]> {
    return this.#db
      .selectFrom('login_throttles')
      .select(['key', 'failures', 'window_started_at as windowStartedAt'])
      .where('key', 'in', keys)
      .execute();
  }

  /**
   * Counts one failure against each key in a fixed window: a window older than `windowStart`
   * starts again at one. A single upsert, so concurrent attempts on any app process all count.
   */
  async recordFailure(keys: string[], now: Date, windowStart: Date): Promise<void> {
    await this.#db
      .insertInto('login_throttles')
      .values(keys.map((key) => ({ key, failures: 1, window_started_at: now })))
      .onConflict((conflict) =>
        conflict.column('key').doUpdateSet({
          failures: sql`case when login_throttles.window_started_at <= ${windowStart} then 1 else login_throttles.failures + 1 end`,
          window_started_at: sql`case when login_throttles.window_started_at <= ${windowStart} then ${now} else login_throttles.window_started_at end`,
        }),
      )
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
