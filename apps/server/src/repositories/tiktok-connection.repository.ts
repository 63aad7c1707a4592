import { randomUUID } from 'node:crypto';
import {
  askedKeys,
  askedPosition,
  coalescedRead,
  compileOnce,
  jsonListOf,
  listsByPosition,
  sql,
  type Database,
  type TikTokConnectionKind,
  type Kysely,
  type Tables,
  type TikTokAdAccountRow,
  type TikTokCheckResult,
  type TikTokConnectionRow,
  type TikTokConnectionStatus,
} from '@whathead/db';
import type { SealedToken } from '../lib/token-cipher.js';

export interface AdAccountFacts {
  advertiserId: string;
  name: string;
  status: string;
  currency: string | null;
  timezone: string | null;
  role: string | null;
  apiEligible: boolean;
  /** Whether it may be the default: a default that became unusable stops being the default. */
  usable: boolean;
}

/** What the connections card shows of a connection: never its token or anything of it. */
export type ConnectionSummaryRow = Pick<
  TikTokConnectionRow,
  | 'id'
  | 'kind'
  | 'business_center_id'
  | 'business_center_name'
  | 'business_center_role'
  | 'status'
  | 'attention_cause'
  | 'granted_scope_ids'
  | 'connected_at'
  | 'last_checked_at'
  | 'last_check_result'
  | 'check_requested_at'
>;

/** What the connections card shows of an ad account. */
export type AccountSummaryRow = Pick<
  TikTokAdAccountRow,
  | 'connection_id'
  | 'advertiser_id'
  | 'name'
  | 'status'
  | 'currency'
  | 'timezone'
  | 'role'
  | 'api_eligible'
  | 'write_refused'
  | 'accessible'
  | 'selected'
  | 'is_default'
  | 'newly_available'
>;

/**
 * The connections card's read, on every load of it: one statement (a round trip to the database
 * costs more than the rows), built once (`compileOnce`), shared by loads arriving together
 * (`coalescedRead`). Each workspace's live connections come as one JSON list with their accounts
 * nested (`jsonListOf`): parsing one JSON value costs the app half of what parsing the same
 * columns row by row does.
 */
const listLiveWithAccountsQuery = compileOnce((db: Kysely<Tables>, values: { workspaceIds: string[] }) =>
  db.selectFrom(askedKeys({ workspace_id: [values.workspaceIds, 'uuid'] })).select((asked) => [
    askedPosition,
    jsonListOf(
      asked
        .selectFrom('tiktok_connections as connection')
        .select((connection) => [
          'connection.id',
          'connection.kind',
          'connection.business_center_id',
          'connection.business_center_name',
          'connection.business_center_role',
          'connection.status',
          'connection.attention_cause',
          'connection.granted_scope_ids',
          'connection.connected_at',
          'connection.last_checked_at',
          'connection.last_check_result',
          'connection.check_requested_at',
          jsonListOf(
            connection
              .selectFrom('tiktok_ad_accounts as account')
              .select([
                'account.connection_id',
                'account.advertiser_id',
                'account.name',
                'account.status',
                'account.currency',
                'account.timezone',
                'account.role',
                'account.api_eligible',
                'account.write_refused',
                'account.accessible',
                'account.selected',
                'account.is_default',
                'account.newly_available',
              ])
              .whereRef('account.workspace_id', '=', 'connection.workspace_id')
              .whereRef('account.connection_id', '=', 'connection.id'),
            ['name', 'advertiser_id'],
          ).as('accounts'),
        ])
        .whereRef('connection.workspace_id', '=', 'asked.workspace_id')
        .where('connection.status', '!=', 'disconnected'),
      // By name, so a reconnect does not move a Business Center to the end of the card.
      ['business_center_name', 'id'],
    ).as('connections'),
  ]),
);

type ConnectionWithAccounts = ConnectionSummaryRow & { accounts: AccountSummaryRow[] };

