import { TikTokApiError, type ReportRow, type TikTokClient } from '@whathead/tiktok-client';
import { addDays, dayIn, earlierDay, laterDay, spansNewestFirst } from '../lib/calendar-days.js';
import { PageWrites } from '../lib/page-writes.js';
import { runPagedReads, type PagedRead } from '../lib/paged-reads.js';
import type { TikTokMirrorRepository } from '../repositories/tiktok-mirror.repository.js';
import type { TikTokReportAccountsRepository } from '../repositories/tiktok-report-accounts.repository.js';
import type {
  AdDayRow,
  CampaignHourRow,
  TikTokReportFactsRepository,
} from '../repositories/tiktok-report-facts.repository.js';
import { adParentsReader } from './tiktok-ad-parents.js';
import {
  adDayCounts,
  adDayMetrics,
  adDayRowOf,
  campaignHourMetrics,
  campaignHourRowOf,
  parentIdMetrics,
} from './tiktok-report-rows.js';

/** Correction 8: at most 30 days a call with stat_time_day (one day with stat_time_hour). */
const daysPerCall = 30;
/** Reference §6.1: the largest page. Fewer calls is the whole game. */
const pageSize = 1000;
/** Pages asked for beyond the one being written. */
const pagesAhead = 2;
/**
 * Pages of one read written at once, the next page's statement built meanwhile. A page's rows are
 * its own (one ad and day each), so two writes never meet. On two cores two at once upserted 40 % more
 * rows a second than one at a time, and inserted about as many (`npm run bench -- report-ingest`).
 */
export const writesAtOnce = 2;
/** How far back a backfill goes (PostHog's default too; TikTok documents no limit). */
export const backfillDays = 365;
/** Correction 8: deleted objects' numbers are left out unless asked for with STATUS_ALL. */
const everyStatus = JSON.stringify(['STATUS_ALL']);

export interface ReportSyncContext {
  tiktok: TikTokClient;
  facts: TikTokReportFactsRepository;
  accounts: TikTokReportAccountsRepository;
  /** Where an ad's parents are read when TikTok's report does not give them. */
  mirror: TikTokMirrorRepository;
  workspaceId: string;
  advertiserId: string;
  accessToken: string;
  timeZone: string;
  /** The first day the backfill reaches (365 days back, or the account's creation). */
  backfillStart: string;
  storedFrom: string | null;
  storedThrough: string | null;
  hoursFrom: string | null;
  restatementDays: number;
  hourlyRetentionDays: number;
  now: () => Date;
}

type Read =
  | { kind: 'days'; from: string; to: string; read: PagedRead<AdDayRow> }
  | { kind: 'hours'; day: string; read: PagedRead<CampaignHourRow> };

/**
 * One account's report sync (issue 12 §1): the days TikTok may still revise, and any days since
 * the last sync, read again and replaced; the campaign hours of the same days; then the backfill,
 * newest first, 30 days a read, its progress saved after each read so a restart goes on from
 * there. Every level above the ad is summed from the ad days (TikTok's levels add up), never read.
 */
