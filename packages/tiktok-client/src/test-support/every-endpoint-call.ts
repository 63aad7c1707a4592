import type { TikTokClient } from '../create-tiktok-client.js';
import { collect } from '../pagination/iterate-pages.js';

/** One call of every endpoint function, so that a test can run the whole client against one answer. */
export function everyEndpointCall(
  client: TikTokClient,
  accessToken: string,
): Record<string, () => Promise<unknown>> {
  const advertiserId = '7200000000000000011';
  const call = { accessToken, advertiserId };
  const file = { bytes: new Uint8Array([137, 80, 78, 71]), fileName: 'a.png' };
  return {
    exchangeAuthorizationCode: () => client.oauth.exchangeAuthorizationCode({ authCode: accessToken }),
    refreshAccessToken: () => client.oauth.refreshAccessToken({ refreshToken: accessToken }),
    getAuthorizedAdvertisers: () => client.oauth.getAuthorizedAdvertisers({ accessToken }),
    revokeAccessToken: () => client.oauth.revokeAccessToken({ accessToken }),
    businessCenters: () => collect(client.businessCenters.list({ accessToken })),
    businessCenterAssets: () =>
      client.businessCenters.getAssets({ accessToken, bcId: '7100000000000000001', assetType: 'ADVERTISER' }),
    advertiserInfo: () => client.advertisers.getInfo({ accessToken, advertiserIds: [advertiserId] }),
    createCampaign: () =>
      client.campaigns.create({
        ...call,
        name: 'c',
        objectiveType: 'TRAFFIC',
        budgetMode: 'BUDGET_MODE_DAY',
        budget: 50,
      }),
    updateCampaign: () => client.campaigns.update({ ...call, campaignId: '1', name: 'd' }),
    updateCampaignStatus: () =>
      client.campaigns.updateStatus({ ...call, campaignIds: ['1'], operationStatus: 'DISABLE' }),
    campaigns: () => collect(client.campaigns.list(call)),
    createAdGroup: () =>
      client.adGroups.create({
        ...call,
        campaignId: '1',
        name: 'g',
        locationIds: ['6252001'],
        scheduleType: 'SCHEDULE_FROM_NOW',
        scheduleStartTime: '2026-11-25 12:00:00',
        optimizationGoal: 'CLICK',
        billingEvent: 'CPC',
      }),
    updateAdGroup: () => client.adGroups.update({ ...call, adGroupId: '1', name: 'h' }),
    updateAdGroupStatus: () =>
      client.adGroups.updateStatus({ ...call, adGroupIds: ['1'], operationStatus: 'ENABLE' }),
    adGroups: () => collect(client.adGroups.list(call)),
    createAds: () =>
      client.ads.create({
        ...call,
        adGroupId: '1',
        creatives: [{ adFormat: 'SINGLE_IMAGE', identityType: 'CUSTOMIZED_USER', identityId: '1' }],
      }),
    updateAds: () => client.ads.update({ ...call, adGroupId: '1', creatives: [{ adId: '1', adText: 'x' }] }),
    updateAdStatus: () => client.ads.updateStatus({ ...call, adIds: ['1'], operationStatus: 'DELETE' }),
    ads: () => collect(client.ads.list(call)),
    uploadImage: () => client.images.upload({ ...call, file }),
    imageInfo: () => client.images.getInfo({ ...call, imageIds: ['x'] }),
    images: () => collect(client.images.list(call)),
    uploadVideo: () => client.videos.upload({ ...call, url: 'https://example.com/v.mp4' }),
    videoInfo: () => client.videos.getInfo({ ...call, videoIds: ['v'] }),
    videos: () => collect(client.videos.list(call)),
    regions: () =>
      client.regions.get({ ...call, placements: ['PLACEMENT_TIKTOK'], objectiveType: 'TRAFFIC' }),
    identities: () => collect(client.identities.list(call)),
    createIdentity: () => client.identities.create({ ...call, displayName: 'Brand' }),
    pixels: () => collect(client.pixels.list(call)),
    apps: () => client.apps.get(call),
    audiences: () => collect(client.audiences.list(call)),
    report: () =>
      collect(
        client.reports.listIntegratedRows({
          ...call,
          dataLevel: 'AUCTION_CAMPAIGN',
          dimensions: ['campaign_id'],
          startDate: '2026-11-01',
          endDate: '2026-11-24',
        }),
      ),
  };
}
