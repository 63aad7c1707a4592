import type { Database, Kysely, Tables } from '@whathead/db';

export interface SessionWithUser {
  tokenHash: string;
  userId: string;
  email: string;
  name: string;
  activeWorkspaceId: string | null;
  lastSeenAt: Date;
  expiresAt: Date;
}

export class SessionRepository {
  readonly #db: Kysely<Tables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  async create(session: {
    tokenHash: string;
    userId: string;
    activeWorkspaceId: string | null;
    now: Date;
    expiresAt: Date;
  }) {
    await this.#db
      .insertInto('sessions')
      .values({
        token_hash: session.tokenHash,
        user_id: session.userId,
        active_workspace_id: session.activeWorkspaceId,
        created_at: session.now,
        last_seen_at: session.now,
        expires_at: session.expiresAt,
      })
      .execute();
  }

  /** A live session and its user; expired sessions are as good as absent. */
  findLive(tokenHash: string, now: Date): Promise<SessionWithUser | undefined> {
    return this.#db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select([
        'sessions.token_hash as tokenHash',
        'sessions.user_id as userId',
        'users.email',
        'users.name',
        'sessions.active_workspace_id as activeWorkspaceId',
        'sessions.last_seen_at as lastSeenAt',
        'sessions.expires_at as expiresAt',
      ])
      .where('sessions.token_hash', '=', tokenHash)
      .where('sessions.expires_at', '>', now)
      .executeTakeFirst();
  }

  async touch(tokenHash: string, now: Date, expiresAt: Date): Promise<void> {
    await this.#db
      .updateTable('sessions')
      .set({ last_seen_at: now, expires_at: expiresAt })
      .where('token_hash', '=', tokenHash)
      .execute();
  }

  async setActiveWorkspace(
    tokenHash: string,
    workspaceId: string,
    db: Kysely<Tables> = this.#db,
  ): Promise<void> {
    await db
      .updateTable('sessions')
      .set({ active_workspace_id: workspaceId })
      .where('token_hash', '=', tokenHash)
      .execute();
  }

  async delete(tokenHash: string): Promise<void> {
    await this.#db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }

  /** Removes sessions past their expiry; returns how many. */
  async deleteExpired(now: Date): Promise<number> {
    const result = await this.#db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
