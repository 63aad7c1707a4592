import type { RateBucket, RateLimitStore, TakeResult } from './rate-limit-store.js';

/** Above this many calls per window a log of call times would be too big; calendar windows are used. */
const largestLoggedLimit = 10_000;

/**
 * Second and minute budgets are sliding windows (a log of the last `limit` grant times): at most
 * `limit` calls in any span of the window's length, which keeps us under TikTok's limit however
 * its own windows are aligned. The day budget counts per calendar window aligned to the epoch,
 * i.e. per UTC day, which is when reference §8 says QPD resets.
 */
export function createInMemoryRateLimitStore(): RateLimitStore {
  const logs = new Map<string, { times: number[]; next: number }>();
  const calendars = new Map<string, { windowStart: number; count: number }>();
  const pauses = new Map<string, number>();
  const id = (bucket: RateBucket) => `${bucket.key}#${bucket.windowMilliseconds}`;
  const logged = (bucket: RateBucket) => bucket.limit <= largestLoggedLimit;

  /** The earliest time the bucket admits one more call; `now` or earlier means it admits now. */
  function admitsAt(bucket: RateBucket, now: number): number {
    const pausedUntil = pauses.get(bucket.key) ?? 0;
    if (bucket.limit <= 0) return Number.POSITIVE_INFINITY;
    if (logged(bucket)) {
      const log = logs.get(id(bucket));
      const oldest = log && log.times.length >= bucket.limit ? (log.times[log.next] ?? 0) : undefined;
      return Math.max(pausedUntil, oldest === undefined ? now : oldest + bucket.windowMilliseconds);
    }
    const windowStart = Math.floor(now / bucket.windowMilliseconds) * bucket.windowMilliseconds;
    const calendar = calendars.get(id(bucket));
    const count = calendar?.windowStart === windowStart ? calendar.count : 0;
    return Math.max(pausedUntil, count < bucket.limit ? now : windowStart + bucket.windowMilliseconds);
  }

  function record(bucket: RateBucket, now: number): void {
    if (logged(bucket)) {
      const log = logs.get(id(bucket)) ?? { times: [], next: 0 };
      if (log.times.length < bucket.limit) log.times.push(now);
      else {
        log.times[log.next] = now;
        log.next = (log.next + 1) % bucket.limit;
      }
      logs.set(id(bucket), log);
      return;
    }
    const windowStart = Math.floor(now / bucket.windowMilliseconds) * bucket.windowMilliseconds;
    const calendar = calendars.get(id(bucket));
    calendars.set(id(bucket), {
      windowStart,
      count: calendar?.windowStart === windowStart ? calendar.count + 1 : 1,
    });
  }

  return {
    async take(buckets, now): Promise<TakeResult> {
      const retryAt = Math.max(now, ...buckets.map((bucket) => admitsAt(bucket, now)));
      if (retryAt > now) return { granted: false, retryAt };
      for (const bucket of buckets) record(bucket, now);
      return { granted: true };
    },
    async pause(key, until) {
      pauses.set(key, Math.max(pauses.get(key) ?? 0, until));
    },
  };
}