export async function syncAccountReports(context: ReportSyncContext): Promise<{ calls: number }> {
  const today = dayIn(context.now(), context.timeZone);
  const windowStart = addDays(today, -(context.restatementDays - 1));
  // Days stored while still provisional are read again once: a sync missed for a while
  // re-reads from the restatement window of the last day it stored.
  // A first sync reads a whole span at once (its recent days with it): the backfill's spans then
  // fall on whole 30 days, and no span is cut short to meet the restatement window's.
  const recentFrom = laterDay(
    context.backfillStart,
    context.storedThrough
      ? earlierDay(windowStart, addDays(context.storedThrough, -(context.restatementDays - 1)))
      : earlierDay(windowStart, addDays(today, -(daysPerCall - 1))),
  );
  const recentSpans = spansNewestFirst(recentFrom, today, daysPerCall);
  // The days stored once the recent reads are done: the older run joined to the new one (the
  // recent reads reach back into it, or meet it).
  let storedFrom = context.storedFrom ? earlierDay(context.storedFrom, recentFrom) : recentFrom;
  let calls = 0;
  const counted = <Result>(call: Promise<Result>) => {
    calls += 1;
    return call;
  };

  /**
   * Whether TikTok answers an ad's parents as report metrics: asked until a report refuses them,
   * then read from the mirror and /ad/get/ for the rest of this sync.
   */
  let parentIds: 'asked' | 'refused' = 'asked';
  const parentsOf = adParentsReader(context);
  const adDayRows = async (items: readonly ReportRow[]): Promise<AdDayRow[]> => {
    if (parentIds === 'asked') return rowsOf(items, (item) => adDayRowOf(item));
    const parents = await parentsOf(items.flatMap((item) => item.dimensions['ad_id'] ?? []));
    return rowsOf(items, (item) => adDayRowOf(item, parents.get(item.dimensions['ad_id'] ?? '')));
  };

  /** Pages of one report of every status over `from`..`to`, each page's rows read by `rowsFrom`. */
  const reportPages = <Row>(
    report: { dataLevel: 'AUCTION_AD' | 'AUCTION_CAMPAIGN'; dimensions: string[]; metrics: () => string[] },
    from: string,
    to: string,
    rowsFrom: (items: readonly ReportRow[]) => Row[] | Promise<Row[]>,
  ): PagedRead<Row> => {
    const get = (page: number) =>
      counted(
        context.tiktok.reports.getIntegrated({
          accessToken: context.accessToken,
          advertiserId: context.advertiserId,
          dataLevel: report.dataLevel,
          dimensions: report.dimensions,
          metrics: report.metrics(),
          startDate: from,
          endDate: to,
          // The level's own status field, as public connectors send it (the emulator's
          // reportStatusFilterField reading takes only that one).
          filtering: [
            {
              fieldName: report.dataLevel === 'AUCTION_AD' ? 'ad_status' : 'campaign_status',
              filterType: 'IN',
              filterValue: everyStatus,
            },
          ],
          page,
          pageSize,
        }),
      );
    return {
      page: async (page) => {
        let found;
        try {
          found = await get(page);
        } catch (error) {
          if (report.dataLevel !== 'AUCTION_AD' || !refusesParentIds(error)) throw error;
          parentIds = 'refused';
          found = await get(page);
        }
        await context.tiktok.betweenSends();
        return { items: await rowsFrom(found.items), totalPages: found.pageInfo.totalPage };
      },
    };
  };
  const daysRead = (from: string, to: string): Read => ({
    kind: 'days',
    from,
    to,
    read: reportPages(
      {
        dataLevel: 'AUCTION_AD',
        dimensions: ['ad_id', 'stat_time_day'],
        metrics: () => (parentIds === 'asked' ? adDayMetrics : adDayCounts),
      },
      from,
      to,
      adDayRows,
    ),
  });
  const hoursRead = (day: string): Read => ({
    kind: 'hours',
    day,
    read: reportPages(
      {
        dataLevel: 'AUCTION_CAMPAIGN',
        dimensions: ['campaign_id', 'stat_time_hour'],
        metrics: () => campaignHourMetrics,
      },
      day,
      day,
      (items) => rowsOf(items, campaignHourRowOf),
    ),
  });

  // Hours: a first sync reads back as far as they are kept (30 days by default), so every range
  // the page offers by the hour has them; later syncs re-read the restatement window's.
  const keptFrom = addDays(today, -(context.hourlyRetentionDays - 1));
  const hourlyFrom = laterDay(
    context.hoursFrom ? laterDay(windowStart, keptFrom) : keptFrom,
    context.backfillStart,
  );
  const hourDays: string[] = [];
  for (let day = today; day >= hourlyFrom; day = addDays(day, -1)) hourDays.push(day);
  const backfill =
    storedFrom > context.backfillStart
      ? spansNewestFirst(context.backfillStart, addDays(storedFrom, -1), daysPerCall)
      : [];
  const reads: Read[] = [
    ...recentSpans.map((span) => daysRead(span.from, span.to)),
    ...hourDays.map(hoursRead),
    ...backfill.map((span) => daysRead(span.from, span.to)),
  ];
  await context.facts.ensurePartitions(
    reads.reduce((first, read) => earlierDay(first, read.kind === 'days' ? read.from : read.day), today),
    today,
  );

  /** Whether a read's days may be stored already: they meet the run stored when this sync began. */
  const storedBefore = (read: { from: string; to: string }) =>
    context.storedFrom !== null &&
    context.storedThrough !== null &&
    read.from <= context.storedThrough &&
    read.to >= context.storedFrom;

  // Rows a read writes are stamped after its mark; its range's older rows are then TikTok's past.
  const marks = new Map<number, Promise<Date>>();
  const markOf = (index: number) => {
    if (!marks.has(index)) marks.set(index, context.facts.mark());
    return marks.get(index)!;
  };
  const writes = new PageWrites(writesAtOnce);
  await runPagedReads<AdDayRow | CampaignHourRow>(
    reads.map((read) => read.read as PagedRead<AdDayRow | CampaignHourRow>),
    {
      ahead: pagesAhead,
      onPage: async (index, items) => {
        await markOf(index);
        const read = reads[index]!;
        if (read.kind === 'hours') {
          const rows = items as CampaignHourRow[];
          await writes.add(() =>
            context.facts.upsertCampaignHours(context.workspaceId, context.advertiserId, rows),
          );
          return;
        }
        const stored = storedBefore(read) ? 'maybe' : 'new';
        await writes.add(
          context.facts.adDaysWrite(context.workspaceId, context.advertiserId, items as AdDayRow[], stored),
        );
      },
      onRead: async (index) => {
        // Every page of the read is in before its range is finished.
        await writes.settled();
        const read = reads[index]!;
        const mark = await markOf(index);
        if (read.kind === 'hours') {
          await context.facts.finishCampaignHours(context.workspaceId, context.advertiserId, read.day, mark);
          // The hours run on from the older stored ones only where no day between went unread.
          if (read.day === hourlyFrom)
            await context.accounts.update(context.workspaceId, context.advertiserId, {
              hoursFrom:
                context.hoursFrom && context.storedThrough && context.storedThrough >= addDays(hourlyFrom, -1)
                  ? earlierDay(context.hoursFrom, hourlyFrom)
                  : hourlyFrom,
            });
          return;
        }
        await context.facts.finishAdDays(context.workspaceId, context.advertiserId, read, mark);
        // The recent days come first, then the backfill's, each older than the last. Only once
        // every recent day is in does the stored run reach today (a restart before that reads
        // them all again); then each backfill read grows it at its older end, and a restart goes
        // on from there.
        if (index < recentSpans.length - 1) return;
        if (index >= recentSpans.length) storedFrom = earlierDay(storedFrom, read.from);
        await context.accounts.update(context.workspaceId, context.advertiserId, {
          storedFrom,
          storedThrough: today,
        });
      },
    },
  ).finally(() => writes.drained());
  return { calls };
}

/** A report refused for asking the ad's parents as metrics: TikTok's "invalid metric fields". */
function refusesParentIds(error: unknown): boolean {
  return (
    TikTokApiError.isInstance(error) &&
    error.code === 40002 &&
    /metric/i.test(error.tiktokMessage) &&
    parentIdMetrics.some((metric) => new RegExp(`\\b${metric}\\b`).test(error.tiktokMessage))
  );
}

function rowsOf<Row>(items: readonly ReportRow[], map: (item: ReportRow) => Row | undefined): Row[] {
  const rows: Row[] = [];
  for (const item of items) {
    const row = map(item);
    if (row) rows.push(row);
  }
  return rows;
}
