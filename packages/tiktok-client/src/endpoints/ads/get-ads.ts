import { entityReader, type EntityPageInput } from '../entity-reader.js';
import type { PrimaryStatus } from '../entity-status.js';
import { adSchema } from './ad-schema.js';

export interface AdFiltering {
  adIds?: string[] | undefined;
  adGroupIds?: string[] | undefined;
  campaignIds?: string[] | undefined;
  adName?: string | undefined;
  primaryStatus?: PrimaryStatus | undefined;
  secondaryStatus?: string | undefined;
  /** "YYYY-MM-DD HH:MM:SS" UTC (reference §4.1: only /ad/get/ has it). */
  modifiedAfter?: string | undefined;
}

export type GetAdsInput = EntityPageInput<AdFiltering>;

/** GET /ad/get/ (reference §4.1). */
const adReader = entityReader('/ad/get/', adSchema, (filtering: AdFiltering) => ({
  ad_ids: filtering.adIds,
  adgroup_ids: filtering.adGroupIds,
  campaign_ids: filtering.campaignIds,
  ad_name: filtering.adName,
  primary_status: filtering.primaryStatus,
  secondary_status: filtering.secondaryStatus,
  modified_after: filtering.modifiedAfter,
}));

/** One page of ads. */
export const getAds = adReader.get;
/** One page, each with TikTok's object as sent (`raw`): for the campaign mirror. */
export const getAdsWithRaw = adReader.getWithRaw;
/** Every ad matching the filter, page after page. */
export const listAds = adReader.list;
