import { iteratePages } from '../../pagination/iterate-pages.js';
import type { Transport } from '../../transport/create-transport.js';
import { pageSchema, type Page } from '../../transport/wire-schemas.js';
import type { AdvertiserCall, PageRequest } from '../call-input.js';
import { entityPageSize } from '../campaigns/get-campaigns.js';
import type { PrimaryStatus } from '../entity-status.js';
import { adSchema, type Ad } from './ad-schema.js';

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

export interface GetAdsInput extends AdvertiserCall, PageRequest {
  filtering?: AdFiltering | undefined;
}

/** GET /ad/get/ (reference §4.1), one page of up to 1000. */
export const getAds =
  (transport: Transport) =>
  ({
    accessToken,
    advertiserId,
    filtering,
    page = 1,
    pageSize = entityPageSize,
    signal,
  }: GetAdsInput): Promise<Page<Ad>> =>
    transport.send({
      method: 'GET',
      path: '/ad/get/',
      effect: 'read',
      schema: pageSchema(adSchema),
      accessToken,
      advertiserId,
      query: {
        advertiser_id: advertiserId,
        filtering: filtering && {
          ad_ids: filtering.adIds,
          adgroup_ids: filtering.adGroupIds,
          campaign_ids: filtering.campaignIds,
          ad_name: filtering.adName,
          primary_status: filtering.primaryStatus,
          secondary_status: filtering.secondaryStatus,
          modified_after: filtering.modifiedAfter,
        },
        page,
        page_size: pageSize,
      },
      signal,
    });

export const listAds =
  (transport: Transport) =>
  (input: Omit<GetAdsInput, 'page'>): AsyncGenerator<Ad> =>
    iteratePages((page) => getAds(transport)({ ...input, page }));
