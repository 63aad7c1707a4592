import type { ReportRow } from '@whathead/tiktok-client';
import {
  adDayCountColumns,
  campaignHourCountColumns,
  type AdDayCountColumn,
  type AdDayRow,
  type CampaignHourRow,
} from '../repositories/tiktok-report-facts.repository.js';

/** TikTok's metric for each stored count (reference §6.1). */
const metricOf: Record<AdDayCountColumn, string> = {
  impressions: 'impressions',
  clicks: 'clicks',
  reach: 'reach',
  conversions: 'conversion',
  results: 'result',
  video_plays: 'video_play_actions',
  video_watched_2s: 'video_watched_2s',
  video_watched_6s: 'video_watched_6s',
  video_views_p25: 'video_views_p25',
  video_views_p50: 'video_views_p50',
  video_views_p75: 'video_views_p75',
  video_views_p100: 'video_views_p100',
  likes: 'likes',
  comments: 'comments',
  shares: 'shares',
  follows: 'follows',
  profile_visits: 'profile_visits',
};

/** The ad's parents as attribute metrics, which the reference does not list (see adDayMetrics). */
export const parentIdMetrics = ['campaign_id', 'adgroup_id'];
/**
 * What an ad-day read asks for: the additive counts, so every level above is summed from these
 * rows (ratios are left out: they are worked out from sums), and the ad's parents, as public
 * connectors ask for them. §6.1 lists the parents' names among attribute metrics, not their ids:
 * a TikTok that refuses them gets `adDayCounts` alone, the parents then read elsewhere.
 */
export const adDayCounts = ['spend', ...adDayCountColumns.map((column) => metricOf[column])];
export const adDayMetrics = [...adDayCounts, ...parentIdMetrics];
export const campaignHourMetrics = ['spend', ...campaignHourCountColumns.map((column) => metricOf[column])];

/** A count as TikTok writes it ("4874"); null for "-", a missing value or anything not a count. */
export function countOf(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (/^\d{1,18}$/.test(text)) return text;
  // "4874.0" or "1e3" from a JSON number: still a count, written whole.
  const number = Number(text);
  return text !== '' && Number.isFinite(number) && number >= 0 && number < 1e18
    ? String(Math.round(number))
    : null;
}

/** Money as TikTok writes it ("20.000"); null for "-" or anything not an amount. */
export function amountOf(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  return /^-?\d{1,17}(\.\d{1,6})?$/.test(text) ? text : null;
}

/** "YYYY-MM-DD 00:00:00" / "YYYY-MM-DD HH:00:00" → the day and the hour, or undefined. */
export function timeOf(label: string | null | undefined): { day: string; hour: number } | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}))?/.exec(label ?? '');
  if (!match) return undefined;
  const hour = Number(match[2] ?? 0);
  return hour <= 23 ? { day: match[1]!, hour } : undefined;
}

const isId = (value: string | null | undefined): value is string => !!value && /^\d{1,20}$/.test(value);

/**
 * An ad-day row from TikTok's report row, its parents from the row's metrics or else `parents`;
 * undefined for a row without an ad id, day or parents.
 */
export function adDayRowOf(
  row: ReportRow,
  parents?: { campaignId: string; adGroupId: string },
): AdDayRow | undefined {
  const adId = row.dimensions['ad_id'];
  const time = timeOf(row.dimensions['stat_time_day']);
  const campaignId = row.metrics['campaign_id'] ?? parents?.campaignId;
  const adGroupId = row.metrics['adgroup_id'] ?? parents?.adGroupId;
  if (!isId(adId) || !time || !isId(campaignId) || !isId(adGroupId)) return undefined;
  return {
    adId,
    day: time.day,
    campaignId,
    adGroupId,
    spend: amountOf(row.metrics['spend']),
    counts: countsOf(row, adDayCountColumns),
  };
}

export function campaignHourRowOf(row: ReportRow): CampaignHourRow | undefined {
  const campaignId = row.dimensions['campaign_id'];
  const time = timeOf(row.dimensions['stat_time_hour']);
  if (!isId(campaignId) || !time) return undefined;
  return {
    campaignId,
    day: time.day,
    hour: time.hour,
    spend: amountOf(row.metrics['spend']),
    counts: countsOf(row, campaignHourCountColumns),
  };
}

/** The row's counts by column: a plain loop, as a sync reads a thousand rows a page. */
function countsOf<Column extends AdDayCountColumn>(
  row: ReportRow,
  columns: readonly Column[],
): Record<Column, string | null> {
  const counts = {} as Record<Column, string | null>;
  for (const column of columns) counts[column] = countOf(row.metrics[metricOf[column]]);
  return counts;
}
