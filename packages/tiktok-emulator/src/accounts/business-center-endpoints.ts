import { z } from 'zod';
import { ApiError, fieldError } from '../http/api-error.js';
import { defineEndpoint } from '../http/define-endpoint.js';
import { paginate } from '../http/envelope.js';
import { idString, jsonParam, pagingParams } from '../http/params.js';
import type { EmulatorRuntime } from '../runtime.js';
import type { AdvertiserRecord, TokenRecord } from '../state/records.js';
import { findUserByEmail } from '../state/store.js';
import {
  advertiserRoleOf,
  businessCentersHolding,
  businessCentersOf,
  membershipOf,
  reachableAdvertisers,
} from './access.js';

/**
 * The BCs a token may read, from the user's live memberships: all of them (correction 14), or
 * under `businessCenterVisibility: 'authorized'` those owning accounts granted to the token.
 */
function visibleBusinessCenters(runtime: EmulatorRuntime, token: TokenRecord): string[] {
  const mine = businessCentersOf(runtime.store, token.userId).map((membership) => membership.bcId);
  if (runtime.settings.businessCenterVisibility === 'all') return mine;
  const holding = businessCentersHolding(runtime.store, token.advertiserIds);
  return mine.filter((bcId) => holding.includes(bcId));
}

/** Correction 15: absent on ADVERTISER rows unless a setting asks for one of the product's readings. */
function adCreationEligibility(runtime: EmulatorRuntime, advertiser: AdvertiserRecord) {
  const usable = advertiser.status === 'STATUS_ENABLE' && advertiser.apiEligible;
  switch (runtime.settings.advertiserAdCreationEligible) {
    case 'enum':
      return { ad_creation_eligible: usable ? 'AVAILABLE' : 'NOT_AVAILABLE' };
    case 'boolean':
      return { ad_creation_eligible: usable };
    default:
      return {};
  }
}

function requireVisible(runtime: EmulatorRuntime, token: TokenRecord | undefined, bcId: string): void {
  if (!token || !visibleBusinessCenters(runtime, token).includes(bcId)) {
    throw new ApiError(40001, `No permission to access Business Center ${bcId}.`);
  }
}

/** Reference §3.1: page_size ≤ 50. */
export const businessCenterGetEndpoint = defineEndpoint({
  method: 'GET',
  path: '/bc/get/',
  authentication: 'token',
  permissions: () => [150],
  input: z.object({
    bc_id: idString().optional(),
    scene: z.enum(['SINGLE_ACCOUNT', 'TIERED_ACCOUNT']).default('SINGLE_ACCOUNT'),
    filtering: jsonParam(z.object({ keyword: z.string().optional() }).loose()).optional(),
    ...pagingParams(50),
  }),
  handle({ input, runtime, token }) {
    if (input.bc_id) requireVisible(runtime, token, input.bc_id);
    const keyword = input.filtering?.keyword?.toLowerCase();
    const centers = (token ? visibleBusinessCenters(runtime, token) : [])
      .filter((bcId) => !input.bc_id || bcId === input.bc_id)
      .map((bcId) => runtime.store.businessCenters.get(bcId))
      .filter((center) => center !== undefined)
      .filter((center) => !keyword || center.name.toLowerCase().includes(keyword) || center.bcId === keyword);
    const rows = centers.map((center) => {
      const membership = membershipOf(runtime.store, token?.userId ?? '', center.bcId);
      return {
        bc_info: {
          bc_id: center.bcId,
          name: center.name,
          company: center.company,
          currency: center.currency,
          registered_area: center.registeredArea,
          status: center.status,
          timezone: center.timezone,
          type: center.type,
        },
        user_role: membership?.userRole ?? 'STANDARD',
        ext_user_role: { finance_role: membership?.financeRole ?? null },
      };
    });
    return paginate(rows, input.page, input.page_size);
  },
});

const assetTypes = [
  'ADVERTISER',
  'CATALOG',
  'DOMAIN',
  'LEAD',
  'PIXEL',
  'STOREFRONT',
  'TIKTOK_SHOP',
  'TT_ACCOUNT',
] as const;

