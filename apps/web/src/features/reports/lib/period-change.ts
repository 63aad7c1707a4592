import type { ReportMetricKey, ReportMetrics } from '@whathead/contracts';
import { metricKind, metricLabels, noValue } from './report-metrics';

/**
 * How a metric moved from the previous period, worked out from the values as the tiles write them
 * ($0.28 and $0.28 are unchanged, whatever the cents' fractions behind them), so the change never
 * contradicts the two figures beside it.
 */
export type PeriodChange =
  | { kind: 'percent'; percent: number }
  /** Something now where the previous period shows zero: no percentage. */
  | { kind: 'from-nothing'; isRise: boolean }
  /** No figure on one side: its days are not stored, or a ratio divides by zero. */
  | { kind: 'unknown'; missing: 'current' | 'previous' };

/**
 * The change of one metric. The server sends the previous period's totals whenever it compares;
 * without them there is nothing known to compare with.
 */
export function periodChange(
  key: ReportMetricKey,
  current: ReportMetrics,
  previous: ReportMetrics | null,
  currency: string | null,
): PeriodChange {
  const now = shownMetricValue(current, key, currency);
  const before = previous && shownMetricValue(previous, key, currency);
  if (now === null) return { kind: 'unknown', missing: 'current' };
  if (before === null) return { kind: 'unknown', missing: 'previous' };
  if (before === 0)
    return now === 0 ? { kind: 'percent', percent: 0 } : { kind: 'from-nothing', isRise: now > 0 };
  return { kind: 'percent', percent: ((now - before) / Math.abs(before)) * 100 };
}

const changeFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** "▲ 12.5%", "▼ 3%", "0%"; "▲" alone from nothing; "—" where no change can be worked out. */
export function formatChange(change: PeriodChange): string {
  switch (change.kind) {
    case 'percent': {
      const rounded = roundedPercent(change.percent);
      if (rounded === 0) return '0%';
      return `${rounded > 0 ? '▲' : '▼'} ${changeFormat.format(Math.abs(rounded))}%`;
    }
    case 'from-nothing':
      return change.isRise ? '▲' : '▼';
    case 'unknown':
      return noValue;
  }
}

/** What the arrow says, for screen readers: "Up 12.5%", "No spend in the previous period". */
export function changeWords(key: ReportMetricKey, change: PeriodChange): string {
  switch (change.kind) {
    case 'percent': {
      const rounded = roundedPercent(change.percent);
      if (rounded === 0) return 'Unchanged';
      const percent = `${changeFormat.format(Math.abs(rounded))}%`;
      return rounded > 0 ? `Up ${percent}` : `Down ${percent}`;
    }
    case 'from-nothing':
      // "No clicks in the previous period" reads true; "No CTR" would not, so ratios say the rise.
      if (isSum(key)) return `No ${metricLabels[key].toLowerCase()} in the previous period`;
      return change.isRise
        ? 'Up from nothing in the previous period'
        : 'Down from nothing in the previous period';
    case 'unknown':
      return change.missing === 'previous'
        ? 'No figure for the previous period'
        : 'No figure for this period';
  }
}

/** The change's sign, for colouring it: 0 where it shows none. */
export function changeDirection(change: PeriodChange): number {
  if (change.kind === 'percent') return Math.sign(roundedPercent(change.percent));
  if (change.kind === 'from-nothing') return change.isRise ? 1 : -1;
  return 0;
}

/** To the tenth shown: a change that rounds to 0.0 % is none. */
function roundedPercent(percent: number): number {
  return Math.round(percent * 10) / 10;
}

/** Spend and counts add up: zero of them is none ("No clicks"), unlike a zero rate. */
function isSum(key: ReportMetricKey): boolean {
  return key === 'spend' || metricKind(key) === 'count';
}

const decimalFormats = new Map<number, Intl.NumberFormat>();

/**
 * A metric rounded to the digits the tiles write it with: the currency's (two for an unknown
 * one, as format-money writes it), two of a percentage, none of a count. Intl rounds here as it
 * does when writing the figure, and reads a decimal string digit for digit, as formatMoney does.
 */
export function shownMetricValue(
  metrics: ReportMetrics,
  key: ReportMetricKey,
  currency: string | null,
): number | null {
  const value = metrics[key];
  if (value === null) return null;
  if (typeof value === 'string' && !/^-?\d+(\.\d+)?$/.test(value)) return null;
  const digits = shownDigits(key, currency);
  let format = decimalFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      useGrouping: false,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    decimalFormats.set(digits, format);
  }
  return Number(format.format(value as number | `${number}`));
}

function shownDigits(key: ReportMetricKey, currency: string | null): number {
  switch (metricKind(key)) {
    case 'money':
      return currencyDigits(currency);
    case 'percent':
      return 2;
    case 'count':
      return 0;
  }
}

function currencyDigits(currency: string | null): number {
  if (!currency) return 2;
  try {
    const options = new Intl.NumberFormat(undefined, { style: 'currency', currency }).resolvedOptions();
    return options.maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}
