import type { EmulatorRuntime } from '../runtime.js';
import { millisecondsPerDay, millisecondsPerHour, parseDateTime } from '../state/clock.js';
import { createRandom, extendHash, hashStart } from '../state/random.js';
import type { AdRecord } from '../state/records.js';
import { statusAt } from '../state/store.js';

/** The additive counts of one ad in one hour; every level and every ratio derives from these. */
export interface Counts {
  impressions: number;
  clicks: number;
  /** Thousandths of the account currency, so sums stay exact (reference §6.1: 3 decimals). */
  spendMilli: number;
  conversion: number;
  reach: number;
  videoPlays: number;
  videoWatched2s: number;
  videoWatched6s: number;
  videoViewsP25: number;
  videoViewsP50: number;
  videoViewsP75: number;
  videoViewsP100: number;
  likes: number;
  comments: number;
  shares: number;
  follows: number;
  profileVisits: number;
}

export const emptyCounts = (): Counts => ({
  impressions: 0,
  clicks: 0,
  spendMilli: 0,
  conversion: 0,
  reach: 0,
  videoPlays: 0,
  videoWatched2s: 0,
  videoWatched6s: 0,
  videoViewsP25: 0,
  videoViewsP50: 0,
  videoViewsP75: 0,
  videoViewsP100: 0,
  likes: 0,
  comments: 0,
  shares: 0,
  follows: 0,
  profileVisits: 0,
});

export function addCounts(total: Counts, part: Counts): Counts {
  // Spelled out rather than looped over the keys: reports add tens of thousands of these a call.
  total.impressions += part.impressions;
  total.clicks += part.clicks;
  total.spendMilli += part.spendMilli;
  total.conversion += part.conversion;
  total.reach += part.reach;
  total.videoPlays += part.videoPlays;
  total.videoWatched2s += part.videoWatched2s;
  total.videoWatched6s += part.videoWatched6s;
  total.videoViewsP25 += part.videoViewsP25;
  total.videoViewsP50 += part.videoViewsP50;
  total.videoViewsP75 += part.videoViewsP75;
  total.videoViewsP100 += part.videoViewsP100;
  total.likes += part.likes;
  total.comments += part.comments;
  total.shares += part.shares;
  total.follows += part.follows;
  total.profileVisits += part.profileVisits;
  return total;
}

/** What every ad shares in one hour of a report: computed once per hour, not once per ad-hour. */
export interface ReportHour {
  start: number;
  /** The start as text, the last part of each ad's seed for this hour (see `adSeedPrefix`). */
  seedText: string;
  /** Delivery follows the time of day (UTC). */
  daily: number;
  /** The share of the hour that has passed: the current hour is still filling. */
  elapsed: number;
  /** The share of its final conversions that has been attributed so far (restatement). */
  arrived: number;
}

/**
 * One hour's factors as seen at `now`. Conversions arrive late (reference §6.1): an hour's
 * conversions reach their final value only `restatementDays` after it, so recent days restate.
 */
export function reportHour(runtime: EmulatorRuntime, hourStart: number, now: number): ReportHour {
  const hourOfDay = new Date(hourStart).getUTCHours();
  const restatement = runtime.settings.restatementDays * millisecondsPerDay;
  const age = now - (hourStart + millisecondsPerHour);
  return {
    start: hourStart,
    seedText: String(hourStart),
    daily: 0.55 + 0.45 * Math.sin(((hourOfDay - 6) / 24) * 2 * Math.PI),
    elapsed: Math.min(1, (now - hourStart) / millisecondsPerHour),
    arrived: restatement <= 0 || age >= restatement ? 1 : 0.5 + (0.5 * Math.max(0, age)) / restatement,
  };
}

/** A fixed point in [0, 1) of an ad-hour's seed (a multiplicative hash of it). */
const roundingPoint = (seed: number): number => (Math.imul(seed, 2654435761) >>> 0) / 4_294_967_296;

