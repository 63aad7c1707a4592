import { iteratePages } from '../../pagination/iterate-pages.js';
import type { Transport } from '../../transport/create-transport.js';
import { pageSchema, type Page } from '../../transport/wire-schemas.js';
import type { AdvertiserCall, PageRequest } from '../call-input.js';
import type { PrimaryStatus } from '../entity-status.js';
import { entityPageSize } from '../campaigns/get-campaigns.js';
import { adGroupSchema, type AdGroup } from './ad-group-schema.js';

export interface AdGroupFiltering {
  adGroupIds?: string[] | undefined;
  campaignIds?: string[] | undefined;
  adGroupName?: string | undefined;
  primaryStatus?: PrimaryStatus | undefined;
  secondaryStatus?: string | undefined;
}

export interface GetAdGroupsInput extends AdvertiserCall, PageRequest {
  filtering?: AdGroupFiltering | undefined;
}

/** GET /adgroup/get/ (reference §4.1), one page of up to 1000. */
export const getAdGroups =
  (transport: Transport) =>
  ({
    accessToken,
    advertiserId,
    filtering,
    page = 1,
    pageSize = entityPageSize,
    signal,
  }: GetAdGroupsInput): Promise<Page<AdGroup>> =>
    transport.send({
      method: 'GET',
      path: '/adgroup/get/',
      effect: 'read',
      schema: pageSchema(adGroupSchema),
      accessToken,
      advertiserId,
      query: {
        advertiser_id: advertiserId,
        filtering: filtering && {
          adgroup_ids: filtering.adGroupIds,
          campaign_ids: filtering.campaignIds,
          adgroup_name: filtering.adGroupName,
          primary_status: filtering.primaryStatus,
          secondary_status: filtering.secondaryStatus,
        },
        page,
        page_size: pageSize,
      },
      signal,
    });

export const listAdGroups =
  (transport: Transport) =>
  (input: Omit<GetAdGroupsInput, 'page'>): AsyncGenerator<AdGroup> =>
    iteratePages((page) => getAdGroups(transport)({ ...input, page }));
