import {
  audienceListsOf,
  settingChanges,
  type AdGroupNode,
  type AdNode,
  type CampaignNode,
  type CampaignSettings,
  type DraftNode,
} from '@whathead/contracts';
import type {
  AdCreative,
  CreateAdGroupInput,
  CreateCampaignInput,
  UpdateAdGroupInput,
  UpdateCampaignInput,
} from '@whathead/tiktok-client';

/**
 * Builder nodes as TikTok's requests (reference §4.1 and corrections 1, 3–5). Creates carry every
 * setting; updates carry only the editable fields that changed, so a publish never rewrites what
 * the marketer did not touch (and never sends a field TikTok refuses to change). A status change
 * goes through the status endpoints instead, batched by the client.
 */

type Call = { accessToken: string; advertiserId: string };

/** TikTok's "YYYY-MM-DD HH:MM:SS" in UTC. */
export const tiktokTime = (milliseconds: number) =>
  new Date(milliseconds).toISOString().slice(0, 19).replace('T', ' ');

export function campaignCreate(node: CampaignNode, call: Call, requestId: string): CreateCampaignInput {
  const settings = node.settings;
  return {
    ...call,
    name: settings.name.trim(),
    objectiveType: settings.objective ?? 'TRAFFIC',
    budgetMode: settings.budgetMode,
    ...(settings.budgetMode === 'BUDGET_MODE_INFINITE' || settings.budget === null
      ? {}
      : { budget: settings.budget }),
    budgetOptimizeOn: settings.budgetOptimization,
    operationStatus: settings.status,
    idempotency: { requestId },
  };
}

export function adGroupCreate(
  node: AdGroupNode,
  campaign: { tiktokId: string; settings: CampaignSettings },
  call: Call,
  requestId: string,
  now: number,
): CreateAdGroupInput {
  const settings = node.settings;
  const conversionBid = settings.billingEvent === 'OCPM';
  const customBid = settings.bidType === 'BID_TYPE_CUSTOM' && settings.bid !== null;
  const ownBudget = !campaign.settings.budgetOptimization;
  const audiences = audienceListsOf(settings);
  return {
    ...call,
    campaignId: campaign.tiktokId,
    name: settings.name.trim(),
    placementType: settings.placementType,
    ...(settings.placementType === 'PLACEMENT_TYPE_NORMAL' ? { placements: settings.placements } : {}),
    ...(settings.promotionType ? { promotionType: settings.promotionType } : {}),
    locationIds: settings.locations.map((location) => location.id),
    ...(ownBudget && settings.budget !== null
      ? { budgetMode: settings.budgetMode, budget: settings.budget }
      : {}),
    scheduleType: settings.scheduleType,
    scheduleStartTime: settings.scheduleStart ?? tiktokTime(now),
    ...(settings.scheduleType === 'SCHEDULE_START_END' && settings.scheduleEnd
      ? { scheduleEndTime: settings.scheduleEnd }
      : {}),
    optimizationGoal: settings.optimizationGoal ?? 'CLICK',
    billingEvent: settings.billingEvent ?? 'CPC',
    bidType: settings.bidType,
    ...(customBid && !conversionBid ? { bidPrice: settings.bid! } : {}),
    operationStatus: settings.status,
    idempotency: { requestId },
    additionalFields: withoutEmpty({
      ...(customBid && conversionBid ? { conversion_bid_price: settings.bid } : {}),
      age_groups: settings.ageGroups.length > 0 ? settings.ageGroups : undefined,
      gender: settings.gender,
      languages: settings.languages.length > 0 ? settings.languages : undefined,
      dayparting: settings.dayparting ?? undefined,
      pixel_id: settings.pixelId ?? undefined,
      optimization_event: settings.optimizationEvent ?? undefined,
      app_id: settings.appId ?? undefined,
      audience_ids: audiences.included.length > 0 ? audiences.included : undefined,
      excluded_audience_ids: audiences.excluded.length > 0 ? audiences.excluded : undefined,
    }),
  };
}

