import { reportMostDays, type ReportAccountStatus, type ReportStatusResponse } from '@whathead/contracts';
import { daysIn, hourlyMostDays, presetRange, type DateRange } from './date-range';
import type { Granularity, ReportView } from './report-view';

/**
 * The ad accounts a view shows, in the status's order: those the URL names that the workspace
 * still uses; otherwise the default account; without one, every account (the contract's own
 * fallback, sent explicitly so the page, the CSV and the server agree on what is shown).
 */
export function selectedAccounts(
  view: Pick<ReportView, 'accounts'>,
  status: ReportStatusResponse,
): ReportAccountStatus[] {
  const named = status.accounts.filter((account) => view.accounts?.includes(account.advertiserId));
  if (named.length > 0) return named;
  const fallback = status.accounts.filter((account) => account.isDefault);
  return fallback.length > 0 ? fallback : status.accounts;
}

export type RangeResult = { range: DateRange; problem: null } | { range: null; problem: string };

/**
 * The days a view covers. A preset counts from `today` of the first chosen account, in its own
 * zone (the server's), never the browser's: a marketer in Berlin reporting on a Los Angeles account
 * sees Los Angeles days.
 */
export function rangeOf(view: Pick<ReportView, 'range' | 'from' | 'to'>, today: string): RangeResult {
  if (view.range !== 'custom') return { range: presetRange(view.range, today), problem: null };
  if (view.from === null || view.to === null)
    return { range: null, problem: 'Choose the first and last day.' };
  const range = { from: view.from, to: view.to };
  const days = daysIn(range);
  if (days < 1) return { range: null, problem: 'The range ends before it starts. Choose a later last day.' };
  if (days > reportMostDays) {
    return {
      range: null,
      problem: `A report covers at most ${reportMostDays} days. Choose a shorter range.`,
    };
  }
  return { range, problem: null };
}

/**
 * The chart's granularity: hours only for ranges the server reads by the hour (31 days at most),
 * so the page says why instead of sending a request the contract refuses.
 */
export function granularityOf(
  asked: Granularity,
  range: DateRange,
): { granularity: Granularity; isHourlyTooLong: boolean } {
  const isHourlyTooLong = asked === 'hour' && daysIn(range) > hourlyMostDays;
  return { granularity: isHourlyTooLong ? 'day' : asked, isHourlyTooLong };
}

export const hourlyTooLongMessage = `Hourly charts cover at most ${hourlyMostDays} days. Choose a shorter range to see hours; the chart shows days meanwhile.`;

/** What the page asks the server for, as the query strings the contract reads. */
export interface ReportScope {
  accounts: string;
  from: string;
  to: string;
  campaign?: string;
  adgroup?: string;
}

export function scopeOf(
  accounts: readonly ReportAccountStatus[],
  range: DateRange,
  view: Pick<ReportView, 'campaign' | 'adgroup'>,
): ReportScope {
  return {
    accounts: accounts.map((account) => account.advertiserId).join(','),
    from: range.from,
    to: range.to,
    ...(view.campaign !== null && { campaign: view.campaign }),
    ...(view.adgroup !== null && { adgroup: view.adgroup }),
  };
}

/** A query string of the params given; those left out (undefined) are not sent. */
export function queryStringOf(params: object): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) query.set(name, String(value));
  }
  return query.toString();
}
