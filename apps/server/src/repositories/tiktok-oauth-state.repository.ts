import type { Database, Kysely, Tables, TikTokOauthStateRow } from '@whathead/db';

export class TikTokOauthStateRepository {
  readonly #db: Kysely<Tables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  async create(state: {
    stateHash: string;
    sessionTokenHash: string;
    workspaceId: string;
    userId: string;
    purpose: 'connect' | 'reconnect';
    connectionId: string | null;
    now: Date;
    expiresAt: Date;
  }): Promise<void> {
    await this.#db
      .insertInto('tiktok_oauth_states')
      .values({
        state_hash: state.stateHash,
        session_token_hash: state.sessionTokenHash,
        workspace_id: state.workspaceId,
        user_id: state.userId,
        purpose: state.purpose,
        connection_id: state.connectionId,
        created_at: state.now,
        expires_at: state.expiresAt,
      })
      .execute();
  }

  /**
   * Marks a live state used and returns it, in one statement: of two callbacks racing with the
   * same state, exactly one gets the row.
   */
  consume(stateHash: string, now: Date): Promise<TikTokOauthStateRow | undefined> {
    return this.#db
      .updateTable('tiktok_oauth_states')
      .set({ used_at: now })
      .where('state_hash', '=', stateHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returningAll()
      .executeTakeFirst();
  }

  /** Records the code a state was finished with; false when that code was seen before. */
  async recordAuthCode(stateHash: string, authCodeHash: string): Promise<boolean> {
    const seen = await this.#db
      .selectFrom('tiktok_oauth_states')
      .select('state_hash')
      .where('auth_code_hash', '=', authCodeHash)
      .executeTakeFirst();
    if (seen) return false;
    try {
      await this.#db
        .updateTable('tiktok_oauth_states')
        .set({ auth_code_hash: authCodeHash })
        .where('state_hash', '=', stateHash)
        .execute();
      return true;
    } catch {
      // The unique index: another callback recorded the same code in between.
      return false;
    }
  }

  /** Forgets states that ended before `before`; used-code hashes outlive a code's hour at TikTok (§1.2). */
  async deleteExpiredBefore(before: Date): Promise<number> {
    const result = await this.#db
      .deleteFrom('tiktok_oauth_states')
      .where('expires_at', '<', before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
