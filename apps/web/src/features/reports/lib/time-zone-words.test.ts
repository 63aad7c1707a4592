import { describe, expect, it } from 'vitest';
import { timeZoneWords } from './time-zone-words';

describe('a time zone in words', () => {
  it('names the zone as people say it, with the id TikTok gives', () => {
    const generic = new Intl.DateTimeFormat(undefined, {
      timeZone: 'America/New_York',
      timeZoneName: 'longGeneric',
    })
      .formatToParts(new Date())
      .find((part) => part.type === 'timeZoneName')!.value;
    expect(timeZoneWords('America/New_York')).toBe(`${generic} (America/New_York)`);
  });

  it('is the id alone where there is no name but an offset, or no such zone', () => {
    expect(timeZoneWords('UTC')).toBe('UTC');
    expect(timeZoneWords('Etc/GMT+5')).toBe('Etc/GMT+5');
    expect(timeZoneWords('Nowhere/Atlantis')).toBe('Nowhere/Atlantis');
  });
});
