import type { ReportMetrics } from '@whathead/contracts';
import type { ReportSums } from '../repositories/tiktok-report-queries.repository.js';

/**
 * Sums kept exact while rows add up: money in thousandths of the currency (TikTok's 3 decimals)
 * and counts as bigints, each null until a value arrives (TikTok's "-" is unknown, not zero).
 */
export type ExactSums = Record<keyof ReportSums, bigint | null>;

const sumKeys = [
  'spend',
  'impressions',
  'clicks',
  'conversions',
  'results',
  'video_plays',
  'video_watched_2s',
  'video_watched_6s',
  'video_views_p25',
  'video_views_p50',
  'video_views_p75',
  'video_views_p100',
  'likes',
  'comments',
  'shares',
  'follows',
  'profile_visits',
] as const satisfies readonly (keyof ReportSums)[];

export const emptySums = (): ExactSums => Object.fromEntries(sumKeys.map((key) => [key, null])) as ExactSums;

/** "12.5" → 12500n thousandths; PostgreSQL prints numeric sums with as many places as it keeps. */
export function thousandthsOf(amount: string): bigint {
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = ''] = amount.replace(/^-/, '').split('.');
  const value = BigInt(whole) * 1000n + BigInt((fraction + '000').slice(0, 3));
  return negative ? -value : value;
}

/** Adds a row's sums (PostgreSQL's text) into running exact sums. */
export function addSums(total: ExactSums, row: ReportSums): ExactSums {
  for (const key of sumKeys) {
    const value = row[key];
    if (value === null || value === undefined) continue;
    const exact = key === 'spend' ? thousandthsOf(value) : BigInt(value.split('.')[0]!);
    total[key] = (total[key] ?? 0n) + exact;
  }
  return total;
}

export function addExact(total: ExactSums, part: ExactSums): ExactSums {
  for (const key of sumKeys) {
    const value = part[key];
    if (value !== null) total[key] = (total[key] ?? 0n) + value;
  }
  return total;
}

const formatThousandths = (value: bigint): string => {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(4, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -3)}.${digits.slice(-3)}`;
};

/** `numerator / denominator × scale`, or null where either is unknown or the divisor is 0. */
function ratio(numerator: number | null, denominator: number | null, scale = 1): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return (numerator / denominator) * scale;
}

const rounded = (value: number | null, places: number) =>
  value === null ? null : Math.round(value * 10 ** places) / 10 ** places;

/** The metrics the API shows, ratios worked out from the sums (never an average of averages). */
export function metricsOf(sums: ExactSums): ReportMetrics {
  const count = (key: keyof ExactSums) => (sums[key] === null ? null : Number(sums[key]));
  const spend = sums.spend === null ? null : Number(sums.spend) / 1000;
  const impressions = count('impressions');
  const clicks = count('clicks');
  const conversions = count('conversions');
  const results = count('results');
  return {
    spend: sums.spend === null ? null : formatThousandths(sums.spend),
    impressions,
    clicks,
    ctr: rounded(ratio(clicks, impressions, 100), 4),
    cpc: rounded(ratio(spend, clicks), 4),
    cpm: rounded(ratio(spend, impressions, 1000), 4),
    conversions,
    costPerConversion: rounded(ratio(spend, conversions), 4),
    conversionRate: rounded(ratio(conversions, clicks, 100), 4),
    results,
    costPerResult: rounded(ratio(spend, results), 4),
    videoPlays: count('video_plays'),
    videoWatched2s: count('video_watched_2s'),
    videoWatched6s: count('video_watched_6s'),
    videoViewsP25: count('video_views_p25'),
    videoViewsP50: count('video_views_p50'),
    videoViewsP75: count('video_views_p75'),
    videoViewsP100: count('video_views_p100'),
    likes: count('likes'),
    comments: count('comments'),
    shares: count('shares'),
    follows: count('follows'),
    profileVisits: count('profile_visits'),
  };
}

/** A point with nothing stored yet (a day the backfill has not reached): every metric unknown. */
export const unknownMetrics = (): ReportMetrics => metricsOf(emptySums());

/** A stored day without a row: TikTok had no activity, so every count is 0 and ratios unknown. */
export function zeroSums(): ExactSums {
  return Object.fromEntries(sumKeys.map((key) => [key, 0n])) as ExactSums;
}
