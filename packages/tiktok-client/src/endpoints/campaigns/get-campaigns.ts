import { iteratePages } from '../../pagination/iterate-pages.js';
import type { Transport } from '../../transport/create-transport.js';
import { pageSchema, type Page } from '../../transport/wire-schemas.js';
import type { AdvertiserCall, PageRequest } from '../call-input.js';
import type { PrimaryStatus } from '../entity-status.js';
import { campaignSchema, type Campaign } from './campaign-schema.js';

export interface CampaignFiltering {
  campaignIds?: string[] | undefined;
  campaignName?: string | undefined;
  objectiveType?: string | undefined;
  primaryStatus?: PrimaryStatus | undefined;
  secondaryStatus?: string | undefined;
}

export interface GetCampaignsInput extends AdvertiserCall, PageRequest {
  filtering?: CampaignFiltering | undefined;
}

/** Reference §2: up to 1000 per page. */
export const entityPageSize = 1000;

/** GET /campaign/get/ (reference §4.1), one page. */
export const getCampaigns =
  (transport: Transport) =>
  ({
    accessToken,
    advertiserId,
    filtering,
    page = 1,
    pageSize = entityPageSize,
    signal,
  }: GetCampaignsInput): Promise<Page<Campaign>> =>
    transport.send({
      method: 'GET',
      path: '/campaign/get/',
      effect: 'read',
      schema: pageSchema(campaignSchema),
      accessToken,
      advertiserId,
      query: {
        advertiser_id: advertiserId,
        filtering: filtering && {
          campaign_ids: filtering.campaignIds,
          campaign_name: filtering.campaignName,
          objective_type: filtering.objectiveType,
          primary_status: filtering.primaryStatus,
          secondary_status: filtering.secondaryStatus,
        },
        page,
        page_size: pageSize,
      },
      signal,
    });

/** Every campaign matching the filter, page after page. */
export const listCampaigns =
  (transport: Transport) =>
  (input: Omit<GetCampaignsInput, 'page'>): AsyncGenerator<Campaign> =>
    iteratePages((page) => getCampaigns(transport)({ ...input, page }));
