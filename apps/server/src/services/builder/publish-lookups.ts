import type { TikTokClient } from '@whathead/tiktok-client';
import type { PublishItemRow } from '../../repositories/builder/publishes.repository.js';

/** Clocks differ: an object created up to this long before our recorded send still counts. */
const skewMilliseconds = 5 * 60_000;

const parseTime = (value: string | null | undefined) =>
  value ? Date.parse(`${value.replace(' ', 'T')}Z`) : Number.NaN;

/**
 * Finds what an earlier send of this item created at TikTok, if anything: an object of the same
 * name under the same parent, created since the item was first sent, that no other item of the
 * publish claimed. Campaigns and ad groups also carry their request id, but TikTok does not show
 * it on its objects, so the name, parent and time are what can be looked up (issue 14, item 7).
 */
export async function findCreated(
  tiktok: TikTokClient,
  call: { accessToken: string; advertiserId: string },
  item: PublishItemRow,
  parentId: string | null,
  claimed: ReadonlySet<string>,
  sentAt: Date,
): Promise<string | undefined> {
  const since = sentAt.getTime() - skewMilliseconds;
  const fits = (entity: { id: string; name: string; createTime?: string | null | undefined }) =>
    entity.name === item.name && !claimed.has(entity.id) && !(parseTime(entity.createTime) < since);
  if (item.level === 'campaign') {
    for await (const campaign of tiktok.campaigns.list({ ...call, filtering: { campaignName: item.name } })) {
      if (fits({ id: campaign.campaignId, name: campaign.name, createTime: campaign.createTime }))
        return campaign.campaignId;
    }
    return undefined;
  }
  if (item.level === 'adgroup') {
    for await (const adGroup of tiktok.adGroups.list({
      ...call,
      filtering: { campaignIds: [parentId!], adGroupName: item.name },
    })) {
      if (fits({ id: adGroup.adGroupId, name: adGroup.name, createTime: adGroup.createTime }))
        return adGroup.adGroupId;
    }
    return undefined;
  }
  for await (const ad of tiktok.ads.list({ ...call, filtering: { adGroupIds: [parentId!] } })) {
    if (fits({ id: ad.adId, name: ad.name, createTime: ad.createTime })) return ad.adId;
  }
  return undefined;
}
