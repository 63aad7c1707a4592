import { lanes, type Lane } from './lanes.js';
import type { PacedBucket } from './rate-limit-store.js';

/** One call waiting for a slot in this process. */
export interface Waiter {
  buckets: readonly PacedBucket[];
  lane: Lane;
  tenant: string;
  advertiser: string;
  /** CallPriority's rank: higher asks first among its account's calls. */
  rank: number;
  enqueuedAt: number;
  deadline: number;
  /** Not worth asking the store before this time: a bucket it needs refused until then. */
  notBefore: number;
  /**
   * The shared budget's slot this call asks for again at `notBefore` (refused `ahead`: its own
   * budget frees then): the process's other background calls leave it free.
   */
  wants?: number | undefined;
  grant(at: number): void;
  /** Set once granted a slot not yet due: gives the slot up (false when already sent). */
  revoke?: () => boolean;
  fail(error: unknown): void;
}

/**
 * The calls waiting in one process, by lane, then tenant (workspace), then ad account. Tenants
 * and ad accounts take turns (round robin), so one workspace's backfill, or one account's, queues
 * behind its own calls only.
 */
export class LaneQueues {
  readonly #lanes = new Map<Lane, Map<string, Map<string, Waiter[]>>>(lanes.map((lane) => [lane, new Map()]));

  #size = 0;

  get size(): number {
    return this.#size;
  }

  add(waiter: Waiter): void {
    this.#size += 1;
    const tenants = this.#lanes.get(waiter.lane)!;
    const advertisers = tenants.get(waiter.tenant) ?? new Map<string, Waiter[]>();
    tenants.set(waiter.tenant, advertisers);
    const queue = advertisers.get(waiter.advertiser) ?? [];
    advertisers.set(waiter.advertiser, queue);
    queue.push(waiter);
  }

  /** Removes the waiter; says whether its tenant has nothing left waiting in its lane. */
  remove(waiter: Waiter): boolean {
    const tenants = this.#lanes.get(waiter.lane)!;
    const advertisers = tenants.get(waiter.tenant);
    const queue = advertisers?.get(waiter.advertiser);
    if (!advertisers || !queue) return false;
    const index = queue.indexOf(waiter);
    if (index < 0) return false;
    queue.splice(index, 1);
    this.#size -= 1;
    // Served first, so its account and its tenant go to the back of their turns.
    advertisers.delete(waiter.advertiser);
    if (queue.length > 0) advertisers.set(waiter.advertiser, queue);
    tenants.delete(waiter.tenant);
    if (advertisers.size > 0) tenants.set(waiter.tenant, advertisers);
    return advertisers.size === 0;
  }

  /** The lanes with calls waiting, with how long their oldest call has waited. */
  waitingLanes(now: number): { lane: Lane; waited: number }[] {
    const found: { lane: Lane; waited: number }[] = [];
    for (const [lane, tenants] of this.#lanes) {
      let oldest = Number.POSITIVE_INFINITY;
      for (const advertisers of tenants.values())
        for (const queue of advertisers.values()) oldest = Math.min(oldest, queue[0]?.enqueuedAt ?? oldest);
      if (Number.isFinite(oldest)) found.push({ lane, waited: now - oldest });
    }
    return found;
  }

  /**
   * The next call of each ad account of `lane`, tenants in turn order, each tenant's accounts in
   * turn. An account's next call is one that may ask now, so one held by a budget of its own (an
   * endpoint's) does not hold back the calls behind it. Among those, a call through such a budget
   * goes first, while that budget is free (the others can use any of the app's slots, it only its
   * own); then the highest rank; then the first come. With none that may ask now, the one that
   * may ask soonest.
   */
  heads(lane: Lane, now: number): Waiter[] {
    const found: Waiter[] = [];
    for (const advertisers of this.#lanes.get(lane)!.values())
      for (const queue of advertisers.values()) {
        const head = nextOf(queue, now);
        if (head) found.push(head);
      }
    return found;
  }

  *all(): Iterable<Waiter> {
    for (const tenants of this.#lanes.values())
      for (const advertisers of tenants.values()) for (const queue of advertisers.values()) yield* queue;
  }
}

/** A call paced by a budget of its own, not only the app's. */
export const scarce = (waiter: Waiter) =>
  waiter.buckets.some((bucket) => !bucket.shared && bucket.intervalMilliseconds > 0);

function nextOf(queue: readonly Waiter[], now: number): Waiter | undefined {
  let ready: Waiter | undefined;
  let soonest: Waiter | undefined;
  for (const waiter of queue) {
    if (waiter.notBefore > now) {
      if (!soonest || waiter.notBefore < soonest.notBefore) soonest = waiter;
      continue;
    }
    if (scarce(waiter)) return waiter;
    if (!ready || waiter.rank > ready.rank) ready = waiter;
  }
  return ready ?? soonest;
}
