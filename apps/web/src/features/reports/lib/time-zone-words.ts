const named = new Map<string, string>();

/**
 * A time zone as people say it, with the IANA id a TikTok account names: "Pacific Time
 * (America/Los_Angeles)". Just the id where the browser has no generic name for the zone (it
 * would say "GMT+00:00") or does not know `longGeneric`.
 */
export function timeZoneWords(timeZone: string): string {
  let words = named.get(timeZone);
  if (words === undefined) {
    words = timeZone;
    try {
      const name = new Intl.DateTimeFormat(undefined, { timeZone, timeZoneName: 'longGeneric' })
        .formatToParts(new Date())
        .find((part) => part.type === 'timeZoneName')?.value;
      if (name && name !== timeZone && !/^(GMT|UTC)([+\-−]|$)/.test(name)) words = `${name} (${timeZone})`;
    } catch {
      // An unknown zone, or an older browser without `longGeneric`: the id alone.
    }
    named.set(timeZone, words);
  }
  return words;
}
