import type { StartTikTokConnectInput, TikTokCallbackError } from '@whathead/contracts';
import type { TikTokOauthStateRow } from '@whathead/db';
import {
  RateLimiterClosedError,
  TikTokApiError,
  withCallPriority,
  type RateLimiter,
  type TikTokClient,
} from '@whathead/tiktok-client';
import { AppError, notFound } from '../errors.js';
import { addSeconds, type Clock } from '../lib/clock.js';
import { keyedHash, randomToken } from '../lib/secret-token.js';
import type { TikTokAuditRepository } from '../repositories/tiktok-audit.repository.js';
import type { TikTokConnectionRepository } from '../repositories/tiktok-connection.repository.js';
import type { TikTokOauthStateRepository } from '../repositories/tiktok-oauth-state.repository.js';
import type { CurrentSession } from './session.service.js';
import { discoverGrant } from './tiktok-account-discovery.js';
import type { FreshGrant, TikTokGrantService } from './tiktok-grant.service.js';
import { withTikTokRequestIds } from './tiktok-call-context.js';
import { canonicalScopeIds } from './tiktok-permissions.js';
import type { TikTokConnectionService } from './tiktok-connection.service.js';

/** How long a user has on TikTok's pages before the state expires. */
export const stateLifetimeSeconds = 10 * 60;

type IssuedToken = Awaited<ReturnType<TikTokClient['oauth']['exchangeAuthorizationCode']>>;

export type CallbackOutcome =
  | { connectionId: string }
  | { grantId: string }
  /** `retryAt` (epoch ms): when TikTok's pause ends, for `rate_limited`. */
  | { error: TikTokCallbackError; retryAt?: number };

/** Where the sign-in's code is exchanged (reference §1.3): a pause on it blocks every Connect. */
const tokenExchangePath = '/oauth2/access_token/';

/** A pause longer than this sends nobody to TikTok's sign-in: the code would expire in the wait. */
const longestPauseToWaitOutMilliseconds = 60_000;

type HeldState = Pick<TikTokOauthStateRow, 'workspace_id' | 'purpose' | 'connection_id'>;

/** A connect the grant's shape refuses, with what the callback tells the user. */
class ConnectRefused extends Error {
  constructor(readonly outcome: TikTokCallbackError) {
    super(`TikTok connect refused: ${outcome}`);
  }
}

/** The activity log's sentence for an attempt that connected nothing. */
const attemptSummaries: Record<TikTokCallbackError, string> = {
  authorization_invalid: 'A TikTok sign-in could not be verified.',
  authorization_expired: 'A TikTok sign-in had expired before it reached Whathead.',
  no_ad_accounts:
    'TikTok granted no ad accounts, and every Business Center of the user is already connected.',
  reconnect_mismatch: 'Reconnect signed in as a TikTok user who cannot reach this Business Center.',
  cancelled: 'Connect was cancelled at TikTok.',
  permission_denied: 'Connect was refused: permission denied.',
  rate_limited: 'TikTok was busy; connect did not finish.',
  unavailable: 'TikTok did not answer; connect did not finish.',
  failed: 'Connect failed.',
};

/** The one redirect URI registered with TikTok (§1.1): PUBLIC_URL + this path. */
export const tiktokCallbackPath = '/api/integrations/tiktok/callback';

/** Connect, Add Another Account and Reconnect: TikTok's authorization code flow (reference §1). */
export class TikTokAuthorizationService {
  readonly #states: TikTokOauthStateRepository;
  readonly #connections: TikTokConnectionRepository;
  readonly #audit: TikTokAuditRepository;
  readonly #connectionService: TikTokConnectionService;
  readonly #grants: TikTokGrantService;
  readonly #tiktok: TikTokClient;
  readonly #secret: string;
  readonly #redirectUri: string;
  readonly #clock: Clock;
  readonly #rateLimiter: Pick<RateLimiter, 'pauses'>;

