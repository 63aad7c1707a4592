/**
 * Issue 4 §4: retry only what can succeed on retry, with exponential backoff and full jitter
 * (delay drawn uniformly from 0 to the capped exponential), bounded attempts and bounded time.
 */
export interface RetryPolicy {
  /** Attempts in total, the first included. */
  maxAttempts: number;
  baseDelayMilliseconds: number;
  maxDelayMilliseconds: number;
  /** No retry starts once this much time has passed since the first attempt. */
  maxTotalMilliseconds: number;
  /** Per-attempt timeout. */
  timeoutMilliseconds: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMilliseconds: 500,
  maxDelayMilliseconds: 20_000,
  maxTotalMilliseconds: 120_000,
  timeoutMilliseconds: 30_000,
};

/** Reference §8: 40100 backs off from about a second. */
export const rateLimitedBaseDelayMilliseconds = 1_000;

/** Full jitter: uniform in [0, min(max, base · 2^(attempt−1))]. `random` returns [0, 1). */
export function backoffDelay(
  attempt: number,
  baseDelayMilliseconds: number,
  policy: RetryPolicy,
  random: () => number,
): number {
  const ceiling = Math.min(
    policy.maxDelayMilliseconds,
    baseDelayMilliseconds * 2 ** Math.max(0, attempt - 1),
  );
  return Math.floor(random() * ceiling);
}
