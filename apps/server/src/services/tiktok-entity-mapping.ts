import type { Ad, AdGroup, Campaign } from '@whathead/tiktok-client';
import type { MirrorEntity } from '../repositories/tiktok-mirror.repository.js';
import { deliveryOf } from './tiktok-delivery-status.js';

/** TikTok writes times as "YYYY-MM-DD HH:MM:SS" in UTC (reference §10). */
export function tiktokTime(value: string | undefined): Date | null {
  if (!value) return null;
  const time = new Date(`${value.replace(' ', 'T')}Z`);
  return Number.isNaN(time.getTime()) ? null : time;
}

type WithRaw<Item> = Item & { raw: Record<string, unknown> };

type CampaignItem = WithRaw<Campaign>;
type AdGroupItem = WithRaw<AdGroup>;
type AdItem = WithRaw<Ad>;

const words = (values: unknown): string[] =>
  Array.isArray(values) ? values.filter((value): value is string => typeof value === 'string') : [];

/** TikTok's statuses of an object, and its delivery in words from them. */
function statusFields(
  level: MirrorEntity['level'],
  item: { operationStatus?: string | undefined; secondaryStatus?: string | undefined },
) {
  const operationStatus = item.operationStatus ?? 'ENABLE';
  const secondaryStatus = item.secondaryStatus ?? null;
  return {
    operationStatus,
    secondaryStatus,
    delivery: deliveryOf(level, operationStatus, secondaryStatus).state,
  };
}

/** What only ad groups have (bidding, placements, schedule, targeting), for campaigns and ads. */
const withoutAdGroupFields = () => ({
  bidStrategy: null,
  bid: null,
  optimizationGoal: null,
  placements: [],
  scheduleStart: null,
  scheduleEnd: null,
  targeting: null,
});

export function campaignEntity(campaign: CampaignItem): MirrorEntity {
  return {
    level: 'campaign',
    entityId: campaign.campaignId,
    campaignId: campaign.campaignId,
    adGroupId: null,
    name: campaign.name,
    ...statusFields('campaign', campaign),
    objective: campaign.objectiveType ?? null,
    budgetMode: campaign.budgetMode ?? null,
    budget: campaign.budget ?? null,
    ...withoutAdGroupFields(),
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

export function adGroupEntity(adGroup: AdGroupItem): MirrorEntity {
  return {
    level: 'adgroup',
    entityId: adGroup.adGroupId,
    campaignId: adGroup.campaignId ?? '',
    adGroupId: adGroup.adGroupId,
    name: adGroup.name,
    ...statusFields('adgroup', adGroup),
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

export function adEntity(ad: AdItem): MirrorEntity {
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
    ...statusFields('ad', ad),
    objective: null,
    budgetMode: null,
    budget: null,
    ...withoutAdGroupFields(),
    creative: creative.length > 0 ? creative.join(' · ') : null,
    createdAt: tiktokTime(ad.createTime),
    modifiedAt: tiktokTime(ad.modifyTime),
    raw: ad.raw,
  };
}