/** One creative of /ad/create/ (correction 5: the identity always goes with it). */
export function adCreative(node: AdNode): AdCreative {
  const settings = node.settings;
  const creative = settings.creative;
  const video = settings.format === 'SINGLE_VIDEO';
  return {
    name: settings.name.trim(),
    adFormat: settings.format,
    adText: settings.adText.trim(),
    ...(video && creative ? { videoId: creative.materialId } : {}),
    imageIds: creative ? [video ? (creative.coverImageId ?? '') : creative.materialId].filter(Boolean) : [],
    ...(settings.callToAction ? { callToAction: settings.callToAction } : {}),
    ...(settings.landingPageUrl.trim() ? { landingPageUrl: settings.landingPageUrl.trim() } : {}),
    ...(settings.displayName.trim() ? { displayName: settings.displayName.trim() } : {}),
    identityType: settings.identity?.type ?? 'CUSTOMIZED_USER',
    identityId: settings.identity?.id ?? '',
    additionalFields: { operation_status: settings.status },
  };
}

/** The changed editable fields of a published node, status apart (it has its own endpoint). */
function changed(node: DraftNode): Set<string> {
  return new Set(
    settingChanges(node)
      .editable.map((change) => change.field)
      .filter((field) => field !== 'status'),
  );
}

/** The status to set, when it changed. */
export function statusChange(node: DraftNode): 'ENABLE' | 'DISABLE' | undefined {
  return node.published && node.published.status !== node.settings.status ? node.settings.status : undefined;
}

export function campaignUpdate(node: CampaignNode, call: Call): UpdateCampaignInput | undefined {
  const fields = changed(node);
  if (fields.size === 0 || !node.tiktokId) return undefined;
  return {
    ...call,
    campaignId: node.tiktokId,
    ...(fields.has('name') ? { name: node.settings.name.trim() } : {}),
    ...(fields.has('budget') && node.settings.budget !== null ? { budget: node.settings.budget } : {}),
  };
}

export function adGroupUpdate(node: AdGroupNode, call: Call): UpdateAdGroupInput | undefined {
  const fields = changed(node);
  if (fields.size === 0 || !node.tiktokId) return undefined;
  const settings = node.settings;
  const conversionBid = settings.billingEvent === 'OCPM';
  const audiences = audienceListsOf(settings);
  return {
    ...call,
    adGroupId: node.tiktokId,
    ...(fields.has('name') ? { name: settings.name.trim() } : {}),
    ...(fields.has('budget') && settings.budget !== null ? { budget: settings.budget } : {}),
    ...(fields.has('locations') ? { locationIds: settings.locations.map((location) => location.id) } : {}),
    ...(fields.has('scheduleStart') && settings.scheduleStart
      ? { scheduleStartTime: settings.scheduleStart }
      : {}),
    ...(fields.has('scheduleEnd') && settings.scheduleEnd ? { scheduleEndTime: settings.scheduleEnd } : {}),
    ...(fields.has('bid') && settings.bid !== null && !conversionBid ? { bidPrice: settings.bid } : {}),
    additionalFields: withoutEmpty({
      ...(fields.has('bid') && conversionBid ? { conversion_bid_price: settings.bid } : {}),
      ...(fields.has('ageGroups') ? { age_groups: settings.ageGroups } : {}),
      ...(fields.has('gender') ? { gender: settings.gender } : {}),
      ...(fields.has('languages') ? { languages: settings.languages } : {}),
      ...(fields.has('dayparting') ? { dayparting: settings.dayparting ?? undefined } : {}),
      // Only a changed list goes, whole (an emptied one empty, which clears it): a list the
      // marketer left alone stays as TikTok has it, even one the mirror could not show.
      ...(fields.has('audienceIds') ? { audience_ids: audiences.included } : {}),
      ...(fields.has('excludedAudienceIds') ? { excluded_audience_ids: audiences.excluded } : {}),
    }),
  };
}

/** An /ad/update/ creative with the ad's id and only what changed (sent with patch_update). */
export function adUpdate(node: AdNode): (Partial<AdCreative> & { adId: string }) | undefined {
  const fields = changed(node);
  if (fields.size === 0 || !node.tiktokId) return undefined;
  const full = adCreative(node);
  const identity = fields.has('identity');
  return {
    adId: node.tiktokId,
    ...(fields.has('name') ? { name: full.name } : {}),
    ...(fields.has('adText') ? { adText: full.adText } : {}),
    ...(fields.has('creative')
      ? { adFormat: full.adFormat, videoId: full.videoId, imageIds: full.imageIds }
      : {}),
    ...(fields.has('callToAction') ? { callToAction: full.callToAction } : {}),
    ...(fields.has('landingPageUrl') ? { landingPageUrl: full.landingPageUrl } : {}),
    ...(fields.has('displayName') ? { displayName: full.displayName } : {}),
    ...(identity ? { identityType: full.identityType, identityId: full.identityId } : {}),
  };
}

function withoutEmpty(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined && value !== null),
  );
}
