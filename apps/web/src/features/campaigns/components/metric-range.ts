import type { ReportAccountStatus, ReportStatusResponse } from '@whathead/contracts';
import { browserToday, rangeOf, type DateRange, type RangeChoice } from '../../../lib/date-range';

/** The longest range the metric columns cover (campaignTableQuerySchema refuses more). */
export const metricMostDays = 366;

/** The day the range presets count from, and whose day it is. */
export interface PresetDay {
  today: string;
  /** Whose days the range is, said where the range is chosen. */
  note: string;
}

/**
 * Today of the default account when the table shows it, else of the first account shown (in the
 * status's order), each in its own zone as the server counts it. The report status is undefined
 * while it loads (the presets wait for it) and null when it could not be read: then the browser's
 * today stands in, which may be a day off the account's, rather than the table showing nothing.
 */
export function presetDayOf(
  status: ReportStatusResponse | null | undefined,
  accounts: readonly string[] | 'all',
): PresetDay | undefined {
  if (status === undefined) return undefined;
  const all = status?.accounts ?? [];
  const shown = accounts === 'all' ? all : all.filter((account) => accounts.includes(account.advertiserId));
  const account = firstOf(shown) ?? firstOf(all);
  if (!account) {
    const note =
      status === null
        ? 'The presets count from this browser’s date: the ad accounts’ own couldn’t be read.'
        : 'Days are each ad account’s own.';
    return { today: browserToday(), note };
  }
  return { today: account.today, note: zoneNote(account, shown) };
}

function firstOf(accounts: readonly ReportAccountStatus[]): ReportAccountStatus | undefined {
  return accounts.find((account) => account.isDefault) ?? accounts[0];
}

/** The range of the metric columns, or why there is none, or that its presets wait for today. */
export type MetricRange =
  | { range: DateRange; problem: null; isWaiting: false }
  | { range: null; problem: string; isWaiting: false }
  | { range: null; problem: null; isWaiting: true };

export function metricRangeOf(choice: RangeChoice, today: string | undefined): MetricRange {
  // A custom range needs no today; a preset waits for it rather than guessing the account's day.
  if (today === undefined && choice.range !== 'custom')
    return { range: null, problem: null, isWaiting: true };
  return { ...rangeOf(choice, today ?? browserToday(), metricMostDays), isWaiting: false };
}

function zoneNote(account: ReportAccountStatus, shown: readonly ReportAccountStatus[]): string {
  const zone = account.timeZone ?? 'its own time zone';
  const zones = new Set(shown.map((each) => each.timeZone));
  if (zones.size <= 1) return `Days are in ${zone}, ${account.name}’s time zone.`;
  return `Each ad account’s days are in its own time zone; the presets follow ${account.name} (${zone}).`;
}
