import type { ReportMetrics } from '@whathead/contracts';
import { addDays, daysBetween } from '../lib/calendar-days.js';
import type { SeriesRow } from '../repositories/tiktok-report-queries.repository.js';
import { addExact, addSums, emptySums, metricsOf, zeroSums, type ExactSums } from './report-metrics.js';

/** An account as the overview sums it: its currency, and which of its days and hours are stored. */
export interface SeriesAccount {
  advertiserId: string;
  currency: string;
  /** Days stored (a stored day without a row had no activity); null: none yet. */
  storedFrom: string | null;
  storedThrough: string | null;
  /** Hours stored from this day on, until `storedThrough`. */
  hoursFrom: string | null;
  /** "YYYY-MM-DD HH:00" now in the account's zone: later hours have not happened. */
  currentHour: string;
}

const hourlyKeys = ['spend', 'impressions', 'clicks', 'conversions', 'results'] as const;

/** The points of a range: its days, or each day's 24 hours ("YYYY-MM-DD HH:00"). */
export function pointsOf(from: string, to: string, granularity: 'day' | 'hour'): string[] {
  const days = Array.from({ length: daysBetween(from, to) }, (_, index) => addDays(from, index));
  if (granularity === 'day') return days;
  return days.flatMap((day) =>
    Array.from({ length: 24 }, (_, hour) => `${day} ${String(hour).padStart(2, '0')}:00`),
  );
}

/**
 * What an account contributes to a point without a row: zeros where its numbers are stored (no
 * row means no activity), nothing where they are not (the backfill has not reached it, or the hour
 * has not come yet).
 */
function missingRowOf(
  account: SeriesAccount,
  point: string,
  granularity: 'day' | 'hour',
): ExactSums | undefined {
  const day = point.slice(0, 10);
  if (
    !account.storedFrom ||
    !account.storedThrough ||
    day < account.storedFrom ||
    day > account.storedThrough
  )
    return undefined;
  if (granularity === 'day') return zeroSums();
  if (!account.hoursFrom || day < account.hoursFrom || point > account.currentHour) return undefined;
  const sums = emptySums();
  for (const key of hourlyKeys) sums[key] = 0;
  return sums;
}

const hourKept = (account: SeriesAccount, point: string) =>
  account.hoursFrom !== null && point.slice(0, 10) >= account.hoursFrom;

/**
 * Per currency: the points of the range summed over that currency's accounts, and the total of the
 * points. Accounts in different currencies are never added together.
 */
export function seriesByCurrency(
  accounts: readonly SeriesAccount[],
  rows: readonly SeriesRow[],
  points: readonly string[],
  granularity: 'day' | 'hour',
): Map<
  string,
  { advertiserIds: string[]; total: ReportMetrics; series: { time: string; metrics: ReportMetrics }[] }
> {
  const byKey = new Map(rows.map((row) => [`${row.advertiser_id}|${row.time}`, row]));
  const currencies = new Map<string, SeriesAccount[]>();
  for (const account of accounts)
    currencies.set(account.currency, [...(currencies.get(account.currency) ?? []), account]);
  const result = new Map<
    string,
    { advertiserIds: string[]; total: ReportMetrics; series: { time: string; metrics: ReportMetrics }[] }
  >();
  for (const [currency, members] of currencies) {
    const total = emptySums();
    const series = points.map((time) => {
      const sums = emptySums();
      for (const account of members) {
        const row = byKey.get(`${account.advertiserId}|${time}`);
        // Hours older than the workspace keeps are left out before the daily upkeep deletes
        // them, so the chart says what the note above it says.
        if (row && granularity === 'hour' && !hourKept(account, time)) continue;
        if (row) addSums(sums, row);
        else {
          const missing = missingRowOf(account, time, granularity);
          if (missing) addExact(sums, missing);
        }
      }
      addExact(total, sums);
      return { time, metrics: metricsOf(sums) };
    });
    result.set(currency, {
      advertiserIds: members.map((account) => account.advertiserId),
      total: metricsOf(total),
      series,
    });
  }
  return result;
}
