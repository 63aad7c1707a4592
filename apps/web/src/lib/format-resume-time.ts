const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const day = 86_400_000;

/**
 * When something TikTok paused resumes, in the reader's time zone: "8:31 PM" today, "tomorrow at
 * 1:00 AM", or a date further off. TikTok's day budget resets at 00:00 UTC; when that is the time,
 * and the reader is not on UTC, it says so, so that "1:00 AM" does not look arbitrary.
 */
export function formatResumeTime(until: Date | string | number, now: number = Date.now()): string {
  const at = new Date(until);
  const today = new Date(now);
  const tomorrow = new Date(now + day);
  const atUtcMidnight = at.getTime() % day === 0;
  const readerOnUtc = at.getTimezoneOffset() === 0;
  const note = atUtcMidnight && !readerOnUtc ? ' (midnight UTC)' : '';
  if (at.toDateString() === today.toDateString()) return `${timeFormat.format(at)}${note}`;
  if (at.toDateString() === tomorrow.toDateString()) return `tomorrow at ${timeFormat.format(at)}${note}`;
  return `${dateTimeFormat.format(at)}${note}`;
}
