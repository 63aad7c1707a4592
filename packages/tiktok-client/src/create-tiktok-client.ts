import { systemClock, type Clock } from './clock.js';
import { getAdvertiserInfo } from './endpoints/advertisers/get-advertiser-info.js';
import { createAdGroup } from './endpoints/ad-groups/create-ad-group.js';
import { getAdGroups, getAdGroupsWithRaw, listAdGroups } from './endpoints/ad-groups/get-ad-groups.js';
import { updateAdGroupStatus } from './endpoints/ad-groups/update-ad-group-status.js';
import { updateAdGroup } from './endpoints/ad-groups/update-ad-group.js';
import { createAds } from './endpoints/ads/create-ads.js';
import { getAds, getAdsWithRaw, listAds } from './endpoints/ads/get-ads.js';
import { updateAdStatus } from './endpoints/ads/update-ad-status.js';
import { updateAds } from './endpoints/ads/update-ads.js';
import { getApps } from './endpoints/apps/get-apps.js';
import { getAudiences, listAudiences } from './endpoints/audiences/get-audiences.js';
import {
  getBusinessCenterAssets,
  listBusinessCenterAssets,
} from './endpoints/business-centers/get-business-center-assets.js';
import {
  getBusinessCenters,
  listBusinessCenters,
} from './endpoints/business-centers/get-business-centers.js';
import { createCampaign } from './endpoints/campaigns/create-campaign.js';
import { getCampaigns, getCampaignsWithRaw, listCampaigns } from './endpoints/campaigns/get-campaigns.js';
import { updateCampaignStatus } from './endpoints/campaigns/update-campaign-status.js';
import { updateCampaign } from './endpoints/campaigns/update-campaign.js';
import { getImageInfo, getVideoInfo } from './endpoints/creatives/get-media-info.js';
import { listImages, listVideos, searchImages, searchVideos } from './endpoints/creatives/search-media.js';
import { uploadImage } from './endpoints/creatives/upload-image.js';
import { uploadVideo } from './endpoints/creatives/upload-video.js';
import { createIdentity } from './endpoints/identities/create-identity.js';
import { getIdentities, listIdentities } from './endpoints/identities/get-identities.js';
import { buildAuthorizationUrl } from './endpoints/oauth/build-authorization-url.js';
import { exchangeAuthorizationCode } from './endpoints/oauth/exchange-authorization-code.js';
import { getAuthorizedAdvertisers } from './endpoints/oauth/get-authorized-advertisers.js';
import { readAuthorizationCallback } from './endpoints/oauth/read-authorization-callback.js';
import { refreshAccessToken } from './endpoints/oauth/refresh-access-token.js';
import { revokeAccessToken } from './endpoints/oauth/revoke-access-token.js';
import { getPixels, listPixels } from './endpoints/pixels/get-pixels.js';
import { getIntegratedReport, listIntegratedReportRows } from './endpoints/reports/get-integrated-report.js';
import { getRegions } from './endpoints/tools/get-regions.js';
import { silentLogger, type TikTokClientLogger } from './observability/tiktok-call-event.js';
import type { CallPriority } from './rate-limit/lanes.js';
import { createRateLimiter, type RateLimiter } from './rate-limit/rate-limiter.js';
import { defaultRetryPolicy, type RetryPolicy } from './retry/retry-policy.js';
import { formStreamingFetch } from './transport/form-streaming-fetch.js';
import { createTransport } from './transport/create-transport.js';

export interface TikTokClientOptions {
  /** E.g. `https://business-api.tiktok.com/open_api/v1.3`, the sandbox, or the emulator's URL. */
  baseUrl: string;
  appId: string;
  secret: string;
  fetch?: typeof globalThis.fetch;
  /** Share one limiter among every client of the process (issue 4 §4); default: one per client. */
  limiter?: RateLimiter;
  clock?: Clock;
  logger?: TikTokClientLogger;
  retry?: Partial<RetryPolicy>;
  /** Default: the base URL's origin + `/portal/auth` (reference §1.1). */
  authorizationPageUrl?: string;
  /** Jitter source, [0, 1); inject for reproducible tests. */
  random?: () => number;
  /**
   * The lane of a call made outside `withCallPriority`; default interactive. `null` makes such a
   * call fail before it is sent, for an app where every call must say who waits on it.
   */
  defaultPriority?: CallPriority | null;
}

