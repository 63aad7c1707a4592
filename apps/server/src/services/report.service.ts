import {
  canManageMembers,
  earliestDate,
  reportBreakdownMetricKeys,
  type ReportAccountStatus,
  type ReportBreakdownMetrics,
  type ReportBreakdownQuery,
  type ReportBreakdownResponse,
  type ReportBreakdownRow,
  type ReportLevel,
  type ReportMetrics,
  type ReportOverviewQuery,
  type ReportOverviewResponse,
  type ReportSettings,
  type ReportStatusResponse,
  type Role,
  type ReportStopReason,
  type ReportSyncResponse,
  type ReportSyncSkip,
} from '@whathead/contracts';
import type { TikTokClient } from '@whathead/tiktok-client';
import { AppError, notFound, validationFailed } from '../errors.js';
import {
  addDays,
  dayIn,
  daysBetween,
  earlierDay,
  hourIn,
  isTimeZone,
  laterDay,
} from '../lib/calendar-days.js';
import { addSeconds, type Clock } from '../lib/clock.js';
import type { ThrottleRepository } from '../repositories/throttle.repository.js';
import type { TikTokConnectionRepository } from '../repositories/tiktok-connection.repository.js';
import type { TikTokMirrorRepository } from '../repositories/tiktok-mirror.repository.js';
import type {
  ReportAccountListing,
  TikTokReportAccountsRepository,
} from '../repositories/tiktok-report-accounts.repository.js';
import type { TikTokReportFactsRepository } from '../repositories/tiktok-report-facts.repository.js';
import type {
  BreakdownRow,
  ReportScope,
  TikTokReportQueriesRepository,
} from '../repositories/tiktok-report-queries.repository.js';
import { reportCsv } from './report-csv.js';
import type { ReportExportService } from './report-export.service.js';
import type { TableStatisticsService } from './table-statistics.service.js';
import { addSums, emptySums, metricsOf } from './report-metrics.js';
import { pointsOf, seriesByCurrency, type SeriesAccount } from './report-series.js';
import { runAccountPass } from './tiktok-account-pass.js';
import { describePermissions } from './tiktok-permissions.js';
import type { TikTokConnectionService } from './tiktok-connection.service.js';
import { backfillDays, syncAccountReports } from './tiktok-report-sync.js';
import type { Actor, WorkspaceService } from './workspace.service.js';

/** Rows the breakdown table shows; the CSV has every row. */
const breakdownRows = 1000;
/** The CSV has every row: as many as PostgreSQL's LIMIT takes. */
const csvRows = Number.MAX_SAFE_INTEGER;

type SyncTarget = { workspaceId: string; advertiserId: string };

/**
 * Performance reports (issue 12): TikTok's numbers synced per ad account in the `sync` lane, and
 * the Reports page's overview, breakdown and CSV read from what is stored, without a TikTok call.
 */
export class ReportService {
  readonly #accounts: TikTokReportAccountsRepository;
  readonly #facts: TikTokReportFactsRepository;
  readonly #queries: TikTokReportQueriesRepository;
  readonly #mirror: TikTokMirrorRepository;
  readonly #connections: TikTokConnectionRepository;
  readonly #connectionService: TikTokConnectionService;
  readonly #workspaceService: WorkspaceService;
  readonly #tiktok: TikTokClient;
  readonly #clock: Clock;
  readonly #throttles: ThrottleRepository | undefined;
  readonly #exports: ReportExportService | undefined;
  readonly #statistics: TableStatisticsService | undefined;
  #syncQueue: ((target: SyncTarget) => Promise<unknown>) | undefined;

  constructor(dependencies: {
    accounts: TikTokReportAccountsRepository;
    facts: TikTokReportFactsRepository;
    queries: TikTokReportQueriesRepository;
    mirror: TikTokMirrorRepository;
    connections: TikTokConnectionRepository;
    connectionService: TikTokConnectionService;
    workspaceService: WorkspaceService;
    tiktok: TikTokClient;
    clock: Clock;
    /** Counts Sync now presses; only a caller that never syncs (the dashboard benchmark) leaves it out. */
    throttles?: ThrottleRepository;
    /** Runs the CSV exports; only a caller that never exports (the dashboard benchmark) leaves it out. */
    exports?: ReportExportService;
    /** Analyses the report tables after a backfill and daily; a caller that never syncs leaves it out. */
    statistics?: TableStatisticsService;
  }) {
    this.#accounts = dependencies.accounts;
    this.#facts = dependencies.facts;
    this.#queries = dependencies.queries;
    this.#mirror = dependencies.mirror;
    this.#connections = dependencies.connections;
    this.#connectionService = dependencies.connectionService;
    this.#workspaceService = dependencies.workspaceService;
    this.#tiktok = dependencies.tiktok;
    this.#clock = dependencies.clock;
    this.#throttles = dependencies.throttles;
    this.#exports = dependencies.exports;
    this.#statistics = dependencies.statistics;
  }

