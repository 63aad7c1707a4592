const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/**
 * How long ago something happened, in the reader's language: "just now", "3 minutes ago",
 * "yesterday", up to a week; older than that, a date reads better than "5 weeks ago".
 */
export function formatRelativeTime(at: Date | string | number, now: number = Date.now()): string {
  const time = new Date(at).getTime();
  const elapsed = now - time;
  if (elapsed < minute) return 'just now';
  if (elapsed < hour) return relativeFormat.format(-Math.floor(elapsed / minute), 'minute');
  if (elapsed < day) return relativeFormat.format(-Math.floor(elapsed / hour), 'hour');
  if (elapsed < 7 * day) return relativeFormat.format(-Math.floor(elapsed / day), 'day');
  return dateFormat.format(time);
}
