import type { TikTokAdAccountRow } from '@whathead/db';
import { collect, TikTokApiError, type AdvertiserInfo, type TikTokClient } from '@whathead/tiktok-client';
import type { AdAccountFacts } from '../repositories/tiktok-connection.repository.js';
import { statusLabelOf } from './tiktok-account-status.js';
import { factsOf, listAdvertiserAssets } from './tiktok-account-discovery.js';

/** What TikTok says about a connection now. */
export interface ConnectionObservation {
  /** The accounts the token reaches (/oauth2/advertiser/get/, §1.4). */
  reachable: ReadonlySet<string>;
  /** Fresh facts for the selected accounts and for accounts not stored before. */
  facts: ReadonlyMap<string, AdAccountFacts>;
}

/**
 * The health check's TikTok calls, cheapest first: /oauth2/advertiser/get/ (one call, §1.4), then
 * /advertiser/info/ for the selected accounts (§3.4). Only when accounts appeared does it read
 * /bc/asset/get/ for their role (§3.2); only when every account vanished at once does it ask
 * /bc/get/ whether the user is still in the Business Center (a refusal there is
 * `business_center_access_lost`). Any TikTok error leaves this function unchanged.
 */
export async function observeConnection(
  tiktok: TikTokClient,
  accessToken: string,
  businessCenterId: string,
  stored: readonly TikTokAdAccountRow[],
): Promise<ConnectionObservation> {
  const authorized = await tiktok.oauth.getAuthorizedAdvertisers({ accessToken });
  const reachable = new Set(authorized.map((advertiser) => advertiser.advertiserId));
  if (reachable.size === 0 && stored.some((account) => account.accessible)) {
    await collect(tiktok.businessCenters.list({ accessToken, bcId: businessCenterId }));
  }
  const storedById = new Map(stored.map((account) => [account.advertiser_id, account]));
  const added = [...reachable].filter((id) => !storedById.has(id));
  const selected = stored
    .filter((account) => account.selected && reachable.has(account.advertiser_id))
    .map((account) => account.advertiser_id);
  const infos = await readInfos(tiktok, accessToken, [...selected, ...added]);
  const assets = added.length > 0 ? await listAdvertiserAssets(tiktok, accessToken, businessCenterId) : [];
  const assetById = new Map(assets.map((asset) => [asset.assetId, asset]));
  const facts = new Map<string, AdAccountFacts>();
  for (const info of infos.found) {
    const known = storedById.get(info.advertiserId);
    facts.set(
      info.advertiserId,
      factsOf(
        info,
        assetById.get(info.advertiserId),
        known && { role: known.role, apiEligible: known.api_eligible },
      ),
    );
  }
  for (const id of infos.unavailable) reachable.delete(id);
  return { reachable, facts };
}

/**
 * /advertiser/info/ for `ids`. TikTok refuses the whole call when one id is gone (40001 "The
 * advertiser … doesn't exist or has been deleted", §3.4): that id is set aside as unavailable and
 * the rest asked again.
 */
async function readInfos(
  tiktok: TikTokClient,
  accessToken: string,
  ids: readonly string[],
): Promise<{ found: AdvertiserInfo[]; unavailable: string[] }> {
  const unavailable: string[] = [];
  let remaining = [...ids];
  while (remaining.length > 0) {
    try {
      return {
        found: await tiktok.advertisers.getInfo({ accessToken, advertiserIds: remaining }),
        unavailable,
      };
    } catch (error) {
      const gone = unavailableAdvertiserOf(error, remaining);
      if (gone === undefined) throw error;
      unavailable.push(gone);
      remaining = remaining.filter((id) => id !== gone);
    }
  }
  return { found: [], unavailable };
}

/** The account an `advertiser_unavailable` error names, when it is one of `ids`. */
export function unavailableAdvertiserOf(error: unknown, ids: readonly string[]): string | undefined {
  if (!TikTokApiError.isInstance(error) || error.kind !== 'advertiser_unavailable') return undefined;
  if (error.advertiserId && ids.includes(error.advertiserId)) return error.advertiserId;
  return ids.find((id) => error.tiktokMessage.includes(id));
}

export interface AccountChanges {
  added: AdAccountFacts[];
  lost: string[];
  restored: string[];
  refreshed: AdAccountFacts[];
  /** Plain sentences for the audit trail; empty when nothing changed. */
  sentences: string[];
}

/** Compares the stored accounts with what TikTok says now. Pure, so a rerun finds nothing to do. */
export function planAccountChanges(
  stored: readonly TikTokAdAccountRow[],
  observation: ConnectionObservation,
): AccountChanges {
  const storedIds = new Set(stored.map((account) => account.advertiser_id));
  const added = [...observation.reachable]
    .filter((id) => !storedIds.has(id))
    .map((id) => observation.facts.get(id))
    .filter((facts) => facts !== undefined);
  const lost = stored.filter(
    (account) => account.accessible && !observation.reachable.has(account.advertiser_id),
  );
  const restored = stored.filter(
    (account) => !account.accessible && observation.reachable.has(account.advertiser_id),
  );
  const refreshed: AdAccountFacts[] = [];
  const statusSentences: string[] = [];
  for (const account of stored) {
    const facts = observation.facts.get(account.advertiser_id);
    if (!facts || !observation.reachable.has(account.advertiser_id)) continue;
    const changed =
      facts.name !== account.name ||
      facts.status !== account.status ||
      facts.currency !== account.currency ||
      facts.timezone !== account.timezone;
    if (!changed) continue;
    refreshed.push(facts);
    if (facts.status !== account.status) {
      statusSentences.push(
        `${facts.name} is now ${statusLabelOf(facts.status)} (was ${statusLabelOf(account.status)})${account.is_default && !facts.usable ? ', so it is no longer the default' : ''}.`,
      );
    }
  }
  const names = (accounts: readonly { name: string }[]) => accounts.map((account) => account.name).join(', ');
  const sentences = [
    ...(added.length > 0
      ? [
          `${added.length === 1 ? '1 new ad account' : `${added.length} new ad accounts`} available: ${names(added)}.`,
        ]
      : []),
    ...(lost.length > 0 ? [`No longer accessible: ${names(lost)}.`] : []),
    ...(restored.length > 0 ? [`Accessible again: ${names(restored)}.`] : []),
    ...statusSentences,
  ];
  return {
    added,
    lost: lost.map((account) => account.advertiser_id),
    restored: restored.map((account) => account.advertiser_id),
    refreshed,
    sentences,
  };
}
