import type { Database, Kysely, Tables } from '@whathead/db';
import { sql } from '@whathead/db';

export interface ThrottleCount {
  key: string;
  attempts: number;
  windowEndsAt: Date;
}

export class ThrottleRepository {
  readonly #db: Kysely<Tables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  /**
   * Counts one attempt against each key in its fixed window (a window that has ended starts
   * again at one, ending at the given time) and returns the counts after it. One upsert, so
   * attempts made at the same moment, on any app process, each see a distinct count.
   */
  async count(windows: { key: string; endsAt: Date }[], now: Date): Promise<ThrottleCount[]> {
    if (windows.length === 0) return [];
    const ended = sql<boolean>`throttles.window_ends_at <= ${now}`;
    return this.#db
      .insertInto('throttles')
      .values(windows.map((window) => ({ key: window.key, attempts: 1, window_ends_at: window.endsAt })))
      .onConflict((conflict) =>
        conflict.column('key').doUpdateSet({
          attempts: sql`case when ${ended} then 1 else throttles.attempts + 1 end`,
          window_ends_at: sql`case when ${ended} then excluded.window_ends_at else throttles.window_ends_at end`,
        }),
      )
      .returning(['key', 'attempts', 'window_ends_at as windowEndsAt'])
      .execute();
  }

  /** Takes back one counted attempt from each key. */
  async uncount(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.#db
      .updateTable('throttles')
      .set({ attempts: sql`greatest(attempts - 1, 0)` })
      .where('key', 'in', keys)
      .execute();
  }

  async clear(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.#db.deleteFrom('throttles').where('key', 'in', keys).execute();
  }

  /** Removes counters whose window ended before `before`; they count nothing any more. */
  async deleteEndedBefore(before: Date): Promise<number> {
    const result = await this.#db
      .deleteFrom('throttles')
      .where('window_ends_at', '<', before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
