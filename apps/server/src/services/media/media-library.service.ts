import {
  mediaRatioValues,
  type MediaAccount,
  type MediaAccountsResponse,
  type MediaItem,
  type MediaLibraryResponse,
  type mediaLibraryQuerySchema,
} from '@whathead/contracts';
import type { TikTokClient } from '@whathead/tiktok-client';
import type { z } from 'zod';
import { AppError, notFound, validationFailed } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import type {
  MediaAccountRow,
  TikTokMediaAccountsRepository,
} from '../../repositories/media/tiktok-media-accounts.repository.js';
import type {
  LibraryItem,
  LibraryPosition,
  TikTokMediaRepository,
} from '../../repositories/media/tiktok-media.repository.js';
import type { TikTokConnectionRepository } from '../../repositories/tiktok-connection.repository.js';
import { needsReconnect, runAccountPass } from '../tiktok-account-pass.js';
import type { TikTokConnectionService } from '../tiktok-connection.service.js';
import type { Actor, WorkspaceService } from '../workspace.service.js';
import { acceptedRatio, dimensions } from './media-rules.js';
import { libraryVideo, syncAccountLibrary } from './tiktok-library-sync.js';

type LibraryQuery = z.output<typeof mediaLibraryQuerySchema>;

/** A preview link that expires within this is renewed before a page shows it. */
const previewMarginMilliseconds = 5 * 60_000;
type SyncTarget = { workspaceId: string; advertiserId: string };

/**
 * Each ad account's TikTok library, mirrored by `sync`-lane jobs and read by the Media page and
 * the picker without a TikTok call.
 */
export class MediaLibraryService {
  readonly #library: TikTokMediaRepository;
  readonly #accounts: TikTokMediaAccountsRepository;
  readonly #connections: TikTokConnectionRepository;
  readonly #connectionService: TikTokConnectionService;
  readonly #workspaceService: WorkspaceService;
  readonly #tiktok: TikTokClient;
  readonly #clock: Clock;
  #syncQueue: ((target: SyncTarget) => Promise<unknown>) | undefined;

  constructor(dependencies: {
    library: TikTokMediaRepository;
    accounts: TikTokMediaAccountsRepository;
    connections: TikTokConnectionRepository;
    connectionService: TikTokConnectionService;
    workspaceService: WorkspaceService;
    tiktok: TikTokClient;
    clock: Clock;
  }) {
    this.#library = dependencies.library;
    this.#accounts = dependencies.accounts;
    this.#connections = dependencies.connections;
    this.#connectionService = dependencies.connectionService;
    this.#workspaceService = dependencies.workspaceService;
    this.#tiktok = dependencies.tiktok;
    this.#clock = dependencies.clock;
  }

  /** Set once the job queue runs: it is built after the services, because its jobs call them. */
  useSyncQueue(queue: (target: SyncTarget) => Promise<unknown>): void {
    this.#syncQueue = queue;
  }

  /** Queues a refresh of the workspace's usable accounts (all, or those named); answers how many. */
  async queueSync(workspaceId: string, advertiserIds?: readonly string[]): Promise<number> {
    const accounts = (await this.#accounts.usable(workspaceId)).filter(
      (account) => !advertiserIds || advertiserIds.includes(account.advertiserId),
    );
    if (!this.#syncQueue || accounts.length === 0) return 0;
    await this.#accounts.markQueued(
      workspaceId,
      accounts.map((account) => account.advertiserId),
    );
    for (const account of accounts) await this.#syncQueue(account);
    return accounts.length;
  }

