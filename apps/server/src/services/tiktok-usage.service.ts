import { canManageMembers, type TikTokPause, type TikTokUsageResponse } from '@whathead/contracts';
import {
  rateLimitTiers,
  systemClock,
  type RateLimiter,
  type RateLimits,
  type RateLimitTier,
  type RatePause,
} from '@whathead/tiktok-client';
import { forbidden } from '../errors.js';
import type { TikTokConnectionRepository } from '../repositories/tiktok-connection.repository.js';
import type { Actor, WorkspaceService } from './workspace.service.js';

const day = 86_400_000;

/** A pause as its limiter key names it: `app`, `endpoint:<path>` or `advertiser:<id>:<path>`. */
function readPauseKey(
  key: string,
): { scope: TikTokPause['scope']; endpoint: string | null; advertiserId: string | null } | undefined {
  if (key === 'app') return { scope: 'app', endpoint: null, advertiserId: null };
  if (key.startsWith('endpoint:'))
    return { scope: 'endpoint', endpoint: key.slice('endpoint:'.length), advertiserId: null };
  const advertiser = /^advertiser:(\d+):(.+)$/.exec(key);
  if (advertiser) return { scope: 'ad_account', endpoint: advertiser[2]!, advertiserId: advertiser[1]! };
  return undefined;
}

/**
 * Settings' TikTok usage panel: this workspace's TikTok calls today, how much of the app's shared
 * day budget every workspace together has spent, and which pauses TikTok's answers put in place.
 * Anyone can sign up and own a workspace, so nothing here counts another workspace's calls: the
 * app's spending is told only as a rounded share, and of the ad-account pauses only this
 * workspace's accounts are told.
 */
export class TikTokUsageService {
  readonly #workspaceService: WorkspaceService;
  readonly #connections: TikTokConnectionRepository;
  readonly #limiter: RateLimiter;
  readonly #appLimits: RateLimits;
  readonly #now: () => number;

  constructor(dependencies: {
    workspaceService: WorkspaceService;
    connections: TikTokConnectionRepository;
    limiter: RateLimiter;
    /** The app's tier, as TIKTOK_RATE_LIMITS gives it. */
    rateLimits: RateLimitTier | RateLimits;
    /** The rate budget's time (its day and pauses run on it), not the services' clock. Default the system's. */
    now?: () => number;
  }) {
    this.#workspaceService = dependencies.workspaceService;
    this.#connections = dependencies.connections;
    this.#limiter = dependencies.limiter;
    const limits = dependencies.rateLimits;
    this.#appLimits = typeof limits === 'object' ? limits : rateLimitTiers[limits];
    this.#now = dependencies.now ?? systemClock.now;
  }

  async usage(actor: Actor, workspaceId: string): Promise<TikTokUsageResponse> {
    const role = await this.#workspaceService.requireMember(actor, workspaceId);
    if (!canManageMembers(role)) throw forbidden('Only workspace owners and admins can see TikTok usage.');
    const now = this.#now();
    const [lanes, pauses, accounts, live] = await Promise.all([
      // Calls are counted for the lower-cased id (http/route.ts): PostgreSQL reads a uuid in any case.
      this.#limiter.usage(workspaceId.toLowerCase()),
      this.#limiter.pauses(),
      this.#connections.listAccounts(workspaceId),
      this.#connections.listLive(workspaceId),
    ]);
    // Only accounts the workspace still reaches: a disconnected or lost account's pauses are
    // whoever uses it now's business.
    const liveConnections = new Set(live.map((connection) => connection.id));
    const reachable = accounts.filter(
      (account) => account.accessible && liveConnections.has(account.connection_id),
    );
    const names = new Map(reachable.map((account) => [account.advertiser_id, account.name]));
    const appCalls = lanes.reduce((sum, usage) => sum + usage.calls, 0);
    return {
      day: new Date(Math.floor(now / day) * day).toISOString().slice(0, 10),
      appDayShare: roundedShare(appCalls, this.#appLimits.perDay),
      lanes: lanes.map((usage) => ({ lane: usage.lane, workspaceCalls: usage.tenantCalls })),
      pauses: pauses
        .filter((pause) => pause.until > now)
        .sort((left, right) => left.until - right.until)
        .flatMap((pause) => describePause(pause, names)),
    };
  }
}

/**
 * To 3 decimals: a step is 0.1 % of the day budget (864 calls on the basic tier), too coarse to
 * tell another workspace's few calls. At most 1, should the tier have been lowered during the day.
 */
function roundedShare(calls: number, budget: number): number {
  return Math.min(1, Math.round((calls / budget) * 1_000) / 1_000);
}

function describePause(pause: RatePause, names: ReadonlyMap<string, string>): TikTokPause[] {
  const key = readPauseKey(pause.key);
  // Another workspace's ad account is none of this workspace's business.
  if (!key || (key.advertiserId !== null && !names.has(key.advertiserId))) return [];
  return [
    {
      ...key,
      until: new Date(pause.until).toISOString(),
      // Reference §8: after the day's budget the limiter waits for 00:00 UTC; shorter pauses follow a
      // per-second or per-minute limit.
      budget: pause.until % day === 0 ? 'day' : 'rate',
      advertiserName: key.advertiserId === null ? null : (names.get(key.advertiserId) ?? null),
    },
  ];
}
