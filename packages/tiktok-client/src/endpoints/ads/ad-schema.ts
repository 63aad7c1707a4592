import { z } from 'zod';
import type { ReadOperationStatus } from '../entity-status.js';
import {
  idListSchema,
  idSchema,
  openEnum,
  optionalEntityName,
  optionalName,
  optionalString,
} from '../../transport/wire-schemas.js';

export type AdFormat = 'SINGLE_VIDEO' | 'SINGLE_IMAGE' | 'LIVE_CONTENT' | 'CAROUSEL_ADS' | 'CATALOG_CAROUSEL';

/** Reference §4.4: an ad as /ad/get/ returns it (Smart+ ads may lack modify_time). */
export const adSchema = z
  .object({
    ad_id: idSchema,
    adgroup_id: idSchema.nullish(),
    campaign_id: idSchema.nullish(),
    advertiser_id: idSchema.nullish(),
    ad_name: optionalEntityName,
    ad_format: openEnum<AdFormat>(),
    ad_text: optionalString,
    video_id: optionalString,
    // Image ids are path-like strings (reference §5), not numbers; the id schema keeps both.
    image_ids: idListSchema,
    call_to_action: optionalString,
    landing_page_url: optionalString,
    display_name: optionalName,
    identity_type: optionalString,
    identity_id: idSchema.nullish(),
    operation_status: openEnum<ReadOperationStatus>(),
    secondary_status: optionalString,
    create_time: optionalString,
    modify_time: optionalString,
  })
  .transform((row) => ({
    adId: row.ad_id,
    adGroupId: row.adgroup_id ?? undefined,
    campaignId: row.campaign_id ?? undefined,
    advertiserId: row.advertiser_id ?? undefined,
    name: row.ad_name ?? '',
    adFormat: row.ad_format,
    adText: row.ad_text,
    videoId: row.video_id,
    imageIds: row.image_ids,
    callToAction: row.call_to_action,
    landingPageUrl: row.landing_page_url,
    displayName: row.display_name,
    identityType: row.identity_type,
    identityId: row.identity_id ?? undefined,
    operationStatus: row.operation_status,
    secondaryStatus: row.secondary_status,
    createTime: row.create_time,
    modifyTime: row.modify_time,
  }));

export type Ad = z.output<typeof adSchema>;

/** Reference §4.1: one creative of /ad/create/ or /ad/update/. */
export interface AdCreative {
  name?: string | undefined;
  adFormat: AdFormat;
  /** 1–100 characters; required for image and video ads. */
  adText?: string | undefined;
  videoId?: string | undefined;
  /** The cover of a SINGLE_VIDEO ad, the picture of a SINGLE_IMAGE ad. */
  imageIds?: string[] | undefined;
  callToAction?: string | undefined;
  landingPageUrl?: string | undefined;
  displayName?: string | undefined;
  /** Correction 5: always sent; CUSTOMIZED_USER for non-Spark ads. */
  identityType: string;
  identityId: string;
  additionalFields?: Record<string, unknown> | undefined;
}

export const creativeToWire = (creative: AdCreative): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries({
      ...creative.additionalFields,
      ad_name: creative.name,
      ad_format: creative.adFormat,
      ad_text: creative.adText,
      video_id: creative.videoId,
      image_ids: creative.imageIds,
      call_to_action: creative.callToAction,
      landing_page_url: creative.landingPageUrl,
      display_name: creative.displayName,
      identity_type: creative.identityType,
      identity_id: creative.identityId,
    }).filter(([, value]) => value !== undefined),
  );