  /** Set once the job queue runs: it is built after the services, because its jobs call them. */
  useSyncQueue(queue: (target: SyncTarget) => Promise<unknown>): void {
    this.#syncQueue = queue;
  }

  /**
   * Queues a sync of the workspace's syncing accounts (all, or those named), once each: an
   * account already queued or syncing is left alone. Choosing accounts and Reconnect come here,
   * without the cooldown: after a reconnect, the account's last failed try must not hold it back.
   */
  async queueSync(workspaceId: string, advertiserIds?: readonly string[]): Promise<number> {
    const listings = (await this.#accounts.list(workspaceId)).filter(
      (account) => !advertiserIds || advertiserIds.includes(account.advertiser_id),
    );
    const { queued } = await this.#queueListed(workspaceId, listings, { cooldown: false });
    return queued.length;
  }

  /**
   * The hourly pass: every syncing account of every workspace, but none already queued or
   * syncing (its run reads the newest hours anyway) nor one synced within the cooldown.
   */
  async queueEverySyncingAccount(): Promise<number> {
    let queued = 0;
    for (const workspaceId of await this.#accounts.workspacesWithSelectedAccounts()) {
      const listings = await this.#accounts.list(workspaceId);
      queued += (await this.#queueListed(workspaceId, listings, { cooldown: true })).queued.length;
    }
    return queued;
  }

  /**
   * **Sync now**: any member, a limited number of presses each; it runs in the background. The
   * answer names the accounts it queued and, for each it left out, why.
   */
  async syncNow(actor: Actor, workspaceId: string): Promise<ReportSyncResponse> {
    const role = await this.#workspaceService.requireMember(actor, workspaceId);
    await this.#countSyncNowPress(actor);
    const id = workspaceId.toLowerCase();
    const listings = await this.#accounts.list(id);
    const { queued, skipped } = await this.#queueListed(id, listings, { cooldown: true });
    return {
      ...(await this.status(actor, workspaceId)),
      queued,
      skipped: skipped.map((skip) =>
        skip.reason === 'stopped' ? { ...skip, message: forRole(skip.message, role) } : skip,
      ),
    };
  }

  /**
   * Counts one Sync now press against the person's limit (in the database, so every process
   * shares it) and refuses it, with when to try again, past the limit. Counted before anything is
   * read, so presses sent all at once cannot all slip under it.
   */
  async #countSyncNowPress(actor: Actor): Promise<void> {
    if (!this.#throttles) throw new Error('Sync now needs the throttle repository.');
    const now = this.#clock.now();
    const [count] = await this.#throttles.count(
      [{ key: `reportSyncNow:${actor.userId}`, endsAt: addSeconds(now, syncNowLimit.windowSeconds) }],
      now,
    );
    if (!count || count.attempts <= syncNowLimit.presses) return;
    const retryAfterSeconds = Math.max(1, Math.ceil((count.windowEndsAt.getTime() - now.getTime()) / 1000));
    throw new AppError(
      'too_many_attempts',
      `Sync now was pressed more than ${syncNowLimit.presses} times in ${syncNowLimit.windowSeconds / 60} minutes. Try again in ${waitWords(retryAfterSeconds * 1000)}; the reports also sync by themselves every hour.`,
      { details: { retryAfterSeconds } },
    );
  }

