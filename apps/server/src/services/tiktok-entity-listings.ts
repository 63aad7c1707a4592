import type { EntityLevel } from '@whathead/db';
import type { TikTokClient } from '@whathead/tiktok-client';
import {
  mirrorRows,
  type MirrorEntity,
  type MirrorParents,
  type MirrorRows,
  type TikTokMirrorRepository,
} from '../repositories/tiktok-mirror.repository.js';
import { adEntity, adGroupEntity, campaignEntity } from './tiktok-entity-mapping.js';

/** Reference §2: the largest page TikTok serves for these reads; fewer calls is the whole game. */
export const pageSize = 1000;
/** Pages asked for beyond the one being written: at most this many wait in memory. */
const pagesAhead = 2;
/** Deleted objects are hidden unless asked for (reference §4.1): the mirror must see deletions. */
export const everyStatus = 'STATUS_ALL' as const;

/** The filters the mirror uses, at whichever level (reference §4.1). */
export interface EntityFiltering {
  primaryStatus: typeof everyStatus;
  modifiedAfter?: string;
  campaignIds?: string[];
  adGroupIds?: string[];
  adIds?: string[];
}

export interface PageRequest {
  accessToken: string;
  advertiserId: string;
  filtering: EntityFiltering;
  page: number;
  pageSize: number;
}

/** One page of a level, as mirror entities. */
export async function pageOf(tiktok: TikTokClient, level: EntityLevel, request: PageRequest) {
  if (level === 'campaign') {
    const found = await tiktok.campaigns.getWithRaw(request);
    await tiktok.betweenSends();
    return { entities: found.items.map(campaignEntity), pageInfo: found.pageInfo };
  }
  if (level === 'adgroup') {
    const found = await tiktok.adGroups.getWithRaw(request);
    await tiktok.betweenSends();
    return { entities: found.items.map(adGroupEntity), pageInfo: found.pageInfo };
  }
  const found = await tiktok.ads.getWithRaw(request);
  await tiktok.betweenSends();
  return { entities: found.items.map(adEntity), pageInfo: found.pageInfo };
}

/** One listing of a pass: a level's objects under one filter. */
export interface Listing {
  level: EntityLevel;
  filtering: EntityFiltering;
  /** Sees each object as its page arrives. */
  onEntity?: (entity: MirrorEntity) => void;
}

/**
 * The ids a listing saw, and whether it is whole: page numbers shift when TikTok's set changes
 * mid-walk, so an id can be missed, and only a listing whose count matches TikTok's total may
 * mark the missing as deleted.
 */
export interface Listed {
  ids: string[];
  whole: boolean;
}

/** Where a pass writes, and the parents it has read so far. */
export interface ListingContext {
  tiktok: TikTokClient;
  mirror: TikTokMirrorRepository;
  workspaceId: string;
  advertiserId: string;
  accessToken: string;
  now: () => Date;
  parents: MirrorParents;
  /** Counts each page written. */
  onPage: () => void;
}

/** A page that has arrived: its rows, or its entities while their parents are still being read. */
interface ArrivedPage {
  rows?: MirrorRows;
  entities?: MirrorEntity[];
}

interface ListingProgress {
  listing: Listing;
  ids: Set<string>;
  requested: number;
  arrived: number;
  /** The last page by TikTok's latest answer; unknown until the first answer. */
  lastPage: number | undefined;
  /** An empty page came: nothing after it is asked for. */
  ended: boolean;
  total: number;
  pages: Map<number, Promise<ArrivedPage>>;
}

function noteParent(parents: MirrorParents, entity: MirrorEntity): void {
  if (entity.level === 'campaign')
    parents.campaigns.set(entity.entityId, { name: entity.name, objective: entity.objective });
  else if (entity.level === 'adgroup') parents.adGroups.set(entity.entityId, entity.name);
}

/**
 * Reads listings in order and writes each page as it comes, a listing's pages all written before
 * the next one's. Reads run ahead of the writes, across listings: the next listing's first page is
 * asked for while this one's last pages are written, so that TikTok's answers, not our writes, set
 * the pace, and one account alone keeps the budget busy. Only pages TikTok said exist are asked
 * for (a listing's first page tells how many). `onListed` runs once a listing is written in full,
 * before the next one's rows are written.
 */
export async function mirrorListings(
  context: ListingContext,
  listings: readonly Listing[],
  onListed?: (listing: Listing, listed: Listed) => Promise<void>,
): Promise<Listed[]> {
  const progress: ListingProgress[] = listings.map((listing) => ({
    listing,
    ids: new Set(),
    requested: 0,
    arrived: 0,
    lastPage: undefined,
    ended: false,
    total: 0,
    pages: new Map(),
  }));
  /** Pages asked for and not yet taken for writing. */
  let waiting = 0;

  const readWhole = (each: ListingProgress) =>
    each.lastPage !== undefined &&
    each.arrived === each.requested &&
    (each.ended || each.requested >= each.lastPage);
  /** Rows name their parents, so a page waits as entities until every earlier listing is read. */
  const parentsRead = (index: number) => progress.slice(0, index).every(readWhole);
  const rowsOf = (entities: readonly MirrorEntity[]) => mirrorRows(entities, context.parents);

  function request(index: number): void {
    const each = progress[index]!;
    each.requested += 1;
    waiting += 1;
    const page = each.requested;
    const found = pageOf(context.tiktok, each.listing.level, {
      accessToken: context.accessToken,
      advertiserId: context.advertiserId,
      filtering: each.listing.filtering,
      page,
      pageSize,
    }).then(async ({ entities, pageInfo }): Promise<ArrivedPage> => {
      each.arrived += 1;
      each.total = pageInfo.totalNumber;
      if (entities.length === 0) each.ended = true;
      else each.lastPage = pageInfo.totalPage;
      each.lastPage ??= page;
      for (const entity of entities) {
        each.ids.add(entity.entityId);
        noteParent(context.parents, entity);
        each.listing.onEntity?.(entity);
      }
      topUp();
      await context.tiktok.betweenSends();
      // Read and let go at once where the parents are known: only the page's rows wait then.
      return parentsRead(index) ? { rows: rowsOf(entities) } : { entities };
    });
    // Awaited in its turn; until then a failure must not count as unhandled.
    found.catch(() => undefined);
    each.pages.set(page, found);
  }

  /** Asks for pages until `pagesAhead` wait, the earliest listing's first. */
  function topUp(): void {
    while (waiting < pagesAhead) {
      const index = progress.findIndex(
        (each) =>
          each.requested === 0 ||
          (!each.ended && each.lastPage !== undefined && each.requested < each.lastPage),
      );
      if (index === -1) return;
      request(index);
    }
  }

  const listed: Listed[] = [];
  for (const [index, each] of progress.entries()) {
    if (each.requested === 0) request(index);
    for (let page = 1; page <= each.requested; page += 1) {
      const arrived = await each.pages.get(page)!;
      each.pages.delete(page);
      waiting -= 1;
      topUp();
      context.onPage();
      const rows = arrived.rows ?? rowsOf(arrived.entities!);
      await context.mirror.upsertRows(context.workspaceId, context.advertiserId, rows, context.now());
    }
    const result = { ids: [...each.ids], whole: each.ids.size === each.total };
    listed.push(result);
    await onListed?.(each.listing, result);
  }
  return listed;
}
