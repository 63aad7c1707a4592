import type { ReportAccountStatus, ReportStatusResponse } from '@whathead/contracts';
import { daysIn, type DateRange } from '../../../lib/date-range';
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

/** The hourly chart's longest range (the contract's overview query refuses more). */
export const hourlyMostDays = 31;

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
