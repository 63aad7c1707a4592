import type { EmulatorRuntime } from '../runtime.js';
import { millisecondsPerHour, parseDateTime } from '../state/clock.js';
import type { AdRecord } from '../state/records.js';
import { addCounts, adHourCounts, emptyCounts, type Counts } from './metrics-model.js';
import { localDate, localHourLabel, startOfLocalDay } from './report-time.js';

export const dataLevels = [
  'AUCTION_ADVERTISER',
  'AUCTION_CAMPAIGN',
  'AUCTION_ADGROUP',
  'AUCTION_AD',
] as const;
export type DataLevel = (typeof dataLevels)[number];
export const idDimensionOf: Record<DataLevel, string> = {
  AUCTION_ADVERTISER: 'advertiser_id',
  AUCTION_CAMPAIGN: 'campaign_id',
  AUCTION_ADGROUP: 'adgroup_id',
  AUCTION_AD: 'ad_id',
};

export interface ReportQuery {
  advertiserId: string;
  dataLevel: DataLevel;
  /** 'day' / 'hour' for stat_time_day / stat_time_hour; undefined sums the whole range. */
  granularity: 'day' | 'hour' | undefined;
  /** "YYYY-MM-DD" in the advertiser's time zone, inclusive; undefined = lifetime. */
  startDate: string | undefined;
  endDate: string | undefined;
  /** Entity ids to keep at their level (report `filtering`), by id dimension. */
  idFilters: Partial<Record<'campaign_id' | 'adgroup_id' | 'ad_id', string[]>>;
  includeDeleted: boolean;
  /**
   * Correction 19: a query whose only dimension is the entity id lists every (non-deleted) entity
   * of its level, with zeros for those without activity.
   */
  includeIdle?: boolean;
}

export interface ReportRow {
  entityId: string;
  /** "YYYY-MM-DD 00:00:00" / "YYYY-MM-DD HH:00:00" in the advertiser's zone, or undefined. */
  time: string | undefined;
  counts: Counts;
}

const entityOf = (ad: AdRecord, level: DataLevel): string =>
  level === 'AUCTION_ADVERTISER'
    ? ad.advertiser_id
    : level === 'AUCTION_CAMPAIGN'
      ? ad.campaign_id
      : level === 'AUCTION_ADGROUP'
        ? ad.adgroup_id
        : ad.ad_id;

const isDeleted = (runtime: EmulatorRuntime, ad: AdRecord, level: DataLevel): boolean => {
  const { store } = runtime;
  if (level === 'AUCTION_AD') return ad.operation_status === 'DELETE';
  if (level === 'AUCTION_ADGROUP') return store.adgroups.get(ad.adgroup_id)?.operation_status === 'DELETE';
  if (level === 'AUCTION_CAMPAIGN') return store.campaigns.get(ad.campaign_id)?.operation_status === 'DELETE';
  return false;
};

/**
 * Sums ad-hour counts into rows. Every level is built from the same ad-hours, so ads add up to
 * their ad group, ad groups to their campaign and campaigns to the advertiser (issue 3 §7).
 */
export function buildReport(runtime: EmulatorRuntime, query: ReportQuery, now: number): ReportRow[] {
  const advertiser = runtime.store.advertisers.get(query.advertiserId);
  if (!advertiser) return [];
  const timeZone = advertiser.displayTimezone;
  const ads = [...runtime.store.ads.values()].filter(
    (ad) =>
      ad.advertiser_id === query.advertiserId &&
      (query.includeDeleted || !isDeleted(runtime, ad, query.dataLevel)) &&
      (!query.idFilters.campaign_id || query.idFilters.campaign_id.includes(ad.campaign_id)) &&
      (!query.idFilters.adgroup_id || query.idFilters.adgroup_id.includes(ad.adgroup_id)) &&
      (!query.idFilters.ad_id || query.idFilters.ad_id.includes(ad.ad_id)),
  );
  const earliest = Math.min(...ads.map((ad) => parseDateTime(ad.create_time) ?? now));
  const from = query.startDate
    ? startOfLocalDay(query.startDate, timeZone)
    : Math.floor(earliest / millisecondsPerHour) * millisecondsPerHour;
  const until = query.endDate ? startOfLocalDay(nextDate(query.endDate), timeZone) : now;
  const rows = new Map<string, ReportRow>();
  for (const ad of ads) {
    const entityId = entityOf(ad, query.dataLevel);
    for (let hour = from; hour < Math.min(until, now); hour += millisecondsPerHour) {
      const counts = adHourCounts(runtime, ad, hour, now);
      if (counts.impressions === 0 && counts.spendMilli === 0) continue;
      const time =
        query.granularity === 'hour'
          ? localHourLabel(hour, timeZone)
          : query.granularity === 'day'
            ? `${localDate(hour, timeZone)} 00:00:00`
            : undefined;
      const key = `${entityId}|${time ?? ''}`;
      const row = rows.get(key) ?? { entityId, time, counts: emptyCounts() };
      addCounts(row.counts, counts);
      rows.set(key, row);
    }
  }
  if (query.includeIdle && query.granularity === undefined) {
    for (const entityId of entitiesOfLevel(runtime, query)) {
      if (!rows.has(`${entityId}|`))
        rows.set(`${entityId}|`, { entityId, time: undefined, counts: emptyCounts() });
    }
  }
  return [...rows.values()].sort(
    (left, right) =>
      (left.time ?? '').localeCompare(right.time ?? '') || left.entityId.localeCompare(right.entityId),
  );
}

/** Every entity of the query's level in the account, after its status and id filters. */
function entitiesOfLevel(runtime: EmulatorRuntime, query: ReportQuery): string[] {
  const { store } = runtime;
  const { idFilters } = query;
  const keep = (record: {
    operation_status: string;
    campaign_id: string;
    adgroup_id?: string;
    ad_id?: string;
  }) =>
    (query.includeDeleted || record.operation_status !== 'DELETE') &&
    (!idFilters.campaign_id || idFilters.campaign_id.includes(record.campaign_id)) &&
    (!idFilters.adgroup_id ||
      record.adgroup_id === undefined ||
      idFilters.adgroup_id.includes(record.adgroup_id)) &&
    (!idFilters.ad_id || record.ad_id === undefined || idFilters.ad_id.includes(record.ad_id));
  const inAccount = <Entity extends { advertiser_id: string }>(entities: Map<string, Entity>) =>
    [...entities.values()].filter((entity) => entity.advertiser_id === query.advertiserId);
  switch (query.dataLevel) {
    case 'AUCTION_ADVERTISER':
      return [query.advertiserId];
    case 'AUCTION_CAMPAIGN':
      return inAccount(store.campaigns)
        .filter(keep)
        .map((campaign) => campaign.campaign_id);
    case 'AUCTION_ADGROUP':
      return inAccount(store.adgroups)
        .filter(keep)
        .map((adgroup) => adgroup.adgroup_id);
    case 'AUCTION_AD':
      return inAccount(store.ads)
        .filter(keep)
        .map((ad) => ad.ad_id);
  }
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
