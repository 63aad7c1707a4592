import { randomUUID } from 'node:crypto';
import type { TikTokPendingGrant, TikTokPendingGrantsResponse } from '@whathead/contracts';
import type { Database, TikTokPendingGrantRow } from '@whathead/db';
import type { TikTokClient } from '@whathead/tiktok-client';
import { z } from 'zod';
import { AppError, validationFailed } from '../errors.js';
import { addSeconds, type Clock } from '../lib/clock.js';
import { tokenFingerprint } from '../lib/secret-token.js';
import { TokenUnreadableError, type TokenCipher } from '../lib/token-cipher.js';
import type { TikTokAuditRepository } from '../repositories/tiktok-audit.repository.js';
import type { TikTokConnectionRepository } from '../repositories/tiktok-connection.repository.js';
import type { TikTokPendingGrantRepository } from '../repositories/tiktok-pending-grant.repository.js';
import type { GrantGroup } from './tiktok-account-discovery.js';
import type { CurrentSession } from './session.service.js';
import { withTikTokRequestIds } from './tiktok-call-context.js';
import type { TikTokConnectionService } from './tiktok-connection.service.js';
import { attentionCauseOf, toAppError } from './tiktok-errors.js';
import { describePermissions } from './tiktok-permissions.js';

/** How long a sign-in whose groups the user picks from stays usable. */
export const grantLifetimeSeconds = 10 * 60;

/** A fresh TikTok token and what it was granted, as the connect flow hands it over. */
export interface FreshGrant {
  session: CurrentSession;
  workspaceId: string;
  accessToken: string;
  /** Canonical scope ids (tiktok-permissions.ts). */
  scopeIds: string[];
  /** TikTok request ids of the calls that read the grant, for the audit trail. */
  requestIds: string[];
}

const accountFactsSchema = z.object({
  advertiserId: z.string(),
  name: z.string(),
  status: z.string(),
  currency: z.string().nullable(),
  timezone: z.string().nullable(),
  role: z.string().nullable(),
  apiEligible: z.boolean(),
  usable: z.boolean(),
});
const storedGroupsSchema = z.array(
  z.object({
    key: z.string(),
    kind: z.enum(['business_center', 'outside_business_center']),
    name: z.string(),
    businessCenterRole: z.string().nullable(),
    accounts: z.array(accountFactsSchema),
  }),
);

const grantExpired = () =>
  new AppError(
    'tiktok_grant_expired',
    'This TikTok sign-in has expired (it is kept for ten minutes). Click Connect to sign in again.',
  );

/**
 * What a TikTok grant becomes in Whathead: a group stored as a connection (new, or the one the
 * workspace already has for it, whose selections and default stay), or, when the grant touched
 * several groups, a pending grant the user picks from without signing in at TikTok again.
 */
export class TikTokGrantService {
  readonly #database: Database;
  readonly #grants: TikTokPendingGrantRepository;
  readonly #connections: TikTokConnectionRepository;
  readonly #audit: TikTokAuditRepository;
  readonly #connectionService: TikTokConnectionService;
  readonly #cipher: TokenCipher;
  readonly #tiktok: TikTokClient;
  readonly #clock: Clock;

  constructor(dependencies: {
    database: Database;
    grants: TikTokPendingGrantRepository;
    connections: TikTokConnectionRepository;
    audit: TikTokAuditRepository;
    connectionService: TikTokConnectionService;
    cipher: TokenCipher;
    tiktok: TikTokClient;
    clock: Clock;
  }) {
    this.#database = dependencies.database;
    this.#grants = dependencies.grants;
    this.#connections = dependencies.connections;
    this.#audit = dependencies.audit;
    this.#connectionService = dependencies.connectionService;
    this.#cipher = dependencies.cipher;
    this.#tiktok = dependencies.tiktok;
    this.#clock = dependencies.clock;
  }

