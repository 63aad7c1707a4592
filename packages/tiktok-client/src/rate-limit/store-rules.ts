import type { PacedBucket } from './rate-limit-store.js';

/** Rules both stores share, so the PostgreSQL store's SQL and the in-memory store agree. */

const day = 86_400_000;

/**
 * How far past the shared budget's free slot a call may book (float noise, nothing more): the
 * shared budget books one slot after another, so one it skipped would be lost.
 */
export const aheadToleranceMilliseconds = 1;

/** A per-minute limit counts the calls of any 60 s (a sliding window). */
export const minuteMilliseconds = 60_000;

/**
 * The earliest slot a bucket's per-minute count admits, given its booked slots in order: one
 * minute after the call `perMinute` calls back.
 */
export function minuteSlotFloor(slots: readonly number[], perMinute: number | undefined): number {
  if (perMinute === undefined || !Number.isFinite(perMinute) || slots.length < perMinute)
    return Number.NEGATIVE_INFINITY;
  return slots[slots.length - perMinute]! + minuteMilliseconds;
}

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
