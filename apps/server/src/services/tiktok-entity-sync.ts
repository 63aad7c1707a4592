import type { EntityLevel } from '@whathead/db';
import type { Ad, AdGroup, Campaign, TikTokClient } from '@whathead/tiktok-client';
import {
  mirrorRows,
  type MirrorEntity,
  type MirrorParents,
  type TikTokMirrorRepository,
} from '../repositories/tiktok-mirror.repository.js';
import { nextTurn } from '../lib/next-turn.js';
import { deliveryOf } from './tiktok-delivery-status.js';

/** Reference §2: the largest page TikTok serves for these reads; fewer calls is the whole game. */
const pageSize = 1000;
/** Pages of one listing asked for while an earlier one is written. */
const pagesAhead = 2;
/** Reference §4.1: `campaign_ids` and `adgroup_ids` filters take at most 100 ids. */
const idsPerFilter = 100;
/** Deleted objects are hidden unless asked for (reference §4.1): the mirror must see deletions. */
const everyStatus = 'STATUS_ALL' as const;

/** The filters the mirror uses, at whichever level (reference §4.1). */
interface EntityFiltering {
  primaryStatus: typeof everyStatus;
  modifiedAfter?: string;
  campaignIds?: string[];
  adGroupIds?: string[];
  adIds?: string[];
}

interface PageRequest {
  accessToken: string;
  advertiserId: string;
  filtering: EntityFiltering;
  page: number;
  pageSize: number;
}

/** One page of a level, as mirror rows. */
async function pageOf(tiktok: TikTokClient, level: EntityLevel, request: PageRequest) {
  if (level === 'campaign') {
    const found = await tiktok.campaigns.getWithRaw(request);
    await nextTurn();
    return { entities: found.items.map(campaignEntity), pageInfo: found.pageInfo };
  }
  if (level === 'adgroup') {
    const found = await tiktok.adGroups.getWithRaw(request);
    await nextTurn();
    return { entities: found.items.map(adGroupEntity), pageInfo: found.pageInfo };
  }
  const found = await tiktok.ads.getWithRaw(request);
  await nextTurn();
  return { entities: found.items.map(adEntity), pageInfo: found.pageInfo };
}

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

/** TikTok writes times as "YYYY-MM-DD HH:MM:SS" in UTC (reference §10). */
export function tiktokTime(value: string | undefined): Date | null {
  if (!value) return null;
  const time = new Date(`${value.replace(' ', 'T')}Z`);
  return Number.isNaN(time.getTime()) ? null : time;
}

/**
 * Pages through one listing, writing each page as it comes. Returns the ids seen and whether the
 * listing is whole: page numbers shift when TikTok's set changes mid-walk, so an id can be missed,
 * and only a listing whose count matches TikTok's total may mark the missing as deleted.
 */
async function mirrorListing(
  input: EntitySyncInput,
  level: EntityLevel,
  filtering: EntityFiltering,
  pass: Pass,
  onEntity?: (entity: MirrorEntity) => void,
): Promise<{ ids: string[]; whole: boolean }> {
  const ids = new Set<string>();
  const read = (page: number) => {
    const found = pageOf(input.tiktok, level, {
      accessToken: input.accessToken,
      advertiserId: input.advertiserId,
      filtering,
      page,
      pageSize,
    }).then(async ({ entities, pageInfo }) => {
      // Read and let go at once: only the page's rows wait for the database (mirrorRows).
      for (const entity of entities) {
        ids.add(entity.entityId);
        noteParent(pass.parents, entity);
        onEntity?.(entity);
      }
      await nextTurn();
      return { rows: mirrorRows(entities, pass.parents), pageInfo };
    });
    // Awaited in its turn; until then a failure must not count as unhandled.
    found.catch(() => undefined);
    return found;
  };
  let total = 0;
  // Pages ahead are on their way while one is written: TikTok's answer, not our write, sets the
  // pace, and one account alone keeps the budget busy. Only pages TikTok said exist are asked for.
  const ahead = [read(1)];
  let requested = 1;
  while (ahead.length > 0) {
    const { rows, pageInfo } = await ahead.shift()!;
    pass.calls += 1;
    total = pageInfo.totalNumber;
    const lastPage = rows.count === 0 ? requested : pageInfo.totalPage;
    while (ahead.length < pagesAhead && requested < lastPage) {
      requested += 1;
      ahead.push(read(requested));
    }
    await input.mirror.upsertRows(input.workspaceId, input.advertiserId, rows, input.now());
  }
  return { ids: [...ids], whole: ids.size === total };
}

