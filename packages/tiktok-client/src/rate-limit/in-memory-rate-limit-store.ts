import type { Lane } from './lanes.js';
import type {
  LaneUsage,
  PacedBucket,
  RateLimitStore,
  RatePause,
  Reservation,
  ReserveRequest,
} from './rate-limit-store.js';
import {
  fairShareActiveMilliseconds,
  fairShareRetryMilliseconds,
  aheadToleranceMilliseconds,
  minuteSlotFloor,
  utcDayStart,
} from './store-rules.js';

const tenantId = (lane: Lane, tenant: string) => `${lane}\u0000${tenant}`;

interface BucketState {
  /** The earliest time the next call may go (the bucket's theoretical arrival time). */
  nextAt: number;
  dayStart: number;
  dayCount: number;
  pausedUntil: number;
  /** The slots booked in the last minute, oldest first (buckets with a per-minute count only). */
  minuteSlots: number[];
}

/**
 * The budget of one process, with the same rules as the server's PostgreSQL store
 * (store-rules.ts): slots booked ahead by pacing, day counts per UTC day, pauses, and fair shares
 * counted per tenant within a lane.
 */
export function createInMemoryRateLimitStore(): RateLimitStore {
  const buckets = new Map<string, BucketState>();
  const tenants = new Map<string, { served: number; seenAt: number }>();
  const usage = new Map<string, number>();
  const state = (key: string): BucketState => {
    let found = buckets.get(key);
    if (!found) {
      found = {
        nextAt: Number.NEGATIVE_INFINITY,
        dayStart: 0,
        dayCount: 0,
        pausedUntil: 0,
        minuteSlots: [],
      };
      buckets.set(key, found);
    }
    return found;
  };
  const counted = (bucket: PacedBucket) =>
    bucket.intervalMilliseconds > 0 ||
    Number.isFinite(bucket.perDay) ||
    Number.isFinite(bucket.perMinute ?? Number.POSITIVE_INFINITY);

  function earliestSlot(request: ReserveRequest) {
    let slot = request.now;
    let reason: 'paced' | 'paused' | 'day' = 'paced';
    let key: string | undefined;
    for (const bucket of request.buckets) {
      const current = buckets.get(bucket.key);
      if (!current) continue;
      if (current.pausedUntil > slot) [slot, reason, key] = [current.pausedUntil, 'paused', bucket.key];
      if (bucket.intervalMilliseconds > 0 && current.nextAt > slot)
        [slot, reason, key] = [current.nextAt, 'paced', bucket.key];
      const minuteFloor = minuteSlotFloor(current.minuteSlots, bucket.perMinute);
      if (minuteFloor > slot) [slot, reason, key] = [minuteFloor, 'paced', bucket.key];
    }
    for (const bucket of request.buckets) {
      const current = buckets.get(bucket.key);
      const spent = current && current.dayStart === utcDayStart(slot) ? current.dayCount : 0;
      if (spent >= bucket.perDay) [slot, reason, key] = [utcDayStart(slot) + 86_400_000, 'day', bucket.key];
    }
    return { slot, reason, key };
  }

  /**
   * A bucket the call shares with every other (the app's) books one slot after another, so a slot
   * it skipped would be lost: a call another bucket pushes past the shared bucket's free slot
   * asks again when that free slot has reached its own, leaving the slots between to calls that
   * can use them. A bucket of the call's own kind (an endpoint's) left idle while the app is busy
   * is no loss.
   */
  function askAgainAt(request: ReserveRequest, slot: number, bindingKey: string | undefined) {
    let askAt: number | undefined;
    for (const bucket of request.buckets) {
      if (!bucket.shared || bucket.intervalMilliseconds <= 0 || bucket.key === bindingKey) continue;
      const free = Math.max(buckets.get(bucket.key)?.nextAt ?? Number.NEGATIVE_INFINITY, request.now);
      // Other calls keep the shared bucket booked (free − now) ahead: ask again when, at that
      // lead, its free slot has reached this one.
      const lead = free - request.now;
      if (slot - free > aheadToleranceMilliseconds)
        askAt = Math.max(askAt ?? Number.NEGATIVE_INFINITY, slot - lead);
    }
    return askAt;
  }

  /** Marks the tenant as waiting and says whether it is within its fair share. */
  function withinFairShare(request: ReserveRequest): boolean {
    if (request.fairShareSlack === undefined) return true;
    const id = tenantId(request.lane, request.tenant);
    const activeSince = request.now - fairShareActiveMilliseconds;
    let floor = Number.POSITIVE_INFINITY;
    for (const [other, entry] of tenants)
      if (other !== id && other.startsWith(tenantId(request.lane, '')) && entry.seenAt >= activeSince)
        floor = Math.min(floor, entry.served);
    const touch = (key: string) => {
      const entry = tenants.get(key) ?? { served: 0, seenAt: Number.NEGATIVE_INFINITY };
      // A tenant coming back after a quiet spell starts level with the others, not owed for the spell.
      if (entry.seenAt < activeSince && Number.isFinite(floor)) entry.served = Math.max(entry.served, floor);
      entry.seenAt = request.now;
      tenants.set(key, entry);
      return entry;
    };
    for (const other of request.waiting ?? [])
      if (other !== request.tenant) touch(tenantId(request.lane, other));
    const self = touch(id);
    return self.served < Math.min(floor, self.served) + request.fairShareSlack;
  }

  return {
    async reserve(request): Promise<Reservation> {
      const fair = withinFairShare(request);
      const { slot, reason, key } = earliestSlot(request);
      if (slot > request.latest) return { granted: false, retryAt: slot, reason, key };
      const askAt = askAgainAt(request, slot, key);
      if (askAt !== undefined) return { granted: false, retryAt: askAt, reason: 'ahead', key, slot };
      if (!fair)
        return {
          granted: false,
          retryAt: slot + fairShareRetryMilliseconds(request.buckets),
          reason: 'fair-share',
        };
      for (const bucket of request.buckets) {
        if (!counted(bucket)) continue;
        const current = state(bucket.key);
        current.nextAt = slot + bucket.intervalMilliseconds;
        if (bucket.perMinute !== undefined && Number.isFinite(bucket.perMinute)) {
          current.minuteSlots.push(slot);
          current.minuteSlots.splice(0, Math.max(0, current.minuteSlots.length - bucket.perMinute));
        }
        const day = utcDayStart(slot);
        current.dayCount = current.dayStart === day ? current.dayCount + 1 : 1;
        current.dayStart = day;
      }
      const share = tenants.get(tenantId(request.lane, request.tenant));
      if (request.fairShareSlack !== undefined && share) share.served += 1;
      const day = utcDayStart(slot);
      if (!request.handOff)
        for (const id of new Set([`${day}|${request.lane}|`, `${day}|${request.lane}|${request.tenant}`]))
          usage.set(id, (usage.get(id) ?? 0) + 1);
      return { granted: true, at: slot };
    },
    async pause(key, until) {
      const current = state(key);
      current.pausedUntil = Math.max(current.pausedUntil, until);
    },
    async leave(lane: Lane, tenant: string) {
      const entry = tenants.get(tenantId(lane, tenant));
      if (entry) entry.seenAt = Number.NEGATIVE_INFINITY;
    },
    async usage(now, tenant): Promise<LaneUsage[]> {
      const day = utcDayStart(now);
      return (['interactive', 'publish', 'sync'] as const).map((lane) => ({
        lane,
        calls: usage.get(`${day}|${lane}|`) ?? 0,
        tenantCalls: tenant === undefined ? 0 : (usage.get(`${day}|${lane}|${tenant}`) ?? 0),
      }));
    },
    async pauses(now): Promise<RatePause[]> {
      return [...buckets]
        .filter(([, current]) => current.pausedUntil > now)
        .map(([key, current]) => ({ key, until: current.pausedUntil }));
    },
  };
}
