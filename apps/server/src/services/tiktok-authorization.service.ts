import type { StartTikTokConnectInput, TikTokCallbackError } from '@whathead/contracts';
import type { Database } from '@whathead/db';
import { TikTokApiError, type TikTokClient } from '@whathead/tiktok-client';
import { AppError, notFound } from '../errors.js';
import { addSeconds, type Clock } from '../lib/clock.js';
import { keyedHash, randomToken, tokenFingerprint } from '../lib/secret-token.js';
import type { TokenCipher } from '../lib/token-cipher.js';
import type { TikTokAuditRepository } from '../repositories/tiktok-audit.repository.js';
import type { TikTokConnectionRepository } from '../repositories/tiktok-connection.repository.js';
import type { TikTokOauthStateRepository } from '../repositories/tiktok-oauth-state.repository.js';
import type { CurrentSession } from './session.service.js';
import { discoverBusinessCenter } from './tiktok-account-discovery.js';
import { withTikTokRequestIds } from './tiktok-call-context.js';
import { describePermissions, canonicalScopeIds } from './tiktok-permissions.js';
import type { TikTokConnectionService } from './tiktok-connection.service.js';

/** How long a user has on TikTok's pages before the state expires. */
export const stateLifetimeSeconds = 10 * 60;

type IssuedToken = Awaited<ReturnType<TikTokClient['oauth']['exchangeAuthorizationCode']>>;

export type CallbackOutcome = { connectionId: string } | { error: TikTokCallbackError };

/** Connect, Add Another Account and Reconnect: TikTok's authorization code flow (reference §1). */
/** The one redirect URI registered with TikTok (§1.1): PUBLIC_URL + this path. */
export const tiktokCallbackPath = '/api/integrations/tiktok/callback';

export class TikTokAuthorizationService {
  readonly #database: Database;
  readonly #states: TikTokOauthStateRepository;
  readonly #connections: TikTokConnectionRepository;
  readonly #audit: TikTokAuditRepository;
  readonly #connectionService: TikTokConnectionService;
  readonly #tiktok: TikTokClient;
  readonly #cipher: TokenCipher;
  readonly #secret: string;
  readonly #redirectUri: string;
  readonly #clock: Clock;

  constructor(dependencies: {
    database: Database;
    states: TikTokOauthStateRepository;
    connections: TikTokConnectionRepository;
    audit: TikTokAuditRepository;
    connectionService: TikTokConnectionService;
    tiktok: TikTokClient;
    cipher: TokenCipher;
    sessionSecret: string;
    publicUrl: string;
    clock: Clock;
  }) {
    this.#database = dependencies.database;
    this.#states = dependencies.states;
    this.#connections = dependencies.connections;
    this.#audit = dependencies.audit;
    this.#connectionService = dependencies.connectionService;
    this.#tiktok = dependencies.tiktok;
    this.#cipher = dependencies.cipher;
    this.#secret = dependencies.sessionSecret;
    // The one redirect URI registered with TikTok (§1.1: must match exactly).
    this.#redirectUri = `${dependencies.publicUrl}${tiktokCallbackPath}`;
    this.#clock = dependencies.clock;
  }