  /**
   * Queues the listed accounts that should sync now, and says why each other one was left out:
   * it does not sync (stopped), a run of it is waiting or under way, or (with `cooldown`) its
   * last sync is minutes old. pg-boss keeps one run waiting per account (`stately`); it answers
   * null for a duplicate, which is how an account whose waiting run this did not see is told.
   */
  async #queueListed(
    workspaceId: string,
    listings: readonly ReportAccountListing[],
    options: { cooldown: boolean },
  ): Promise<{ queued: string[]; skipped: ReportSyncSkip[] }> {
    const now = this.#clock.now();
    const skipped: ReportSyncSkip[] = [];
    const due: string[] = [];
    for (const listing of listings) {
      const skip = syncSkipOf(listing, now, options);
      if (skip) skipped.push(skip);
      else if (listing.syncing) due.push(listing.advertiser_id);
    }
    const queued: string[] = [];
    if (!this.#syncQueue || due.length === 0) return { queued, skipped };
    await this.#accounts.markQueued(workspaceId, due);
    for (const advertiserId of due) {
      const job = await this.#syncQueue({ workspaceId, advertiserId });
      if (job !== null) queued.push(advertiserId);
      else {
        const name = listings.find((listing) => listing.advertiser_id === advertiserId)?.name ?? advertiserId;
        skipped.push({ advertiserId, reason: 'queued', message: queuedWords(name) });
      }
    }
    return { queued, skipped };
  }

  async status(actor: Actor, workspaceId: string): Promise<ReportStatusResponse> {
    const role = await this.#workspaceService.requireMember(actor, workspaceId);
    const id = workspaceId.toLowerCase();
    const { listings, settings } = await this.#accounts.listWithSettings(id);
    const now = this.#clock.now();
    return {
      accounts: listings.map((listing) => {
        const described = this.#describe(listing, settings, now);
        const stop = described.stopReason;
        return stop && stop.cause !== 'not_selected'
          ? { ...described, stopReason: { ...stop, message: forRole(stop.message, role) } }
          : described;
      }),
      restatementDays: settings.restatement_days,
      hourlyRetentionDays: settings.hourly_retention_days,
    };
  }

  async saveSettings(
    actor: Actor,
    workspaceId: string,
    settings: ReportSettings,
  ): Promise<ReportStatusResponse> {
    await this.#workspaceService.requireManager(
      actor,
      workspaceId,
      'Only workspace owners and admins can change report settings.',
    );
    await this.#accounts.saveSettings(workspaceId.toLowerCase(), {
      restatement_days: settings.restatementDays,
      hourly_retention_days: settings.hourlyRetentionDays,
    });
    return this.status(actor, workspaceId);
  }

  async overview(
    actor: Actor,
    workspaceId: string,
    query: ReportOverviewQuery,
  ): Promise<ReportOverviewResponse> {
    await this.#workspaceService.requireMember(actor, workspaceId);
    const id = workspaceId.toLowerCase();
    if (query.granularity === 'hour' && query.adgroup)
      throw validationFailed([
        {
          path: 'granularity',
          message: 'Hours are kept for accounts and campaigns. Choose daily to chart an ad group.',
        },
      ]);
    const length = daysBetween(query.from, query.to);
    const previous = query.compare
      ? { from: addDays(query.from, -length), to: addDays(query.from, -1) }
      : undefined;
    if (previous && previous.from < earliestDate)
      throw validationFailed([
        {
          path: 'compare',
          message: 'The period before this one starts before 1970: nothing to compare with.',
        },
      ]);
    // The period before is the run of days just before this one: one read covers both.
    const whole = { from: previous?.from ?? query.from, to: query.to };
    const {
      accounts: chosen,
      settings,
      result: [dailyRows, hourlyRows, holding],
    } = await this.#chosenAndRead(id, query.accounts, (advertiserIds) => {
      const scope: ReportScope = {
        workspaceId: id,
        advertiserIds,
        ...whole,
        campaignId: query.campaign,
        adGroupId: query.adgroup,
      };
      return Promise.all([
        this.#queries.series(scope, 'day'),
        query.granularity === 'hour' ? this.#queries.series(scope, 'hour') : undefined,
        this.#holding(scope),
      ]);
    });
    const accounts = narrowedTo(chosen, holding, query);
    const now = this.#clock.now();
    const seriesAccounts = accounts.map((account) =>
      seriesAccountOf(account, settings.hourly_retention_days, now),
    );
    // Each period sums its own points (days or hours) out of the rows of both.
    const read = (range: { from: string; to: string }) => {
      const daily = seriesByCurrency(seriesAccounts, dailyRows, pointsOf(range.from, range.to, 'day'), 'day');
      const charted = hourlyRows
        ? seriesByCurrency(seriesAccounts, hourlyRows, pointsOf(range.from, range.to, 'hour'), 'hour')
        : daily;
      return { daily, charted };
    };
    const current = read(query);
    const before = previous ? read(previous) : undefined;
    return {
      from: query.from,
      to: query.to,
      previousFrom: previous?.from ?? null,
      previousTo: previous?.to ?? null,
      granularity: query.granularity,
      totals: [...current.daily].map(([currency, daily]) => ({
        currency,
        advertiserIds: daily.advertiserIds,
        current: daily.total,
        previous: before?.daily.get(currency)?.total ?? null,
        series: current.charted.get(currency)?.series ?? [],
        previousSeries: before ? (before.charted.get(currency)?.series ?? []) : null,
      })),
      provisionalFrom: Object.fromEntries(
        accounts.map((account) => [
          account.advertiser_id,
          provisionalFrom(account, settings.restatement_days, now),
        ]),
      ),
    };
  }

  async breakdown(
    actor: Actor,
    workspaceId: string,
    query: ReportBreakdownQuery,
  ): Promise<ReportBreakdownResponse> {
    await this.#workspaceService.requireMember(actor, workspaceId);
    const id = workspaceId.toLowerCase();
    const level = levelOf(query);
    const {
      accounts: chosen,
      result: [rows, holding],
    } = await this.#chosenAndRead(id, query.accounts, (advertiserIds) =>
      Promise.all([
        this.#queries.breakdown(scopeOf(id, advertiserIds, query), {
          level,
          search: query.q || undefined,
          sort: query.sort,
          direction: query.direction,
          limit: breakdownRows + 1,
          sums: 'breakdown',
        }),
        this.#holding(scopeOf(id, advertiserIds, query)),
      ]),
    );
    const accounts = narrowedTo(chosen, holding, query);
    const byId = new Map(accounts.map((account) => [account.advertiser_id, account]));
    return {
      rows: rows.slice(0, breakdownRows).map((row) => {
        const { metrics, ...described } = breakdownRowOf(row, level, byId);
        return { ...described, metrics: breakdownMetricsOf(metrics) };
      }),
      truncated: rows.length > breakdownRows,
    };
  }

  /**
   * The breakdown as CSV, page by page as it is sent: no whole file is ever held. The export is
   * one of a few running at once; `close` ends it, however the download ends.
   */
  async breakdownCsv(
    actor: Actor,
    workspaceId: string,
    query: ReportBreakdownQuery,
  ): Promise<{
    fileName: string;
    lines: AsyncIterable<string>;
    stalledAfterMilliseconds: number;
    close(): Promise<void>;
  }> {
    await this.#workspaceService.requireMember(actor, workspaceId);
    if (!this.#exports) throw new Error('This ReportService was built without exports.');
    const id = workspaceId.toLowerCase();
    const { accounts: chosen } = await this.#chosen(id, query.accounts);
    const level = levelOf(query);
    const chosenScope = scopeOf(
      id,
      chosen.map((account) => account.advertiser_id),
      query,
    );
    // The header lists the accounts the rows can come from: the one holding a drilled campaign.
    const accounts = narrowedTo(chosen, await this.#holding(chosenScope), query);
    const scope = { ...chosenScope, advertiserIds: accounts.map((account) => account.advertiser_id) };
    const byId = new Map(accounts.map((account) => [account.advertiser_id, account]));
    // In the table's order, summed once when the export starts: a download is read once, and
    // its rows are the range's sums at that moment, however long the reading takes.
    const exported = await this.#exports.open(
      { workspaceId: id, userId: actor.userId },
      {
        scope,
        view: {
          level,
          search: query.q || undefined,
          sort: query.sort,
          direction: query.direction,
          limit: csvRows,
          sums: 'all',
        },
      },
    );
    async function* rows(): AsyncGenerator<ReportBreakdownRow<ReportMetrics>> {
      for await (const row of exported.rows) yield breakdownRowOf(row, level, byId);
    }
    return {
      fileName: `whathead-${level}s-${query.from}-to-${query.to}.csv`,
      lines: reportCsv({
        level,
        from: query.from,
        to: query.to,
        accounts: accounts.map((account) => ({
          advertiserId: account.advertiser_id,
          name: account.name,
          currency: currencyOf(account),
          timeZone: timeZoneOf(account),
        })),
        rows: rows(),
      }),
      stalledAfterMilliseconds: exported.stalledAfterMilliseconds,
      close: exported.close,
    };
  }

  /**
   * One account's sync (the job): the recent days again, their hours, then the backfill. A broken
   * connection stops it and flags the connection (Reconnect queues the next); TikTok busy or down
   * fails it for pg-boss to retry; the days already stored stay, and the next run goes on.
   */
  async syncAccount(workspaceId: string, advertiserId: string): Promise<Record<string, unknown>> {
    const now = () => this.#clock.now();
    const listing = (await this.#accounts.list(workspaceId)).find(
      (account) => account.advertiser_id === advertiserId && account.syncing,
    );
    if (!listing) {
      await this.#accounts.update(workspaceId, advertiserId, { state: 'stopped' });
      return { stopped: 'the account no longer syncs' };
    }
    const settings = await this.#accounts.settings(workspaceId);
    return runAccountPass({
      connections: this.#connections,
      connectionService: this.#connectionService,
      workspaceId,
      connectionId: listing.connection_id!,
      purpose: 'read its reports',
      started: () =>
        this.#accounts.update(workspaceId, advertiserId, { state: 'syncing', lastAttemptAt: now() }),
      connectionGone: () => this.#accounts.update(workspaceId, advertiserId, { state: 'stopped' }),
      work: async (accessToken) => {
        const stored = await this.#prepare(workspaceId, listing, accessToken);
        return syncAccountReports({
          tiktok: this.#tiktok,
          facts: this.#facts,
          accounts: this.#accounts,
          mirror: this.#mirror,
          workspaceId,
          advertiserId,
          accessToken,
          timeZone: stored.timeZone,
          backfillStart: stored.backfillStart,
          storedFrom: stored.storedFrom,
          storedThrough: stored.storedThrough,
          hoursFrom: stored.hoursFrom,
          restatementDays: settings.restatement_days,
          hourlyRetentionDays: settings.hourly_retention_days,
          now,
        });
      },
      finished: async (result) => {
        // The statistics of what a backfill wrote: refreshed by their own job once the queue runs.
        const statistics = await this.#statistics?.afterReportSync();
        await this.#accounts.update(workspaceId, advertiserId, {
          state: 'ready',
          lastSyncedAt: now(),
          error: null,
        });
        return { ...result, ...statistics };
      },
      failed: (reason) =>
        this.#accounts.update(workspaceId, advertiserId, { state: 'failed', error: reason }),
    });
  }

  /**
   * Daily upkeep: month partitions three months ahead, hours past their retention deleted, and
   * the planner's statistics of every table grown since last analysed.
   */
  async maintain(): Promise<{ partitions: number; expiredHours: number; analyzedTables: number }> {
    const today = dayIn(this.#clock.now(), 'UTC');
    const partitions = await this.#facts.ensurePartitions(today, addDays(today, 92));
    const expiredHours = await this.#facts.deleteExpiredHours(today);
    const analyzedTables = (await this.#statistics?.daily()) ?? 0;
    return { partitions, expiredHours, analyzedTables };
  }

  /**
   * The zone, currency and backfill start the account's stored rows are in. A first sync reads
   * the account's creation from TikTok; a zone or currency changed at TikTok starts over, since
   * every stored day would be in the old one.
   */
  async #prepare(workspaceId: string, listing: ReportAccountListing, accessToken: string) {
    const advertiserId = listing.advertiser_id;
    const timeZone = timeZoneOf(listing);
    const currency = listing.account_currency ?? listing.currency ?? null;
    const changed =
      (listing.time_zone && listing.time_zone !== timeZone) ||
      (listing.currency && currency && listing.currency !== currency);
    if (changed) await this.#facts.deleteAccount(workspaceId, advertiserId);
    let backfillStart = changed ? null : (listing.backfill_start ?? null);
    if (!backfillStart) {
      const today = dayIn(this.#clock.now(), timeZone);
      const [info] = await this.#tiktok.advertisers.getInfo({ accessToken, advertiserIds: [advertiserId] });
      const created =
        info?.createTimeSeconds !== undefined && info.createTimeSeconds > 0
          ? dayIn(new Date(info.createTimeSeconds * 1000), timeZone)
          : undefined;
      backfillStart = laterDay(addDays(today, -(backfillDays - 1)), created ?? '0000-01-01');
      backfillStart = earlierDay(backfillStart, today);
    }
    const stored = {
      timeZone,
      backfillStart,
      storedFrom: changed ? null : (listing.stored_from ?? null),
      storedThrough: changed ? null : (listing.stored_through ?? null),
      hoursFrom: changed ? null : (listing.hours_from ?? null),
    };
    await this.#accounts.update(workspaceId, advertiserId, {
      timeZone,
      currency,
      backfillStart,
      storedFrom: stored.storedFrom,
      storedThrough: stored.storedThrough,
      hoursFrom: stored.hoursFrom,
    });
    return stored;
  }

  /**
   * The accounts a report reads: those asked for (each must be one the workspace uses or has
   * reports of), else the default account, else every account.
   */
  async #chosen(workspaceId: string, asked: readonly string[] | undefined) {
    const { listings, settings } = await this.#accounts.listWithSettings(workspaceId);
    return { accounts: chosenOf(listings, asked), settings };
  }

  /** Which accounts hold the campaign or ad group a report is narrowed to; undefined: not narrowed. */
  #holding(scope: ReportScope): Promise<string[] | undefined> {
    return scope.campaignId || scope.adGroupId
      ? this.#queries.accountsHolding(scope)
      : Promise.resolve(undefined);
  }

  /**
   * The chosen accounts and a read of their figures. Accounts asked for by id are read at once,
   * beside the listing that checks them (a dashboard request then waits on one round of
   * statements, not two); an unknown one still answers "not found", whatever the read found.
   */
  async #chosenAndRead<Result>(
    workspaceId: string,
    asked: readonly string[] | undefined,
    read: (advertiserIds: readonly string[]) => Promise<Result>,
  ) {
    if (!asked || asked.length === 0) {
      const chosen = await this.#chosen(workspaceId, asked);
      return { ...chosen, result: await read(chosen.accounts.map((account) => account.advertiser_id)) };
    }
    const [listed, result] = await Promise.allSettled([
      this.#accounts.listWithSettings(workspaceId),
      read([...new Set(asked)]),
    ]);
    if (listed.status === 'rejected') throw listed.reason;
    const accounts = chosenOf(listed.value.listings, asked);
    if (result.status === 'rejected') throw result.reason;
    return { accounts, settings: listed.value.settings, result: result.value };
  }

  #describe(
    listing: ReportAccountListing,
    settings: { restatement_days: number; hourly_retention_days: number },
    now: Date,
  ): ReportAccountStatus {
    const restatementDays = settings.restatement_days;
    const timeZone = timeZoneOf(listing);
    const today = dayIn(now, timeZone);
    const keptFrom = addDays(today, -(settings.hourly_retention_days - 1));
    const totalDays = listing.backfill_start ? daysBetween(listing.backfill_start, today) : 0;
    return {
      advertiserId: listing.advertiser_id,
      name: listing.name,
      currency: currencyOf(listing),
      timeZone,
      isDefault: listing.is_default,
      state: listing.syncing ? (listing.state ?? 'queued') : 'stopped',
      backfill: listing.backfill_start
        ? {
            storedDays:
              listing.stored_from && listing.stored_through
                ? Math.min(
                    totalDays,
                    daysBetween(laterDay(listing.stored_from, listing.backfill_start), today),
                  )
                : 0,
            totalDays,
            storedFrom: listing.stored_from ?? null,
          }
        : null,
      hoursFrom: listing.hours_from ? laterDay(listing.hours_from, keptFrom) : null,
      today,
      provisionalFrom: provisionalFrom(listing, restatementDays, now),
      lastSyncedAt: listing.last_synced_at ? new Date(listing.last_synced_at).toISOString() : null,
      error: listing.syncing ? (listing.error ?? null) : null,
      stopReason: stopReasonOf(listing),
    };
  }
}

