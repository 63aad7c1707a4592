import type { TikTokAdAccountRow, TikTokConnectionRow } from '@whathead/db';
import { collect, type TikTokClient } from '@whathead/tiktok-client';
import type { AdAccountFacts } from '../repositories/tiktok-connection.repository.js';
import { statusLabelOf } from './tiktok-account-status.js';
import { factsOf, listAdvertiserAssets, roleOf } from './tiktok-account-discovery.js';
import { readAdvertiserInfos } from './tiktok-advertiser-infos.js';

/** What TikTok says about a connection now. */
export interface ConnectionObservation {
  /** The connection's accounts the token reaches (/oauth2/advertiser/get/, §1.4). */
  reachable: ReadonlySet<string>;
  /** Fresh facts for the selected accounts and for accounts not stored before. */
  facts: ReadonlyMap<string, AdAccountFacts>;
  /** The user's role on each account of the Business Center, read afresh (§3.2). */
  roles: ReadonlyMap<string, string | null>;
  /** `user_role` in the Business Center (§3.1); null outside one. */
  businessCenterRole: string | null;
}

type ConnectionTarget = Pick<TikTokConnectionRow, 'kind' | 'business_center_id'>;

/**
 * The health check's TikTok calls: /oauth2/advertiser/get/ (one call, §1.4), for a Business
 * Center its /bc/get/ row and /bc/asset/get/ pages (the user's roles, which an admin may have
 * changed, and which granted accounts belong to it: a grant may span several Business Centers),
 * then /advertiser/info/ for the selected accounts and the new ones (§3.4). A Business Center the
 * user left answers 40001 on /bc/, which the caller turns into `business_center_access_lost`.
 * Any TikTok error leaves this function unchanged.
 */
export async function observeConnection(
  tiktok: TikTokClient,
  accessToken: string,
  connection: ConnectionTarget,
  stored: readonly TikTokAdAccountRow[],
): Promise<ConnectionObservation> {
  const authorized = await tiktok.oauth.getAuthorizedAdvertisers({ accessToken });
  const granted = new Set(authorized.map((advertiser) => advertiser.advertiserId));
  const storedById = new Map(stored.map((account) => [account.advertiser_id, account]));
  const roles = new Map<string, string | null>();
  let businessCenterRole: string | null = null;
  let reachable: Set<string>;
  if (connection.kind === 'business_center') {
    const bcId = connection.business_center_id;
    const [center] = await collect(tiktok.businessCenters.list({ accessToken, bcId }));
    businessCenterRole = center?.userRole ?? null;
    const assets = await listAdvertiserAssets(tiktok, accessToken, bcId);
    for (const asset of assets) roles.set(asset.assetId, roleOf(center, asset));
    reachable = new Set(assets.map((asset) => asset.assetId).filter((id) => granted.has(id)));
  } else {
    reachable = await outsideAccounts(tiktok, accessToken, granted, storedById);
  }
  const added = [...reachable].filter((id) => !storedById.has(id));
  const selected = stored
    .filter((account) => account.selected && reachable.has(account.advertiser_id))
    .map((account) => account.advertiser_id);
  const infos = await readAdvertiserInfos(tiktok, accessToken, [...selected, ...added]);
  const facts = new Map<string, AdAccountFacts>();
  for (const info of infos.found) {
    const known = storedById.get(info.advertiserId);
    const role = roles.has(info.advertiserId) ? roles.get(info.advertiserId)! : (known?.role ?? null);
    facts.set(info.advertiserId, factsOf(info, { role, apiEligible: known?.api_eligible }));
  }
  for (const id of infos.unavailable) reachable.delete(id);
  return { reachable, facts, roles, businessCenterRole };
}

/**
 * The outside group's accounts the token still reaches: the stored ones, and granted accounts
 * that belong to none of the user's Business Centers (those belong to their connections).
 */
async function outsideAccounts(
  tiktok: TikTokClient,
  accessToken: string,
  granted: ReadonlySet<string>,
  storedById: ReadonlyMap<string, TikTokAdAccountRow>,
): Promise<Set<string>> {
  const reachable = new Set([...granted].filter((id) => storedById.has(id)));
  const candidates = [...granted].filter((id) => !storedById.has(id));
  if (candidates.length === 0) return reachable;
  const inCenters = new Set<string>();
  for (const center of await collect(tiktok.businessCenters.list({ accessToken }))) {
    for (const asset of await listAdvertiserAssets(tiktok, accessToken, center.bcId))
      inCenters.add(asset.assetId);
  }
  for (const id of candidates) if (!inCenters.has(id)) reachable.add(id);
  return reachable;
}

const roleLabels: Readonly<Record<string, string>> = {
  ADMIN: 'Admin',
  OPERATOR: 'Operator',
  ANALYST: 'Analyst',
};
export const roleLabelOf = (role: string | null): string =>
  role === null ? 'unknown' : (roleLabels[role] ?? role);

export interface AccountChanges {
  added: AdAccountFacts[];
  lost: string[];
  restored: string[];
  refreshed: AdAccountFacts[];
  /** Accounts whose role TikTok now reports differently. */
  roles: { advertiserId: string; role: string | null }[];
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
  const roleChanges = stored
    .filter((account) => observation.roles.has(account.advertiser_id))
    .map((account) => ({ account, role: observation.roles.get(account.advertiser_id) ?? null }))
    .filter(({ account, role }) => role !== account.role);
  for (const { account, role } of roleChanges) {
    statusSentences.push(
      `Your TikTok role on ${account.name} is now ${roleLabelOf(role)} (was ${roleLabelOf(account.role)})${account.is_default && role === 'ANALYST' ? ', so it is no longer the default' : ''}.`,
    );
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
    roles: roleChanges.map(({ account, role }) => ({ advertiserId: account.advertiser_id, role })),
    sentences,
  };
}
