import { randomUUID } from 'node:crypto';
import {
  adFormats,
  adGroupBudgetModes,
  ageGroups,
  audiencesMaximum,
  billingEvents,
  bidTypes,
  builderObjectives,
  callsToAction,
  campaignBudgetModes,
  genders,
  optimizationGoals,
  placements,
  promotionTypes,
  type AdCreativeRef,
  type AdGroupNode,
  type AdGroupSettings,
  type AdIdentity,
  type AdNode,
  type AdSettings,
  type BuilderObjective,
  type CampaignNode,
  type CampaignSettings,
  type DraftNode,
} from '@whathead/contracts';
import {
  id,
  ids,
  isRecord,
  known,
  knownList,
  money,
  operationStatus,
  size,
  strings,
  text,
  time,
  unique,
  type Raw,
} from './raw-values.js';

/**
 * Select existing and Expand: TikTok's objects from the campaign mirror as builder nodes. Each
 * node's `published` is the very settings it starts with, so a tree loaded and left alone plans
 * as nothing to do, and a change plans as an update of that field only.
 *
 * TikTok returns values the builder's forms do not offer (older objectives, other budget modes,
 * placements, formats). A node never claims a value TikTok does not have: a value with a plain
 * equivalent is mapped to it, anything else becomes null (or is left out), and validation then
 * tells the marketer what to choose. Only fields TikTok lets change are ever sent back, so a
 * field the builder cannot show is never overwritten by loading it.
 */

export interface MirroredObject {
  level: 'campaign' | 'adgroup' | 'ad';
  entityId: string;
  campaignId: string;
  adGroupId: string | null;
  /** TikTok's object as /campaign/get/, /adgroup/get/ or /ad/get/ returned it. */
  raw: unknown;
}

export interface LibraryMedia {
  kind: 'image' | 'video';
  mediaId: string;
  fileName: string | null;
  width: number | null;
  height: number | null;
  sha256: string | null;
}

export interface ExistingNodesInput {
  advertiserId: string;
  objects: readonly MirroredObject[];
  /** The account's library items by TikTok's video or image id. */
  media: ReadonlyMap<string, LibraryMedia>;
  /** Location names by TikTok's location id, where known; an unknown one is named by its id. */
  regionNames: ReadonlyMap<string, string>;
  newKey?: () => string;
}

/**
 * TikTok's objectives renamed over the years, as the builder names them. Others (reach and
 * frequency, Shop purchases) are another kind of campaign: they load with no objective.
 */
const objectiveSynonyms: Readonly<Record<string, BuilderObjective>> = {
  CONVERSIONS: 'WEB_CONVERSIONS',
  APP_INSTALL: 'APP_PROMOTION',
  CATALOG_SALES: 'PRODUCT_SALES',
};

export function existingNodes(input: ExistingNodesInput): DraftNode[] {
  const newKey = input.newKey ?? randomUUID;
  const campaignKeys = new Map<string, string>();
  const adGroupKeys = new Map<string, string>();
  const byParent = new Map<string, DraftNode[]>();
  const roots: DraftNode[] = [];
  const place = (node: DraftNode, parentKey: string | null) =>
    parentKey === null
      ? roots.push(node)
      : byParent.set(parentKey, [...(byParent.get(parentKey) ?? []), node]);

  const levelOrder = { campaign: 0, adgroup: 1, ad: 2 } as const;
  const objects = [...input.objects].sort((left, right) => levelOrder[left.level] - levelOrder[right.level]);
  for (const object of objects) {
    const raw = isRecord(object.raw) ? object.raw : {};
    if (object.level === 'campaign') {
      const node = campaignNode(newKey(), object.entityId, input.advertiserId, raw);
      campaignKeys.set(object.entityId, node.key);
      place(node, null);
    } else if (object.level === 'adgroup') {
      const parentKey = campaignKeys.get(object.campaignId) ?? null;
      const node = adGroupNode(newKey(), object.entityId, parentKey, raw, input.regionNames);
      adGroupKeys.set(object.entityId, node.key);
      place(node, parentKey);
    } else {
      const parentKey = (object.adGroupId && adGroupKeys.get(object.adGroupId)) || null;
      const node = adNode(newKey(), object.entityId, parentKey, raw, input.media);
      if (node) place(node, parentKey);
    }
  }
  // Parents before children, each campaign followed by its own.
  const ordered: DraftNode[] = [];
  const visit = (node: DraftNode) => {
    ordered.push(node);
    for (const child of byParent.get(node.key) ?? []) visit(child);
  };
  for (const root of roots) visit(root);
  return ordered;
}