/**
 * Sync now and the hourly pass leave an account alone for 5 minutes after its last sync or try.
 * TikTok's report figures lag by hours, so a sync minutes after the last reads the same numbers
 * and spends the app's one rate budget again (the restated days, their hours, each a call).
 * Five minutes still shows someone who just changed something in Ads Manager TikTok's word
 * soon, and holds an account to 12 syncs an hour however often Sync now is pressed (pressed for
 * a minute, it had cost 440 report calls).
 */
const syncCooldownSeconds = 5 * 60;

/**
 * How long a run counts as under way after it started. pg-boss ends an active job after 15
 * minutes (its `expire_in` default) and retries it, which starts the run again: a `syncing`
 * state older than that is a run whose process died, and must not keep the account from syncing.
 */
const syncRunSeconds = 20 * 60;

/**
 * One person's Sync now presses. The cooldown already bounds what presses cost TikTok; this
 * bounds what they cost Whathead. 20 in 5 minutes leaves room for double clicks, several tabs and
 * workspaces, and stops a held key or a script within seconds.
 */
const syncNowLimit = { presses: 20, windowSeconds: 5 * 60 };

const minuteMilliseconds = 60_000;

const plural = (count: number, unit: string): string => `${count} ${unit}${count === 1 ? '' : 's'}`;

