import { systemClock, type Clock } from '../clock.js';
import type { RateLimitSignal } from '../errors/tiktok-error-kind.js';
import { createInMemoryRateLimitStore } from './in-memory-rate-limit-store.js';
import type { RateBucket, RateLimitStore } from './rate-limit-store.js';
import {
  defaultEndpointRateLimits,
  rateLimitTiers,
  type RateLimitTier,
  type RateLimits,
} from './rate-limits.js';

export interface RateLimitedCall {
  path: string;
  advertiserId?: string | undefined;
}

/**
 * Paces calls so that a busy Whathead stays under TikTok's limits instead of bouncing off them
 * (issue 4 §4). One limiter must serve every call of the process; pass the same one to every
 * client, or share its store across processes.
 */
export interface RateLimiter {
  /** Waits for a slot; rejects with RateLimitWaitError when none comes before `deadline`. */
  acquire(
    call: RateLimitedCall,
    options?: { deadline?: number; signal?: AbortSignal | undefined },
  ): Promise<void>;
  /**
   * TikTok answered 40100/40133…: stop using that budget for a while. Resolves to the end of the
   * pause (epoch ms), when TikTok's budget is expected back.
   */
  penalize(call: RateLimitedCall, signal: RateLimitSignal): Promise<number>;
}

export interface RateLimiterOptions {
  /** The app's tier (reference §8), or explicit limits. Default `basic`. */
  tier?: RateLimitTier | RateLimits;
  /** Endpoint-specific limits by path; default reference §8's list. */
  endpoints?: Record<string, RateLimits>;
  /** Per advertiser and path (reference §7 40133); unpublished, so off unless set. */
  advertiserPathPerSecond?: number;
  store?: RateLimitStore;
  clock?: Clock;
}

export class RateLimitWaitError extends Error {
  override readonly name = 'RateLimitWaitError';
  constructor(readonly retryAt: number) {
    super('No rate-limit slot before the deadline');
  }
}

const second = 1_000;
const minute = 60_000;
const day = 86_400_000;

/** Reference §8 and correction 18: after a per-minute limit, pause five minutes. */
const minuteLimitPauseMilliseconds = 5 * minute;

const bucketsOf = (key: string, limits: RateLimits): RateBucket[] => [
  { key, limit: limits.perSecond, windowMilliseconds: second },
  { key, limit: limits.perMinute, windowMilliseconds: minute },
  { key, limit: limits.perDay, windowMilliseconds: day },
];

export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const clock = options.clock ?? systemClock;
  const store = options.store ?? createInMemoryRateLimitStore();
  const appLimits = typeof options.tier === 'object' ? options.tier : rateLimitTiers[options.tier ?? 'basic'];
  const endpointLimits = options.endpoints ?? defaultEndpointRateLimits;

  const keys = {
    app: () => 'app',
    endpoint: (path: string) => `endpoint:${path}`,
    advertiser: (call: RateLimitedCall) => `advertiser:${call.advertiserId ?? ''}:${call.path}`,
  };

  function bucketsFor(call: RateLimitedCall): RateBucket[] {
    const buckets = bucketsOf(keys.app(), appLimits);
    const endpoint = endpointLimits[call.path];
    // Unlimited buckets still carry the key, so that a pause after 40133/40132 has something to hold.
    if (endpoint) buckets.push(...bucketsOf(keys.endpoint(call.path), endpoint));
    else
      buckets.push({
        key: keys.endpoint(call.path),
        limit: Number.POSITIVE_INFINITY,
        windowMilliseconds: second,
      });
    if (call.advertiserId !== undefined) {
      const limit = options.advertiserPathPerSecond ?? Number.POSITIVE_INFINITY;
      buckets.push({ key: keys.advertiser(call), limit, windowMilliseconds: second });
    }
    return buckets;
  }

  return {
    async acquire(call, { deadline = Number.POSITIVE_INFINITY, signal } = {}) {
      const buckets = bucketsFor(call);
      for (;;) {
        signal?.throwIfAborted();
        const now = clock.now();
        const result = await store.take(buckets, now);
        if (result.granted) return;
        if (result.retryAt > deadline) throw new RateLimitWaitError(result.retryAt);
        await clock.sleep(result.retryAt - now, signal);
      }
    },
    async penalize(call, limit) {
      const until = pauseEnd(limit.window, clock.now());
      const key =
        limit.scope === 'advertiser'
          ? keys.advertiser(call)
          : limit.scope === 'app'
            ? keys.app()
            : keys.endpoint(call.path);
      await store.pause(key, until);
      return until;
    },
  };
}

/**
 * Reference §8 and correction 18: QPS → retry the next second; QPM → pause 5 minutes; QPD → wait
 * until 00:00 UTC. A throttle that names no window ("Due to too many requests, requests from App
 * [id] are temporarily restricted.", 40016, HTTP 429) is read as a minute hit: retrying it every
 * second would only spend attempts against a limit that has not reset.
 */
function pauseEnd(window: RateLimitSignal['window'], now: number): number {
  if (window === 'day') return (Math.floor(now / day) + 1) * day;
  if (window === 'second') return now + second;
  return now + minuteLimitPauseMilliseconds;
}
