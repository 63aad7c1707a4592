import type { Database, Kysely, Tables, TikTokPendingGrantRow } from '@whathead/db';
import type { SealedToken } from '../lib/token-cipher.js';

/** Pending grants: every read is bound to the workspace and the session that made the grant. */
export class TikTokPendingGrantRepository {
  readonly #db: Kysely<Tables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  async create(grant: {
    id: string;
    workspaceId: string;
    userId: string;
    sessionTokenHash: string;
    sealed: SealedToken;
    fingerprint: string;
    grantedScopeIds: string[];
    groups: string;
    now: Date;
    expiresAt: Date;
  }): Promise<void> {
    await this.#db
      .insertInto('tiktok_pending_grants')
      .values({
        id: grant.id,
        workspace_id: grant.workspaceId,
        user_id: grant.userId,
        session_token_hash: grant.sessionTokenHash,
        token_ciphertext: grant.sealed.ciphertext,
        token_iv: grant.sealed.iv,
        token_auth_tag: grant.sealed.authTag,
        token_key_id: grant.sealed.keyId,
        token_fingerprint: grant.fingerprint,
        granted_scope_ids: grant.grantedScopeIds,
        groups: grant.groups,
        created_at: grant.now,
        expires_at: grant.expiresAt,
      })
      .execute();
  }

  /** The grant, if this session made it in this workspace and it has not expired. */
  find(
    owner: { workspaceId: string; sessionTokenHash: string; now: Date },
    id: string,
    db: Kysely<Tables> = this.#db,
  ): Promise<TikTokPendingGrantRow | undefined> {
    return db
      .selectFrom('tiktok_pending_grants')
      .selectAll()
      .where('id', '=', id)
      .where('workspace_id', '=', owner.workspaceId)
      .where('session_token_hash', '=', owner.sessionTokenHash)
      .where('expires_at', '>', owner.now)
      .executeTakeFirst();
  }

  listForSession(owner: { workspaceId: string; sessionTokenHash: string; now: Date }) {
    return this.#db
      .selectFrom('tiktok_pending_grants')
      .selectAll()
      .where('workspace_id', '=', owner.workspaceId)
      .where('session_token_hash', '=', owner.sessionTokenHash)
      .where('expires_at', '>', owner.now)
      .orderBy('created_at', 'desc')
      .execute();
  }

  async delete(id: string, db: Kysely<Tables> = this.#db): Promise<void> {
    await db.deleteFrom('tiktok_pending_grants').where('id', '=', id).execute();
  }

  /** Removes expired grants and answers them, so their tokens can be given back to TikTok. */
  deleteExpired(now: Date): Promise<TikTokPendingGrantRow[]> {
    return this.#db
      .deleteFrom('tiktok_pending_grants')
      .where('expires_at', '<=', now)
      .returningAll()
      .execute();
  }
}