/**
 * The one way Whathead talks to TikTok's Marketing API v1.3 (style.md principle 6): a factory
 * over base URL, credentials and fetch. Access tokens are passed per call, since one client
 * serves every connection.
 */
export function createTikTokClient(options: TikTokClientOptions) {
  const clock = options.clock ?? systemClock;
  const limiter = options.limiter ?? createRateLimiter({ clock });
  const transport = createTransport({
    baseUrl: options.baseUrl,
    appId: options.appId,
    secret: options.secret,
    // Uploads stream from disk as the socket drains (form-streaming-fetch.ts); the rest is fetch.
    fetch: options.fetch ?? formStreamingFetch,
    clock,
    limiter,
    logger: options.logger ?? silentLogger,
    retry: { ...defaultRetryPolicy, ...options.retry },
    random: options.random ?? Math.random,
    defaultPriority:
      options.defaultPriority === undefined ? { lane: 'interactive' } : options.defaultPriority,
  });
  const authorizationPageUrl =
    options.authorizationPageUrl ?? `${new URL(options.baseUrl).origin}/portal/auth`;

  return {
    /** For long work beside TikTok calls: see RateLimiter.betweenSends. */
    betweenSends: limiter.betweenSends,
    oauth: {
      buildAuthorizationUrl: (input: { redirectUri: string; state: string }) =>
        buildAuthorizationUrl(authorizationPageUrl, options.appId, input),
      readAuthorizationCallback,
      exchangeAuthorizationCode: exchangeAuthorizationCode(transport),
      refreshAccessToken: refreshAccessToken(transport),
      getAuthorizedAdvertisers: getAuthorizedAdvertisers(transport),
      revokeAccessToken: revokeAccessToken(transport),
    },
    businessCenters: {
      get: getBusinessCenters(transport),
      list: listBusinessCenters(transport),
      getAssets: getBusinessCenterAssets(transport),
      listAssets: listBusinessCenterAssets(transport),
    },
    advertisers: {
      getInfo: getAdvertiserInfo(transport),
    },
    campaigns: {
      create: createCampaign(transport),
      update: updateCampaign(transport),
      updateStatus: updateCampaignStatus(transport),
      get: getCampaigns(transport),
      getWithRaw: getCampaignsWithRaw(transport),
      list: listCampaigns(transport),
    },
    adGroups: {
      create: createAdGroup(transport),
      update: updateAdGroup(transport),
      updateStatus: updateAdGroupStatus(transport),
      get: getAdGroups(transport),
      getWithRaw: getAdGroupsWithRaw(transport),
      list: listAdGroups(transport),
    },
    ads: {
      create: createAds(transport),
      update: updateAds(transport),
      updateStatus: updateAdStatus(transport),
      get: getAds(transport),
      getWithRaw: getAdsWithRaw(transport),
      list: listAds(transport),
    },
    images: {
      upload: uploadImage(transport),
      getInfo: getImageInfo(transport),
      search: searchImages(transport),
      list: listImages(transport),
    },
    videos: {
      upload: uploadVideo(transport),
      getInfo: getVideoInfo(transport),
      search: searchVideos(transport),
      list: listVideos(transport),
    },
    reports: {
      getIntegrated: getIntegratedReport(transport),
      listIntegratedRows: listIntegratedReportRows(transport),
    },
    /** What an ad group and an ad pick from: locations, identities, pixels, apps and audiences. */
    regions: {
      get: getRegions(transport),
    },
    identities: {
      get: getIdentities(transport),
      list: listIdentities(transport),
      create: createIdentity(transport),
    },
    pixels: {
      get: getPixels(transport),
      list: listPixels(transport),
    },
    apps: {
      get: getApps(transport),
    },
    /** Custom audiences an ad group targets or excludes (Audience Management, scope 3). */
    audiences: {
      get: getAudiences(transport),
      list: listAudiences(transport),
    },
  };
}

export type TikTokClient = ReturnType<typeof createTikTokClient>;
