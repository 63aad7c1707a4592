import { z } from 'zod';
import { ApiError, fieldError } from '../http/api-error.js';
import { defineEndpoint } from '../http/define-endpoint.js';
import { paginate } from '../http/envelope.js';
import { booleanParam, dateTimeString, idString, jsonParam, parseInput } from '../http/params.js';
import type { EmulatorRuntime } from '../runtime.js';
import { formatDateTime } from '../state/clock.js';
import type { AdRecord, AdgroupRecord } from '../state/records.js';
import { recordStatus } from '../state/store.js';
import {
  adFormats,
  callsToAction,
  identityTypes,
  statusUpdateOperations,
  writableOperationStatuses,
} from './ads-enums.js';
import { findAdgroup } from './adgroup-endpoints.js';
import { getParams, idFilter, primaryStatusFilter, selectFields, statusFilter } from './entity-rules.js';
import { adSecondaryStatus, adStatusReader } from './secondary-status.js';

export function describeAd(runtime: EmulatorRuntime, ad: AdRecord, now: number) {
  return { ...ad, secondary_status: adSecondaryStatus(runtime, ad, now) };
}

const httpUrl = () => z.url({ protocol: /^https?$/ });

// Reference §4.1: a creative of /ad/create/ (correction 5: identity is always sent).
const creativeSchema = z.object({
  ad_name: z.string().max(512).default(''),
  ad_format: z.enum(adFormats),
  ad_text: z.string().min(1).max(100).optional(),
  video_id: z.string().optional(),
  image_ids: z.array(z.string()).optional(),
  call_to_action: z.enum(callsToAction).optional(),
  call_to_action_id: idString().optional(),
  landing_page_url: httpUrl().optional(),
  display_name: z.string().min(1).max(40).optional(),
  identity_type: z.enum(identityTypes),
  identity_id: z.string().min(1),
  avatar_icon_web_uri: z.string().optional(),
  operation_status: z.enum(writableOperationStatuses).default('ENABLE'),
});
type CreativeInput = z.output<typeof creativeSchema>;

/** Media must exist in this account's library; a video still transcoding is 40901 (reference §5). */
function checkMedia(
  runtime: EmulatorRuntime,
  advertiserId: string,
  creative: CreativeInput,
  index: number,
  now: number,
): void {
  const field = (name: string) => `creatives.${index}.${name}`;
  if ((creative.ad_format === 'SINGLE_VIDEO' || creative.ad_format === 'SINGLE_IMAGE') && !creative.ad_text) {
    throw fieldError(field('ad_text'), 'Missing data for required field.');
  }
  if (creative.ad_format === 'SINGLE_VIDEO') {
    if (!creative.video_id) throw fieldError(field('video_id'), 'Missing data for required field.');
    const video = runtime.store.videos.get(creative.video_id);
    if (!video || video.advertiserId !== advertiserId)
      throw fieldError(field('video_id'), `Video ${creative.video_id} does not exist.`);
    if (now < video.readyAt)
      throw new ApiError(
        40901,
        `Video ${creative.video_id} is still being processed. Please try again later.`,
      );
  }
  if (
    (creative.ad_format === 'SINGLE_VIDEO' || creative.ad_format === 'SINGLE_IMAGE') &&
    !creative.image_ids?.length
  ) {
    // Reference §4.1: image_ids is the cover for SINGLE_VIDEO and the picture for SINGLE_IMAGE.
    throw fieldError(field('image_ids'), 'Missing data for required field.');
  }
  for (const imageId of creative.image_ids ?? []) {
    const image = runtime.store.images.get(imageId);
    if (!image || image.advertiserId !== advertiserId)
      throw fieldError(field('image_ids'), `Image ${imageId} does not exist.`);
  }
}