  constructor(dependencies: {
    states: TikTokOauthStateRepository;
    connections: TikTokConnectionRepository;
    audit: TikTokAuditRepository;
    connectionService: TikTokConnectionService;
    grants: TikTokGrantService;
    tiktok: TikTokClient;
    /** The shared budget: a Connect is refused up front while TikTok has Whathead paused for long. */
    rateLimiter: Pick<RateLimiter, 'pauses'>;
    sessionSecret: string;
    publicUrl: string;
    clock: Clock;
  }) {
    this.#states = dependencies.states;
    this.#connections = dependencies.connections;
    this.#audit = dependencies.audit;
    this.#connectionService = dependencies.connectionService;
    this.#grants = dependencies.grants;
    this.#tiktok = dependencies.tiktok;
    this.#rateLimiter = dependencies.rateLimiter;
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
    await this.#refuseWhilePaused();
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
   * While TikTok has every call of the app paused for longer than a sign-in can wait (its daily
   * budget spent, or five minutes after a per-minute limit), sending the user through TikTok's
   * pages would only end in a code that cannot be exchanged: say when to come back instead.
   */
  async #refuseWhilePaused(): Promise<void> {
    const now = Date.now();
    const blocking = (await this.#rateLimiter.pauses()).filter(
      (pause) => pause.key === 'app' || pause.key === `endpoint:${tokenExchangePath}`,
    );
    const until = Math.max(0, ...blocking.map((pause) => pause.until));
    if (until - now > longestPauseToWaitOutMilliseconds)
      throw new AppError(
        'tiktok_rate_limited',
        'TikTok has paused Whathead’s calls; connect after the pause.',
        {
          details: {
            retryAfterSeconds: Math.ceil((until - now) / 1000),
            retryAt: new Date(until).toISOString(),
          },
        },
      );
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
    const outcome = await this.#answer(session, stored, stateHash, query);
    if ('error' in outcome && outcome.error !== 'authorization_invalid')
      await this.#recordAttempt(session, stored.workspace_id, outcome.error);
    return outcome;
  }