/** "moments ago", "1 minute ago", "4 minutes ago". */
const agoWords = (milliseconds: number): string =>
  milliseconds < minuteMilliseconds
    ? 'moments ago'
    : `${plural(Math.floor(milliseconds / minuteMilliseconds), 'minute')} ago`;

/** "40 seconds", "3 minutes": never less than the wait. */
const waitWords = (milliseconds: number): string =>
  milliseconds < minuteMilliseconds
    ? plural(Math.max(1, Math.ceil(milliseconds / 1000)), 'second')
    : plural(Math.ceil(milliseconds / minuteMilliseconds), 'minute');

const queuedWords = (name: string): string => `A sync of ${name} is already waiting to start.`;

const timeOf = (moment: Date | string | null | undefined): number | undefined =>
  moment ? new Date(moment).getTime() : undefined;

/**
 * Why a sync of this account is not queued now, or undefined to queue it. An account in `queued`
 * is still sent: pg-boss drops the duplicate, and one whose run was lost is queued again.
 */
function syncSkipOf(
  listing: ReportAccountListing,
  now: Date,
  options: { cooldown: boolean },
): ReportSyncSkip | undefined {
  const skip = (reason: ReportSyncSkip['reason'], message: string): ReportSyncSkip => ({
    advertiserId: listing.advertiser_id,
    reason,
    message,
  });
  if (!listing.syncing) {
    const stop = stopReasonOf(listing);
    // An account listed only for its stored reports is not one Sync now was asked to sync.
    return stop && stop.cause !== 'not_selected'
      ? skip('stopped', `${listing.name}: ${stop.message}`)
      : undefined;
  }
  const started = timeOf(listing.last_attempt_at);
  if (listing.state === 'syncing' && started !== undefined && now.getTime() - started < syncRunSeconds * 1000)
    return skip('syncing', `${listing.name} is syncing now; its figures arrive as the sync goes.`);
  if (!options.cooldown || listing.state === 'queued') return undefined;
  const synced = timeOf(listing.last_synced_at);
  const latest = Math.max(synced ?? -Infinity, started ?? -Infinity);
  const wait = latest + syncCooldownSeconds * 1000 - now.getTime();
  if (!(wait > 0)) return undefined;
  const ago = agoWords(now.getTime() - latest);
  const failedLast = listing.state === 'failed' && started !== undefined && started >= (synced ?? -Infinity);
  return skip(
    'cooldown',
    failedLast
      ? `A sync of ${listing.name} was tried ${ago}. Sync now can try again in ${waitWords(wait)}.`
      : `${listing.name} synced ${ago}, so TikTok would answer the same figures. Sync now can read it again in ${waitWords(wait)}.`,
  );
}

