import type { EmulatorRuntime } from '../runtime.js';
import { millisecondsPerDay, millisecondsPerHour, parseDateTime } from '../state/clock.js';
import { createRandom, hashToSeed } from '../state/random.js';
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
  for (const key of Object.keys(total) as (keyof Counts)[]) total[key] += part[key];
  return total;
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
 * Deterministic counts for (seed, ad, hour). Conversions arrive late (reference §6.1): an hour's
 * conversions reach their final value only `restatementDays` after it, so recent days restate.
 */
export function adHourCounts(runtime: EmulatorRuntime, ad: AdRecord, hourStart: number, now: number): Counts {
  const counts = emptyCounts();
  if (hourStart >= now || !delivering(runtime, ad, hourStart)) return counts;
  const random = createRandom(hashToSeed(runtime.seed, ad.ad_id, hourStart));
  const hourOfDay = new Date(hourStart).getUTCHours();
  const daily = 0.55 + 0.45 * Math.sin(((hourOfDay - 6) / 24) * 2 * Math.PI);
  const elapsed = Math.min(1, (now - hourStart) / millisecondsPerHour);
  const impressions = Math.round((60 + random.integer(0, 340)) * daily * elapsed);
  const clicks = Math.round(impressions * (0.005 + random.next() * 0.025));
  const finalConversions = Math.round(clicks * (0.02 + random.next() * 0.08));
  const restatement = runtime.settings.restatementDays * millisecondsPerDay;
  const age = now - (hourStart + millisecondsPerHour);
  const arrived = restatement <= 0 || age >= restatement ? 1 : 0.5 + (0.5 * Math.max(0, age)) / restatement;
  const plays = Math.round(impressions * (0.5 + random.next() * 0.2));
  counts.impressions = impressions;
  counts.clicks = clicks;
  counts.spendMilli = Math.round((impressions * (2_000 + random.integer(0, 6_000))) / 1_000);
  counts.conversion = Math.floor(finalConversions * arrived);
  counts.reach = Math.round(impressions / 1.25);
  counts.videoPlays = plays;
  counts.videoWatched2s = Math.round(plays * 0.7);
  counts.videoWatched6s = Math.round(plays * 0.45);
  counts.videoViewsP25 = Math.round(plays * 0.5);
  counts.videoViewsP50 = Math.round(plays * 0.35);
  counts.videoViewsP75 = Math.round(plays * 0.25);
  counts.videoViewsP100 = Math.round(plays * 0.15);
  counts.likes = Math.round(impressions * 0.02 * random.next());
  counts.comments = Math.round(impressions * 0.003 * random.next());
  counts.shares = Math.round(impressions * 0.004 * random.next());
  counts.follows = Math.round(impressions * 0.002 * random.next());
  counts.profileVisits = Math.round(impressions * 0.01 * random.next());
  return counts;
}
