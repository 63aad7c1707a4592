/** Reference §8: a budget per second, minute and UTC day. */
export interface RateLimits {
  perSecond: number;
  perMinute: number;
  perDay: number;
}

/** Reference §8 global limits per developer app (Basic is the default; correction 13: keep configurable). */
export const rateLimitTiers = {
  basic: { perSecond: 10, perMinute: 600, perDay: 864_000 },
  advanced: { perSecond: 20, perMinute: 1_200, perDay: 1_728_000 },
  premium: { perSecond: 30, perMinute: 1_800, perDay: 2_592_000 },
  ultimate: { perSecond: 50, perMinute: 3_000, perDay: 4_320_000 },
} as const satisfies Record<string, RateLimits>;

export type RateLimitTier = keyof typeof rateLimitTiers;

/** Reference §8 endpoint-specific limits (Basic tier), independent of each other and of the app's. */
export const defaultEndpointRateLimits: Record<string, RateLimits> = {
  '/ad/create/': { perSecond: 5, perMinute: 150, perDay: 86_400 },
  '/report/task/create/': { perSecond: 2, perMinute: 60, perDay: 4_500 },
};

/**
 * The share of each limit left unused, so that a call paced exactly at the limit and delayed on
 * the network by a few milliseconds never lands in a window that is already full.
 */
export const defaultHeadroom = 0.03;

/** The even spacing that keeps a bucket under both its per-second and per-minute limits. */
export function intervalOf(limits: RateLimits, headroom = defaultHeadroom): number {
  const tightest = Math.max(1_000 / limits.perSecond, 60_000 / limits.perMinute);
  return Number.isFinite(tightest) && tightest > 0 ? tightest / (1 - headroom) : 0;
}