/** The hash of "seed|ad_id|", extended by each hour's start to seed that ad-hour's draws. */
export const adSeedPrefix = (runtime: EmulatorRuntime, ad: AdRecord): number =>
  extendHash(hashStart, `${runtime.seed}|${ad.ad_id}|`);

/**
 * Adds the deterministic counts of one delivering ad in one hour to `total` (seeded by seed, ad and
 * hour). False, adding nothing, when the hour had no impressions: reports list no row for it.
 */
export function addAdHour(total: Counts, seedPrefix: number, hour: ReportHour): boolean {
  const seed = extendHash(seedPrefix, hour.seedText) >>> 0;
  const random = createRandom(seed);
  // The order of the draws is the model: changing it changes every figure of every report.
  const impressions = Math.round((60 + random.integer(0, 340)) * hour.daily * hour.elapsed);
  if (impressions === 0) return false;
  const clicks = Math.round(impressions * (0.005 + random.next() * 0.025));
  const finalConversions = Math.round(clicks * (0.02 + random.next() * 0.08));
  const plays = Math.round(impressions * (0.5 + random.next() * 0.2));
  total.impressions += impressions;
  total.clicks += clicks;
  total.spendMilli += Math.round((impressions * (2_000 + random.integer(0, 6_000))) / 1_000);
  // Reference §6.1: conversions arrive late, a share of them at a time. Each ad-hour rounds its
  // arrived share at a point of its own (from its seed, not a draw, so no other figure moves):
  // a sum over many ad-hours then grows steadily toward the final count, and an hour with one
  // conversion shows it at some point of the window, not only at its end.
  total.conversion += Math.floor(finalConversions * hour.arrived + roundingPoint(seed));
  total.reach += Math.round(impressions / 1.25);
  total.videoPlays += plays;
  total.videoWatched2s += Math.round(plays * 0.7);
  total.videoWatched6s += Math.round(plays * 0.45);
  total.videoViewsP25 += Math.round(plays * 0.5);
  total.videoViewsP50 += Math.round(plays * 0.35);
  total.videoViewsP75 += Math.round(plays * 0.25);
  total.videoViewsP100 += Math.round(plays * 0.15);
  total.likes += Math.round(impressions * 0.02 * random.next());
  total.comments += Math.round(impressions * 0.003 * random.next());
  total.shares += Math.round(impressions * 0.004 * random.next());
  total.follows += Math.round(impressions * 0.002 * random.next());
  total.profileVisits += Math.round(impressions * 0.01 * random.next());
  return true;
}

/** Whether everything above the ad was switched on at that hour (from the status history). */
function delivering(runtime: EmulatorRuntime, ad: AdRecord, hourStart: number): boolean {
  const { store } = runtime;
  const adgroup = store.adgroups.get(ad.adgroup_id);
  if (!adgroup) return false;
  if (store.advertisers.get(ad.advertiser_id)?.status !== 'STATUS_ENABLE') return false;
  const start = parseDateTime(adgroup.schedule_start_time) ?? Infinity;
  const end = parseDateTime(adgroup.schedule_end_time) ?? -Infinity;
  if (hourStart < start || hourStart >= end) return false;
  return [ad.ad_id, ad.adgroup_id, ad.campaign_id].every((id) => statusAt(store, id, hourStart) === 'ENABLE');
}

/**
 * One ad in one hour, read the plain way (statuses looked up at that hour). Reports take the
 * faster road of `deliveryWindows` and `addAdHour`; tests hold them to this.
 */
export function adHourCounts(runtime: EmulatorRuntime, ad: AdRecord, hourStart: number, now: number): Counts {
  const counts = emptyCounts();
  if (hourStart >= now || !delivering(runtime, ad, hourStart)) return counts;
  addAdHour(counts, adSeedPrefix(runtime, ad), reportHour(runtime, hourStart, now));
  return counts;
}
