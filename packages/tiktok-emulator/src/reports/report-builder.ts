import type { EmulatorRuntime } from '../runtime.js';
import { millisecondsPerDay, millisecondsPerHour, parseDateTime } from '../state/clock.js';
import type { AdRecord } from '../state/records.js';
import { deliveryWindowReader } from './delivery-windows.js';
import {
  addAdHour,
  adSeedPrefix,
  emptyCounts,
  reportHour,
  type Counts,
  type ReportHour,
} from './metrics-model.js';
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
  const steps = reportSteps(runtime, query, now);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Ad-hours summed between two turns to other requests: some 20 ms of work. */
const adHoursPerTurn = 100_000;

/**
 * `buildReport` for an API call: a month of 2,000 ads by day is over a million ad-hours, a third
 * of a second of work, and TikTok answers other calls meanwhile. Other requests get their turn
 * (and their arrival counted against the rate limits when it happens) between slices of it.
 */
export async function buildReportInTurns(
  runtime: EmulatorRuntime,
  query: ReportQuery,
  now: number,
): Promise<ReportRow[]> {
  const steps = reportSteps(runtime, query, now);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The report, yielding after each slice of about `adHoursPerTurn` ad-hours. */
function* reportSteps(
  runtime: EmulatorRuntime,
  query: ReportQuery,
  now: number,
): Generator<void, ReportRow[], void> {
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
  const from = query.startDate
    ? startOfLocalDay(query.startDate, timeZone)
    : Math.floor(earliestCreation(ads, now) / millisecondsPerHour) * millisecondsPerHour;
  const until = query.endDate ? startOfLocalDay(nextDate(query.endDate), timeZone) : now;
  const hours = reportHours(runtime, from, Math.min(until, now), now, query.granularity, timeZone);
  // By entity, then by the index of the hour's label: a row is one (entity, label) pair.
  const sums = new Map<string, (Counts | undefined)[]>();
  const deliveryWindows = deliveryWindowReader(runtime);
  let sliceHours = 0;
  for (const ad of ads) {
    sliceHours += hours.length;
    if (sliceHours >= adHoursPerTurn) {
      sliceHours = 0;
      yield;
    }
    const entityId = entityOf(ad, query.dataLevel);
    const seedPrefix = adSeedPrefix(runtime, ad);
    const byLabel = sums.get(entityId) ?? [];
    sums.set(entityId, byLabel);
    for (const [windowFrom, windowTo] of deliveryWindows(ad)) {
      for (let index = firstHourFrom(hours, windowFrom); index < hours.length; index += 1) {
        const hour = hours[index]!;
        if (hour.start >= windowTo) break;
        const existing = byLabel[hour.labelIndex];
        const counts = existing ?? emptyCounts();
        if (addAdHour(counts, seedPrefix, hour) && !existing) byLabel[hour.labelIndex] = counts;
      }
    }
  }
  const labels = [...new Set(hours.map((hour) => hour.label))];
  const rows = new Map<string, ReportRow>();
  for (const [entityId, byLabel] of sums) {
    byLabel.forEach((counts, labelIndex) => {
      const time = labels[labelIndex];
      if (counts) rows.set(`${entityId}|${time ?? ''}`, { entityId, time, counts });
    });
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

/** A lifetime report starts at the hour its first ad was created (an unreadable time: now). */
function earliestCreation(ads: AdRecord[], now: number): number {
  let earliest = Infinity;
  for (const ad of ads) earliest = Math.min(earliest, parseDateTime(ad.create_time) ?? now);
  return earliest;
}

interface LabelledHour extends ReportHour {
  /** The row time the hour counts towards (stat_time_hour, stat_time_day or none). */
  label: string | undefined;
  labelIndex: number;
}

/**
 * The hours `from`, `from` + 1 h, … before `to` (`from` is local midnight, so in a zone with a
 * half-hour offset they start at half past), each labelled once: zone arithmetic is the costly
 * part of a label, and every ad shares it.
 */
function reportHours(
  runtime: EmulatorRuntime,
  from: number,
  to: number,
  now: number,
  granularity: ReportQuery['granularity'],
  timeZone: string,
): LabelledHour[] {
  const hours: LabelledHour[] = [];
  const labelIndexes = new Map<string | undefined, number>();
  for (let start = from; start < to; start += millisecondsPerHour) {
    const label =
      granularity === 'hour'
        ? localHourLabel(start, timeZone)
        : granularity === 'day'
          ? `${localDate(start, timeZone)} 00:00:00`
          : undefined;
    // A repeated label (a day's hours, or the hour a DST change repeats) sums into one row.
    const labelIndex = labelIndexes.get(label) ?? labelIndexes.size;
    labelIndexes.set(label, labelIndex);
    const { seedText, daily, elapsed, arrived } = reportHour(runtime, start, now);
    hours.push({ start, seedText, daily, elapsed, arrived, label, labelIndex });
  }
  return hours;
}

/** The index of the first hour starting at or after `instant` (hours are one hour apart). */
function firstHourFrom(hours: LabelledHour[], instant: number): number {
  const first = hours[0];
  if (!first || instant <= first.start) return 0;
  let index = Math.min(hours.length, Math.ceil((instant - first.start) / millisecondsPerHour));
  // The division may round; settle on the exact index by comparing instants.
  while (index > 0 && hours[index - 1]!.start >= instant) index -= 1;
  while (index < hours.length && hours[index]!.start < instant) index += 1;
  return index;
}

/**
 * The instant from which the rows of `query` no longer change with time: an hour's figures are
 * final once it has ended and its conversions have all arrived (`restatementDays` later).
 * Undefined for a lifetime query, which keeps growing.
 */
export function settledFrom(runtime: EmulatorRuntime, query: ReportQuery): number | undefined {
  const advertiser = runtime.store.advertisers.get(query.advertiserId);
  if (!advertiser || !query.endDate) return undefined;
  const until = startOfLocalDay(nextDate(query.endDate), advertiser.displayTimezone);
  // The last hour may start up to an hour before `until` (half-hour zones), so it ends by `until` + 1 h.
  return until + millisecondsPerHour + Math.max(0, runtime.settings.restatementDays) * millisecondsPerDay;
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
