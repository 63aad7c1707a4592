import {
  collect,
  TikTokApiError,
  type AdvertiserInfo,
  type BusinessCenter,
  type BusinessCenterAsset,
  type TikTokClient,
} from '@whathead/tiktok-client';
import { outsideBusinessCenterName, type TikTokConnectionKind } from '@whathead/contracts';
import type { AdAccountFacts } from '../repositories/tiktok-connection.repository.js';
import { unusableReasonOf } from './tiktok-account-status.js';
import { readAdvertiserInfos } from './tiktok-advertiser-infos.js';

/**
 * The granted ad accounts of one Business Center, or those outside every Business Center of the
 * user: what one connection holds.
 */
export interface GrantGroup {
  /** The connection key: TikTok's bc_id, or `outside:<advertiser id>` for the outside group. */
  key: string;
  kind: TikTokConnectionKind;
  name: string;
  /** `user_role` of /bc/get/ (ADMIN or STANDARD); null outside a Business Center. */
  businessCenterRole: string | null;
  accounts: AdAccountFacts[];
}

export interface DiscoveredGrant {
  /** Groups holding at least one granted account. */
  groups: GrantGroup[];
  /** The user's Business Centers that hold none of the granted accounts. */
  emptyBusinessCenters: GrantGroup[];
}

/** Key prefix of the outside group; what follows is the smallest advertiser id it first held. */
export const outsideKeyPrefix = 'outside:';

/**
 * Reads, with a fresh token, what the grant reaches and groups it (reference corrections 14, 16):
 * TikTok's authorization page grants a set of ad accounts (/oauth2/advertiser/get/, §1.4) that may
 * span several Business Centers or none; /bc/get/ lists every Business Center of the user (§3.1)
 * and /bc/asset/get/ each one's ad accounts with the user's role (§3.2). A granted account found in
 * no Business Center's assets belongs to the outside group. `outsideKeyOf` names that group so a
 * later grant of the same accounts finds the same connection.
 */
export async function discoverGrant(
  tiktok: TikTokClient,
  accessToken: string,
  outsideKeyOf: (advertiserIds: readonly string[]) => Promise<string>,
): Promise<DiscoveredGrant> {
  const authorized = await tiktok.oauth.getAuthorizedAdvertisers({ accessToken });
  const centers = await readOrNone(() => collect(tiktok.businessCenters.list({ accessToken })));
  const assetsByCenter = new Map<string, BusinessCenterAsset[]>();
  for (const center of centers) {
    assetsByCenter.set(
      center.bcId,
      await readOrNone(() => listAdvertiserAssets(tiktok, accessToken, center.bcId)),
    );
  }
  const infos = await readAdvertiserInfos(
    tiktok,
    accessToken,
    authorized.map((advertiser) => advertiser.advertiserId),
  );
  const infoById = new Map(infos.found.map((info) => [info.advertiserId, info]));
  const claimed = new Set<string>();
  const groups: GrantGroup[] = [];
  const emptyBusinessCenters: GrantGroup[] = [];
  for (const center of centers) {
    const group = centerGroup(center);
    for (const asset of assetsByCenter.get(center.bcId) ?? []) {
      const info = infoById.get(asset.assetId);
      if (!info || claimed.has(asset.assetId)) continue;
      claimed.add(asset.assetId);
      group.accounts.push(factsOf(info, { role: roleOf(center, asset), assetName: asset.assetName }));
    }
    (group.accounts.length > 0 ? groups : emptyBusinessCenters).push(group);
  }
  const outside = infos.found.filter((info) => !claimed.has(info.advertiserId));
  if (outside.length > 0) {
    groups.push({
      key: await outsideKeyOf(outside.map((info) => info.advertiserId)),
      kind: 'outside_business_center',
      name: outsideBusinessCenterName,
      businessCenterRole: null,
      accounts: outside.map((info) => factsOf(info, { role: null })),
    });
  }
  return { groups, emptyBusinessCenters };
}

const centerGroup = (center: BusinessCenter): GrantGroup => ({
  key: center.bcId,
  kind: 'business_center',
  name: center.name || `Business Center ${center.bcId}`,
  businessCenterRole: center.userRole ?? null,
  accounts: [],
});

/**
 * The user's power over an account (correction 16): the asset row's `advertiser_role`, or, when
 * TikTok leaves it out, Admin for a Business Center admin (who reaches every account of it).
 */
export function roleOf(
  center: Pick<BusinessCenter, 'userRole'> | undefined,
  asset: BusinessCenterAsset | undefined,
): string | null {
  return asset?.advertiserRole ?? (center?.userRole === 'ADMIN' ? 'ADMIN' : null);
}

/**
 * A Business Center read refused for lack of a permission or role reads as empty: the grant's
 * accounts then fall in the outside group, and the missing permission shows on the connection.
 */
async function readOrNone<Item>(read: () => Promise<Item[]>): Promise<Item[]> {
  try {
    return await read();
  } catch (error) {
    if (TikTokApiError.isInstance(error) && error.kind === 'permission_denied') return [];
    throw error;
  }
}

export function listAdvertiserAssets(
  tiktok: TikTokClient,
  accessToken: string,
  bcId: string,
): Promise<BusinessCenterAsset[]> {
  return collect(tiktok.businessCenters.listAssets({ accessToken, bcId, assetType: 'ADVERTISER' }));
}

/**
 * One account's facts from /advertiser/info/ (§3.4). Eligibility for API access is not read from
 * `ad_creation_eligible` (a catalog field, correction 15): it comes from the status and from
 * TikTok refusing a call, so a known refusal is carried over.
 */
export function factsOf(
  info: AdvertiserInfo,
  known: { role: string | null; apiEligible?: boolean; assetName?: string | undefined },
): AdAccountFacts {
  const status = info.status ?? 'UNKNOWN';
  const apiEligible = known.apiEligible ?? true;
  return {
    advertiserId: info.advertiserId,
    name: info.name || known.assetName || info.advertiserId,
    status,
    currency: info.currency ?? null,
    timezone: info.displayTimezone ?? info.timezone ?? null,
    role: known.role,
    apiEligible,
    usable: unusableReasonOf({ status, role: known.role, apiEligible }) === null,
  };
}
