import {
  canManageMembers,
  type TikTokAuditAction,
  type CheckTikTokConnectionResponse,
  type TikTokAuditResponse,
  type TikTokConnectionsResponse,
  type UpdateTikTokAccountsInput,
} from '@whathead/contracts';
import type { Database, TikTokConnectionRow } from '@whathead/db';
import { TikTokApiError, type TikTokClient } from '@whathead/tiktok-client';
import { AppError, forbidden, notFound, validationFailed } from '../errors.js';
import type { Clock } from '../lib/clock.js';
import { tokenFingerprint } from '../lib/secret-token.js';
import { TokenUnreadableError, type TokenCipher } from '../lib/token-cipher.js';
import type { TikTokAuditRepository } from '../repositories/tiktok-audit.repository.js';
import type {
  AccountSummaryRow,
  ConnectionSummaryRow,
  TikTokConnectionRepository,
} from '../repositories/tiktok-connection.repository.js';
import { withTikTokRequestIds } from './tiktok-call-context.js';
import {
  observeConnection,
  planAccountChanges,
  type ConnectionObservation,
} from './tiktok-connection-health.js';
import { checkClaimSeconds, describeConnections } from './tiktok-connection-summary.js';
import { accountRefusalOf, attentionCauseOf, toAppError } from './tiktok-errors.js';
import type { Actor, WorkspaceService } from './workspace.service.js';

/** How many audit events Settings shows. */
const auditPageSize = 200;

/** Check connection within this long of the last check answers with that check's state. */
const manualCheckSeconds = 30;

/** A connection last checked longer ago than this is checked again when a page loads. */
export const staleCheckSeconds = 15 * 60;

/** When a connection counts as stale, and when a claimed check that never ended may be claimed again. */
interface CheckBounds {
  staleBefore: Date;
  retryBefore: Date;
  now: Date;
}

const checkBounds = (now: Date): CheckBounds => ({
  staleBefore: new Date(now.getTime() - staleCheckSeconds * 1000),
  retryBefore: new Date(now.getTime() - checkClaimSeconds * 1000),
  now,
});

/** The test `TikTokConnectionRepository.claimStaleChecks` makes, on a row already read. */
const isDueForCheck = (
  connection: Pick<TikTokConnectionRow, 'last_checked_at' | 'check_requested_at'>,
  bounds: CheckBounds,
): boolean =>
  (connection.last_checked_at === null || connection.last_checked_at < bounds.staleBefore) &&
  (connection.check_requested_at === null || connection.check_requested_at < bounds.retryBefore);

/** The workspace's TikTok connections once made: list, accounts, health, disconnect, audit. */
export class TikTokConnectionService {
  readonly #database: Database;
  readonly #connections: TikTokConnectionRepository;
  readonly #audit: TikTokAuditRepository;
  readonly #workspaceService: WorkspaceService;
  readonly #tiktok: TikTokClient;
  readonly #cipher: TokenCipher;
  readonly #clock: Clock;

  readonly #tiktokApp: TikTokConnectionsResponse['tiktokApp'];
  #checkQueue: ((target: { workspaceId: string; connectionId: string }) => Promise<unknown>) | undefined;

  constructor(dependencies: {
    database: Database;
    connections: TikTokConnectionRepository;
    audit: TikTokAuditRepository;
    workspaceService: WorkspaceService;
    tiktok: TikTokClient;
    cipher: TokenCipher;
    tiktokApp: TikTokConnectionsResponse['tiktokApp'];
    clock: Clock;
  }) {
    this.#tiktokApp = dependencies.tiktokApp;
    this.#database = dependencies.database;
    this.#connections = dependencies.connections;
    this.#audit = dependencies.audit;
    this.#workspaceService = dependencies.workspaceService;
    this.#tiktok = dependencies.tiktok;
    this.#cipher = dependencies.cipher;
    this.#clock = dependencies.clock;
  }

  async requireManager(actor: Actor, workspaceId: string): Promise<void> {
    const role = await this.#workspaceService.requireMember(actor, workspaceId);
    if (!canManageMembers(role))
      throw forbidden('Only workspace owners and admins can manage TikTok connections.');
  }

