import type { MediaLibraryFilters } from '../../../lib/media-library';

// The days are calendar days in UTC (uploaded-range.ts), so they are written in UTC too.
const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const day = (isoDay: string) => dayFormat.format(new Date(`${isoDay}T00:00:00Z`));

/**
 * What an empty filtered library was asked for, in one sentence: "No 1:1 videos named “sale”
 * uploaded since 1 Dec 2026 in Northwind US." A person sees at once which filter to loosen.
 */
export function noMatchWords(filters: MediaLibraryFilters, accountName: string): string {
  const things =
    filters.kind === 'image' ? 'images' : filters.kind === 'video' ? 'videos' : 'images or videos';
  const parts = [`No ${filters.ratio ? `${filters.ratio} ` : ''}${things}`];
  if (filters.q) parts.push(`named “${filters.q}”`);
  if (filters.from && filters.to) {
    parts.push(
      filters.from === filters.to
        ? `uploaded on ${day(filters.from)}`
        : `uploaded from ${day(filters.from)} to ${day(filters.to)}`,
    );
  } else if (filters.from) parts.push(`uploaded since ${day(filters.from)}`);
  else if (filters.to) parts.push(`uploaded until ${day(filters.to)}`);
  return `${parts.join(' ')} in ${accountName}.`;
}