  /** The periodic pass: every usable account of every workspace (libraries change outside Whathead too). */
  async queueEveryAccount(): Promise<number> {
    const byWorkspace = new Map<string, SyncTarget[]>();
    for (const account of await this.#accounts.usable())
      byWorkspace.set(account.workspaceId, [...(byWorkspace.get(account.workspaceId) ?? []), account]);
    let queued = 0;
    for (const [workspaceId, accounts] of byWorkspace)
      queued += await this.queueSync(
        workspaceId,
        accounts.map((account) => account.advertiserId),
      );
    return queued;
  }

  async accounts(actor: Actor, workspaceId: string): Promise<MediaAccountsResponse> {
    await this.#workspaceService.requireMember(actor, workspaceId);
    const rows = await this.#accounts.list(workspaceId.toLowerCase());
    return { accounts: rows.map(describeAccount) };
  }

  /** **Refresh**: any member may ask for the libraries to be read again from TikTok. */
  async refresh(
    actor: Actor,
    workspaceId: string,
    advertiserIds: readonly string[] | undefined,
  ): Promise<MediaAccountsResponse> {
    await this.#workspaceService.requireMember(actor, workspaceId);
    await this.queueSync(workspaceId.toLowerCase(), advertiserIds);
    return this.accounts(actor, workspaceId);
  }

  async library(actor: Actor, workspaceId: string, query: LibraryQuery): Promise<MediaLibraryResponse> {
    await this.#workspaceService.requireMember(actor, workspaceId);
    const account = await this.findAccount(workspaceId.toLowerCase(), query.account);
    const after = query.after === undefined ? undefined : decodeCursor(query.after, query);
    const items = await this.#library.list(
      workspaceId.toLowerCase(),
      account.advertiser_id,
      {
        kind: query.kind,
        ratio: query.ratio === undefined ? undefined : mediaRatioValues[query.ratio],
        name: query.q || undefined,
        createdFrom: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
        createdBefore: query.to ? new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000) : undefined,
      },
      query.limit + 1,
      after,
    );
    const page = await this.#renewPreviews(workspaceId.toLowerCase(), account, items.slice(0, query.limit));
    const last = page.at(-1);
    return {
      account: describeAccount(account),
      items: page.map(describeItem),
      nextCursor: items.length > query.limit && last ? encodeCursor(query, last) : null,
    };
  }

  /**
   * TikTok's video preview links expire (reference §10): the page's videos whose link has expired,
   * or will within minutes, are asked of TikTok again (60 to a call) before the page is answered.
   * TikTok busy or the connection broken: the page is answered as it is, its previews maybe stale.
   */
  async #renewPreviews(
    workspaceId: string,
    account: MediaAccountRow,
    items: LibraryItem[],
  ): Promise<LibraryItem[]> {
    const soon = this.#clock.now().getTime() + previewMarginMilliseconds;
    const stale = items.filter(
      (item) => item.kind === 'video' && item.urlExpiresAt !== null && item.urlExpiresAt.getTime() < soon,
    );
    if (stale.length === 0 || !account.usable) return items;
    try {
      const connection = await this.#connections.find(workspaceId, account.connection_id);
      if (!connection || connection.status !== 'connected') return items;
      const { result: videos } = await this.#connectionService.withConnectionToken(
        connection,
        undefined,
        (accessToken) =>
          this.#tiktok.videos.getInfo({
            accessToken,
            advertiserId: account.advertiser_id,
            videoIds: stale.map((item) => item.mediaId),
          }),
      );
      const renewed = new Map(videos.map((video) => [video.videoId, libraryVideo(video)]));
      await this.#library.upsert(
        workspaceId,
        account.advertiser_id,
        [...renewed.values()],
        this.#clock.now(),
      );
      return items.map((item) => (item.kind === 'video' ? (renewed.get(item.mediaId) ?? item) : item));
    } catch {
      return items;
    }
  }

  /**
   * One of the workspace's selected ad accounts, or its default (else its first) when none is
   * named. An account the workspace does not use answers as not found, whoever else uses it.
   */
  async findAccount(workspaceId: string, advertiserId: string | undefined): Promise<MediaAccountRow> {
    const accounts = await this.#accounts.list(workspaceId);
    const account =
      advertiserId === undefined ? accounts[0] : accounts.find((each) => each.advertiser_id === advertiserId);
    if (account) return account;
    if (advertiserId === undefined)
      throw new AppError(
        'tiktok_account_not_usable',
        'This workspace uses no TikTok ad account yet. Connect TikTok and choose ad accounts in Integrations.',
      );
    throw notFound('This ad account');
  }

  /** One account's library read in full from TikTok. */
  async syncAccount(workspaceId: string, advertiserId: string): Promise<Record<string, unknown>> {
    const now = () => this.#clock.now();
    const account = (await this.#accounts.list(workspaceId)).find(
      (each) => each.advertiser_id === advertiserId && each.usable,
    );
    if (!account) {
      await this.#accounts.setState(workspaceId, advertiserId, { state: 'stopped', now: now() });
      return { stopped: 'the account is no longer used' };
    }
    return runAccountPass({
      connections: this.#connections,
      connectionService: this.#connectionService,
      workspaceId,
      connectionId: account.connection_id,
      purpose: 'read its media library',
      started: () => this.#accounts.setState(workspaceId, advertiserId, { state: 'importing', now: now() }),
      connectionGone: () =>
        this.#accounts.setState(workspaceId, advertiserId, { state: 'stopped', now: now() }),
      work: (accessToken) =>
        syncAccountLibrary({
          tiktok: this.#tiktok,
          library: this.#library,
          workspaceId,
          advertiserId,
          accessToken,
          now,
        }),
      finished: async (result) => {
        await this.#accounts.setState(workspaceId, advertiserId, {
          state: 'ready',
          now: now(),
          error: null,
          counts: await this.#accounts.counts(workspaceId, advertiserId),
          finished: true,
        });
        return result;
      },
      failed: (reason) =>
        this.#accounts.setState(workspaceId, advertiserId, { state: 'failed', now: now(), error: reason }),
    });
  }
}

