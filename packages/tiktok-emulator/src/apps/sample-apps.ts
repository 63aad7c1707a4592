import { mediaPath } from '../creatives/media-urls.js';
import type { EmulatorRuntime } from '../runtime.js';
import type { AdvertiserRecord, PromotedAppRecord } from '../state/records.js';

/** How many apps an account can be seeded with (`sample_apps` in a scenario): Android, then iOS. */
export const maximumSampleApps = 2;

const packageNameOf = (name: string): string =>
  `com.example.${
    name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '') || 'app'
  }`;

/**
 * The account's app on Android (platform id: its package name) and on iOS (its App Store id),
 * measured with partner 44, "TikTok Business SDK" (bububa/tiktok-business `model/ad/creative.go`
 * names partners 44 and 49 as TikTok's own).
 */
export function seedApps(runtime: EmulatorRuntime, advertiser: AdvertiserRecord, count: number): void {
  const packageName = packageNameOf(advertiser.name);
  const appStoreId = `1${runtime.ids.assetId().slice(-9)}`;
  const apps: Omit<PromotedAppRecord, 'app_id' | 'advertiserId'>[] = [
    {
      app_name: advertiser.name,
      app_platform_id: packageName,
      app_type: 'APP_ANDROID',
      platform: 'ANDROID',
      download_url: `https://play.google.com/store/apps/details?id=${packageName}`,
      icon_url: '',
      partner_id: '44',
      partner_name: 'TikTok Business SDK',
      enable_retargeting: 'NON_RETARGETING',
      self_attribution_enabled: false,
      skan_allowed: false,
    },
    {
      app_name: advertiser.name,
      app_platform_id: appStoreId,
      app_type: 'APP_IOS',
      platform: 'IOS',
      download_url: `https://apps.apple.com/app/id${appStoreId}`,
      icon_url: '',
      partner_id: '44',
      partner_name: 'TikTok Business SDK',
      enable_retargeting: 'NON_RETARGETING',
      self_attribution_enabled: false,
      skan_allowed: false,
    },
  ];
  for (const app of apps.slice(0, count)) {
    const appId = runtime.ids.assetId();
    runtime.store.promotedApps.set(appId, {
      ...app,
      advertiserId: advertiser.advertiserId,
      app_id: appId,
      // Served by the media routes as a square placeholder, made absolute when answered.
      icon_url: mediaPath(appId),
    });
  }
}
