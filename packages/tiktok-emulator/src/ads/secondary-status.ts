import type { EmulatorRuntime } from '../runtime.js';
import { parseDateTime } from '../state/clock.js';
import type { AdRecord, AdgroupRecord, CampaignRecord } from '../state/records.js';

// Reference §4.3: `secondary_status` explains why something does or does not deliver. We derive
// the common values from the object, its parents, its schedule and its account's status.

const accountBlocked = (runtime: EmulatorRuntime, advertiserId: string): string | undefined => {
  const status = runtime.store.advertisers.get(advertiserId)?.status;
  if (status === undefined || status === 'STATUS_ENABLE') return undefined;
  if (status === 'STATUS_CONTRACT_PENDING') return 'ADVERTISER_CONTRACT_PENDING';
  if (status === 'STATUS_LIMIT' || status === 'STATUS_DISABLE') return 'ADVERTISER_ACCOUNT_PUNISH';
  return 'ADVERTISER_AUDIT';
};

export function campaignSecondaryStatus(runtime: EmulatorRuntime, campaign: CampaignRecord): string {
  if (campaign.operation_status === 'DELETE') return 'CAMPAIGN_STATUS_DELETE';
  const blocked = accountBlocked(runtime, campaign.advertiser_id);
  if (blocked === 'ADVERTISER_AUDIT') return 'CAMPAIGN_STATUS_ADVERTISER_AUDIT';
  if (blocked) return blocked;
  return campaign.operation_status === 'DISABLE' ? 'CAMPAIGN_STATUS_DISABLE' : 'CAMPAIGN_STATUS_ENABLE';
}

export function adgroupSecondaryStatus(
  runtime: EmulatorRuntime,
  adgroup: AdgroupRecord,
  now: number,
): string {
  if (adgroup.operation_status === 'DELETE') return 'ADGROUP_STATUS_DELETE';
  const campaign = runtime.store.campaigns.get(adgroup.campaign_id);
  if (campaign?.operation_status === 'DELETE') return 'ADGROUP_STATUS_CAMPAIGN_DELETE';
  const blocked = accountBlocked(runtime, adgroup.advertiser_id);
  if (blocked) return blocked;
  if (adgroup.operation_status === 'DISABLE') return 'ADGROUP_STATUS_DISABLE';
  if (campaign?.operation_status === 'DISABLE') return 'ADGROUP_STATUS_CAMPAIGN_DISABLE';
  if (now < (parseDateTime(adgroup.schedule_start_time) ?? 0)) return 'ADGROUP_STATUS_NOT_START';
  if (now >= (parseDateTime(adgroup.schedule_end_time) ?? Infinity)) return 'ADGROUP_STATUS_TIME_DONE';
  return 'ADGROUP_STATUS_DELIVERY_OK';
}

export function adSecondaryStatus(
  runtime: EmulatorRuntime,
  ad: AdRecord,
  now: number,
  /** Ad groups' statuses already worked out at `now`, by id (see `adStatusReader`). */
  parents?: Map<string, string>,
): string {
  if (ad.operation_status === 'DELETE') return 'AD_STATUS_DELETE';
  let parent = parents?.get(ad.adgroup_id);
  if (parent === undefined) {
    const adgroup = runtime.store.adgroups.get(ad.adgroup_id);
    parent = adgroup ? adgroupSecondaryStatus(runtime, adgroup, now) : 'ADGROUP_STATUS_DELETE';
    parents?.set(ad.adgroup_id, parent);
  }
  if (parent.startsWith('ADVERTISER_')) return parent;
  if (ad.operation_status === 'DISABLE') return 'AD_STATUS_DISABLE';
  if (parent === 'ADGROUP_STATUS_CAMPAIGN_DISABLE') return 'AD_STATUS_CAMPAIGN_DISABLE';
  if (parent === 'ADGROUP_STATUS_DISABLE') return 'AD_STATUS_ADGROUP_DISABLE';
  if (parent === 'ADGROUP_STATUS_NOT_START') return 'AD_STATUS_NOT_START';
  if (parent === 'ADGROUP_STATUS_TIME_DONE') return 'AD_STATUS_DONE';
  if (parent.includes('DELETE')) return 'AD_STATUS_ADGROUP_DELETE';
  return 'AD_STATUS_DELIVERY_OK';
}

/**
 * Ads' statuses at one moment, each ad group's worked out once: a listing of 20,000 ads asks
 * about a few thousand ad groups, not 20,000 times.
 */
export function adStatusReader(runtime: EmulatorRuntime, now: number): (ad: AdRecord) => string {
  const parents = new Map<string, string>();
  return (ad) => adSecondaryStatus(runtime, ad, now, parents);
}

/** Whether an ad spends at a moment: the basis of report metrics. */
export const adDelivers = (runtime: EmulatorRuntime, ad: AdRecord, at: number): boolean =>
  adSecondaryStatus(runtime, ad, at) === 'AD_STATUS_DELIVERY_OK';
