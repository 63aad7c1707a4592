import type { Clock } from '../../lib/clock.js';
import type { RegionEntry } from './region-search.js';

/**
 * Each ad account's region list, kept in this process for a while. TikTok answers the whole list
 * (thousands of locations, no name filter, no paging) on every call, and the picker searches it
 * as the marketer types: without a cache each keystroke would spend a call of the shared rate
 * budget and its latency. The list is TikTok's geography, the same for every user of the
 * account, and changes rarely; losing it on a restart costs one call. Nothing depends on it
 * being here (two processes may each hold their own copy), so it needs no table.
 */
export class RegionCache {
  readonly #clock: Clock;
  readonly #lifetimeMilliseconds: number;
  readonly #maximumAccounts: number;
  /** By advertiser id; a load in flight is shared, so a burst of searches makes one call. */
  readonly #entries = new Map<string, { expiresAt: number; regions: Promise<readonly RegionEntry[]> }>();

  constructor(options: { clock: Clock; lifetimeMinutes?: number; maximumAccounts?: number }) {
    this.#clock = options.clock;
    this.#lifetimeMilliseconds = (options.lifetimeMinutes ?? 30) * 60_000;
    this.#maximumAccounts = options.maximumAccounts ?? 100;
  }

  /** The account's list, loaded with `load` when it is not here or has expired. */
  get(advertiserId: string, load: () => Promise<readonly RegionEntry[]>): Promise<readonly RegionEntry[]> {
    const now = this.#clock.now().getTime();
    const held = this.#entries.get(advertiserId);
    if (held && held.expiresAt > now) return held.regions;
    const regions = load();
    this.#entries.delete(advertiserId);
    this.#entries.set(advertiserId, { expiresAt: now + this.#lifetimeMilliseconds, regions });
    // A failed load is not kept: the next search asks TikTok again.
    regions.catch(() => {
      if (this.#entries.get(advertiserId)?.regions === regions) this.#entries.delete(advertiserId);
    });
    // The oldest loads go first once too many accounts are held (a Map keeps insertion order).
    while (this.#entries.size > this.#maximumAccounts)
      this.#entries.delete(this.#entries.keys().next().value!);
    return regions;
  }

  /** The account's list if this process holds a live one, without asking TikTok. */
  async peek(advertiserId: string): Promise<readonly RegionEntry[] | undefined> {
    const held = this.#entries.get(advertiserId);
    if (!held || held.expiresAt <= this.#clock.now().getTime()) return undefined;
    return held.regions.catch(() => undefined);
  }
}
