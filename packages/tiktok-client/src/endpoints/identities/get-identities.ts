import { z } from 'zod';
import { iteratePages } from '../../pagination/iterate-pages.js';
import type { Transport } from '../../transport/create-transport.js';
import { type Page, pageInfoSchema } from '../../transport/wire-schemas.js';
import type { AdvertiserCall, PageRequest } from '../call-input.js';
import { type Identity, identitySchema, type IdentityType } from './identity-schema.js';

/** bububa model/identity/get.go: `{identity_list, page_info}`, not `list`. */
const identityPageSchema = z
  .object({ identity_list: z.array(identitySchema).nullish(), page_info: pageInfoSchema })
  .transform((data): Page<Identity> => ({ items: data.identity_list ?? [], pageInfo: data.page_info }));

/** bububa model/identity/get.go: page_size 1–100 (default 20). */
export const identityPageSize = 100;

export interface GetIdentitiesInput extends AdvertiserCall, PageRequest {
  /** Default: every type. */
  identityType?: IdentityType | undefined;
  /** Required by TikTok with `identityType: 'BC_AUTH_TT'`. */
  identityAuthorizedBcId?: string | undefined;
  /** Part of a display name; TikTok applies it to CUSTOMIZED_USER (or no type) only. */
  keyword?: string | undefined;
}

/** GET /identity/get/ (tiktok-business-api-sdk `IdentityApi.md`), one page. */
export const getIdentities =
  (transport: Transport) =>
  ({
    accessToken,
    advertiserId,
    identityType,
    identityAuthorizedBcId,
    keyword,
    page = 1,
    pageSize = identityPageSize,
    signal,
  }: GetIdentitiesInput): Promise<Page<Identity>> =>
    transport.send({
      method: 'GET',
      path: '/identity/get/',
      effect: 'read',
      schema: identityPageSchema,
      accessToken,
      advertiserId,
      query: {
        advertiser_id: advertiserId,
        identity_type: identityType,
        identity_authorized_bc_id: identityAuthorizedBcId,
        filtering: keyword === undefined ? undefined : { keyword },
        page,
        page_size: pageSize,
      },
      signal,
    });

export const listIdentities =
  (transport: Transport) =>
  (input: Omit<GetIdentitiesInput, 'page'>): AsyncGenerator<Identity> =>
    iteratePages((page) => getIdentities(transport)({ ...input, page }));
