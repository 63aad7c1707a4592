import type { ReportMetricKey, ReportMetrics } from '@whathead/contracts';
import { formatMoney } from '../../../lib/format-money';
import { formatCount, formatPercent } from '../../../lib/format-number';

export const metricLabels: Record<ReportMetricKey, string> = {
  spend: 'Spend',
  impressions: 'Impressions',
  clicks: 'Clicks',
  ctr: 'CTR',
  cpc: 'CPC',
  cpm: 'CPM',
  conversions: 'Conversions',
  costPerConversion: 'CPA',
  conversionRate: 'Conversion rate',
  results: 'Results',
  costPerResult: 'Cost per result',
  videoPlays: 'Video plays',
  videoWatched2s: '2-second views',
  videoWatched6s: '6-second views',
  videoViewsP25: 'Views to 25%',
  videoViewsP50: 'Views to 50%',
  videoViewsP75: 'Views to 75%',
  videoViewsP100: 'Views to 100%',
  likes: 'Likes',
  comments: 'Comments',
  shares: 'Shares',
  follows: 'Follows',
  profileVisits: 'Profile visits',
};

/** What the tiles show, in their order (issue 12 §5). */
export const tileMetricKeys = [
  'spend',
  'impressions',
  'clicks',
  'ctr',
  'cpc',
  'cpm',
  'conversions',
  'costPerConversion',
] as const satisfies readonly ReportMetricKey[];

type MetricKind = 'money' | 'count' | 'percent';

const moneyMetrics: ReadonlySet<ReportMetricKey> = new Set([
  'spend',
  'cpc',
  'cpm',
  'costPerConversion',
  'costPerResult',
]);
// TikTok writes rates as percentages ("1.25" is 1.25 %), and the server keeps its convention.
const percentMetrics: ReadonlySet<ReportMetricKey> = new Set(['ctr', 'conversionRate']);

export function metricKind(key: ReportMetricKey): MetricKind {
  if (moneyMetrics.has(key)) return 'money';
  return percentMetrics.has(key) ? 'percent' : 'count';
}

/**
 * Costs per something fall when things go well; every other metric except spend (which is
 * neither good nor bad by itself) rises. The tiles colour a change by it.
 */
const lowerIsBetter: ReadonlySet<ReportMetricKey> = new Set([
  'cpc',
  'cpm',
  'costPerConversion',
  'costPerResult',
]);

export type ChangeTone = 'good' | 'bad' | 'neutral';

export function changeTone(key: ReportMetricKey, change: number): ChangeTone {
  if (key === 'spend' || change === 0) return 'neutral';
  return change < 0 === lowerIsBetter.has(key) ? 'good' : 'bad';
}

/** A metric as a number, for charts and changes; spend is a decimal string in the contract. */
export function metricValue(metrics: ReportMetrics, key: ReportMetricKey): number | null {
  const value = metrics[key];
  if (value === null) return null;
  const number = typeof value === 'string' ? Number(value) : value;
  return Number.isFinite(number) ? number : null;
}

/** Shown where TikTok had no value: a blank, never a zero that would read as "none happened". */
export const noValue = '—';

/**
 * A metric as the tiles and tables write it, money in the currency of the row or total; of a set
 * that has it (every metric of a total, the breakdown's of a breakdown row).
 */
export function formatMetric<Key extends ReportMetricKey>(
  metrics: Pick<ReportMetrics, Key>,
  key: Key,
  currency: string | null,
): string {
  const value = (metrics as Pick<ReportMetrics, ReportMetricKey>)[key];
  if (value === null) return noValue;
  return formatMetricValue(key, value, currency);
}

export function formatMetricValue(
  key: ReportMetricKey,
  value: number | string,
  currency: string | null,
): string {
  switch (metricKind(key)) {
    case 'money':
      return formatMoney(value, currency);
    case 'percent':
      return formatPercent(Number(value));
    case 'count':
      return formatCount(Number(value));
  }
}