  /**
   * Stores one group as the workspace's connection for it, in one transaction: the token, the
   * granted accounts merged into those stored (selections and default kept, accounts no longer
   * granted marked no longer accessible), the warnings the grant deserves, and the audit entry.
   * A token the connection held before is given back to TikTok unless another connection holds it.
   */
  async apply(grant: FreshGrant, group: GrantGroup): Promise<string> {
    const { session, workspaceId, accessToken, scopeIds } = grant;
    const missing = describePermissions(scopeIds).some((permission) => !permission.granted);
    const now = this.#clock.now();
    let replacedToken: string | undefined;
    let reconnected = false;
    const connectionId = await this.#database.db.transaction().execute(async (transaction) => {
      const connection = await this.#connections.ensure(
        { workspaceId, businessCenterId: group.key, businessCenterName: group.name, kind: group.kind, now },
        transaction,
      );
      const previous = await this.#connections.find(workspaceId, connection.id, transaction);
      replacedToken = previous ? this.#connectionService.openStoredToken(previous) : undefined;
      await this.#connections.storeToken(
        {
          workspaceId,
          id: connection.id,
          businessCenterName: group.name,
          businessCenterRole: group.businessCenterRole,
          // The connection id is the associated data: this ciphertext opens on this row only.
          sealed: this.#cipher.seal(accessToken, connection.id),
          fingerprint: tokenFingerprint(accessToken),
          grantedScopeIds: scopeIds,
          attentionCause: missing ? 'permissions_missing' : null,
          connectedBy: session.userId,
          now,
        },
        transaction,
      );
      const target = { workspaceId, connectionId: connection.id, now };
      await this.#connections.mergeAccounts(target, group.accounts, transaction);
      await this.#connections.refreshRoleAttention(workspaceId, connection.id, now, transaction);
      reconnected =
        connection.previousStatus === 'connected' || connection.previousStatus === 'needs_attention';
      const count = group.accounts.length === 1 ? '1 ad account' : `${group.accounts.length} ad accounts`;
      const what =
        group.kind === 'business_center'
          ? `${group.name} with ${count}`
          : `${count} outside a Business Center`;
      await this.#audit.add(
        {
          workspaceId,
          connectionId: connection.id,
          actorUserId: session.userId,
          action: reconnected ? 'reconnected' : 'connected',
          businessCenterId: group.kind === 'business_center' ? group.key : null,
          businessCenterName: group.name,
          summary: `${reconnected ? 'Reconnected' : 'Connected'} ${what}${missing ? ', with permissions missing' : ''}.`,
          tiktokRequestId: grant.requestIds[0] ?? null,
          now,
        },
        transaction,
      );
      return connection.id;
    });
    // TikTok tokens never expire (§1.3): one this connection no longer holds is given back, unless
    // TikTok answered the same token again or another connection still holds it.
    if (replacedToken !== undefined && replacedToken !== accessToken)
      await this.#connectionService.revokeUnlessShared(replacedToken, null).catch(() => undefined);
    // Its selected accounts sync again at once, not at the next 15-minute pass.
    if (reconnected)
      await this.#connectionService.accountsReachableAgain(
        workspaceId,
        group.accounts.map((account) => account.advertiserId),
      );
    return connectionId;
  }

  /** Keeps a grant for ten minutes, sealed and bound to the session, so the user can pick. */
  async hold(grant: FreshGrant, groups: readonly GrantGroup[]): Promise<string> {
    const id = randomUUID();
    const now = this.#clock.now();
    await this.#grants.create({
      id,
      workspaceId: grant.workspaceId,
      userId: grant.session.userId,
      sessionTokenHash: grant.session.tokenHash,
      sealed: this.#cipher.seal(grant.accessToken, id),
      fingerprint: tokenFingerprint(grant.accessToken),
      grantedScopeIds: grant.scopeIds,
      groups: JSON.stringify(groups),
      now,
      expiresAt: addSeconds(now, grantLifetimeSeconds),
    });
    await this.#audit.add({
      workspaceId: grant.workspaceId,
      connectionId: null,
      actorUserId: grant.session.userId,
      action: 'grant_held',
      businessCenterId: null,
      businessCenterName: null,
      summary: `Granted ad accounts in ${groups.map((group) => group.name).join(', ')}; waiting for a choice of which to connect.`,
      tiktokRequestId: grant.requestIds[0] ?? null,
      now,
    });
    return id;
  }

  async get(session: CurrentSession, workspaceId: string, grantId: string): Promise<TikTokPendingGrant> {
    await this.#connectionService.requireManager(session, workspaceId);
    const row = await this.#findOwn(session, workspaceId, grantId);
    return this.#describe(row, parseGroups(row));
  }

  /** This session's grants that still have a group to connect. */
  async list(session: CurrentSession, workspaceId: string): Promise<TikTokPendingGrantsResponse> {
    await this.#connectionService.requireManager(session, workspaceId);
    const rows = await this.#grants.listForSession({
      workspaceId,
      sessionTokenHash: session.tokenHash,
      now: this.#clock.now(),
    });
    const grants = await Promise.all(
      rows
        .filter((row) => row.user_id === session.userId)
        .map((row) => this.#describe(row, parseGroups(row))),
    );
    return { grants: grants.filter((grant) => grant.groups.some((group) => group.connectionId === null)) };
  }

  /** The help page's step 3 in Whathead: connect the group the user picked from a held grant. */
  async connectGroup(
    session: CurrentSession,
    workspaceId: string,
    grantId: string,
    groupKey: string,
  ): Promise<{ connectionId: string; grant: TikTokPendingGrant }> {
    await this.#connectionService.requireManager(session, workspaceId);
    const row = await this.#findOwn(session, workspaceId, grantId);
    const groups = parseGroups(row);
    const group = groups.find((candidate) => candidate.key === groupKey);
    if (!group)
      throw validationFailed([
        { path: 'groupKey', message: 'Not a Business Center of this TikTok sign-in.' },
      ]);
    const accessToken = this.#openToken(row);
    if (accessToken === undefined) throw grantExpired();
    // The token waited up to ten minutes: one cheap call (§1.4) makes sure TikTok still honours it
    // before a connection shows Connected with it.
    let requestIds: string[];
    try {
      ({ requestIds } = await withTikTokRequestIds(() =>
        this.#tiktok.oauth.getAuthorizedAdvertisers({ accessToken }),
      ));
    } catch (error) {
      if (attentionCauseOf(error) === undefined) throw toAppError(error);
      await this.#grants.delete(row.id);
      throw grantExpired();
    }
    const connectionId = await this.apply(
      { session, workspaceId, accessToken, scopeIds: row.granted_scope_ids, requestIds },
      group,
    );
    const grant = await this.#describe(row, groups);
    // Every group connected: the connections hold the token now, the held copy can go.
    if (grant.groups.every((candidate) => candidate.connectionId !== null)) await this.#grants.delete(row.id);
    return { connectionId, grant };
  }

  /**
   * Forgets expired grants, giving their tokens back to TikTok unless a connection made from
   * them holds the same token. Answers how many were removed.
   */
  async releaseExpired(): Promise<number> {
    const expired = await this.#grants.deleteExpired(this.#clock.now());
    for (const row of expired) {
      const accessToken = this.#openToken(row);
      if (accessToken !== undefined)
        await this.#connectionService.revokeUnlessShared(accessToken, null).catch(() => undefined);
    }
    return expired.length;
  }

  /** The held token in clear, or undefined when it no longer opens (its key was rotated away). */
  #openToken(row: TikTokPendingGrantRow): string | undefined {
    const sealed = {
      ciphertext: row.token_ciphertext,
      iv: row.token_iv,
      authTag: row.token_auth_tag,
      keyId: row.token_key_id,
    };
    try {
      return this.#cipher.open(sealed, row.id);
    } catch (error) {
      if (error instanceof TokenUnreadableError) return undefined;
      throw error;
    }
  }

  async #findOwn(
    session: CurrentSession,
    workspaceId: string,
    grantId: string,
  ): Promise<TikTokPendingGrantRow> {
    const row = await this.#grants.find(
      { workspaceId, sessionTokenHash: session.tokenHash, now: this.#clock.now() },
      grantId,
    );
    if (!row || row.user_id !== session.userId) throw grantExpired();
    return row;
  }

  async #describe(row: TikTokPendingGrantRow, groups: readonly GrantGroup[]): Promise<TikTokPendingGrant> {
    const live = await this.#connections.listLive(row.workspace_id);
    const connectionOf = new Map(live.map((connection) => [connection.business_center_id, connection.id]));
    return {
      id: row.id,
      expiresAt: row.expires_at.toISOString(),
      groups: groups.map((group) => ({
        key: group.key,
        kind: group.kind,
        name: group.name,
        grantedAccountCount: group.accounts.length,
        connectionId: connectionOf.get(group.key) ?? null,
      })),
    };
  }
}

function parseGroups(row: TikTokPendingGrantRow): GrantGroup[] {
  return storedGroupsSchema.parse(JSON.parse(row.groups));
}
