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

/**
 * The even spacing that keeps a bucket under its per-second limit. TikTok's per-minute limit is
 * counted apart (minuteCountOf): where it is the tighter, spacing calls by it would leave the
 * per-second allowance unused until the minute's count runs out (/ad/create/: 150 a minute but 5
 * a second, so 20 calls take 4 s, not 8).
 */
export function intervalOf(limits: RateLimits, headroom = defaultHeadroom): number {
  const spacing = 1_000 / limits.perSecond;
  return Number.isFinite(spacing) && spacing > 0 ? spacing / (1 - headroom) : 0;
}

/**
 * How many calls a bucket books in any 60 s, when that is fewer than its per-second spacing lets
 * through (otherwise the spacing alone keeps it under, and nothing is counted): the per-minute
 * limit less the headroom. Counted over a sliding minute, so it holds however TikTok aligns its
 * minute windows.
 */
export function minuteCountOf(limits: RateLimits, headroom = defaultHeadroom): number {
  const interval = intervalOf(limits, headroom);
  const pacedPerMinute = interval > 0 ? 60_000 / interval : Number.POSITIVE_INFINITY;
  const counted = Math.floor(limits.perMinute * (1 - headroom));
  return Number.isFinite(counted) && counted < pacedPerMinute
    ? Math.max(1, counted)
    : Number.POSITIVE_INFINITY;
}