export function campaignSettings(raw: Raw): CampaignSettings {
  const objective = text(raw.objective_type, 100);
  const budgetMode = text(raw.budget_mode, 100);
  return {
    name: text(raw.campaign_name, 1024),
    objective: known(builderObjectives, objective) ?? objectiveSynonyms[objective] ?? null,
    budgetMode:
      known(campaignBudgetModes, budgetMode) ??
      // A dynamic daily budget is a daily budget TikTok may overspend on good days (up to 125%)
      // and balances over the week: to the marketer, and to the budget rules, it is a daily one.
      (budgetMode === 'BUDGET_MODE_DYNAMIC_DAILY_BUDGET' ? 'BUDGET_MODE_DAY' : 'BUDGET_MODE_INFINITE'),
    budget: money(raw.budget),
    budgetOptimization: raw.budget_optimize_on === true,
    status: operationStatus(raw.operation_status),
  };
}

export function adGroupSettings(raw: Raw, regionNames: ReadonlyMap<string, string>): AdGroupSettings {
  const placementType =
    raw.placement_type === 'PLACEMENT_TYPE_NORMAL' ? 'PLACEMENT_TYPE_NORMAL' : 'PLACEMENT_TYPE_AUTOMATIC';
  const scheduleType =
    raw.schedule_type === 'SCHEDULE_START_END' ? 'SCHEDULE_START_END' : 'SCHEDULE_FROM_NOW';
  const budgetMode = text(raw.budget_mode, 100);
  const bidType = known(bidTypes, text(raw.bid_type, 100));
  return {
    name: text(raw.adgroup_name, 1024),
    placementType,
    // Correction 4: under automatic placement TikTok may list the placements it chose; the
    // builder's automatic placement has none.
    placements: placementType === 'PLACEMENT_TYPE_NORMAL' ? knownList(placements, raw.placements) : [],
    locations: unique(ids(raw.location_ids)).map((id) => ({
      id,
      name: text(regionNames.get(id) ?? id, 200),
    })),
    ageGroups: knownList(ageGroups, raw.age_groups),
    gender: known(genders, text(raw.gender, 100)) ?? 'GENDER_UNLIMITED',
    languages: unique(strings(raw.languages).filter((code) => code.length > 0 && code.length <= 16)).slice(
      0,
      200,
    ),
    budgetMode: known(adGroupBudgetModes, budgetMode) ?? 'BUDGET_MODE_DAY',
    budget: money(raw.budget),
    scheduleType,
    scheduleStart: time(raw.schedule_start_time),
    // "From now" ad groups carry an end TikTok made up far ahead; the builder shows none.
    scheduleEnd: scheduleType === 'SCHEDULE_START_END' ? time(raw.schedule_end_time) : null,
    dayparting:
      typeof raw.dayparting === 'string' && /^[01]{336}$/.test(raw.dayparting) ? raw.dayparting : null,
    promotionType: known(promotionTypes, text(raw.promotion_type, 100)),
    optimizationGoal: known(optimizationGoals, text(raw.optimization_goal, 100)),
    billingEvent: known(billingEvents, text(raw.billing_event, 100)),
    // Another bid strategy (highest value, minimum ROAS) is not a cost cap: it reads as no bid.
    bidType: bidType ?? 'BID_TYPE_NO_BID',
    // A cost cap on a conversion goal is TikTok's conversion_bid_price; on clicks, its bid_price.
    bid: bidType === 'BID_TYPE_CUSTOM' ? (money(raw.conversion_bid_price) ?? money(raw.bid_price)) : null,
    pixelId: id(raw.pixel_id),
    optimizationEvent: text(raw.optimization_event, 100) || null,
    appId: id(raw.app_id),
    // /adgroup/get/ carries the audience ids, without names; an object the mirror stored without
    // them loads with none, and as its `published` is the same, it plans as nothing to do.
    audienceIds: audienceIdsOf(raw.audience_ids),
    excludedAudienceIds: audienceIdsOf(raw.excluded_audience_ids),
    status: operationStatus(raw.operation_status),
  };
}

