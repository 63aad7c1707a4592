import type { PacedBucket } from './rate-limit-store.js';

/** Rules both stores share, so the PostgreSQL store's SQL and the in-memory store agree. */

const day = 86_400_000;

/** TikTok's day budget resets at 00:00 UTC (reference §8). */
export const utcDayStart = (time: number): number => Math.floor(time / day) * day;

/**
 * A tenant counts as waiting in its lane for this long after its last attempt. Each waiting
 * tenant's process retries at least this often, so only tenants that stopped asking drop out.
 */
export const fairShareActiveMilliseconds = 1_000;

/** A tenant over its share asks again one slot later, when the tenants behind it have had theirs. */
export const fairShareRetryMilliseconds = (buckets: readonly PacedBucket[]): number =>
  Math.max(20, ...buckets.map((bucket) => bucket.intervalMilliseconds));
