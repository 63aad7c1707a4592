// Calendar days as "YYYY-MM-DD" text. Report days are an ad account's own (its time zone), so
// they are worked on as dates, never as instants in the server's zone.

/**
 * Each zone's formatters, made once: building an Intl.DateTimeFormat costs far more than using
 * one, and every dashboard request asks for each of its accounts' days and hours. Undefined: a
 * zone Intl does not know.
 */
const zoneFormatters = new Map<string, { day: Intl.DateTimeFormat; hour: Intl.DateTimeFormat } | undefined>();

function formattersOf(timeZone: string) {
  if (zoneFormatters.has(timeZone)) return zoneFormatters.get(timeZone);
  let formatters: { day: Intl.DateTimeFormat; hour: Intl.DateTimeFormat } | undefined;
  try {
    formatters = {
      day: new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }),
      hour: new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }),
    };
  } catch {
    formatters = undefined;
  }
  // Zones come from TikTok's accounts: a handful in use, so the map stays small.
  zoneFormatters.set(timeZone, formatters);
  return formatters;
}

/** Whether Intl knows the zone. */
export const isTimeZone = (timeZone: string): boolean => formattersOf(timeZone) !== undefined;

/** The day an instant falls on in a time zone; UTC where the zone is unknown to Intl. */
export function dayIn(instant: Date, timeZone: string): string {
  // By parts, not by the locale's own pattern, which ICU versions have changed.
  let year = '';
  let month = '';
  let day = '';
  for (const part of (formattersOf(timeZone) ?? formattersOf('UTC')!).day.formatToParts(instant)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year}-${month}-${day}`;
}

/** The hour ("00"–"23") an instant falls in, in a time zone; UTC where the zone is unknown. */
export function hourIn(instant: Date, timeZone: string): string {
  return (formattersOf(timeZone) ?? formattersOf('UTC')!).hour.format(instant);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both counted (0 when `to` is before `from`). */
export function daysBetween(from: string, to: string): number {
  return Math.max(
    0,
    Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1,
  );
}

export const earlierDay = (left: string, right: string): string => (left < right ? left : right);
export const laterDay = (left: string, right: string): string => (left > right ? left : right);

/** `from`..`to` cut into runs of at most `most` days, the newest first. */
export function spansNewestFirst(from: string, to: string, most: number): { from: string; to: string }[] {
  const spans: { from: string; to: string }[] = [];
  for (let end = to; end >= from; end = addDays(end, -most)) {
    spans.push({ from: laterDay(from, addDays(end, -(most - 1))), to: end });
  }
  return spans;
}