/** What the reports need of a connection's permissions: their reads and the account's details. */
const reportPermissionKeys: readonly string[] = ['reporting', 'ad_account_read'];

/**
 * Why an account does not sync, and the one action that fixes it, from what Integrations knows
 * of its connection (no TikTok call); null while it syncs.
 */
function stopReasonOf(listing: ReportAccountListing): ReportStopReason | null {
  if (listing.syncing) return null;
  const connection = listing.business_center_name
    ? `the TikTok connection “${listing.business_center_name}”`
    : 'its TikTok connection';
  const reconnect = (problem: string): ReportStopReason => ({
    cause: 'reconnect_required',
    message: `${problem} Reconnect it in Integrations: the sync starts again by itself.`,
  });
  switch (listing.stop_cause) {
    case 'not_selected':
      return {
        cause: 'not_selected',
        message:
          'It is no longer selected in Integrations; the figures stored before stay. Select it there to sync it again.',
      };
    case 'account_inaccessible':
      return {
        cause: 'account_inaccessible',
        message: `TikTok no longer lists this account for ${connection} (removed from the Business Center, deleted, or your access to it withdrawn). Check it in TikTok Ads Manager, then reconnect in Integrations, or deselect it there.`,
      };
    case 'business_center_access_lost':
      return {
        cause: 'business_center_access_lost',
        message: `Your TikTok user no longer has access to the Business Center${listing.business_center_name ? ` “${listing.business_center_name}”` : ''}. Ask its admin to restore your access, then reconnect it in Integrations: the sync starts again by itself.`,
      };
    case 'permissions_missing':
      return permissionStopOf(listing, connection);
    case 'token_expired':
      return reconnect(`TikTok says ${connection} has expired.`);
    case 'token_unreadable':
      return reconnect(
        `Whathead can no longer read the stored access of ${connection} (its encryption key changed).`,
      );
    case 'token_revoked':
      return reconnect(
        `Whathead’s access through ${connection} was removed at TikTok (revoked, or the authorization withdrawn).`,
      );
    default:
      return reconnect(`${connection.charAt(0).toUpperCase()}${connection.slice(1)} needs attention.`);
  }
}

