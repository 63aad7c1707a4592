import type { Database, Kysely, Tables } from '@whathead/db';

export interface OpenPasswordReset {
  userId: string;
  email: string;
  expiresAt: Date;
}

export class PasswordResetRepository {
  readonly #db: Kysely<Tables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  async create(reset: { tokenHash: string; userId: string; now: Date; expiresAt: Date }): Promise<void> {
    await this.#db
      .insertInto('password_resets')
      .values({
        token_hash: reset.tokenHash,
        user_id: reset.userId,
        created_at: reset.now,
        expires_at: reset.expiresAt,
      })
      .execute();
  }

  /** A reset that can still be used, and whose account it is for. */
  findOpen(tokenHash: string, now: Date): Promise<OpenPasswordReset | undefined> {
    return this.#db
      .selectFrom('password_resets')
      .innerJoin('users', 'users.id', 'password_resets.user_id')
      .select(['password_resets.user_id as userId', 'users.email', 'password_resets.expires_at as expiresAt'])
      .where('password_resets.token_hash', '=', tokenHash)
      .where('password_resets.expires_at', '>', now)
      .executeTakeFirst();
  }

  /**
   * Uses up the reset: deletes it, if still open, and every other reset of the same user. Returns
   * the user, or undefined when the reset had expired or was used (or is being used) already.
   */
  async consume(tokenHash: string, now: Date, db: Kysely<Tables>): Promise<string | undefined> {
    const used = await db
      .deleteFrom('password_resets')
      .where('token_hash', '=', tokenHash)
      .where('expires_at', '>', now)
      .returning('user_id')
      .executeTakeFirst();
    if (!used) return undefined;
    await this.deleteForUser(used.user_id, db);
    return used.user_id;
  }

  /** Every reset link of the user stops working (their password was just set). */
  async deleteForUser(userId: string, db: Kysely<Tables> = this.#db): Promise<void> {
    await db.deleteFrom('password_resets').where('user_id', '=', userId).execute();
  }

  /** Removes resets that expired before `before`; used ones are already gone. */
  async deleteExpiredBefore(before: Date): Promise<number> {
    const result = await this.#db
      .deleteFrom('password_resets')
      .where('expires_at', '<=', before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
