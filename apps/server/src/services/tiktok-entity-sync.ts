import type { EntityLevel } from '@whathead/db';
import type { TikTokClient } from '@whathead/tiktok-client';
import type {
  MirrorEntity,
  MirrorParents,
  TikTokMirrorRepository,
} from '../repositories/tiktok-mirror.repository.js';
import {
  everyStatus,
  mirrorListings,
  pageOf,
  pageSize,
  type Listed,
  type Listing,
  type ListingContext,
} from './tiktok-entity-listings.js';

/** Reference §4.1: `campaign_ids` and `adgroup_ids` filters take at most 100 ids. */
const idsPerFilter = 100;

export interface EntitySyncInput {
  tiktok: TikTokClient;
  mirror: TikTokMirrorRepository;
  workspaceId: string;
  advertiserId: string;
  accessToken: string;
  /** The newest ad modify time of the last pass; null before the first import. */
  adsModifiedThrough: string | null;
  now: () => Date;
}

/** The ids whose mirrored object differs from TikTok's (new ones included). */
async function changedIds(
  input: EntitySyncInput,
  level: EntityLevel,
  before: Map<string, string>,
): Promise<string[]> {
  const after = await input.mirror.fingerprints(input.workspaceId, input.advertiserId, level);
  return [...after].filter(([id, fingerprint]) => before.get(id) !== fingerprint).map(([id]) => id);
}

const chunks = <Item>(items: readonly Item[], size: number): Item[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) =>
    items.slice(index * size, (index + 1) * size),
  );

/**
 * One account's mirror pass. Campaigns and ad groups have no modified-since filter (reference
 * §4.1), so they are re-read whole and compared; ads are read by `modified_after`, plus every ad
 * under a campaign or ad group that changed, since a parent's change (turned off, deleted) changes
 * its ads' secondary status without touching their modify time.
 */
export async function syncAccountEntities(input: EntitySyncInput) {
  const { mirror, workspaceId, advertiserId } = input;
  let calls = 0;
  const parents: MirrorParents = { campaigns: new Map(), adGroups: new Map() };
  const context: ListingContext = { ...input, parents, onPage: () => (calls += 1) };
  const parentLevels: EntityLevel[] = ['campaign', 'adgroup'];
  const before = new Map(
    await Promise.all(
      parentLevels.map(
        async (level) => [level, await mirror.fingerprints(workspaceId, advertiserId, level)] as const,
      ),
    ),
  );

  let newest = input.adsModifiedThrough ?? '';
  const noteModified = (entity: MirrorEntity) => {
    const modified = (entity.raw as { modify_time?: unknown }).modify_time;
    if (typeof modified === 'string' && modified > newest) newest = modified;
  };
  const firstImport = input.adsModifiedThrough === null;
  // What was not mirrored before the pass cannot have gone from TikTok since: nothing to look for.
  const mirroredBefore = {
    campaign: before.get('campaign')!.size > 0,
    adgroup: before.get('adgroup')!.size > 0,
    ad: firstImport && (await mirror.hasRows(workspaceId, advertiserId, 'ad')),
  };
  const listings: Listing[] = [
    ...parentLevels.map((level) => ({ level, filtering: { primaryStatus: everyStatus } })),
    {
      level: 'ad',
      filtering: firstImport
        ? { primaryStatus: everyStatus }
        : { primaryStatus: everyStatus, modifiedAfter: input.adsModifiedThrough! },
      onEntity: noteModified,
    },
  ];
  // A whole listing of a level shows what TikTok no longer has (ads only when all were listed).
  const markUnlisted = async (listing: Listing, listed: Listed) => {
    if (listed.whole && mirroredBefore[listing.level])
      await mirror.markUnlisted(workspaceId, advertiserId, listing.level, listed.ids, input.now());
  };
  await mirrorListings(context, listings, markUnlisted);

  if (!firstImport) {
    const underChanged = async (filter: 'campaignIds' | 'adGroupIds', level: EntityLevel) => {
      for (const ids of chunks(await changedIds(input, level, before.get(level)!), idsPerFilter))
        await mirrorListings(context, [
          { level: 'ad', filtering: { primaryStatus: everyStatus, [filter]: ids } },
        ]);
    };
    await underChanged('campaignIds', 'campaign');
    await underChanged('adGroupIds', 'adgroup');
  }
  await mirror.cascadeDeletions(workspaceId, advertiserId, input.now());
  return { calls: { calls }, adsModifiedThrough: newest || null };
}

/** Reads one level's objects by id from TikTok, deleted ones included, as mirror entities. */
export async function readEntities(
  tiktok: TikTokClient,
  call: { accessToken: string; advertiserId: string },
  level: EntityLevel,
  ids: readonly string[],
): Promise<MirrorEntity[]> {
  const idFilter = level === 'campaign' ? 'campaignIds' : level === 'adgroup' ? 'adGroupIds' : 'adIds';
  const entities: MirrorEntity[] = [];
  for (const batch of chunks(ids, idsPerFilter)) {
    const filtering = { primaryStatus: everyStatus, [idFilter]: batch };
    entities.push(...(await pageOf(tiktok, level, { ...call, filtering, page: 1, pageSize })).entities);
  }
  return entities;
}
