import type {
  CampaignSyncResponse,
  CampaignTableResponse,
  campaignTableQuerySchema,
} from '@whathead/contracts';
import { refusesAValue } from '@whathead/db';
import type { TikTokClient } from '@whathead/tiktok-client';
import type { z } from 'zod';
import { validationFailed } from '../errors.js';
import type { Clock } from '../lib/clock.js';
import { isSortValue, type CampaignTableRepository } from '../repositories/campaign-table.repository.js';
import type { TikTokConnectionRepository } from '../repositories/tiktok-connection.repository.js';
import type { TikTokMirrorRepository } from '../repositories/tiktok-mirror.repository.js';
import { describeRow } from './campaign-rows.js';
import { needsReconnect, runAccountPass } from './tiktok-account-pass.js';
import type { TableStatisticsService } from './table-statistics.service.js';
import type { TikTokConnectionService } from './tiktok-connection.service.js';
import { syncAccountEntities } from './tiktok-entity-sync.js';
import type { Actor, WorkspaceService } from './workspace.service.js';

type TableQuery = z.output<typeof campaignTableQuerySchema>;

/**
 * The campaign mirror (issue 11): every campaign, ad group and ad of the workspace's selected ad
 * accounts, synced by jobs in the `sync` lane and read by the Campaigns page without a TikTok call.
 */
export class CampaignMirrorService {
  readonly #mirror: TikTokMirrorRepository;
  readonly #table: CampaignTableRepository;
  readonly #connections: TikTokConnectionRepository;
  readonly #connectionService: TikTokConnectionService;
  readonly #workspaceService: WorkspaceService;
  readonly #tiktok: TikTokClient;
  readonly #clock: Clock;
  readonly #statistics: TableStatisticsService | undefined;
  #syncQueue: ((target: { workspaceId: string; advertiserId: string }) => Promise<unknown>) | undefined;

  constructor(dependencies: {
    mirror: TikTokMirrorRepository;
    table: CampaignTableRepository;
    connections: TikTokConnectionRepository;
    connectionService: TikTokConnectionService;
    workspaceService: WorkspaceService;
    tiktok: TikTokClient;
    clock: Clock;
    /** Analyses the mirror after an import; a caller that never syncs leaves it out. */
    statistics?: TableStatisticsService;
  }) {
    this.#mirror = dependencies.mirror;
    this.#table = dependencies.table;
    this.#connections = dependencies.connections;
    this.#connectionService = dependencies.connectionService;
    this.#workspaceService = dependencies.workspaceService;
    this.#tiktok = dependencies.tiktok;
    this.#clock = dependencies.clock;
    this.#statistics = dependencies.statistics;
  }

  /** Set once the job queue runs: it is built after the services, because its jobs call them. */
  useSyncQueue(queue: (target: { workspaceId: string; advertiserId: string }) => Promise<unknown>): void {
    this.#syncQueue = queue;
  }

  /**
   * Queues a sync of the workspace's syncing accounts (all of them, or those named). An account
   * already queued or importing is not queued twice (one job per account, `stately`).
   */
  async queueSync(workspaceId: string, advertiserIds?: readonly string[]): Promise<number> {
    const syncing = (await this.#mirror.syncingAccounts(workspaceId)).filter(
      (account) => !advertiserIds || advertiserIds.includes(account.advertiserId),
    );
    if (!this.#syncQueue || syncing.length === 0) return 0;
    await this.#mirror.markQueued(
      workspaceId,
      syncing.map((account) => account.advertiserId),
    );
    for (const account of syncing) await this.#syncQueue({ workspaceId, advertiserId: account.advertiserId });
    return syncing.length;
  }

  /** The 15-minute pass: every syncing account of every workspace. */
  async queueEverySyncingAccount(): Promise<number> {
    const accounts = await this.#mirror.syncingAccounts();
    const byWorkspace = new Map<string, typeof accounts>();
    for (const account of accounts)
      byWorkspace.set(account.workspaceId, [...(byWorkspace.get(account.workspaceId) ?? []), account]);
    let queued = 0;
    for (const [workspaceId, each] of byWorkspace)
      queued += await this.queueSync(
        workspaceId,
        each.map((account) => account.advertiserId),
      );
    return queued;
  }

  /** **Refresh**: any member may ask for a sync now; it runs in the background. */
  async refresh(actor: Actor, workspaceId: string): Promise<CampaignSyncResponse> {
    await this.#workspaceService.requireMember(actor, workspaceId);
    await this.queueSync(workspaceId.toLowerCase());
    return this.status(actor, workspaceId);
  }

  async status(actor: Actor, workspaceId: string): Promise<CampaignSyncResponse> {
    await this.#workspaceService.requireMember(actor, workspaceId);
    const rows = await this.#mirror.listAccounts(workspaceId);
    const accounts = rows.map((row) => ({
      advertiserId: row.advertiser_id,
      name: row.name ?? row.advertiser_id,
      state: row.syncing ? (row.state ?? 'queued') : 'stopped',
      syncing: row.syncing,
      campaigns: row.campaigns ?? 0,
      adGroups: row.ad_groups ?? 0,
      ads: row.ads ?? 0,
      lastSyncedAt: row.last_synced_at?.toISOString() ?? null,
      error: row.waiting_for_reconnect ? needsReconnect : row.syncing ? row.error : null,
    }));
    // An account whose first import failed is listed with its reason, not as still importing:
    // otherwise every later pass of the others would read "Importing 5 of 6" again.
    const syncing = accounts.filter(
      (account) => account.syncing && !(account.state === 'failed' && account.lastSyncedAt === null),
    );
    return {
      accounts,
      imported: syncing.filter((account) => account.lastSyncedAt !== null).length,
      importing: syncing.length,
    };
  }

