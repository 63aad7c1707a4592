import type { Region } from '@whathead/contracts';

/** A location as TikTok's region list gives it (the client's `Region`, as far as the search reads it). */
export interface RegionEntry {
  locationId: string;
  name: string;
  parentId?: string | undefined;
  regionCode?: string | undefined;
  level?: string | undefined;
}

/** At most this many locations answer one search: the picker shows a short list to choose from. */
export const regionResultLimit = 50;

const levelRank: Readonly<Record<string, number>> = { COUNTRY: 0, PROVINCE: 1, CITY: 2, DISTRICT: 3 };

/** Lower case without accents, so "sao paulo" finds "São Paulo" and "ZURICH" finds "Zürich". */
const folded = (value: string) =>
  value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/**
 * The locations whose name holds `query` (all, without one): countries first, then states and
 * cities; names that start with the query before those that merely contain it; then by name.
 * Each carries its parent's name, to tell Georgia the state from Georgia the country.
 */
export function searchRegions(entries: readonly RegionEntry[], query: string | undefined): Region[] {
  const wanted = folded(query?.trim() ?? '');
  const byId = new Map(entries.map((entry) => [entry.locationId, entry]));
  const matches = entries
    .map((entry) => ({ entry, name: folded(entry.name) }))
    .filter(({ entry, name }) => entry.name !== '' && name.includes(wanted));
  matches.sort(
    (left, right) =>
      (levelRank[left.entry.level ?? ''] ?? 9) - (levelRank[right.entry.level ?? ''] ?? 9) ||
      Number(!left.name.startsWith(wanted)) - Number(!right.name.startsWith(wanted)) ||
      left.entry.name.localeCompare(right.entry.name, 'en'),
  );
  return matches.slice(0, regionResultLimit).map(({ entry }) => ({
    id: entry.locationId,
    name: entry.name,
    parentName: (entry.parentId && byId.get(entry.parentId)?.name) || null,
    level: entry.level ?? 'UNKNOWN',
    regionCode: entry.regionCode || null,
  }));
}
