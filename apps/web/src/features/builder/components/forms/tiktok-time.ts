/**
 * TikTok's schedule times are "YYYY-MM-DD HH:MM:SS" in UTC; a datetime-local input shows and takes
 * "YYYY-MM-DDTHH:MM". The form labels these inputs as UTC and converts nothing but the shape, so
 * what is typed is what TikTok gets.
 */
export function toDateTimeInput(time: string | null): string {
  return time ? time.slice(0, 16).replace(' ', 'T') : '';
}

export function fromDateTimeInput(value: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value);
  if (!match) return null;
  const [, date, hours, minutes, seconds = '00'] = match;
  return `${date} ${hours}:${minutes}:${seconds}`;
}