  /**
   * A state of 256 random bits, bound to this session and workspace, single-use, ten minutes:
   * only its keyed hash is stored, in the database so any process can finish the flow.
   */
  async start(
    session: CurrentSession,
    workspaceId: string,
    input: StartTikTokConnectInput,
  ): Promise<{ authorizationUrl: string }> {
    await this.#connectionService.requireManager(session, workspaceId);
    if (input.reconnectConnectionId) {
      const connection = await this.#connections.find(workspaceId, input.reconnectConnectionId);
      if (!connection || connection.status === 'disconnected') throw notFound('This TikTok connection');
    }
    const state = randomToken();
    const now = this.#clock.now();
    await this.#states.create({
      stateHash: this.#hash('state', state),
      sessionTokenHash: session.tokenHash,
      workspaceId,
      userId: session.userId,
      purpose: input.reconnectConnectionId ? 'reconnect' : 'connect',
      connectionId: input.reconnectConnectionId ?? null,
      now,
      expiresAt: addSeconds(now, stateLifetimeSeconds),
    });
    return {
      authorizationUrl: this.#tiktok.oauth.buildAuthorizationUrl({ redirectUri: this.#redirectUri, state }),
    };
  }

  /**
   * TikTok's redirect (§1.2). Every check that needs no TikTok call comes first: a missing,
   * forged, expired or used state, another session's state, or a code seen before is refused
   * without calling TikTok. Only then is the code exchanged.
   */
  async finish(
    session: CurrentSession | undefined,
    query: Record<string, unknown>,
  ): Promise<CallbackOutcome> {
    const state = typeof query.state === 'string' && query.state.length <= 200 ? query.state : undefined;
    if (!state) return { error: 'authorization_invalid' };
    const stateHash = this.#hash('state', state);
    const stored = await this.#states.consume(stateHash, this.#clock.now());
    if (
      !stored ||
      !session ||
      stored.session_token_hash !== session.tokenHash ||
      stored.user_id !== session.userId
    )
      return { error: 'authorization_invalid' };
    // Not TikTok's documented contract: the emulator and OAuth 2.0 (RFC 6749 §4.1.2.1) send `error`.
    if (query.error === 'access_denied') return { error: 'cancelled' };
    if (query.error === 'permission_denied') return { error: 'permission_denied' };
    if (query.error !== undefined) return { error: 'failed' };
    const callback = this.#tiktok.oauth.readAuthorizationCallback(query);
    if (callback.outcome !== 'authorized') return { error: 'authorization_invalid' };
    if (!(await this.#states.recordAuthCode(stateHash, this.#hash('code', callback.authCode))))
      return { error: 'authorization_invalid' };
    try {
      await this.#connectionService.requireManager(session, stored.workspace_id);
      const connectionId = await this.#connect(session, stored.workspace_id, callback.authCode);
      return { connectionId };
    } catch (error) {
      return { error: callbackErrorOf(error) };
    }
  }

  async #connect(session: CurrentSession, workspaceId: string, authCode: string): Promise<string> {
    const { result: token, requestIds } = await withTikTokRequestIds(() =>
      this.#tiktok.oauth.exchangeAuthorizationCode({ authCode }),
    );
    try {
      return await this.#store(session, workspaceId, token, requestIds);
    } catch (error) {
      // The user holds a live token we will never use: give it back rather than leave it active
      // and forgotten. Keeping the original error matters more than the revocation's outcome.
      await this.#connectionService.revokeUnlessShared(token.accessToken, null).catch(() => undefined);
      throw error;
    }
  }

  /** Reads what the fresh token reaches and stores it, in one transaction. */
  async #store(
    session: CurrentSession,
    workspaceId: string,
    token: IssuedToken,
    exchangeRequestIds: string[],
  ): Promise<string> {
    const { result: businessCenter, requestIds: discoveryRequestIds } = await withTikTokRequestIds(() =>
      discoverBusinessCenter(this.#tiktok, token.accessToken),
    );
    const requestIds = [...exchangeRequestIds, ...discoveryRequestIds];
    const grantedScopeIds = canonicalScopeIds(token.scope);
    const missing = describePermissions(grantedScopeIds).some((permission) => !permission.granted);
    const now = this.#clock.now();
    let replacedToken: string | undefined;
    const connectionId = await this.#database.db.transaction().execute(async (transaction) => {
      const connection = await this.#connections.ensure(
        { workspaceId, businessCenterId: businessCenter.id, businessCenterName: businessCenter.name, now },
        transaction,
      );
      const previous = await this.#connections.find(workspaceId, connection.id, transaction);
      replacedToken = previous ? this.#connectionService.openStoredToken(previous) : undefined;
      await this.#connections.storeToken(
        {
          workspaceId,
          id: connection.id,
          businessCenterName: businessCenter.name,
          // The connection id is the associated data: this ciphertext opens on this row only.
          sealed: this.#cipher.seal(token.accessToken, connection.id),
          fingerprint: tokenFingerprint(token.accessToken),
          grantedScopeIds,
          attentionCause: missing ? 'permissions_missing' : null,
          connectedBy: session.userId,
          now,
        },
        transaction,
      );
      const target = { workspaceId, connectionId: connection.id, now };
      await this.#connections.syncAccounts(target, businessCenter.accounts, transaction);
      const reconnected =
        connection.previousStatus === 'connected' || connection.previousStatus === 'needs_attention';
      await this.#audit.add(
        {
          workspaceId,
          connectionId: connection.id,
          actorUserId: session.userId,
          action: reconnected ? 'reconnected' : 'connected',
          businessCenterId: businessCenter.id,
          businessCenterName: businessCenter.name,
          summary: `${reconnected ? 'Reconnected' : 'Connected'} ${businessCenter.name} with ${countAccounts(businessCenter.accounts.length)}${missing ? ', with permissions missing' : ''}.`,
          tiktokRequestId: requestIds[0] ?? null,
          now,
        },
        transaction,
      );
      return connection.id;
    });
    // TikTok tokens never expire (§1.3): one this connection no longer holds is given back, unless
    // TikTok answered the same token again or another connection still holds it.
    if (replacedToken !== undefined && replacedToken !== token.accessToken)
      await this.#connectionService.revokeUnlessShared(replacedToken, null).catch(() => undefined);
    return connectionId;
  }

  #hash(purpose: 'state' | 'code', value: string): string {
    return keyedHash(this.#secret, `tiktok-${purpose}:${value}`);
  }
}

const countAccounts = (count: number) => (count === 1 ? '1 ad account' : `${count} ad accounts`);

function callbackErrorOf(error: unknown): TikTokCallbackError {
  if (error instanceof AppError) {
    if (error.code === 'tiktok_permission_denied' || error.code === 'forbidden') return 'permission_denied';
    return 'failed';
  }
  if (!TikTokApiError.isInstance(error)) throw error;
  if (error.kind === 'rate_limited') return 'rate_limited';
  if (error.kind === 'transient' || error.kind === 'unexpected_response') return 'unavailable';
  if (error.kind === 'permission_denied') return 'permission_denied';
  // 40110 (code used, expired or cancelled) and every other refusal: start again.
  if (error.kind === 'auth_invalid') return 'authorization_invalid';
  return 'failed';
}