function buildAd(
  runtime: EmulatorRuntime,
  adgroup: AdgroupRecord,
  creative: CreativeInput,
  now: number,
): AdRecord {
  const time = formatDateTime(now);
  return {
    advertiser_id: adgroup.advertiser_id,
    campaign_id: adgroup.campaign_id,
    campaign_name: adgroup.campaign_name,
    adgroup_id: adgroup.adgroup_id,
    adgroup_name: adgroup.adgroup_name,
    ad_id: runtime.ids.entityId(),
    // Reference §4.1: an empty ad_name is named automatically.
    ad_name: creative.ad_name || `${adgroup.adgroup_name}_${time}`,
    ad_format: creative.ad_format,
    ad_text: creative.ad_text ?? null,
    video_id: creative.video_id ?? null,
    image_ids: creative.image_ids ?? [],
    // Reference §4.1: call_to_action_id wins over call_to_action.
    call_to_action: creative.call_to_action_id ? null : (creative.call_to_action ?? null),
    call_to_action_id: creative.call_to_action_id ?? null,
    landing_page_url: creative.landing_page_url ?? null,
    display_name: creative.display_name ?? null,
    identity_type: creative.identity_type,
    identity_id: creative.identity_id,
    avatar_icon_web_uri: creative.avatar_icon_web_uri ?? null,
    operation_status: creative.operation_status,
    is_aco: false,
    creative_authorized: false,
    deeplink_type: 'NORMAL',
    fallback_type: 'UNSET',
    create_time: time,
    modify_time: time,
  };
}

export const adCreateEndpoint = defineEndpoint({
  method: 'POST',
  path: '/ad/create/',
  authentication: 'token',
  access: 'write',
  requiresEligibleAdvertiser: true,
  permissions: () => [221],
  input: z.object({
    advertiser_id: idString(),
    adgroup_id: idString(),
    // Correction 5: at most 20 creatives per call.
    creatives: jsonParam(z.array(creativeSchema).min(1).max(20)),
  }),
  handle({ input, runtime, now }) {
    const adgroup = findAdgroup(runtime, input.advertiser_id, input.adgroup_id);
    input.creatives.forEach((creative, index) => {
      checkMedia(runtime, input.advertiser_id, creative, index, now);
      if (adgroup.promotion_type === 'WEBSITE' && !creative.landing_page_url) {
        throw fieldError(
          `creatives.${index}.landing_page_url`,
          'Missing data for required field when promotion_type is WEBSITE.',
        );
      }
    });
    const existing = [...runtime.store.ads.values()].filter(
      (ad) => ad.adgroup_id === adgroup.adgroup_id && ad.operation_status !== 'DELETE',
    );
    if (existing.length + input.creatives.length > runtime.settings.maximumAdsPerAdgroup) {
      throw new ApiError(
        40502,
        `The ad group already has ${existing.length} ads; the limit is ${runtime.settings.maximumAdsPerAdgroup}.`,
      );
    }
    const ads = input.creatives.map((creative) => buildAd(runtime, adgroup, creative, now));
    for (const ad of ads) {
      runtime.store.ads.set(ad.ad_id, ad);
      recordStatus(runtime.store, ad.ad_id, now, ad.operation_status);
    }
    // Correction 5: data.ad_ids[] is authoritative.
    return { ad_ids: ads.map((ad) => ad.ad_id), creatives: ads.map((ad) => describeAd(runtime, ad, now)) };
  },
});

const creativeUpdateSchema = creativeSchema.partial().extend({ ad_id: idString() });

export const adUpdateEndpoint = defineEndpoint({
  method: 'POST',
  path: '/ad/update/',
  authentication: 'token',
  access: 'write',
  requiresEligibleAdvertiser: true,
  permissions: () => [221],
  input: z.object({
    advertiser_id: idString(),
    adgroup_id: idString(),
    creatives: jsonParam(z.array(creativeUpdateSchema).min(1).max(20)),
    patch_update: booleanParam(z.boolean()).default(false),
  }),
  handle({ input, runtime, now }) {
    const adgroup = findAdgroup(runtime, input.advertiser_id, input.adgroup_id);
    const updates = input.creatives.map((creative, index) => {
      const ad = runtime.store.ads.get(creative.ad_id);
      if (!ad || ad.adgroup_id !== adgroup.adgroup_id || ad.operation_status === 'DELETE') {
        throw fieldError(
          `creatives.${index}.ad_id`,
          `Ad ${creative.ad_id} does not exist in ad group ${adgroup.adgroup_id}.`,
        );
      }
      const present = (entries: object) =>
        Object.entries(entries).filter(([, value]) => value !== undefined && value !== null);
      const checked = parseInput(creativeSchema, Object.fromEntries([...present(ad), ...present(creative)]));
      checkMedia(runtime, input.advertiser_id, checked, index, now);
      return { ad, checked };
    });
    for (const { ad, checked } of updates) {
      Object.assign(ad, {
        ad_name: checked.ad_name || ad.ad_name,
        ad_text: checked.ad_text ?? null,
        video_id: checked.video_id ?? null,
        image_ids: checked.image_ids ?? [],
        call_to_action: checked.call_to_action_id ? null : (checked.call_to_action ?? null),
        call_to_action_id: checked.call_to_action_id ?? null,
        landing_page_url: checked.landing_page_url ?? null,
        display_name: checked.display_name ?? null,
        modify_time: formatDateTime(now),
      });
    }
    return {
      ad_ids: updates.map(({ ad }) => ad.ad_id),
      creatives: updates.map(({ ad }) => describeAd(runtime, ad, now)),
    };
  },
});

