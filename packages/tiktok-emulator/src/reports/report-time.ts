// Reference §6.1: report dates are in the advertiser's time zone. These helpers map between
// UTC instants and local wall-clock labels with Intl, so DST days have 23 or 25 hours.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function localParts(instant: number, timeZone: string): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts;
}

const offsetAt = (instant: number, timeZone: string): number => {
  const parts = localParts(instant, timeZone);
  const asUtc = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
};

/** The UTC instant of local midnight starting a "YYYY-MM-DD" day in a zone. */
export function startOfLocalDay(date: string, timeZone: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(year, month - 1, day);
  const first = guess - offsetAt(guess, timeZone);
  return guess - offsetAt(first, timeZone);
}

const pad = (value: number | undefined): string => String(value ?? 0).padStart(2, '0');

/** "YYYY-MM-DD" of an instant in a zone. */
export function localDate(instant: number, timeZone: string): string {
  const parts = localParts(instant, timeZone);
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`;
}

/** Reference §6.1: "YYYY-MM-DD HH:00:00" for stat_time_hour. */
export function localHourLabel(instant: number, timeZone: string): string {
  const parts = localParts(instant, timeZone);
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)} ${pad(parts.hour)}:00:00`;
}

/** Days between two "YYYY-MM-DD" dates, inclusive of both. */
export function daySpan(startDate: string, endDate: string): number {
  return (
    Math.round((Date.parse(`${endDate}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`)) / 86_400_000) + 1
  );
}

export const isDate = (text: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);

/** Report figures move on once a minute (see `reportingNow`). */
export const reportingInterval = 60_000;

/**
 * The instant a report's figures are computed as of: the start of the current minute. TikTok's
 * reporting trails delivery (its figures arrive minutes to hours late), and one instant for a
 * whole minute lets the pages of a report walk read the same figures from rows kept between
 * calls (report-cache.ts) instead of figures that moved between two pages.
 */
export const reportingNow = (now: number): number => Math.floor(now / reportingInterval) * reportingInterval;