/** One account's pass as it goes: its calls, and the parents it has read so far. */
interface Pass {
  calls: number;
  parents: MirrorParents;
}

function noteParent(parents: MirrorParents, entity: MirrorEntity): void {
  if (entity.level === 'campaign')
    parents.campaigns.set(entity.entityId, { name: entity.name, objective: entity.objective });
  else if (entity.level === 'adgroup') parents.adGroups.set(entity.entityId, entity.name);
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
  const pass: Pass = { calls: 0, parents: { campaigns: new Map(), adGroups: new Map() } };
  const { mirror, workspaceId, advertiserId } = input;
  const levels: EntityLevel[] = ['campaign', 'adgroup'];
  const before = new Map(
    await Promise.all(
      levels.map(
        async (level) => [level, await mirror.fingerprints(workspaceId, advertiserId, level)] as const,
      ),
    ),
  );

  for (const level of levels) {
    const listed = await mirrorListing(input, level, { primaryStatus: everyStatus }, pass);
    if (listed.whole) await mirror.markUnlisted(workspaceId, advertiserId, level, listed.ids, input.now());
  }

  let newest = input.adsModifiedThrough ?? '';
  const noteModified = (entity: MirrorEntity) => {
    const modified = (entity.raw as { modify_time?: unknown }).modify_time;
    if (typeof modified === 'string' && modified > newest) newest = modified;
  };
  if (input.adsModifiedThrough === null) {
    const ads = await mirrorListing(input, 'ad', { primaryStatus: everyStatus }, pass, noteModified);
    if (ads.whole) await mirror.markUnlisted(workspaceId, advertiserId, 'ad', ads.ids, input.now());
  } else {
    const modifiedAfter = input.adsModifiedThrough;
    await mirrorListing(input, 'ad', { primaryStatus: everyStatus, modifiedAfter }, pass, noteModified);
    for (const campaignIds of chunks(
      await changedIds(input, 'campaign', before.get('campaign')!),
      idsPerFilter,
    ))
      await mirrorListing(input, 'ad', { primaryStatus: everyStatus, campaignIds }, pass);
    for (const adGroupIds of chunks(await changedIds(input, 'adgroup', before.get('adgroup')!), idsPerFilter))
      await mirrorListing(input, 'ad', { primaryStatus: everyStatus, adGroupIds }, pass);
  }
  await mirror.cascadeDeletions(workspaceId, advertiserId, input.now());
  return { calls: { calls: pass.calls }, adsModifiedThrough: newest || null };
}

type WithRaw<Item> = Item & { raw: Record<string, unknown> };

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

type CampaignItem = WithRaw<Campaign>;
type AdGroupItem = WithRaw<AdGroup>;
type AdItem = WithRaw<Ad>;

const words = (values: unknown): string[] =>
  Array.isArray(values) ? values.filter((value): value is string => typeof value === 'string') : [];

function campaignEntity(campaign: CampaignItem): MirrorEntity {
  const operationStatus = campaign.operationStatus ?? 'ENABLE';
  const secondaryStatus = campaign.secondaryStatus ?? null;
  return {
    level: 'campaign',
    entityId: campaign.campaignId,
    campaignId: campaign.campaignId,
    adGroupId: null,
    name: campaign.name,
    operationStatus,
    secondaryStatus,
    delivery: deliveryOf('campaign', operationStatus, secondaryStatus).state,
    objective: campaign.objectiveType ?? null,
    budgetMode: campaign.budgetMode ?? null,
    budget: campaign.budget ?? null,
    bidStrategy: null,
    bid: null,
    optimizationGoal: null,
    placements: [],
    scheduleStart: null,
    scheduleEnd: null,
    targeting: null,
    creative: null,
    createdAt: tiktokTime(campaign.createTime),
    modifiedAt: tiktokTime(campaign.modifyTime),
    raw: campaign.raw,
  };
}