/**
 * A fix made in Integrations, as the person reading it can make it: owners and admins connect
 * TikTok; a member is told whom to ask, rather than sent to a Reconnect button they do not have.
 */
function forRole(message: string, role: Role): string {
  return canManageMembers(role)
    ? message
    : `${message} Only workspace owners and admins can do this in Integrations: ask one of them.`;
}

/** A permission TikTok did not grant: the reports' own ones by name, else the connection's. */
function permissionStopOf(listing: ReportAccountListing, connection: string): ReportStopReason {
  const missing = describePermissions(listing.granted_scope_ids ?? []).filter(
    (permission) => !permission.granted,
  );
  const needed = missing.filter((permission) => reportPermissionKeys.includes(permission.key));
  const names = (permissions: typeof missing) =>
    permissions.map((permission) => `${permission.name} (${permission.enables.toLowerCase()})`).join('; ');
  if (needed.length > 0)
    return {
      cause: 'permission_missing',
      message: `TikTok did not grant Whathead ${names(needed)} for ${connection}, and reports need ${needed.length === 1 ? 'it' : 'them'}. Reconnect it in Integrations and keep ${needed.map((permission) => permission.name).join(' and ')} ticked on TikTok’s page: the sync starts again by itself.`,
    };
  return {
    cause: 'permission_missing',
    message: `TikTok did not grant Whathead every permission for ${connection}${missing.length > 0 ? ` (missing: ${names(missing)})` : ''}, so its accounts wait. Reconnect it in Integrations and keep every permission ticked: the sync starts again by itself.`,
  };
}

