import { z } from 'zod';
import { iteratePages } from '../../pagination/iterate-pages.js';
import type { Transport } from '../../transport/create-transport.js';
import {
  idSchema,
  type OpenEnum,
  openEnum,
  optionalBoolean,
  optionalName,
  type Page,
  pageSchema,
} from '../../transport/wire-schemas.js';
import type { PageRequest, TokenCall } from '../call-input.js';

const assetSchema = z
  .object({
    asset_id: idSchema,
    asset_name: optionalName,
    asset_type: openEnum<AssetType>(),
    advertiser_role: openEnum<'ADMIN' | 'OPERATOR' | 'ANALYST'>(),
    advertiser_account_type: openEnum<'AUCTION' | 'RESERVATION'>(),
    ad_creation_eligible: optionalBoolean,
    owner_bc_name: optionalName,
  })
  .transform((row) => ({
    assetId: row.asset_id,
    assetName: row.asset_name ?? '',
    assetType: row.asset_type,
    advertiserRole: row.advertiser_role,
    advertiserAccountType: row.advertiser_account_type,
    adCreationEligible: row.ad_creation_eligible,
    ownerBcName: row.owner_bc_name,
  }));

export type BusinessCenterAsset = z.output<typeof assetSchema>;

/** Reference §3.2. */
export type AssetType =
  'ADVERTISER' | 'CATALOG' | 'DOMAIN' | 'LEAD' | 'PIXEL' | 'STOREFRONT' | 'TIKTOK_SHOP' | 'TT_ACCOUNT';

export interface GetBusinessCenterAssetsInput extends TokenCall, PageRequest {
  bcId: string;
  assetType: OpenEnum<AssetType>;
  /** Default: the token's own user (reference §3.2); admins may ask about another member. */
  filtering?: { keyword?: string; userId?: string; userEmail?: string } | undefined;
}

/** GET /bc/asset/get/ (reference §3.2), one page of at most 50. */
export const getBusinessCenterAssets =
  (transport: Transport) =>
  ({
    accessToken,
    bcId,
    assetType,
    filtering,
    page = 1,
    pageSize = 50,
    signal,
  }: GetBusinessCenterAssetsInput): Promise<Page<BusinessCenterAsset>> =>
    transport.send({
      method: 'GET',
      path: '/bc/asset/get/',
      effect: 'read',
      schema: pageSchema(assetSchema),
      accessToken,
      query: {
        bc_id: bcId,
        asset_type: assetType,
        filtering: filtering && {
          ...(filtering.keyword === undefined ? {} : { keyword: filtering.keyword }),
          ...(filtering.userId === undefined ? {} : { user_id: filtering.userId }),
          ...(filtering.userEmail === undefined ? {} : { user_email: filtering.userEmail }),
        },
        page,
        page_size: pageSize,
      },
      signal,
    });

export const listBusinessCenterAssets =
  (transport: Transport) =>
  (input: Omit<GetBusinessCenterAssetsInput, 'page'>): AsyncGenerator<BusinessCenterAsset> =>
    iteratePages((page) => getBusinessCenterAssets(transport)({ ...input, page }));