/** Reference §3.2: the ad accounts one member reaches in a BC, with their role; page_size ≤ 50. */
export const businessCenterAssetGetEndpoint = defineEndpoint({
  method: 'GET',
  path: '/bc/asset/get/',
  authentication: 'token',
  permissions: () => [153],
  input: z.object({
    bc_id: idString(),
    asset_type: z.enum(assetTypes),
    filtering: jsonParam(
      z
        .object({
          keyword: z.string().optional(),
          user_id: idString().optional(),
          user_email: z.string().optional(),
        })
        .loose(),
    ).optional(),
    ...pagingParams(50),
  }),
  handle({ input, runtime, token }) {
    requireVisible(runtime, token, input.bc_id);
    const { store } = runtime;
    const filtering = input.filtering ?? {};
    if (filtering.user_id && filtering.user_email) {
      throw fieldError('filtering', 'user_id and user_email cannot be set at the same time.');
    }
    const requester = token?.userId ?? '';
    const target =
      filtering.user_id ??
      (filtering.user_email ? findUserByEmail(store, filtering.user_email)?.userId : requester);
    if (!target || !membershipOf(store, target, input.bc_id))
      throw fieldError('filtering', 'The user is not a member of this Business Center.');
    if (target !== requester && membershipOf(store, requester, input.bc_id)?.userRole !== 'ADMIN') {
      throw new ApiError(
        40001,
        `No permission to read other members' assets in Business Center ${input.bc_id}.`,
      );
    }
    // Only ad accounts are modelled; other asset types exist at TikTok but are always empty here.
    const keyword = filtering.keyword?.toLowerCase();
    const centerName = store.businessCenters.get(input.bc_id)?.name ?? '';
    const rows =
      input.asset_type !== 'ADVERTISER'
        ? []
        : reachableAdvertisers(store, target, input.bc_id)
            .filter(
              (advertiser) =>
                !keyword ||
                advertiser.name.toLowerCase().includes(keyword) ||
                advertiser.advertiserId === keyword,
            )
            .map((advertiser) => ({
              asset_id: advertiser.advertiserId,
              asset_name: advertiser.name,
              asset_type: 'ADVERTISER',
              advertiser_role: advertiserRoleOf(store, target, advertiser.advertiserId),
              advertiser_account_type: 'AUCTION',
              ...adCreationEligibility(runtime, advertiser),
              owner_bc_name: centerName,
            }));
    return paginate(rows, input.page, input.page_size);
  },
});

/** Reference §3.3: members of a BC; the maximum page_size is not stated, 50 is our reading. */
export const businessCenterMemberGetEndpoint = defineEndpoint({
  method: 'GET',
  path: '/bc/member/get/',
  authentication: 'token',
  permissions: () => [156],
  input: z.object({
    bc_id: idString(),
    filtering: jsonParam(
      z
        .object({
          keyword: z.string().optional(),
          relation_status: z.enum(['BOUND', 'PENDING', 'REJECTED', 'UNBOUND']).optional(),
          user_role: z.enum(['ADMIN', 'STANDARD']).optional(),
        })
        .loose(),
    ).optional(),
    ...pagingParams(50),
  }),
  handle({ input, runtime, token }) {
    requireVisible(runtime, token, input.bc_id);
    const filtering = input.filtering ?? {};
    const keyword = filtering.keyword?.toLowerCase();
    const rows = runtime.store.memberships
      .filter((membership) => membership.bcId === input.bc_id)
      .filter(
        (membership) => !filtering.relation_status || membership.relationStatus === filtering.relation_status,
      )
      .filter((membership) => !filtering.user_role || membership.userRole === filtering.user_role)
      .map((membership) => ({ membership, user: runtime.store.users.get(membership.userId) }))
      .filter(
        ({ user }) =>
          !keyword ||
          user?.displayName.toLowerCase().includes(keyword) ||
          user?.email.toLowerCase().includes(keyword),
      )
      .map(({ membership, user }) => ({
        user_id: membership.userId,
        user_name: user?.displayName ?? '',
        user_email: user?.email ?? '',
        user_role: membership.userRole,
        relation_status: membership.relationStatus,
        ext_user_role: { finance_role: membership.financeRole ?? null },
      }));
    return paginate(rows, input.page, input.page_size);
  },
});
