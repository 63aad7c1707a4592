import type { Database, Kysely, NewUser, Tables, UserRow } from '@whathead/db';
import { sql } from '@whathead/db';

export class UserRepository {
  readonly #db: Kysely<Tables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  findByEmail(email: string, db: Kysely<Tables> = this.#db): Promise<UserRow | undefined> {
    return db
      .selectFrom('users')
      .selectAll()
      .where(sql`lower(email)`, '=', email.toLowerCase())
      .executeTakeFirst();
  }

  /** Returns undefined when the email is already taken (the unique index decides, race-free). */
  async insert(user: NewUser, db: Kysely<Tables> = this.#db): Promise<UserRow | undefined> {
    return db
      .insertInto('users')
      .values(user)
      .onConflict((conflict) => conflict.expression(sql`lower(email)`).doNothing())
      .returningAll()
      .executeTakeFirst();
  }

  async setPasswordHash(userId: string, passwordHash: string, db: Kysely<Tables> = this.#db): Promise<void> {
    await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
  }
}