const audienceIdsOf = (list: unknown): string[] => unique(ids(list)).slice(0, audiencesMaximum);

/** Undefined for an ad the builder cannot show (carousel, LIVE, catalog): it is left out. */
export function adSettings(raw: Raw, media: ReadonlyMap<string, LibraryMedia>): AdSettings | undefined {
  const format = known(adFormats, text(raw.ad_format, 100));
  if (!format) return undefined;
  const displayName = text(raw.display_name, 200);
  return {
    name: text(raw.ad_name, 1024),
    format,
    identity: identityOf(raw, displayName),
    creative: creativeOf(format, raw, media),
    adText: text(raw.ad_text, 1000),
    callToAction: known(callsToAction, text(raw.call_to_action, 100)),
    landingPageUrl: text(raw.landing_page_url, 2048),
    displayName,
    status: operationStatus(raw.operation_status),
  };
}

function campaignNode(key: string, entityId: string, advertiserId: string, raw: Raw): CampaignNode {
  const settings = campaignSettings(raw);
  return {
    level: 'campaign',
    key,
    parentKey: null,
    advertiserId,
    settings,
    position: null,
    tiktokId: entityId,
    published: structuredClone(settings),
  };
}

function adGroupNode(
  key: string,
  entityId: string,
  parentKey: string | null,
  raw: Raw,
  regionNames: ReadonlyMap<string, string>,
): AdGroupNode {
  const settings = adGroupSettings(raw, regionNames);
  return {
    level: 'adgroup',
    key,
    parentKey,
    settings,
    position: null,
    tiktokId: entityId,
    published: structuredClone(settings),
  };
}

function adNode(
  key: string,
  entityId: string,
  parentKey: string | null,
  raw: Raw,
  media: ReadonlyMap<string, LibraryMedia>,
): AdNode | undefined {
  const settings = adSettings(raw, media);
  if (!settings) return undefined;
  return {
    level: 'ad',
    key,
    parentKey,
    settings,
    position: null,
    tiktokId: entityId,
    published: structuredClone(settings),
  };
}

const identityTypes = ['CUSTOMIZED_USER', 'AUTH_CODE', 'TT_USER', 'BC_AUTH_TT'] as const;

function identityOf(raw: Raw, displayName: string): AdIdentity | null {
  const type = known(identityTypes, text(raw.identity_type, 100));
  const identityId =
    text(raw.identity_id, 128) || (typeof raw.identity_id === 'number' ? String(raw.identity_id) : '');
  if (!type || !identityId) return null;
  return { type, id: identityId, displayName };
}

function creativeOf(
  format: (typeof adFormats)[number],
  raw: Raw,
  media: ReadonlyMap<string, LibraryMedia>,
): AdCreativeRef | null {
  const imageIds = strings(raw.image_ids);
  const materialId = format === 'SINGLE_VIDEO' ? text(raw.video_id, 128) : text(imageIds[0], 128);
  if (!materialId) return null;
  const item = media.get(materialId);
  return {
    kind: format === 'SINGLE_VIDEO' ? 'video' : 'image',
    materialId,
    fileName: text(item?.fileName || materialId, 255),
    sha256: item?.sha256 && /^[0-9a-f]{64}$/.test(item.sha256) ? item.sha256 : null,
    width: size(item?.width),
    height: size(item?.height),
    coverImageId: format === 'SINGLE_VIDEO' ? text(imageIds[0], 128) || null : null,
  };
}