  /**
   * The workspace's connections. One whose last check is older than 15 minutes is checked in the
   * background (issue 9: status is never stale when a page loads); the answer says `checking`
   * until that check ends, so the page asks again.
   */
  async list(actor: Actor, workspaceId: string): Promise<TikTokConnectionsResponse> {
    await this.#workspaceService.requireMember(actor, workspaceId);
    const connections = await this.#connections.listLiveWithAccounts(workspaceId);
    // Most loads find every connection checked recently: the claim, a write, waits for one that is due.
    const bounds = checkBounds(this.#clock.now());
    if (!this.#checkQueue || !connections.some((connection) => isDueForCheck(connection, bounds)))
      return this.#answer(connections);
    await this.#requestStaleChecks(workspaceId, bounds);
    // Read again: the claims, this load's or another's that came first, change what `checking` says.
    return this.#describe(workspaceId);
  }

  /** Set once the job queue runs: it is built after the services, because its jobs call them. */
  useCheckQueue(queue: (target: { workspaceId: string; connectionId: string }) => Promise<unknown>): void {
    this.#checkQueue = queue;
  }

  async #requestStaleChecks(workspaceId: string, bounds: CheckBounds): Promise<void> {
    if (!this.#checkQueue) return;
    const claimed = await this.#connections.claimStaleChecks(workspaceId, bounds);
    // A queue hiccup must not break the page: the claim lapses and a later load asks again.
    for (const connectionId of claimed)
      await this.#checkQueue({ workspaceId, connectionId }).catch(() => undefined);
  }

  #selectionListener: ((workspaceId: string, advertiserIds: string[]) => Promise<unknown>) | undefined;

  async updateAccounts(
    actor: Actor,
    workspaceId: string,
    connectionId: string,
    input: UpdateTikTokAccountsInput,
  ): Promise<TikTokConnectionsResponse> {
    await this.requireManager(actor, workspaceId);
    const connection = await this.#findLive(workspaceId, connectionId);
    const workspaceAccounts = await this.#connections.listAccounts(workspaceId);
    const before = describeConnections([connection], workspaceAccounts, this.#clock.now());
    // One default per workspace: a default chosen here replaces one in another Business Center.
    const replacedDefault = workspaceAccounts.find(
      (account) => account.is_default && account.connection_id !== connectionId,
    );
    const accounts = before.connections[0]!.accounts;
    const known = new Set(accounts.map((account) => account.advertiserId));
    const unknown = input.selectedAdvertiserIds.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw validationFailed([
        {
          path: 'selectedAdvertiserIds',
          message: `Not an ad account of this Business Center: ${unknown.join(', ')}.`,
        },
      ]);
    }
    const chosenDefault = accounts.find((account) => account.advertiserId === input.defaultAdvertiserId);
    if (input.defaultAdvertiserId !== null) {
      if (!chosenDefault || !input.selectedAdvertiserIds.includes(input.defaultAdvertiserId)) {
        throw validationFailed([{ path: 'defaultAdvertiserId', message: 'Select the default account too.' }]);
      }
      if (!chosenDefault.usable) {
        throw new AppError(
          'tiktok_account_not_usable',
          `${chosenDefault.name} cannot be the default: ${chosenDefault.unusableReason}`,
        );
      }
    }
    const now = this.#clock.now();
    const wasSelected = accounts
      .filter((account) => account.selected)
      .map((account) => account.advertiserId)
      .sort();
    const nowSelected = [...new Set(input.selectedAdvertiserIds)].sort();
    const previousDefault = accounts.find((account) => account.isDefault)?.advertiserId ?? null;
    await this.#database.db.transaction().execute(async (transaction) => {
      await this.#connections.updateSelection({ workspaceId, connectionId, now }, input, transaction);
      const record = (action: TikTokAuditAction, summary: string) =>
        this.#audit.add(
          {
            ...this.#auditTarget(connection),
            actorUserId: actor.userId,
            action,
            summary,
            tiktokRequestId: null,
            now,
          },
          transaction,
        );
      if (wasSelected.join() !== nowSelected.join()) {
        const names = accounts
          .filter((account) => nowSelected.includes(account.advertiserId))
          .map((account) => account.name);
        await record(
          'accounts_selected',
          names.length > 0 ? `Selected ${names.join(', ')}.` : 'Selected no ad accounts.',
        );
      }
      if (previousDefault !== input.defaultAdvertiserId && (chosenDefault || previousDefault)) {
        const replacing = chosenDefault && replacedDefault ? ` (replacing ${replacedDefault.name})` : '';
        await record(
          'default_changed',
          chosenDefault
            ? `Made ${chosenDefault.name} the default account${replacing}.`
            : 'Cleared the default account.',
        );
      }
    });
    const newlySelected = nowSelected.filter((advertiserId) => !wasSelected.includes(advertiserId));
    // The campaign mirror's first import starts when an account is chosen; a queue hiccup must
    // not fail the save: the 15-minute pass queues it anyway.
    if (newlySelected.length > 0)
      await this.#selectionListener?.(workspaceId, newlySelected).catch(() => undefined);
    return this.#describe(workspaceId);
  }

  /**
   * A Reconnect made these accounts reachable again: those still selected sync now (the campaign
   * mirror queues only accounts that are selected and reachable). A queue hiccup fails nothing.
   */
  async accountsReachableAgain(workspaceId: string, advertiserIds: string[]): Promise<void> {
    await this.#selectionListener?.(workspaceId, advertiserIds).catch(() => undefined);
  }

  /** Told which accounts to sync now: newly selected, or reachable again after a Reconnect. */
  onAccountsSelected(listener: (workspaceId: string, advertiserIds: string[]) => Promise<unknown>): void {
    this.#selectionListener = listener;
  }

  /**
   * Check connection, and the health job (`actor` undefined: Whathead itself is checking). Asks
   * TikTok which accounts the token still reaches and re-reads the selected ones
   * (tiktok-connection-health.ts), then records what changed: accounts new, gone or back, status
   * changes, the time and the outcome. A refused token puts the connection in Needs attention at
   * once; TikTok being busy or down records only that, and the error goes back to the caller.
   * Safe to run twice, even at once: the changes are worked out again under a row lock, so a
   * second run finds nothing left to record.
   */
  async check(
    actor: Actor | undefined,
    workspaceId: string,
    connectionId: string,
  ): Promise<CheckTikTokConnectionResponse> {
    if (actor) await this.#workspaceService.requireMember(actor, workspaceId);
    const connection = await this.#findLive(workspaceId, connectionId);
    // Check connection by hand at most twice a minute per connection: every workspace shares one
    // TikTok budget, so repeated clicks answer with the state just read.
    // The first check after a (re)connect always goes to TikTok: the user may be testing it.
    const lastCheck = connection.last_checked_at;
    const checkedAgo =
      lastCheck && lastCheck > connection.connected_at
        ? this.#clock.now().getTime() - lastCheck.getTime()
        : Number.POSITIVE_INFINITY;
    if (
      actor &&
      checkedAgo < manualCheckSeconds * 1000 &&
      connection.last_check_result !== 'tiktok_unavailable'
    )
      return { ...(await this.#describe(workspaceId)), changes: [] };
    const stored = await this.#connections.listConnectionAccounts(workspaceId, connectionId);
    let observed: { result: ConnectionObservation; requestIds: string[] };
    try {
      observed = await this.withConnectionToken(connection, actor, (accessToken) =>
        observeConnection(this.#tiktok, accessToken, connection, stored),
      );
    } catch (error) {
      // The connection now shows Needs attention: that is the check's answer, not a failure.
      if (error instanceof TokenUnreadableError || attentionCauseOf(error))
        return { ...(await this.#describe(workspaceId)), changes: [] };
      const appError = toAppError(error);
      if (appError.code === 'tiktok_unavailable' || appError.code === 'tiktok_rate_limited')
        await this.#connections.recordCheckResult(
          workspaceId,
          connectionId,
          'tiktok_unavailable',
          this.#clock.now(),
        );
      throw appError;
    }
    const now = this.#clock.now();
    const sentences = await this.#database.db.transaction().execute(async (transaction) => {
      const locked = await this.#connections.lockLive(workspaceId, connectionId, transaction);
      if (!locked) return [];
      const current = await this.#connections.listConnectionAccounts(workspaceId, connectionId, transaction);
      const changes = planAccountChanges(current, observed.result);
      await this.#connections.applyCheck({ workspaceId, connectionId, now }, changes, transaction);
      await this.#connections.markChecked(
        workspaceId,
        connectionId,
        { now, businessCenterRole: observed.result.businessCenterRole ?? locked.business_center_role },
        transaction,
      );
      await this.#connections.refreshRoleAttention(workspaceId, connectionId, now, transaction);
      if (changes.sentences.length === 0) return [];
      await this.#audit.add(
        {
          ...this.#auditTarget(locked),
          actorUserId: actor?.userId ?? null,
          action: 'checked',
          summary: `${locked.business_center_name}: ${changes.sentences.join(' ')}`,
          tiktokRequestId: observed.requestIds[0] ?? null,
          now,
        },
        transaction,
      );
      return changes.sentences;
    });
    return { ...(await this.#describe(workspaceId)), changes: sentences };
  }

  /**
   * Runs TikTok calls with a connection's token. Every service that calls TikTok for a
   * connection goes through here, so any refusal that says the connection is broken (token
   * expired or revoked, a permission or the Business Center gone) puts it in Needs attention
   * before the error leaves. A token that cannot be decrypted marks it too, and throws
   * `TokenUnreadableError`.
   */
  async withConnectionToken<Result>(
    connection: TikTokConnectionRow,
    actor: Actor | undefined,
    work: (accessToken: string) => Promise<Result>,
  ): Promise<{ result: Result; requestIds: string[] }> {
    const accessToken = this.openStoredToken(connection);
    if (accessToken === undefined) {
      await this.#markAttention(connection, 'token_unreadable', actor, null);
      throw new TokenUnreadableError('unknown_key');
    }
    try {
      return await withTikTokRequestIds(() => work(accessToken));
    } catch (error) {
      if (await this.#recordAccountRefusal(connection, error)) throw error;
      const cause = attentionCauseOf(error);
      if (cause) {
        await this.#markAttention(
          connection,
          cause,
          actor,
          TikTokApiError.isInstance(error) ? (error.requestId ?? null) : null,
        );
      }
      throw error;
    }
  }

  /**
   * Revokes the token at TikTok (§1.5), then deletes the ciphertext; the row and its audit trail
   * stay. A token TikTok already refuses, or one we can no longer read, is simply forgotten.
   */
  async disconnect(actor: Actor, workspaceId: string, connectionId: string): Promise<void> {
    await this.requireManager(actor, workspaceId);
    const connection = await this.#findLive(workspaceId, connectionId);
    const accessToken = this.openStoredToken(connection);
    let requestId: string | null = null;
    if (accessToken !== undefined) {
      try {
        requestId = await this.revokeUnlessShared(accessToken, connection.id);
      } catch (error) {
        if (attentionCauseOf(error) === undefined) throw toAppError(error);
      }
    }
    const now = this.#clock.now();
    await this.#database.db.transaction().execute(async (transaction) => {
      await this.#connections.disconnect(workspaceId, connectionId, now, transaction);
      await this.#audit.add(
        {
          ...this.#auditTarget(connection),
          actorUserId: actor.userId,
          action: 'disconnected',
          summary: `Disconnected ${connection.business_center_name}.`,
          tiktokRequestId: requestId,
          now,
        },
        transaction,
      );
    });
  }

  /**
   * Revokes a token at TikTok (§1.5), unless another live connection (`exceptConnectionId`
   * aside), in any workspace, holds the very same token: TikTok may give a user who authorizes
   * again the token they already have, and revoking it would end that other connection too.
   * Answers the revocation's request id, or null when the token was kept for its other holder.
   */
  async revokeUnlessShared(accessToken: string, exceptConnectionId: string | null): Promise<string | null> {
    const fingerprint = tokenFingerprint(accessToken);
    const holders = await this.#connections.listLiveHoldingToken(fingerprint);
    const shared = holders.some(
      (holder) =>
        holder.id !== exceptConnectionId &&
        (holder.token_fingerprint === fingerprint || this.openStoredToken(holder) === accessToken),
    );
    // A sign-in the user is still picking from may hold the same token (one grant, several groups).
    if (shared || (await this.#connections.pendingGrantHolds(fingerprint))) return null;
    const { requestIds } = await withTikTokRequestIds(() =>
      this.#tiktok.oauth.revokeAccessToken({ accessToken }),
    );
    return requestIds[0] ?? null;
  }

  async auditTrail(actor: Actor, workspaceId: string): Promise<TikTokAuditResponse> {
    await this.#workspaceService.requireMember(actor, workspaceId);
    const events = await this.#audit.list(workspaceId, auditPageSize);
    return {
      events: events.map((event) => ({
        ...event,
        action: event.action as TikTokAuditAction,
        occurredAt: event.occurredAt.toISOString(),
      })),
    };
  }

  /** One page of every workspace's live connections, for the health job. */
  listAllLive(afterId: string | null, limit: number): Promise<{ id: string; workspaceId: string }[]> {
    return this.#connections.listAllLive(afterId, limit);
  }

  async #describe(workspaceId: string): Promise<TikTokConnectionsResponse> {
    return this.#answer(await this.#connections.listLiveWithAccounts(workspaceId));
  }

  #answer(connections: readonly (ConnectionSummaryRow & { accounts: AccountSummaryRow[] })[]) {
    const accounts = connections.flatMap((connection) => connection.accounts);
    return { ...describeConnections(connections, accounts, this.#clock.now()), tiktokApp: this.#tiktokApp };
  }

  async #findLive(workspaceId: string, connectionId: string): Promise<TikTokConnectionRow> {
    const connection = await this.#connections.find(workspaceId, connectionId);
    if (!connection || connection.status === 'disconnected') throw notFound('This TikTok connection');
    return connection;
  }

  /** The connection's token in clear, or undefined when it has none or it cannot be decrypted. */
  openStoredToken(
    connection: Pick<
      TikTokConnectionRow,
      'id' | 'token_ciphertext' | 'token_iv' | 'token_auth_tag' | 'token_key_id'
    >,
  ): string | undefined {
    const { token_ciphertext, token_iv, token_auth_tag, token_key_id } = connection;
    if (!token_ciphertext || !token_iv || !token_auth_tag || !token_key_id) return undefined;
    try {
      return this.#cipher.open(
        { ciphertext: token_ciphertext, iv: token_iv, authTag: token_auth_tag, keyId: token_key_id },
        connection.id,
      );
    } catch (error) {
      if (error instanceof TokenUnreadableError) return undefined;
      throw error;
    }
  }

  /**
   * A refusal about one ad account, not the connection (correction 16, issue 9 item 4): 40001 on a
   * write the scope allows means the user's role there is view-only; "not eligible for API
   * access" marks the account ineligible. Both take it out of the default and may turn the
   * connection to Permission denied. Answers whether the error was such a refusal.
   */
  async #recordAccountRefusal(connection: TikTokConnectionRow, error: unknown): Promise<boolean> {
    const refusal = accountRefusalOf(error);
    if (!refusal) return false;
    const now = this.#clock.now();
    await this.#connections.markAccountRefused(
      {
        workspaceId: connection.workspace_id,
        connectionId: connection.id,
        advertiserId: refusal.advertiserId,
        now,
      },
      refusal.kind,
    );
    await this.#connections.refreshRoleAttention(connection.workspace_id, connection.id, now);
    return true;
  }

  async #markAttention(
    connection: TikTokConnectionRow,
    cause: NonNullable<ReturnType<typeof attentionCauseOf>>,
    actor: Actor | undefined,
    tiktokRequestId: string | null,
  ): Promise<void> {
    const now = this.#clock.now();
    // A dead token is dead for every connection made from the same sign-in: they all say so now,
    // not each only when someone happens to check it.
    const holders =
      (cause === 'token_revoked' || cause === 'token_expired') && connection.token_fingerprint
        ? await this.#connections.listLiveByFingerprint(connection.token_fingerprint)
        : [];
    const affected = [connection, ...holders.filter((holder) => holder.id !== connection.id)];
    for (const target of affected) {
      if (
        !(await this.#connections.markAttention(
          target.workspace_id,
          target.id,
          cause,
          now,
          target.token_fingerprint,
        ))
      )
        continue;
      await this.#audit.add({
        ...this.#auditTarget(target),
        actorUserId: actor?.userId ?? null,
        action: 'needs_attention',
        summary: `${target.business_center_name} needs attention (${cause.replaceAll('_', ' ')}).`,
        tiktokRequestId,
        now,
      });
    }
  }

  #auditTarget(connection: TikTokConnectionRow) {
    return {
      workspaceId: connection.workspace_id,
      connectionId: connection.id,
      businessCenterId: connection.kind === 'business_center' ? connection.business_center_id : null,
      businessCenterName: connection.business_center_name,
    };
  }
}