/** Correction 6: `{ad_ids, aco_ad_ids, status}`. */
export const adStatusUpdateEndpoint = defineEndpoint({
  method: 'POST',
  path: '/ad/status/update/',
  authentication: 'token',
  access: 'write',
  requiresEligibleAdvertiser: true,
  permissions: () => [221],
  input: z.object({
    advertiser_id: idString(),
    ad_ids: jsonParam(z.array(idString()).min(1).max(20)).optional(),
    aco_ad_ids: jsonParam(z.array(idString()).min(1).max(20)).optional(),
    operation_status: z.enum(statusUpdateOperations),
  }),
  handle({ input, runtime, now }) {
    if (!input.ad_ids && !input.aco_ad_ids) throw fieldError('ad_ids', 'Missing data for required field.');
    if (input.aco_ad_ids) throw fieldError('aco_ad_ids', 'No ACO ad exists in this account.');
    const ads = (input.ad_ids ?? []).map((adId) => {
      const ad = runtime.store.ads.get(adId);
      if (!ad || ad.advertiser_id !== input.advertiser_id || ad.operation_status === 'DELETE') {
        throw fieldError('ad_ids', `Ad ${adId} does not exist or has been deleted.`);
      }
      return ad;
    });
    for (const ad of ads) {
      ad.operation_status = input.operation_status;
      ad.modify_time = formatDateTime(now);
      recordStatus(runtime.store, ad.ad_id, now, input.operation_status);
    }
    return { ad_ids: ads.map((ad) => ad.ad_id), aco_ad_ids: [], status: input.operation_status };
  },
});

export const adGetEndpoint = defineEndpoint({
  method: 'GET',
  path: '/ad/get/',
  authentication: 'token',
  access: 'read',
  requiresEligibleAdvertiser: true,
  permissions: () => [220],
  input: z.object(
    getParams(
      z
        .object({
          ad_ids: idFilter(),
          adgroup_ids: idFilter(),
          campaign_ids: idFilter(),
          ad_name: z.string().optional(),
          primary_status: primaryStatusFilter(),
          secondary_status: z.string().optional(),
          modified_after: dateTimeString().optional(),
          creation_filter_start_time: dateTimeString().optional(),
          creation_filter_end_time: dateTimeString().optional(),
        })
        .loose(),
    ),
  ),
  handle({ input, runtime, now }) {
    const filtering = input.filtering ?? {};
    const statusOf = adStatusReader(runtime, now);
    const statusMatches = statusFilter(filtering, 'AD');
    // Filtered on the records in one pass and described by the page: an account's listing is read
    // page after page, and describing every ad for each page made a page cost the whole account.
    const rows = [...runtime.store.ads.values()]
      .filter(
        (ad) =>
          ad.advertiser_id === input.advertiser_id &&
          (!filtering.ad_ids || filtering.ad_ids.includes(ad.ad_id)) &&
          (!filtering.adgroup_ids || filtering.adgroup_ids.includes(ad.adgroup_id)) &&
          (!filtering.campaign_ids || filtering.campaign_ids.includes(ad.campaign_id)) &&
          (!filtering.ad_name || ad.ad_name.includes(filtering.ad_name)) &&
          (!filtering.modified_after || ad.modify_time > filtering.modified_after) &&
          statusMatches(ad, () => statusOf(ad)),
      )
      .reverse();
    const page = paginate(rows, input.page, input.page_size);
    const list = page.list.map((ad) => ({ ...ad, secondary_status: statusOf(ad) }));
    return { ...page, list: selectFields(list, input.fields) };
  },
});

export const adEndpoints = [adCreateEndpoint, adUpdateEndpoint, adStatusUpdateEndpoint, adGetEndpoint];