function describeAccount(row: MediaAccountRow): MediaAccount {
  return {
    advertiserId: row.advertiser_id,
    name: row.name ?? row.advertiser_id,
    isDefault: row.is_default,
    state: row.state ?? 'queued',
    images: row.images ?? 0,
    videos: row.videos ?? 0,
    lastSyncedAt: row.last_synced_at?.toISOString() ?? null,
    error: row.waiting_for_reconnect ? needsReconnect : row.error,
  };
}

export function describeItem(item: LibraryItem): MediaItem {
  const sized = item.width !== null && item.height !== null && item.width > 0 && item.height > 0;
  return {
    kind: item.kind,
    mediaId: item.mediaId,
    materialId: item.materialId,
    fileName: item.fileName,
    format: item.format,
    width: item.width,
    height: item.height,
    dimensions: sized ? dimensions(item.width!, item.height!) : null,
    ratio: sized ? (acceptedRatio(item.width!, item.height!)?.name ?? null) : null,
    bytes: item.bytes,
    durationSeconds: item.durationSeconds,
    previewUrl: item.url,
    coverUrl: item.coverUrl,
    displayable: item.displayable,
    createdAt: item.tiktokCreatedAt?.toISOString() ?? null,
    // The campaign mirror does not yet record which creative each ad uses.
    usedByAds: null,
  };
}

/**
 * A page's cursor names its account and filters, so a cursor kept from another view is refused
 * rather than read as this one's.
 */
const viewOf = (query: LibraryQuery) =>
  [
    query.account ?? '',
    query.kind ?? '',
    query.ratio ?? '',
    query.q ?? '',
    query.from ?? '',
    query.to ?? '',
  ].join('|');

const encodeCursor = (query: LibraryQuery, last: LibraryItem) =>
  Buffer.from(
    JSON.stringify([viewOf(query), last.tiktokCreatedAt?.toISOString() ?? null, last.mediaId, last.kind]),
  ).toString('base64url');

const cursorInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function decodeCursor(cursor: string, query: LibraryQuery): LibraryPosition {
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parts) && parts.length === 4) {
      const [view, createdAt, mediaId, kind] = parts as unknown[];
      // As encodeCursor writes it: a four-digit year, which PostgreSQL's timestamps all hold.
      const date =
        typeof createdAt === 'string' && cursorInstant.test(createdAt) ? new Date(createdAt) : null;
      if (
        view === viewOf(query) &&
        (createdAt === null || (date !== null && !Number.isNaN(date.getTime()))) &&
        typeof mediaId === 'string' &&
        mediaId.length <= 200 &&
        // No PostgreSQL text holds a NUL.
        !mediaId.includes('\u0000') &&
        (kind === 'image' || kind === 'video')
      )
        return { createdAt: date, mediaId, kind };
    }
  } catch {
    // Answered below as any other cursor that is not ours.
  }
  throw validationFailed([
    { path: 'after', message: 'This page of the library is out of date. Load it again.' },
  ]);
}