/** Locations, ages and gender in a few words: what a marketer scans a row for. */
function targetingOf(adGroup: AdGroupItem): string {
  const parts: string[] = [];
  const locations = adGroup.locationIds.length;
  parts.push(locations === 0 ? 'No locations' : `${locations} location${locations === 1 ? '' : 's'}`);
  const ages = words(adGroup.raw.age_groups).map((age) => age.replace('AGE_', '').replace('_', '–'));
  parts.push(ages.length > 0 ? `ages ${ages.join(', ')}` : 'all ages');
  const gender = typeof adGroup.raw.gender === 'string' ? adGroup.raw.gender : 'GENDER_UNLIMITED';
  parts.push(gender === 'GENDER_MALE' ? 'men' : gender === 'GENDER_FEMALE' ? 'women' : 'all genders');
  return parts.join(' · ');
}

function adGroupEntity(adGroup: AdGroupItem): MirrorEntity {
  const operationStatus = adGroup.operationStatus ?? 'ENABLE';
  const secondaryStatus = adGroup.secondaryStatus ?? null;
  return {
    level: 'adgroup',
    entityId: adGroup.adGroupId,
    campaignId: adGroup.campaignId ?? '',
    adGroupId: adGroup.adGroupId,
    name: adGroup.name,
    operationStatus,
    secondaryStatus,
    delivery: deliveryOf('adgroup', operationStatus, secondaryStatus).state,
    objective: null,
    budgetMode: adGroup.budgetMode ?? null,
    budget: adGroup.budget ?? null,
    bidStrategy: adGroup.bidType ?? null,
    bid: adGroup.bidPrice ?? null,
    optimizationGoal: adGroup.optimizationGoal ?? null,
    placements:
      adGroup.placementType === 'PLACEMENT_TYPE_AUTOMATIC' ? ['AUTOMATIC'] : (adGroup.placements ?? []),
    scheduleStart: tiktokTime(adGroup.scheduleStartTime),
    scheduleEnd: tiktokTime(adGroup.scheduleEndTime),
    targeting: targetingOf(adGroup),
    creative: null,
    createdAt: tiktokTime(adGroup.createTime),
    modifiedAt: tiktokTime(adGroup.modifyTime),
    raw: adGroup.raw,
  };
}

const adFormats: Readonly<Record<string, string>> = {
  SINGLE_VIDEO: 'Video',
  SINGLE_IMAGE: 'Image',
  CAROUSEL_ADS: 'Carousel',
  LIVE_CONTENT: 'LIVE',
  CATALOG_CAROUSEL: 'Catalog carousel',
};

function adEntity(ad: AdItem): MirrorEntity {
  const operationStatus = ad.operationStatus ?? 'ENABLE';
  const secondaryStatus = ad.secondaryStatus ?? null;
  const creative = [
    ad.adFormat ? (adFormats[ad.adFormat] ?? ad.adFormat) : undefined,
    ad.adText ? `“${ad.adText}”` : undefined,
    ad.callToAction ? ad.callToAction.toLowerCase().replace(/_/g, ' ') : undefined,
  ].filter(Boolean);
  return {
    level: 'ad',
    entityId: ad.adId,
    campaignId: ad.campaignId ?? '',
    adGroupId: ad.adGroupId ?? null,
    name: ad.name,
    operationStatus,
    secondaryStatus,
    delivery: deliveryOf('ad', operationStatus, secondaryStatus).state,
    objective: null,
    budgetMode: null,
    budget: null,
    bidStrategy: null,
    bid: null,
    optimizationGoal: null,
    placements: [],
    scheduleStart: null,
    scheduleEnd: null,
    targeting: null,
    creative: creative.length > 0 ? creative.join(' · ') : null,
    createdAt: tiktokTime(ad.createTime),
    modifiedAt: tiktokTime(ad.modifyTime),
    raw: ad.raw,
  };
}
