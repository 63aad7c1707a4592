import type { ReportMetrics } from '@whathead/contracts';
import { rollupCountColumns } from '../repositories/tiktok-report-facts.repository.js';
import type { ReportSums } from '../repositories/tiktok-report-queries.repository.js';

/**
 * A sum kept exact: a Number while it is a safe integer, which covers any real account's counts and
 * money in thousandths (up to 9 × 10^12 of a currency), and a BigInt beyond. Numbers first because
 * a dashboard request adds thousands of these, and BigInt arithmetic was most of its own CPU.
 */
export type ExactSum = number | bigint;

/**
 * Sums kept exact while rows add up: money in thousandths of the currency (TikTok's 3 decimals)
 * and whole counts, each null until a value arrives (TikTok's "-" is unknown, not zero).
 */
export type ExactSums = Record<keyof ReportSums, ExactSum | null>;

/** Digits with no sign or point as an exact sum: 15 digits always fit a Number exactly. */
const exactOf = (digits: string): ExactSum => (digits.length <= 15 ? Number(digits) : BigInt(digits));

function plus(left: ExactSum | null, right: ExactSum): ExactSum {
  if (left === null) return right;
  if (typeof left === 'number' && typeof right === 'number') {
    const sum = left + right;
    if (Number.isSafeInteger(sum)) return sum;
  }
  return BigInt(left) + BigInt(right);
}

const sumKeys = ['spend', ...rollupCountColumns] as const satisfies readonly (keyof ReportSums)[];

const noSums = Object.freeze(Object.fromEntries(sumKeys.map((key) => [key, null])) as ExactSums);
export const emptySums = (): ExactSums => ({ ...noSums });

/** "12.5" → 12500 thousandths; PostgreSQL prints numeric sums with as many places as it keeps. */
export function thousandthsOf(amount: string): ExactSum {
  const negative = amount.startsWith('-');
  const unsigned = negative ? amount.slice(1) : amount;
  const point = unsigned.indexOf('.');
  const whole = (point === -1 ? unsigned : unsigned.slice(0, point)) || '0';
  const fraction = point === -1 ? '000' : (unsigned.slice(point + 1) + '000').slice(0, 3);
  const value =
    whole.length <= 12 ? Number(whole) * 1000 + Number(fraction) : BigInt(whole) * 1000n + BigInt(fraction);
  return negative ? -value : value;
}

/** Adds a row's sums (PostgreSQL's text) into running exact sums. */
export function addSums(total: ExactSums, row: ReportSums): ExactSums {
  for (const key of sumKeys) {
    const value = row[key];
    if (value === null || value === undefined) continue;
    const point = value.indexOf('.');
    const exact =
      key === 'spend' ? thousandthsOf(value) : exactOf(point === -1 ? value : value.slice(0, point));
    total[key] = plus(total[key], exact);
  }
  return total;
}

export function addExact(total: ExactSums, part: ExactSums): ExactSums {
  for (const key of sumKeys) {
    const value = part[key];
    if (value !== null) total[key] = plus(total[key], value);
  }
  return total;
}

const formatThousandths = (value: ExactSum): string => {
  const negative = value < 0;
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
  return Object.fromEntries(sumKeys.map((key) => [key, 0])) as ExactSums;
}
