const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** A calendar date in the reader's locale, e.g. "25 Nov 2026". */
export function formatDate(isoDateTime: string): string {
  return dateFormat.format(new Date(isoDateTime));
}
