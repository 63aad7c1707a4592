import { entityReader, type EntityPageInput } from '../entity-reader.js';
import type { PrimaryStatus } from '../entity-status.js';
import { campaignSchema } from './campaign-schema.js';

export interface CampaignFiltering {
  campaignIds?: string[] | undefined;
  campaignName?: string | undefined;
  objectiveType?: string | undefined;
  primaryStatus?: PrimaryStatus | undefined;
  secondaryStatus?: string | undefined;
}

export type GetCampaignsInput = EntityPageInput<CampaignFiltering>;

/** GET /campaign/get/ (reference §4.1). */
const campaignReader = entityReader('/campaign/get/', campaignSchema, (filtering: CampaignFiltering) => ({
  campaign_ids: filtering.campaignIds,
  campaign_name: filtering.campaignName,
  objective_type: filtering.objectiveType,
  primary_status: filtering.primaryStatus,
  secondary_status: filtering.secondaryStatus,
}));

/** One page of campaigns. */
export const getCampaigns = campaignReader.get;
/** One page, each with TikTok's object as sent (`raw`): for the campaign mirror. */
export const getCampaignsWithRaw = campaignReader.getWithRaw;
/** Every campaign matching the filter, page after page. */
export const listCampaigns = campaignReader.list;
