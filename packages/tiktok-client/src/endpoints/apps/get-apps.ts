import { z } from 'zod';
import type { Transport } from '../../transport/create-transport.js';
import {
  idSchema,
  openEnum,
  optionalBoolean,
  optionalName,
  optionalString,
} from '../../transport/wire-schemas.js';
import type { AdvertiserCall } from '../call-input.js';

// GET /app/list/: the apps an ad account promotes (App promotion), not developer apps. Parameters
// and `data.apps` from tiktok/tiktok-business-api-sdk `yml_files/app_list.yml`; the fields from
// bububa/tiktok-business `model/app/app.go`.

const appSchema = z
  .object({
    app_id: idSchema,
    app_name: optionalName,
    app_platform_id: optionalString,
    app_type: openEnum<'APP_ANDROID' | 'APP_IOS'>(),
    platform: openEnum<'ANDROID' | 'IOS'>(),
    download_url: optionalString,
    icon_url: optionalString,
    partner_name: optionalString,
    self_attribution_enabled: optionalBoolean,
  })
  .transform((app) => ({
    /** What an ad group's `app_id` takes. */
    appId: app.app_id,
    name: app.app_name ?? '',
    platform: app.platform,
    appType: app.app_type,
    /** The Android package name or the App Store id. */
    appPlatformId: app.app_platform_id,
    downloadUrl: app.download_url,
    iconUrl: app.icon_url || undefined,
    partnerName: app.partner_name,
    selfAttributionEnabled: app.self_attribution_enabled,
  }));

export type AdvertiserApp = z.output<typeof appSchema>;

const appListSchema = z
  .object({ apps: z.array(appSchema).nullish() })
  .transform((data): AdvertiserApp[] => data.apps ?? []);

export interface GetAppsInput extends AdvertiserCall {
  /** Only these apps: Android package names or App Store ids. */
  appPlatformIds?: string[] | undefined;
}

/** GET /app/list/: every app of the account in one answer (no paging is documented). */
export const getApps =
  (transport: Transport) =>
  (input: GetAppsInput): Promise<AdvertiserApp[]> =>
    transport.send({
      method: 'GET',
      path: '/app/list/',
      effect: 'read',
      schema: appListSchema,
      accessToken: input.accessToken,
      advertiserId: input.advertiserId,
      query: { advertiser_id: input.advertiserId, app_platform_ids: input.appPlatformIds },
      signal: input.signal,
    });