  async table(actor: Actor, workspaceId: string, query: TableQuery): Promise<CampaignTableResponse> {
    await this.#workspaceService.requireMember(actor, workspaceId);
    const after = query.after === undefined ? undefined : decodeCursor(query.after, query);
    // Read before the page, so a pass ending meanwhile makes the page look older, not newer.
    const syncedAt = await this.#mirror.latestSync(workspaceId.toLowerCase());
    const rows = await this.#table
      .page({
        workspaceId: workspaceId.toLowerCase(),
        level: query.level,
        advertiserIds: query.accounts,
        campaignIds: query.campaigns,
        status: query.status,
        objective: query.objective,
        search: query.q || undefined,
        sort: query.sort,
        direction: query.direction,
        range: query.from && query.to ? { from: query.from, to: query.to } : undefined,
        after,
        limit: query.limit + 1,
      })
      .catch((error: unknown) => {
        // A cursor that passed the checks and still names a value PostgreSQL cannot take.
        throw after && refusesAValue(error) ? outdatedCursor() : error;
      });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      rows: page.map(describeRow),
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor(query, [last.sort_value, last.advertiser_id, last.entity_id])
          : null,
      syncedAt: syncedAt?.toISOString() ?? null,
    };
  }

  /**
   * One account's pass: campaigns and ad groups re-read in full and compared with the mirror, ads
   * modified since the last pass (and every ad under a campaign or ad group that changed). A pass
   * that fails writes nothing half: pages already written are TikTok's newer truth, and nothing
   * is marked deleted until its whole level was listed.
   */
  async syncAccount(workspaceId: string, advertiserId: string): Promise<Record<string, unknown>> {
    const now = () => this.#clock.now();
    const [account] = (await this.#mirror.syncingAccounts(workspaceId)).filter(
      (each) => each.advertiserId === advertiserId,
    );
    if (!account) {
      await this.#mirror.setState(workspaceId, advertiserId, { state: 'stopped', now: now() });
      return { stopped: 'the account no longer syncs' };
    }
    const previous = await this.#mirror.findAccount(workspaceId, advertiserId);
    return runAccountPass({
      connections: this.#connections,
      connectionService: this.#connectionService,
      workspaceId,
      connectionId: account.connectionId,
      purpose: 'sync it',
      started: () => this.#mirror.setState(workspaceId, advertiserId, { state: 'importing', now: now() }),
      // The account keeps its state: the connection's own card says what happened to it.
      connectionGone: async () => undefined,
      work: (accessToken) =>
        syncAccountEntities({
          tiktok: this.#tiktok,
          mirror: this.#mirror,
          workspaceId,
          advertiserId,
          accessToken,
          adsModifiedThrough: previous?.ads_modified_through ?? null,
          now,
        }),
      finished: async (result) => {
        // The statistics of what a first import wrote: refreshed by their own job once the queue runs.
        const statistics = await this.#statistics?.afterMirrorSync();
        await this.#mirror.setState(workspaceId, advertiserId, {
          state: 'ready',
          now: now(),
          error: null,
          counts: await this.#mirror.counts(workspaceId, advertiserId),
          adsModifiedThrough: result.adsModifiedThrough,
          finished: true,
        });
        return { ...result.calls, ...statistics };
      },
      failed: (reason) =>
        this.#mirror.setState(workspaceId, advertiserId, { state: 'failed', now: now(), error: reason }),
    });
  }
}

type CursorView = Pick<TableQuery, 'sort' | 'direction' | 'from' | 'to'>;

/** The range a page's metrics were summed over ('' without one): a metric's sort value is its. */
const rangeOf = (view: CursorView) => (view.from && view.to ? `${view.from}..${view.to}` : '');

/**
 * A page's cursor: the sort and range it continues and the last row's sort value, account and id.
 * It says its sort and range, so a cursor kept from another view is refused rather than read as
 * this one's (a spend summed over last week says nothing of where a row of this month sorts).
 */
const encodeCursor = (view: CursorView, parts: readonly string[]) =>
  Buffer.from(JSON.stringify([view.sort, view.direction, rangeOf(view), ...parts])).toString('base64url');

function decodeCursor(cursor: string, view: CursorView): [string, string, string] {
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parts) && parts.length === 6 && parts.every((part) => typeof part === 'string')) {
      const [sort, direction, range, value, advertiserId, entityId] = parts as string[];
      if (
        sort === view.sort &&
        direction === view.direction &&
        range === rangeOf(view) &&
        isSortValue(view.sort, value!) &&
        /^\d{1,20}$/.test(advertiserId!) &&
        /^\d{1,20}$/.test(entityId!)
      )
        return [value!, advertiserId!, entityId!];
    }
  } catch {
    // Answered below as any other cursor that is not ours.
  }
  throw outdatedCursor();
}

const outdatedCursor = () =>
  validationFailed([{ path: 'after', message: 'This page of the table is out of date. Load it again.' }]);
