import {
  collect,
  type AdvertiserInfo,
  type BusinessCenterAsset,
  type TikTokClient,
} from '@whathead/tiktok-client';
import { AppError } from '../errors.js';
import type { AdAccountFacts } from '../repositories/tiktok-connection.repository.js';
import { unusableReasonOf } from './tiktok-account-status.js';

export interface DiscoveredBusinessCenter {
  id: string;
  name: string;
  accounts: AdAccountFacts[];
}

/**
 * Reads, with a fresh token, which Business Center the user authorized and its ad accounts:
 * /bc/get/ (§3.1), /oauth2/advertiser/get/ (§1.4), /bc/asset/get/ (§3.2), /advertiser/info/ (§3.4).
 * TikTok's authorization page has the user pick one Business Center; when /bc/get/ shows several,
 * the one holding the granted accounts is the one picked.
 */
export async function discoverBusinessCenter(
  tiktok: TikTokClient,
  accessToken: string,
  preferredBusinessCenterId?: string,
): Promise<DiscoveredBusinessCenter> {
  const centers = await collect(tiktok.businessCenters.list({ accessToken }));
  if (centers.length === 0) {
    throw new AppError(
      'tiktok_permission_denied',
      'The TikTok user authorized no Business Center. Connect with a user who is a member of one.',
    );
  }
  const authorized = await tiktok.oauth.getAuthorizedAdvertisers({ accessToken });
  const authorizedIds = new Set(authorized.map((advertiser) => advertiser.advertiserId));
  const candidates = await Promise.all(
    centers.map(async (center) => ({
      center,
      assets: await listAdvertiserAssets(tiktok, accessToken, center.bcId),
    })),
  );
  const overlap = (assets: BusinessCenterAsset[]) =>
    assets.filter((asset) => authorizedIds.has(asset.assetId)).length;
  const chosen =
    candidates.find(({ center }) => center.bcId === preferredBusinessCenterId) ??
    [...candidates].sort((left, right) => overlap(right.assets) - overlap(left.assets))[0]!;
  const accounts = await describeAccounts(
    tiktok,
    accessToken,
    chosen.assets,
    authorizedIds,
    centers.length === 1,
  );
  return {
    id: chosen.center.bcId,
    name: chosen.center.name || `Business Center ${chosen.center.bcId}`,
    accounts,
  };
}

export async function listAdvertiserAssets(
  tiktok: TikTokClient,
  accessToken: string,
  bcId: string,
): Promise<BusinessCenterAsset[]> {
  return collect(tiktok.businessCenters.listAssets({ accessToken, bcId, assetType: 'ADVERTISER' }));
}

/**
 * The granted accounts of the Business Center, with status, currency and time zone. Without any
 * asset row to match (a lone Business Center whose assets TikTok hides), every granted account
 * counts as its own.
 */
async function describeAccounts(
  tiktok: TikTokClient,
  accessToken: string,
  assets: BusinessCenterAsset[],
  authorizedIds: ReadonlySet<string>,
  trustAuthorizedWhenNoAssets: boolean,
): Promise<AdAccountFacts[]> {
  const assetById = new Map(assets.map((asset) => [asset.assetId, asset]));
  let ids = [...authorizedIds].filter((id) => assetById.has(id));
  if (ids.length === 0 && assets.length === 0 && trustAuthorizedWhenNoAssets) ids = [...authorizedIds];
  if (ids.length === 0) return [];
  const infos = await tiktok.advertisers.getInfo({ accessToken, advertiserIds: ids });
  return infos.map((info) => factsOf(info, assetById.get(info.advertiserId)));
}

/** One account's facts from /advertiser/info/ (§3.4) and, when read, its /bc/asset/get/ row (§3.2). */
export function factsOf(
  info: AdvertiserInfo,
  asset: BusinessCenterAsset | undefined,
  known?: { role: string | null; apiEligible: boolean },
): AdAccountFacts {
  const status = info.status ?? 'UNKNOWN';
  const role = asset ? (asset.advertiserRole ?? null) : (known?.role ?? null);
  // §3.2: ad_creation_eligible is false for disabled accounts too; only an enabled account
  // that still cannot create ads tells us it lacks API access.
  const apiEligible = asset
    ? !(asset.adCreationEligible === false && status === 'STATUS_ENABLE')
    : (known?.apiEligible ?? true);
  return {
    advertiserId: info.advertiserId,
    name: info.name || asset?.assetName || info.advertiserId,
    status,
    currency: info.currency ?? null,
    timezone: info.displayTimezone ?? info.timezone ?? null,
    role,
    apiEligible,
    usable: unusableReasonOf({ status, role, apiEligible }) === null,
  };
}
