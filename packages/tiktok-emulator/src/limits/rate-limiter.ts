import type { RateLimit } from '../settings.js';

// Reference §8: buckets per second, minute and UTC day, signalled in-band. By default fixed windows
// aligned to the clock, as the recovery advice relayed there suggests (retry next second; QPD
// resets at 00:00 UTC); the `rateWindows` setting offers the sliding reading too.

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
    reading?: 'calendar' | 'sliding',
  ): { key: string; window: RateWindow } | undefined;
  reset(): void;
}

export function createRateLimiter(): RateLimiter {
  const counters = new Map<string, { windowStart: number; count: number }>();
  /** Call times of the last window, for the sliding reading (seconds and minutes only). */
  const logs = new Map<string, number[]>();
  const counterKey = (key: string, window: RateWindow): string => `${key}#${window}`;
  const sliding = (reading: string, window: RateWindow) => reading === 'sliding' && window !== 'QPD';
  const current = (id: string, window: RateWindow, length: number, now: number, reading: string): number => {
    if (sliding(reading, window)) {
      const recent = (logs.get(id) ?? []).filter((time) => time > now - length);
      logs.set(id, recent);
      return recent.length;
    }
    const counter = counters.get(id);
    return counter && counter.windowStart === Math.floor(now / length) * length ? counter.count : 0;
  };
  return {
    take(buckets, now, reading = 'calendar') {
      for (const { key, limit } of buckets) {
        for (const { window, length, limitOf } of windows) {
          if (current(counterKey(key, window), window, length, now, reading) >= limitOf(limit))
            return { key, window };
        }
      }
      for (const { key } of buckets) {
        for (const { window, length } of windows) {
          const id = counterKey(key, window);
          if (sliding(reading, window)) {
            logs.get(id)!.push(now);
            continue;
          }
          const windowStart = Math.floor(now / length) * length;
          counters.set(id, { windowStart, count: current(id, window, length, now, 'calendar') + 1 });
        }
      }
      return undefined;
    },
    reset: () => {
      counters.clear();
      logs.clear();
    },
  };
}
