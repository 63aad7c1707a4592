import type { EmulatorRuntime } from '../runtime.js';
import { formatDateTime } from '../state/clock.js';
import { recordStatus } from '../state/store.js';

/** Deleting a campaign or ad group deletes what it contains, as Ads Manager does. */
export function cascadeDelete(
  runtime: EmulatorRuntime,
  parent: { campaignId?: string; adgroupId?: string },
  now: number,
): void {
  const time = formatDateTime(now);
  for (const adgroup of runtime.store.adgroups.values()) {
    if (adgroup.campaign_id === parent.campaignId && adgroup.operation_status !== 'DELETE') {
      adgroup.operation_status = 'DELETE';
      adgroup.modify_time = time;
      recordStatus(runtime.store, adgroup.adgroup_id, now, 'DELETE');
    }
  }
  for (const ad of runtime.store.ads.values()) {
    const inside = ad.campaign_id === parent.campaignId || ad.adgroup_id === parent.adgroupId;
    if (inside && ad.operation_status !== 'DELETE') {
      ad.operation_status = 'DELETE';
      ad.modify_time = time;
      recordStatus(runtime.store, ad.ad_id, now, 'DELETE');
    }
  }
}
