import type { RateLimit } from '../settings.js';

// Reference §8: buckets per second, minute and UTC day, signalled in-band. Fixed windows aligned
// to the clock mirror the recovery advice relayed there (retry next second; QPD resets at 00:00 UTC).

export type RateWindow = 'QPS' | 'QPM' | 'QPD';

const windows: { window: RateWindow; length: number; limitOf: (limit: RateLimit) => number }[] = [
  { window: 'QPS', length: 1_000, limitOf: (limit) => limit.perSecond },
  { window: 'QPM', length: 60_000, limitOf: (limit) => limit.perMinute },
  { window: 'QPD', length: 86_400_000, limitOf: (limit) => limit.perDay },
];

export interface RateLimiter {
  /** The bucket and window a call would overflow, checking every bucket before counting any; undefined = allowed. */
  take(
    buckets: { key: string; limit: RateLimit }[],
    now: number,
  ): { key: string; window: RateWindow } | undefined;
  reset(): void;
}

export function createRateLimiter(): RateLimiter {
  const counters = new Map<string, { windowStart: number; count: number }>();
  const counterKey = (key: string, window: RateWindow): string => `${key}#${window}`;
  const current = (key: string, length: number, now: number): number => {
    const counter = counters.get(key);
    return counter && counter.windowStart === Math.floor(now / length) * length ? counter.count : 0;
  };
  return {
    take(buckets, now) {
      for (const { key, limit } of buckets) {
        for (const { window, length, limitOf } of windows) {
          if (current(counterKey(key, window), length, now) >= limitOf(limit)) return { key, window };
        }
      }
      for (const { key } of buckets) {
        for (const { window, length } of windows) {
          const windowStart = Math.floor(now / length) * length;
          const id = counterKey(key, window);
          counters.set(id, { windowStart, count: current(id, length, now) + 1 });
        }
      }
      return undefined;
    },
    reset: () => counters.clear(),
  };
}
