import { z } from 'zod';
import { iteratePages } from '../../pagination/iterate-pages.js';
import type { Transport } from '../../transport/create-transport.js';
import {
  idSchema,
  type OpenEnum,
  openEnum,
  optionalName,
  type Page,
  pageSchema,
} from '../../transport/wire-schemas.js';
import type { PageRequest, TokenCall } from '../call-input.js';

/** Reference §3.2 and correction 16: the user's role on an advertiser asset. */
export type AdvertiserRole = 'ADMIN' | 'OPERATOR' | 'ANALYST';

/** Reference §3.2 (`/bc/asset/admin/get/`) and correction 14: how the asset belongs to the Business Center. */
export type AssetRelationType = 'OWNER_BC' | 'OWNER_PARTNER' | 'OWNER_INDIVIDUAL';

/**
 * Correction 15: `ad_creation_eligible` is TikTok's enum `AVAILABLE` / `NOT_AVAILABLE`, sent for
 * CATALOG assets. It says nothing about an advertiser account's API access.
 */
export type AdCreationEligibility = 'available' | 'not_available' | 'unknown';

/**
 * Correction 15 asks for a lenient reading: the documented enum, a boolean (as older answers and
 * emulators sent it), and anything else becomes 'unknown' rather than failing the whole page.
 */
const adCreationEligibility = z
  .unknown()
  .optional()
  .transform((value): AdCreationEligibility | undefined => {
    if (value === undefined || value === null) return undefined;
    if (value === true) return 'available';
    if (value === false) return 'not_available';
    const text = typeof value === 'string' ? value.trim().toUpperCase() : undefined;
    if (text === 'AVAILABLE') return 'available';
    if (text === 'NOT_AVAILABLE') return 'not_available';
    return 'unknown';
  });

const assetSchema = z
  .object({
    asset_id: idSchema,
    asset_name: optionalName,
    asset_type: openEnum<AssetType>(),
    advertiser_role: openEnum<AdvertiserRole>(),
    advertiser_account_type: openEnum<'AUCTION' | 'RESERVATION'>(),
    ad_creation_eligible: adCreationEligibility,
    owner_bc_name: optionalName,
    relation_type: openEnum<AssetRelationType>(),
  })
  .transform((row) => ({
    assetId: row.asset_id,
    assetName: row.asset_name ?? '',
    assetType: row.asset_type,
    advertiserRole: row.advertiser_role,
    advertiserAccountType: row.advertiser_account_type,
    adCreationEligible: row.ad_creation_eligible,
    ownerBcName: row.owner_bc_name,
    relationType: row.relation_type,
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