/** Every query takes the workspace: a connection id alone never reaches another workspace's row. */
export class TikTokConnectionRepository {
  readonly #db: Kysely<Tables>;

  readonly #listLiveWithAccounts: (workspaceId: string) => Promise<ConnectionWithAccounts[]>;

  constructor(database: Database) {
    this.#db = database.db;
    this.#listLiveWithAccounts = coalescedRead(async (workspaceIds) =>
      listsByPosition(
        await listLiveWithAccountsQuery(this.#db, { workspaceIds: [...workspaceIds] }),
        workspaceIds.length,
        ({ connections }) =>
          connections.map((connection) => ({
            ...connection,
            // JSON carries timestamps as text.
            connected_at: new Date(connection.connected_at),
            last_checked_at:
              connection.last_checked_at === null ? null : new Date(connection.last_checked_at),
            check_requested_at:
              connection.check_requested_at === null ? null : new Date(connection.check_requested_at),
          })),
      ),
    );
  }

  /**
   * The id of the workspace's connection for this key (a Business Center's id, or the outside
   * group's key), created when there is none.
   */
  async ensure(
    connection: {
      workspaceId: string;
      businessCenterId: string;
      businessCenterName: string;
      kind: TikTokConnectionKind;
      now: Date;
    },
    db: Kysely<Tables> = this.#db,
  ): Promise<{ id: string; created: boolean; previousStatus: string | null }> {
    const existing = await db
      .selectFrom('tiktok_connections')
      .select(['id', 'status'])
      .where('workspace_id', '=', connection.workspaceId)
      .where('business_center_id', '=', connection.businessCenterId)
      .forUpdate()
      .executeTakeFirst();
    if (existing) return { id: existing.id, created: false, previousStatus: existing.status };
    const id = randomUUID();
    const inserted = await db
      .insertInto('tiktok_connections')
      .values({
        id,
        workspace_id: connection.workspaceId,
        business_center_id: connection.businessCenterId,
        business_center_name: connection.businessCenterName,
        kind: connection.kind,
        status: 'disconnected',
        connected_at: connection.now,
        updated_at: connection.now,
      })
      .onConflict((conflict) => conflict.columns(['workspace_id', 'business_center_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) return { id, created: true, previousStatus: null };
    // Another callback created it between our select and insert: use theirs.
    return this.ensure(connection, db);
  }

  /** Stores a fresh token and marks the connection healthy: a successful (re)connect clears any warning. */
  async storeToken(
    update: {
      workspaceId: string;
      id: string;
      businessCenterName: string;
      businessCenterRole: string | null;
      sealed: SealedToken;
      /** SHA-256 of the token, to tell which connections share it. */
      fingerprint: string;
      grantedScopeIds: string[];
      /** null: healthy; else the warning the fresh token already deserves (permissions missing). */
      attentionCause: string | null;
      connectedBy: string;
      now: Date;
    },
    db: Kysely<Tables> = this.#db,
  ): Promise<void> {
    await db
      .updateTable('tiktok_connections')
      .set({
        business_center_name: update.businessCenterName,
        business_center_role: update.businessCenterRole,
        status: update.attentionCause ? 'needs_attention' : 'connected',
        attention_cause: update.attentionCause,
        granted_scope_ids: update.grantedScopeIds,
        token_ciphertext: update.sealed.ciphertext,
        token_iv: update.sealed.iv,
        token_auth_tag: update.sealed.authTag,
        token_key_id: update.sealed.keyId,
        token_fingerprint: update.fingerprint,
        connected_by: update.connectedBy,
        connected_at: update.now,
        updated_at: update.now,
        last_checked_at: update.now,
        last_check_result: update.attentionCause ? 'needs_attention' : 'ok',
        disconnected_at: null,
      })
      .where('workspace_id', '=', update.workspaceId)
      .where('id', '=', update.id)
      .execute();
  }

  find(
    workspaceId: string,
    id: string,
    db: Kysely<Tables> = this.#db,
  ): Promise<TikTokConnectionRow | undefined> {
    return db
      .selectFrom('tiktok_connections')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Live connections (connected or needing attention); disconnected ones stay only as history. */
  listLive(workspaceId: string): Promise<TikTokConnectionRow[]> {
    return (
      this.#db
        .selectFrom('tiktok_connections')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('status', '!=', 'disconnected')
        // By name, so a reconnect does not move a Business Center to the end of the card.
        .orderBy('business_center_name')
        .orderBy('id')
        .execute()
    );
  }

  /**
   * What the connections card shows: the live connections (as `listLive` orders them), each
   * with its ad accounts (as `listAccounts` orders them).
   */
  listLiveWithAccounts(workspaceId: string): Promise<ConnectionWithAccounts[]> {
    return this.#listLiveWithAccounts(workspaceId);
  }

  /** One page of every workspace's live connections, in id order after `afterId`, for the health job. */
  listAllLive(afterId: string | null, limit: number): Promise<{ id: string; workspaceId: string }[]> {
    let query = this.#db
      .selectFrom('tiktok_connections')
      .select(['id', 'workspace_id as workspaceId'])
      .where('status', '!=', 'disconnected');
    if (afterId !== null) query = query.where('id', '>', afterId);
    return query.orderBy('id').limit(limit).execute();
  }

  /**
   * Live connections, in every workspace, that hold the token with this fingerprint, and those
   * stored before fingerprints existed (the caller compares those by decrypting). Across
   * workspaces on purpose: two workspaces may connect through one TikTok user, and revoking the
   * token for one must not end the other. Nothing of these rows leaves the service.
   */
  listLiveHoldingToken(
    fingerprint: string,
  ): Promise<
    Pick<
      TikTokConnectionRow,
      'id' | 'token_fingerprint' | 'token_ciphertext' | 'token_iv' | 'token_auth_tag' | 'token_key_id'
    >[]
  > {
    return this.#db
      .selectFrom('tiktok_connections')
      .select(['id', 'token_fingerprint', 'token_ciphertext', 'token_iv', 'token_auth_tag', 'token_key_id'])
      .where('status', '!=', 'disconnected')
      .where('token_ciphertext', 'is not', null)
      .where((where) =>
        where.or([where('token_fingerprint', '=', fingerprint), where('token_fingerprint', 'is', null)]),
      )
      .execute();
  }

  /** Every live connection, in any workspace, holding the token with this fingerprint. */
  listLiveByFingerprint(fingerprint: string): Promise<TikTokConnectionRow[]> {
    return this.#db
      .selectFrom('tiktok_connections')
      .selectAll()
      .where('token_fingerprint', '=', fingerprint)
      .where('status', '!=', 'disconnected')
      .execute();
  }

  /** Whether a held sign-in (a grant the user is still picking from) holds this token. */
  async pendingGrantHolds(fingerprint: string): Promise<boolean> {
    const row = await this.#db
      .selectFrom('tiktok_pending_grants')
      .select('id')
      .where('token_fingerprint', '=', fingerprint)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** One page of stored tokens sealed with another key than `keyId`, in id order after `afterId`. */
  listSealedWithOtherKey(
    keyId: string,
    afterId: string | null,
    limit: number,
  ): Promise<
    Pick<
      TikTokConnectionRow,
      'id' | 'workspace_id' | 'token_ciphertext' | 'token_iv' | 'token_auth_tag' | 'token_key_id'
    >[]
  > {
    let query = this.#db
      .selectFrom('tiktok_connections')
      .select(['id', 'workspace_id', 'token_ciphertext', 'token_iv', 'token_auth_tag', 'token_key_id'])
      .where('token_key_id', 'is not', null)
      .where('token_key_id', '!=', keyId);
    if (afterId !== null) query = query.where('id', '>', afterId);
    return query.orderBy('id').limit(limit).execute();
  }

  /** Whether any stored token was sealed with another key than `keyId`. */
  async anySealedWithOtherKey(keyId: string): Promise<boolean> {
    const row = await this.#db
      .selectFrom('tiktok_connections')
      .select('id')
      .where('token_key_id', 'is not', null)
      .where('token_key_id', '!=', keyId)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Replaces a token's ciphertext with the same token sealed under another key, only if the row
   * still holds the ciphertext that was read (its IV is unique per seal): a reconnect or
   * disconnect in between wins, and the rotation leaves that row alone.
   */
  async resealToken(
    row: { workspaceId: string; id: string; previousIv: Uint8Array },
    sealed: SealedToken,
  ): Promise<boolean> {
    const result = await this.#db
      .updateTable('tiktok_connections')
      .set({
        token_ciphertext: sealed.ciphertext,
        token_iv: sealed.iv,
        token_auth_tag: sealed.authTag,
        token_key_id: sealed.keyId,
      })
      .where('workspace_id', '=', row.workspaceId)
      .where('id', '=', row.id)
      .where('token_iv', '=', row.previousIv)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  listAccounts(workspaceId: string): Promise<TikTokAdAccountRow[]> {
    return this.#db
      .selectFrom('tiktok_ad_accounts')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('name')
      .orderBy('advertiser_id')
      .execute();
  }

  /**
   * Stores a grant's accounts for a connection, keeping each one's selection and default (a
   * reconnect restores them). Stored accounts the grant no longer holds stay, marked no longer
   * accessible and never the default: a new grant never silently empties a connection.
   */
  async mergeAccounts(
    target: { workspaceId: string; connectionId: string; now: Date },
    accounts: readonly AdAccountFacts[],
    db: Kysely<Tables> = this.#db,
  ): Promise<void> {
    const ids = accounts.map((account) => account.advertiserId);
    let missing = db
      .updateTable('tiktok_ad_accounts')
      .set({ accessible: false, is_default: false, updated_at: target.now })
      .where('workspace_id', '=', target.workspaceId)
      .where('connection_id', '=', target.connectionId)
      .where('accessible', '=', true);
    if (ids.length > 0) missing = missing.where('advertiser_id', 'not in', ids);
    await missing.execute();
    for (const account of accounts) {
      await db
        .insertInto('tiktok_ad_accounts')
        .values({
          connection_id: target.connectionId,
          workspace_id: target.workspaceId,
          advertiser_id: account.advertiserId,
          name: account.name,
          status: account.status,
          currency: account.currency,
          timezone: account.timezone,
          role: account.role,
          api_eligible: account.apiEligible,
          accessible: true,
          newly_available: false,
          updated_at: target.now,
        })
        .onConflict((conflict) =>
          conflict.columns(['connection_id', 'advertiser_id']).doUpdateSet((excluded) => ({
            name: excluded.ref('excluded.name'),
            status: excluded.ref('excluded.status'),
            currency: excluded.ref('excluded.currency'),
            timezone: excluded.ref('excluded.timezone'),
            role: excluded.ref('excluded.role'),
            api_eligible: excluded.ref('excluded.api_eligible'),
            // A new grant is the help page's fix ("try connecting again after permissions are
            // updated"): refusals learned under the old one are forgotten until TikTok repeats them.
            write_refused: false,
            accessible: true,
            newly_available: false,
            updated_at: excluded.ref('excluded.updated_at'),
            ...(account.usable ? {} : { is_default: false }),
          })),
        )
        .execute();
    }
  }

  /** The live connection, locked for the rest of the transaction: two checks never interleave. */
  lockLive(workspaceId: string, id: string, db: Kysely<Tables>): Promise<TikTokConnectionRow | undefined> {
    return db
      .selectFrom('tiktok_connections')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('status', '!=', 'disconnected')
      .forUpdate()
      .executeTakeFirst();
  }

  listConnectionAccounts(
    workspaceId: string,
    connectionId: string,
    db: Kysely<Tables> = this.#db,
  ): Promise<TikTokAdAccountRow[]> {
    return db
      .selectFrom('tiktok_ad_accounts')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('connection_id', '=', connectionId)
      .orderBy('advertiser_id')
      .execute();
  }

  /**
   * What a health check found: accounts that appeared (stored as new, not selected), accounts
   * the token no longer reaches (kept, marked inaccessible, never the default), accounts back
   * again, and fresh facts for the accounts it re-read.
   */
  async applyCheck(
    target: { workspaceId: string; connectionId: string; now: Date },
    changes: {
      added: readonly AdAccountFacts[];
      lost: readonly string[];
      restored: readonly string[];
      refreshed: readonly AdAccountFacts[];
      roles: readonly { advertiserId: string; role: string | null }[];
    },
    db: Kysely<Tables>,
  ): Promise<void> {
    const { workspaceId, connectionId, now } = target;
    const accounts = () =>
      db
        .updateTable('tiktok_ad_accounts')
        .where('workspace_id', '=', workspaceId)
        .where('connection_id', '=', connectionId);
    if (changes.lost.length > 0) {
      await accounts()
        .set({ accessible: false, is_default: false, updated_at: now })
        .where('advertiser_id', 'in', [...changes.lost])
        .execute();
    }
    if (changes.restored.length > 0) {
      await accounts()
        .set({ accessible: true, updated_at: now })
        .where('advertiser_id', 'in', [...changes.restored])
        .execute();
    }
    for (const account of changes.refreshed) {
      await accounts()
        .set({
          name: account.name,
          status: account.status,
          currency: account.currency,
          timezone: account.timezone,
          updated_at: now,
          ...(account.usable ? {} : { is_default: false }),
        })
        .where('advertiser_id', '=', account.advertiserId)
        .execute();
    }
    for (const { advertiserId, role } of changes.roles) {
      await accounts()
        .set({ role, updated_at: now, ...(role === 'ANALYST' ? { is_default: false } : {}) })
        .where('advertiser_id', '=', advertiserId)
        .execute();
    }
    for (const account of changes.added) {
      await db
        .insertInto('tiktok_ad_accounts')
        .values({
          connection_id: connectionId,
          workspace_id: workspaceId,
          advertiser_id: account.advertiserId,
          name: account.name,
          status: account.status,
          currency: account.currency,
          timezone: account.timezone,
          role: account.role,
          api_eligible: account.apiEligible,
          newly_available: true,
          updated_at: now,
        })
        .onConflict((conflict) => conflict.columns(['connection_id', 'advertiser_id']).doNothing())
        .execute();
    }
  }

  /** The outcome of a check that changed nothing else: TikTok did not answer. */
  async recordCheckResult(
    workspaceId: string,
    id: string,
    result: TikTokCheckResult,
    now: Date,
  ): Promise<void> {
    await this.#db
      .updateTable('tiktok_connections')
      .set({ last_check_result: result, last_checked_at: now })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('status', '!=', 'disconnected')
      .execute();
  }

  /** Sets which accounts of one connection are selected, and where the workspace default is. */
  async updateSelection(
    target: { workspaceId: string; connectionId: string; now: Date },
    selection: { selectedAdvertiserIds: readonly string[]; defaultAdvertiserId: string | null },
    db: Kysely<Tables> = this.#db,
  ): Promise<void> {
    const { workspaceId, connectionId, now } = target;
    // Clear first, so the one-default index never sees two defaults mid-update.
    let clearDefault = db
      .updateTable('tiktok_ad_accounts')
      .set({ is_default: false })
      .where('workspace_id', '=', workspaceId);
    if (selection.defaultAdvertiserId === null)
      clearDefault = clearDefault.where('connection_id', '=', connectionId);
    await clearDefault.execute();
    // Saving the selection is the user reviewing the list: no account is "new" after it.
    await db
      .updateTable('tiktok_ad_accounts')
      .set({ selected: false, is_default: false, newly_available: false, updated_at: now })
      .where('workspace_id', '=', workspaceId)
      .where('connection_id', '=', connectionId)
      .execute();
    if (selection.selectedAdvertiserIds.length > 0) {
      await db
        .updateTable('tiktok_ad_accounts')
        .set({ selected: true, updated_at: now })
        .where('workspace_id', '=', workspaceId)
        .where('connection_id', '=', connectionId)
        .where('advertiser_id', 'in', [...selection.selectedAdvertiserIds])
        .execute();
    }
    if (selection.defaultAdvertiserId !== null) {
      await db
        .updateTable('tiktok_ad_accounts')
        .set({ is_default: true })
        .where('workspace_id', '=', workspaceId)
        .where('connection_id', '=', connectionId)
        .where('advertiser_id', '=', selection.defaultAdvertiserId)
        .where('accessible', '=', true)
        .execute();
    }
  }

  /**
   * Puts the connection in Needs attention for `cause`. The check's time is recorded either way
   * (a connection stuck in one warning is not checked again for 15 minutes); answers whether
   * the cause is new, so the audit trail says it once.
   */
  async markAttention(
    workspaceId: string,
    id: string,
    cause: string,
    now: Date,
    /**
     * The fingerprint of the token that failed: a connection reconnected meanwhile holds another
     * token, and the old one's refusal says nothing about it.
     */
    failedToken?: string | null,
  ): Promise<boolean> {
    const live = () => {
      const query = this.#db
        .updateTable('tiktok_connections')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .where('status', '!=', 'disconnected');
      return failedToken ? query.where('token_fingerprint', '=', failedToken) : query;
    };
    const changed = await live()
      .set({ status: 'needs_attention', attention_cause: cause, updated_at: now })
      .where((builder) =>
        builder.or([builder('attention_cause', 'is', null), builder('attention_cause', '!=', cause)]),
      )
      .executeTakeFirst();
    await live().set({ last_checked_at: now, last_check_result: 'needs_attention' }).execute();
    return changed.numUpdatedRows === 1n;
  }

  /**
   * A check TikTok answered: the token works, so a warning about the token clears. A missing
   * permission stays until a reconnect grants it (the scope does not change without one).
   */
  async markChecked(
    workspaceId: string,
    id: string,
    check: { now: Date; businessCenterRole: string | null },
    db: Kysely<Tables> = this.#db,
  ): Promise<void> {
    await db
      .updateTable('tiktok_connections')
      .set({
        last_checked_at: check.now,
        business_center_role: check.businessCenterRole,
        last_check_result: sql<TikTokCheckResult>`case when attention_cause = 'permissions_missing' then 'needs_attention' else 'ok' end`,
        status: sql<TikTokConnectionStatus>`case when attention_cause = 'permissions_missing' then status else 'connected' end`,
        attention_cause: sql<
          string | null
        >`case when attention_cause = 'permissions_missing' then attention_cause else null end`,
      })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }

  /** Deletes the ciphertext and frees the accounts; the row stays for the audit trail. */
  async disconnect(workspaceId: string, id: string, now: Date, db: Kysely<Tables> = this.#db): Promise<void> {
    await db
      .updateTable('tiktok_connections')
      .set({
        status: 'disconnected',
        attention_cause: null,
        token_ciphertext: null,
        token_iv: null,
        token_auth_tag: null,
        token_key_id: null,
        token_fingerprint: null,
        updated_at: now,
        disconnected_at: now,
      })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
    await db
      .updateTable('tiktok_ad_accounts')
      .set({ selected: false, is_default: false, updated_at: now })
      .where('workspace_id', '=', workspaceId)
      .where('connection_id', '=', id)
      .execute();
  }

  /**
   * The help page's "Permission denied", derived from roles (correction 16): a connection whose
   * every accessible account the user can only view gets it; one that can manage an account again
   * loses it. Other warnings (token, permissions) come first and are left alone.
   */
  async refreshRoleAttention(
    workspaceId: string,
    id: string,
    now: Date,
    db: Kysely<Tables> = this.#db,
  ): Promise<void> {
    const counts = await db
      .selectFrom('tiktok_ad_accounts')
      .select((builder) => [
        builder.fn.countAll<string>().as('accessible'),
        builder.fn
          .count<string>('advertiser_id')
          .filterWhere((where) =>
            where.or([where('role', '=', 'ANALYST'), where('write_refused', '=', true)]),
          )
          .as('viewOnly'),
      ])
      .where('workspace_id', '=', workspaceId)
      .where('connection_id', '=', id)
      .where('accessible', '=', true)
      .executeTakeFirstOrThrow();
    const denied = Number(counts.accessible) > 0 && Number(counts.accessible) === Number(counts.viewOnly);
    const connection = db
      .updateTable('tiktok_connections')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('status', '!=', 'disconnected');
    if (denied) {
      await connection
        .set({
          status: 'needs_attention',
          attention_cause: 'permission_denied',
          last_check_result: 'needs_attention',
          updated_at: now,
        })
        .where('attention_cause', 'is', null)
        .execute();
    } else {
      await connection
        .set({ status: 'connected', attention_cause: null, last_check_result: 'ok', updated_at: now })
        .where('attention_cause', '=', 'permission_denied')
        .execute();
    }
  }

  /**
   * The key of the outside group these accounts belong to: an outside connection whose every
   * accessible account the grant holds again (the same owner granting again), else a new key.
   * A grant that merely overlaps another user's outside connection never takes it over.
   */
  async outsideKeyFor(workspaceId: string, advertiserIds: readonly string[]): Promise<string> {
    const granted = new Set(advertiserIds);
    const candidates = await this.#db
      .selectFrom('tiktok_connections')
      .innerJoin('tiktok_ad_accounts', 'tiktok_ad_accounts.connection_id', 'tiktok_connections.id')
      .select(['tiktok_connections.id', 'tiktok_connections.business_center_id'])
      .distinct()
      .where('tiktok_connections.workspace_id', '=', workspaceId)
      .where('tiktok_connections.kind', '=', 'outside_business_center')
      .where('tiktok_ad_accounts.advertiser_id', 'in', [...advertiserIds])
      .execute();
    for (const candidate of candidates) {
      const held = await this.listConnectionAccounts(workspaceId, candidate.id);
      const accessible = held.filter((account) => account.accessible);
      if (accessible.every((account) => granted.has(account.advertiser_id)))
        return candidate.business_center_id;
    }
    return `outside:${randomUUID()}`;
  }

  /**
   * Claims the live connections whose last check is older than `staleBefore` and that nobody asked
   * to check since `retryBefore`: one update, so of two processes only one claims each.
   */
  async claimStaleChecks(
    workspaceId: string,
    times: { staleBefore: Date; retryBefore: Date; now: Date },
  ): Promise<string[]> {
    const rows = await this.#db
      .updateTable('tiktok_connections')
      .set({ check_requested_at: times.now })
      .where('workspace_id', '=', workspaceId)
      .where('status', '!=', 'disconnected')
      .where((builder) =>
        builder.or([
          builder('last_checked_at', 'is', null),
          builder('last_checked_at', '<', times.staleBefore),
        ]),
      )
      .where((builder) =>
        builder.or([
          builder('check_requested_at', 'is', null),
          builder('check_requested_at', '<', times.retryBefore),
        ]),
      )
      .returning('id')
      .execute();
    return rows.map((row) => row.id);
  }

  /** TikTok refused a call on an account: view-only (40001 on a write) or not eligible for the API. */
  async markAccountRefused(
    target: { workspaceId: string; connectionId: string; advertiserId: string; now: Date },
    refusal: 'write_refused' | 'not_eligible',
  ): Promise<void> {
    await this.#db
      .updateTable('tiktok_ad_accounts')
      .set({
        ...(refusal === 'write_refused' ? { write_refused: true } : { api_eligible: false }),
        is_default: false,
        updated_at: target.now,
      })
      .where('workspace_id', '=', target.workspaceId)
      .where('connection_id', '=', target.connectionId)
      .where('advertiser_id', '=', target.advertiserId)
      .execute();
  }
}
