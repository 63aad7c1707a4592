import { calendarDateSchema, daysInRange } from '@whathead/contracts';

/**
 * Date ranges as the report and campaign contracts write them: calendar days "YYYY-MM-DD" of an
 * ad account's own time zone. The arithmetic runs on those strings through UTC dates, which have
 * no daylight saving and no offset, so the browser's zone never shifts a day. Shared by Reports
 * and the Campaigns table's metric columns, which offer the same presets.
 */
export interface DateRange {
  from: string;
  to: string;
}

export const rangePresets = [
  'today',
  'yesterday',
  'last-7-days',
  'last-14-days',
  'last-30-days',
  'this-month',
  'last-month',
  'custom',
] as const;
export type RangePreset = (typeof rangePresets)[number];

export const rangePresetLabels: Record<RangePreset, string> = {
  today: 'Today',
  yesterday: 'Yesterday',
  'last-7-days': 'Last 7 days',
  'last-14-days': 'Last 14 days',
  'last-30-days': 'Last 30 days',
  'this-month': 'This month',
  'last-month': 'Last month',
  custom: 'Custom',
};

export const defaultRangePreset: RangePreset = 'last-7-days';

const dayMilliseconds = 86_400_000;

/** Whether `text` is a real calendar day written YYYY-MM-DD (not 2026-02-30), as the contract reads one. */
export function isIsoDate(text: string): boolean {
  return calendarDateSchema.safeParse(text).success;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMilliseconds).toISOString().slice(0, 10);
}

/** Days in the range, both ends included; 0 or less when it ends before it starts. */
export function daysIn(range: DateRange): number {
  return daysInRange(range.from, range.to);
}

function firstOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/**
 * The range a preset stands for, counted from `today` in the ad account's zone. "Last n days" are
 * n whole days ending yesterday, as in TikTok Ads Manager: today is still being spent, and would
 * make every comparison with the period before look like a drop.
 */
export function presetRange(preset: Exclude<RangePreset, 'custom'>, today: string): DateRange {
  const yesterday = addDays(today, -1);
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday':
      return { from: yesterday, to: yesterday };
    case 'last-7-days':
      return { from: addDays(today, -7), to: yesterday };
    case 'last-14-days':
      return { from: addDays(today, -14), to: yesterday };
    case 'last-30-days':
      return { from: addDays(today, -30), to: yesterday };
    case 'this-month':
      return { from: firstOfMonth(today), to: today };
    case 'last-month': {
      const lastDay = addDays(firstOfMonth(today), -1);
      return { from: firstOfMonth(lastDay), to: lastDay };
    }
  }
}

/** A range as a page's URL holds it: a preset, or Custom with its two days. */
export interface RangeChoice {
  range: RangePreset;
  /** The custom range's ends; a preset works its days out from the account's today instead. */
  from: string | null;
  to: string | null;
}

/**
 * Reads a range from a URL: `range=<preset>`, or `from` and `to` (Custom, also without
 * `range=custom`). Anything malformed is the default preset, never an error.
 */
export function rangeChoiceIn(params: URLSearchParams): RangeChoice {
  const from = params.get('from');
  const to = params.get('to');
  const hasCustomRange = from !== null && to !== null && isIsoDate(from) && isIsoDate(to);
  const preset = rangePresets.find((candidate) => candidate === params.get('range'));
  const range = preset ?? (hasCustomRange ? 'custom' : defaultRangePreset);
  return {
    // A custom range without its days is no range: the default preset instead.
    range: range === 'custom' && !hasCustomRange ? defaultRangePreset : range,
    from: hasCustomRange ? from : null,
    to: hasCustomRange ? to : null,
  };
}

/**
 * Writes a range into a URL, naming only what differs from the default. A preset is kept as its
 * name, so a bookmarked "Last 7 days" stays the last seven days; Custom keeps its days.
 */
export function writeRangeChoice(params: URLSearchParams, choice: RangeChoice): void {
  if (choice.range !== defaultRangePreset) params.set('range', choice.range);
  if (choice.range === 'custom' && choice.from !== null && choice.to !== null) {
    params.set('from', choice.from);
    params.set('to', choice.to);
  }
}

export type RangeResult = { range: DateRange; problem: null } | { range: null; problem: string };

/**
 * The days a choice covers. A preset counts from `today` of the ad account the page follows, in
 * its own zone (the server's), never the browser's: a marketer in Berlin looking at a Los Angeles
 * account sees Los Angeles days. A custom range is checked as the contracts check it.
 */
export function rangeOf(choice: RangeChoice, today: string, mostDays: number): RangeResult {
  if (choice.range !== 'custom') return { range: presetRange(choice.range, today), problem: null };
  if (choice.from === null || choice.to === null)
    return { range: null, problem: 'Choose the first and last day.' };
  const range = { from: choice.from, to: choice.to };
  const days = daysIn(range);
  if (days < 1) return { range: null, problem: 'The range ends before it starts. Choose a later last day.' };
  if (days > mostDays)
    return { range: null, problem: `A range covers at most ${mostDays} days. Choose a shorter range.` };
  return { range, problem: null };
}

/**
 * Why a custom range's day, once typed or picked, is not applied: it is no whole day (a field left
 * half typed or empty), or it is a last day after the accounts' today, which has no figures yet.
 * A range that ends before it starts is applied and said by rangeOf, as a shared link would be.
 */
export function customDayProblem(end: 'from' | 'to', day: string, today: string | undefined): string | null {
  if (!isIsoDate(day)) return 'Choose the first and last day.';
  // Calendar days written YYYY-MM-DD compare as text.
  if (end === 'to' && today !== undefined && day > today)
    return 'The range ends after today. Choose today or an earlier day.';
  return null;
}

/**
 * Today in the browser's own zone: only a stand-in when no ad account's today is known (the
 * report status could not be read), since an account's day may differ from the browser's by one.
 */
export function browserToday(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The period of the same length just before: what "compare to previous period" compares with. */
export function previousPeriod(range: DateRange): DateRange {
  const length = daysIn(range);
  return { from: addDays(range.from, -length), to: addDays(range.from, -1) };
}

// The days are calendar days, not instants: formatted in UTC, where they were parsed.
const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const shortDayFormat = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

/** "Mar 2 – 8, 2026", or one day when the range is one. */
export function formatRange(range: DateRange): string {
  const from = new Date(`${range.from}T00:00:00Z`);
  const to = new Date(`${range.to}T00:00:00Z`);
  return range.from === range.to ? dayFormat.format(from) : dayFormat.formatRange(from, to);
}

export function formatDay(date: string): string {
  return dayFormat.format(new Date(`${date}T00:00:00Z`));
}

/** A chart point's label: "Mar 9" for a day, "Mar 9, 14:00" for an hour ("2026-03-09 14:00"). */
export function formatPointTime(time: string): string {
  const day = shortDayFormat.format(new Date(`${time.slice(0, 10)}T00:00:00Z`));
  const hour = time.slice(11, 16);
  return hour === '' ? day : `${day}, ${hour}`;
}
