import type { EmulatorRuntime } from '../runtime.js';
import type { Counts } from './metrics-model.js';
import type { DataLevel } from './report-builder.js';

// Reference §6.1: every value is a string; money has 3 decimals, rates are percentages with 2,
// counts are digit strings, and "-" stands where there is nothing to divide by.

const money = (milli: number): string => (milli / 1000).toFixed(3);
const ratio = (numerator: number, denominator: number, scale = 1, digits = 2): string =>
  denominator === 0 ? '-' : ((numerator / denominator) * scale).toFixed(digits);
const count = (value: number): string => String(value);

const performance: Record<string, (counts: Counts) => string> = {
  spend: (counts) => money(counts.spendMilli),
  impressions: (counts) => count(counts.impressions),
  gross_impressions: (counts) => count(counts.impressions),
  clicks: (counts) => count(counts.clicks),
  ctr: (counts) => ratio(counts.clicks, counts.impressions, 100),
  cpc: (counts) => ratio(counts.spendMilli / 1000, counts.clicks, 1, 3),
  cpm: (counts) => ratio(counts.spendMilli / 1000, counts.impressions, 1000, 3),
  reach: (counts) => count(counts.reach),
  frequency: (counts) => ratio(counts.impressions, counts.reach),
  cost_per_1000_reached: (counts) => ratio(counts.spendMilli / 1000, counts.reach, 1000, 3),
  conversion: (counts) => count(counts.conversion),
  cost_per_conversion: (counts) => ratio(counts.spendMilli / 1000, counts.conversion, 1, 3),
  conversion_rate: (counts) => ratio(counts.conversion, counts.clicks, 100),
  conversion_rate_v2: (counts) => ratio(counts.conversion, counts.impressions, 100),
  result: (counts) => count(counts.clicks),
  // The real rows the reference cites (airbyte expected_records.jsonl) give cost_per_result 4 decimals ("0.2899").
  cost_per_result: (counts) => ratio(counts.spendMilli / 1000, counts.clicks, 1, 4),
  result_rate: (counts) => ratio(counts.clicks, counts.impressions, 100),
  real_time_conversion: (counts) => count(counts.conversion),
  real_time_cost_per_conversion: (counts) => ratio(counts.spendMilli / 1000, counts.conversion, 1, 3),
  video_play_actions: (counts) => count(counts.videoPlays),
  video_watched_2s: (counts) => count(counts.videoWatched2s),
  video_watched_6s: (counts) => count(counts.videoWatched6s),
  video_views_p25: (counts) => count(counts.videoViewsP25),
  video_views_p50: (counts) => count(counts.videoViewsP50),
  video_views_p75: (counts) => count(counts.videoViewsP75),
  video_views_p100: (counts) => count(counts.videoViewsP100),
  average_video_play: (counts) =>
    ratio(counts.videoWatched6s * 6 + counts.videoWatched2s * 2, counts.videoPlays),
  average_video_play_per_user: (counts) =>
    ratio(counts.videoWatched6s * 6 + counts.videoWatched2s * 2, counts.reach),
  likes: (counts) => count(counts.likes),
  comments: (counts) => count(counts.comments),
  shares: (counts) => count(counts.shares),
  follows: (counts) => count(counts.follows),
  profile_visits: (counts) => count(counts.profileVisits),
  // Reference §6.1 lists these too; app installs and music-disc clicks are not modelled, and
  // TikTok's own website-traffic rows show "0" for both.
  clicks_on_music_disc: () => count(0),
  app_install: () => count(0),
};

/** Attribute metrics describe the row's object; above their level they are "-". */
function attributesOf(
  runtime: EmulatorRuntime,
  level: DataLevel,
  entityId: string,
): Record<string, string | undefined> {
  const { store } = runtime;
  const campaign =
    level === 'AUCTION_CAMPAIGN'
      ? store.campaigns.get(entityId)
      : level === 'AUCTION_ADGROUP'
        ? store.campaigns.get(store.adgroups.get(entityId)?.campaign_id ?? '')
        : level === 'AUCTION_AD'
          ? store.campaigns.get(store.ads.get(entityId)?.campaign_id ?? '')
          : undefined;
  const adgroup =
    level === 'AUCTION_ADGROUP'
      ? store.adgroups.get(entityId)
      : level === 'AUCTION_AD'
        ? store.adgroups.get(store.ads.get(entityId)?.adgroup_id ?? '')
        : undefined;
  const ad = level === 'AUCTION_AD' ? store.ads.get(entityId) : undefined;
  const advertiserId = ad?.advertiser_id ?? adgroup?.advertiser_id ?? campaign?.advertiser_id ?? entityId;
  return {
    advertiser_name: store.advertisers.get(advertiserId)?.name,
    currency: store.advertisers.get(advertiserId)?.currency,
    campaign_name: campaign?.campaign_name,
    campaign_id: campaign?.campaign_id,
    objective_type: campaign?.objective_type,
    adgroup_name: adgroup?.adgroup_name,
    adgroup_id: adgroup?.adgroup_id,
    placement_type: adgroup
      ? adgroup.placement_type === 'PLACEMENT_TYPE_AUTOMATIC'
        ? 'Automatic Placement'
        : 'Select Placement'
      : undefined,
    promotion_type:
      adgroup?.promotion_type === 'WEBSITE' ? 'Website' : (adgroup?.promotion_type ?? undefined),
    billing_event: adgroup?.billing_event,
    budget: level === 'AUCTION_CAMPAIGN' ? campaign?.budget.toFixed(3) : adgroup?.budget.toFixed(3),
    bid: adgroup ? adgroup.bid_price.toFixed(3) : undefined,
    ad_name: ad?.ad_name,
    ad_text: ad?.ad_text ?? undefined,
    opt_status: (ad ?? adgroup ?? campaign)?.operation_status,
  };
}

export const knownMetrics = new Set([
  ...Object.keys(performance),
  'advertiser_name',
  'currency',
  'campaign_name',
  'campaign_id',
  'objective_type',
  'adgroup_name',
  'adgroup_id',
  'placement_type',
  'promotion_type',
  'billing_event',
  'budget',
  'bid',
  'ad_name',
  'ad_text',
  'opt_status',
]);

export const isPerformanceMetric = (metric: string): boolean => metric in performance;

export function formatMetrics(
  runtime: EmulatorRuntime,
  metrics: string[],
  counts: Counts,
  level: DataLevel,
  entityId: string | undefined,
): Record<string, string> {
  const formatted: Record<string, string> = {};
  // Looked up once per row, and only when an attribute metric is asked for: pages have 1,000 rows.
  let attributes: Record<string, string | undefined> | undefined;
  for (const metric of metrics) {
    const value = performance[metric]?.(counts);
    if (value !== undefined || !entityId) {
      formatted[metric] = value ?? '-';
      continue;
    }
    attributes ??= attributesOf(runtime, level, entityId);
    formatted[metric] = (metric in attributes ? attributes[metric] : undefined) ?? '-';
  }
  return formatted;
}
