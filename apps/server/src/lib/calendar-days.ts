// Calendar days as "YYYY-MM-DD" text. Report days are an ad account's own (its time zone), so
// they are worked on as dates, never as instants in the server's zone.

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The day an instant falls on in a time zone; UTC where the zone is unknown to Intl. */
export function dayIn(instant: Date, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
    } catch {
      return dayIn(instant, 'UTC');
    }
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}

/** Whether Intl knows the zone. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
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