/** TikTok's display zone as Integrations read it; UTC where TikTok named none Intl knows. */
function timeZoneOf(listing: ReportAccountListing): string {
  const zone = listing.account_time_zone ?? listing.time_zone;
  return zone && isTimeZone(zone) ? zone : 'UTC';
}

const currencyOf = (listing: ReportAccountListing): string =>
  listing.account_currency ?? listing.currency ?? '—';

function provisionalFrom(listing: ReportAccountListing, restatementDays: number, now: Date): string {
  return addDays(dayIn(now, timeZoneOf(listing)), -(restatementDays - 1));
}

function seriesAccountOf(listing: ReportAccountListing, retentionDays: number, now: Date): SeriesAccount {
  const timeZone = timeZoneOf(listing);
  const today = dayIn(now, timeZone);
  const hour = hourIn(now, timeZone);
  const keptFrom = addDays(today, -(retentionDays - 1));
  return {
    advertiserId: listing.advertiser_id,
    currency: currencyOf(listing),
    storedFrom: listing.stored_from ?? null,
    storedThrough: listing.stored_through ?? null,
    hoursFrom: listing.hours_from ? laterDay(listing.hours_from, keptFrom) : null,
    currentHour: `${today} ${hour}:00`,
  };
}

const levelOf = (query: ReportBreakdownQuery): ReportLevel => query.level;

/**
 * A report narrowed to a campaign or ad group is that one's account's: the others would show as
 * zeros beside it. One no account holds is not found, rather than a report of nothing.
 */
function narrowedTo(
  accounts: ReportAccountListing[],
  holding: readonly string[] | undefined,
  query: { campaign?: string | undefined; adgroup?: string | undefined },
): ReportAccountListing[] {
  if (!holding) return accounts;
  const held = accounts.filter((account) => holding.includes(account.advertiser_id));
  if (held.length === 0)
    throw notFound(query.adgroup ? `Ad group ${query.adgroup}` : `Campaign ${query.campaign ?? ''}`);
  return held;
}

/** The accounts asked for (each must be listed), or else the default one, or else every one. */
function chosenOf(listings: ReportAccountListing[], asked: readonly string[] | undefined) {
  if (asked && asked.length > 0) {
    const unknown = asked.filter((id) => !listings.some((listing) => listing.advertiser_id === id));
    if (unknown.length > 0) throw notFound(`Ad account ${unknown[0]}`);
    return listings.filter((listing) => asked.includes(listing.advertiser_id));
  }
  const fallback = listings.filter((listing) => listing.is_default);
  return fallback.length > 0 ? fallback : listings;
}

function scopeOf(
  workspaceId: string,
  advertiserIds: readonly string[],
  query: ReportBreakdownQuery,
): ReportScope {
  return {
    workspaceId,
    advertiserIds,
    from: query.from,
    to: query.to,
    campaignId: query.campaign,
    adGroupId: query.adgroup,
  };
}

/** The breakdown's own metrics, the others left out (they were not summed). */
const breakdownMetricsOf = (metrics: ReportMetrics): ReportBreakdownMetrics =>
  Object.fromEntries(reportBreakdownMetricKeys.map((key) => [key, metrics[key]])) as ReportBreakdownMetrics;

function breakdownRowOf(
  row: BreakdownRow,
  level: ReportLevel,
  accounts: ReadonlyMap<string, ReportAccountListing>,
): ReportBreakdownRow<ReportMetrics> {
  const account = accounts.get(row.advertiser_id);
  return {
    level,
    advertiserId: row.advertiser_id,
    advertiserName: account?.name ?? row.advertiser_id,
    id: row.id,
    name: row.name ?? row.id,
    campaignId: row.campaign_id,
    campaignName: row.campaign_name,
    adgroupId: row.adgroup_id,
    adgroupName: row.adgroup_name,
    currency: account ? currencyOf(account) : '—',
    metrics: metricsOf(addSums(emptySums(), row)),
  };
}