  async #answer(
    session: CurrentSession,
    stored: HeldState,
    stateHash: string,
    query: Record<string, unknown>,
  ): Promise<CallbackOutcome> {
    // TikTok documents no cancel redirect (emulator README): OAuth 2.0's `error` (RFC 6749
    // §4.1.2.1), or a return with the state alone, both mean the user did not authorize.
    if (query.error === 'access_denied') return { error: 'cancelled' };
    if (query.error !== undefined) return { error: 'failed' };
    // A repeated parameter arrives as an array: not a cancel, a malformed redirect.
    if (Array.isArray(query.auth_code) || Array.isArray(query.code))
      return { error: 'authorization_invalid' };
    const callback = this.#tiktok.oauth.readAuthorizationCallback(query);
    if (callback.outcome !== 'authorized')
      return { error: callback.reason === 'missing_code' ? 'cancelled' : 'authorization_invalid' };
    if (!(await this.#states.recordAuthCode(stateHash, this.#hash('code', callback.authCode))))
      return { error: 'authorization_invalid' };
    try {
      await this.#connectionService.requireManager(session, stored.workspace_id);
      // The callback's address names no workspace; its calls are this workspace's.
      return await withCallPriority({ lane: 'interactive', tenant: stored.workspace_id }, () =>
        this.#connect(session, stored, callback.authCode),
      );
    } catch (error) {
      const outcome = callbackErrorOf(error);
      const retryAt = TikTokApiError.isInstance(error) ? error.retryAt : undefined;
      return outcome === 'rate_limited' && retryAt !== undefined
        ? { error: outcome, retryAt }
        : { error: outcome };
    }
  }

  async #connect(session: CurrentSession, stored: HeldState, authCode: string): Promise<CallbackOutcome> {
    const { result: token, requestIds } = await withTikTokRequestIds(() =>
      this.#tiktok.oauth.exchangeAuthorizationCode({ authCode }),
    );
    try {
      return await this.#settle(session, stored, token, requestIds);
    } catch (error) {
      // The user holds a live token we will never use: give it back rather than leave it active
      // and forgotten. Keeping the original error matters more than the revocation's outcome.
      await this.#connectionService.revokeUnlessShared(token.accessToken, null).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Reads what the fresh token reaches and decides what it becomes (issue 9): nothing existing
   * is overwritten or emptied by a grant that does not reach it.
   * - Reconnect: the grant must reach the connection's group; only that connection changes.
   * - Connect: groups the workspace already has take the new token and keep their selections;
   *   one new group is connected at once; several are held for the user to pick from. A grant
   *   with no ad accounts connects the user's one unconnected Business Center (which then shows
   *   "can't see my ad accounts"), or lets them pick among several, or is refused.
   */
  async #settle(
    session: CurrentSession,
    stored: HeldState,
    token: IssuedToken,
    exchangeRequestIds: string[],
  ): Promise<CallbackOutcome> {
    const workspaceId = stored.workspace_id;
    const { result: discovered, requestIds } = await withTikTokRequestIds(() =>
      discoverGrant(this.#tiktok, token.accessToken, (ids) =>
        this.#connections.outsideKeyFor(workspaceId, ids),
      ),
    );
    const grant: FreshGrant = {
      session,
      workspaceId,
      accessToken: token.accessToken,
      scopeIds: canonicalScopeIds(token.scope),
      requestIds: [...exchangeRequestIds, ...requestIds],
    };
    const every = [...discovered.groups, ...discovered.emptyBusinessCenters];
    if (stored.purpose === 'reconnect') {
      const target = stored.connection_id
        ? await this.#connections.find(workspaceId, stored.connection_id)
        : undefined;
      // A grant holding none of the connection's accounts does not reach it, unless it never had
      // any (the "can't see my ad accounts" case, reconnected while an admin sorts out access).
      const hadAccounts = target
        ? (await this.#connections.listConnectionAccounts(workspaceId, target.id)).some(
            (account) => account.accessible,
          )
        : false;
      const group = (hadAccounts ? discovered.groups : every).find(
        (candidate) => candidate.key === target?.business_center_id,
      );
      if (!target || target.status === 'disconnected' || !group)
        throw new ConnectRefused('reconnect_mismatch');
      const connectionId = await this.#grants.apply(grant, group);
      // Connections made from the same sign-in share its token, and lost it together: the new
      // sign-in restores each of them it reaches.
      if (target.token_fingerprint) {
        const siblings = (await this.#connections.listLive(workspaceId)).filter(
          (connection) =>
            connection.id !== target.id && connection.token_fingerprint === target.token_fingerprint,
        );
        for (const sibling of siblings) {
          const reached = discovered.groups.find((candidate) => candidate.key === sibling.business_center_id);
          if (reached) await this.#grants.apply(grant, reached);
        }
      }
      return { connectionId };
    }
    const liveKeys = new Set(
      (await this.#connections.listLive(workspaceId)).map((connection) => connection.business_center_id),
    );
    const known = discovered.groups.filter((group) => liveKeys.has(group.key));
    const fresh = discovered.groups.filter((group) => !liveKeys.has(group.key));
    const refreshedIds: string[] = [];
    for (const group of known) refreshedIds.push(await this.#grants.apply(grant, group));
    if (fresh.length === 1) return { connectionId: await this.#grants.apply(grant, fresh[0]!) };
    if (fresh.length > 1) return { grantId: await this.#grants.hold(grant, [...fresh, ...known]) };
    if (refreshedIds.length > 0) return { connectionId: refreshedIds[0]! };
    const empty = discovered.emptyBusinessCenters.filter((group) => !liveKeys.has(group.key));
    if (empty.length === 1) return { connectionId: await this.#grants.apply(grant, empty[0]!) };
    if (empty.length > 1) return { grantId: await this.#grants.hold(grant, empty) };
    throw new ConnectRefused('no_ad_accounts');
  }

  /** Cancelled and failed attempts go in the activity log too, with no Business Center. */
  async #recordAttempt(session: CurrentSession, workspaceId: string, error: TikTokCallbackError) {
    await this.#audit
      .add({
        workspaceId,
        connectionId: null,
        actorUserId: session.userId,
        action: error === 'cancelled' ? 'connect_cancelled' : 'connect_failed',
        businessCenterId: null,
        businessCenterName: null,
        summary: attemptSummaries[error],
        tiktokRequestId: null,
        now: this.#clock.now(),
      })
      .catch(() => undefined);
  }

  #hash(purpose: 'state' | 'code', value: string): string {
    return keyedHash(this.#secret, `tiktok-${purpose}:${value}`);
  }
}

function callbackErrorOf(error: unknown): TikTokCallbackError {
  if (error instanceof ConnectRefused) return error.outcome;
  if (error instanceof AppError) {
    if (error.code === 'tiktok_permission_denied' || error.code === 'forbidden') return 'permission_denied';
    return 'failed';
  }
  // The process is shutting down (server.ts): the sign-in was not finished; starting again works.
  if (error instanceof RateLimiterClosedError) return 'failed';
  if (!TikTokApiError.isInstance(error)) throw error;
  if (error.kind === 'rate_limited') return 'rate_limited';
  if (error.kind === 'transient' || error.kind === 'unexpected_response') return 'unavailable';
  if (error.kind === 'permission_denied') return 'permission_denied';
  // Correction 17: an old or reused code answers 40101 "Invalid auth_code …" (40110 in older
  // wording): the sign-in expired; the user starts again. 40101 otherwise is our app's secret.
  if ((error.code === 40101 || error.code === 40110) && /auth.?code/i.test(error.tiktokMessage))
    return 'authorization_expired';
  if (error.kind === 'auth_invalid') return 'authorization_invalid';
  return 'failed';
}
