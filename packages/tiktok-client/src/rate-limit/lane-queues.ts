import { lanes, type Lane } from './lanes.js';
import type { PacedBucket } from './rate-limit-store.js';

/** One call waiting for a slot in this process. */
export interface Waiter {
  buckets: readonly PacedBucket[];
  lane: Lane;
  tenant: string;
  advertiser: string;
  enqueuedAt: number;
  deadline: number;
  /** Not worth asking the store before this time: a bucket it needs refused until then. */
  notBefore: number;
  grant(at: number): void;
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

  /** The next call of each ad account of `lane`: tenants in turn order, each tenant's accounts in turn. */
  heads(lane: Lane): Waiter[] {
    const found: Waiter[] = [];
    for (const advertisers of this.#lanes.get(lane)!.values())
      for (const queue of advertisers.values()) if (queue[0]) found.push(queue[0]);
    return found;
  }

  *all(): Iterable<Waiter> {
    for (const tenants of this.#lanes.values())
      for (const advertisers of tenants.values()) for (const queue of advertisers.values()) yield* queue;
  }
}
