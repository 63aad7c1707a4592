import { entityReader, type EntityPageInput } from '../entity-reader.js';
import type { PrimaryStatus } from '../entity-status.js';
import { adGroupSchema } from './ad-group-schema.js';

export interface AdGroupFiltering {
  adGroupIds?: string[] | undefined;
  campaignIds?: string[] | undefined;
  adGroupName?: string | undefined;
  primaryStatus?: PrimaryStatus | undefined;
  secondaryStatus?: string | undefined;
}

export type GetAdGroupsInput = EntityPageInput<AdGroupFiltering>;

/** GET /adgroup/get/ (reference §4.1). */
const adGroupReader = entityReader('/adgroup/get/', adGroupSchema, (filtering: AdGroupFiltering) => ({
  adgroup_ids: filtering.adGroupIds,
  campaign_ids: filtering.campaignIds,
  adgroup_name: filtering.adGroupName,
  primary_status: filtering.primaryStatus,
  secondary_status: filtering.secondaryStatus,
}));

/** One page of ad groups. */
export const getAdGroups = adGroupReader.get;
/** One page, each with TikTok's object as sent (`raw`): for the campaign mirror. */
export const getAdGroupsWithRaw = adGroupReader.getWithRaw;
/** Every ad group matching the filter, page after page. */
export const listAdGroups = adGroupReader.list;
