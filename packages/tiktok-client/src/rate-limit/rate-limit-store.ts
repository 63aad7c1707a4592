/** One budget: at most `limit` calls per `windowMilliseconds` for everything that shares `key`. */
export interface RateBucket {
  key: string;
  limit: number;
  windowMilliseconds: number;
}

export type TakeResult = { granted: true } | { granted: false; retryAt: number };

/**
 * Where the limiter keeps its counts. The in-memory store serves one process; a later issue can
 * implement this over Postgres or Redis to share the app's budget across processes (both can do
 * `take` atomically: a transaction or a Lua script).
 */
export interface RateLimitStore {
  /** Atomically: if every bucket admits one more call at `now`, counts it in all of them. */
  take(buckets: readonly RateBucket[], now: number): Promise<TakeResult>;
  /** Refuses every bucket under `key` until `until` (TikTok said the window is spent). */
  pause(key: string, until: number): Promise<void>;
}
