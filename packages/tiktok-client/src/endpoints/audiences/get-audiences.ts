import { z } from 'zod';
import { iteratePages } from '../../pagination/iterate-pages.js';
import type { Transport } from '../../transport/create-transport.js';
import {
  idSchema,
  openEnum,
  optionalBoolean,
  optionalName,
  optionalNumber,
  optionalString,
  type Page,
  pageSchema,
} from '../../transport/wire-schemas.js';
import type { AdvertiserCall, PageRequest } from '../call-input.js';

// GET /dmp/custom_audience/list/. Parameters from tiktok/tiktok-business-api-sdk
// `js_sdk/src/api/AudienceApi.js` (dmpCustomAudienceList); `{list, page_info}` and the row's
// fields from bububa/tiktok-business `model/dmp/customaudience/list.go`, matching airbyte's
// TikTok "Audiences List" schema.

/** bububa lists these kinds, as words rather than codes; TikTok adds kinds over time. */
export type AudienceType =
  | 'Customer File Audience'
  | 'Engagement Audience'
  | 'App Activity Audience'
  | 'Website Audience'
  | 'Lookalike Audience'
  | 'Lead Generation'
  | 'Rule Business Account'
  | 'Rule ad shop'
  | 'Partner';

const audienceSchema = z
  .object({
    audience_id: idSchema.nullish(),
    // Some integrations read the id as `custom_audience_id`, the spelling of the request
    // parameters: taken when `audience_id` is missing.
    custom_audience_id: idSchema.nullish(),
    name: optionalName,
    audience_type: openEnum<AudienceType>(),
    audience_sub_type: openEnum<'NORMAL' | 'REACH_FREQUENCY'>(),
    cover_num: optionalNumber,
    is_valid: optionalBoolean,
    is_expiring: optionalBoolean,
    expired_time: optionalString,
  })
  .refine(
    (row) => (row.audience_id ?? row.custom_audience_id ?? undefined) !== undefined,
    'An audience without an id.',
  )
  .transform((row) => ({
    audienceId: (row.audience_id ?? row.custom_audience_id)!,
    name: row.name ?? '',
    audienceType: row.audience_type,
    /** REACH_FREQUENCY audiences serve reach-and-frequency ads only (bububa). */
    subType: row.audience_sub_type,
    /** TikTok users matched (`cover_num`); 0 or absent while TikTok is still calculating. */
    size: row.cover_num,
    /** False while the audience is being calculated, or once it has expired. */
    isValid: row.is_valid,
    /** Within 60 days of `expiredTime` (bububa). */
    isExpiring: row.is_expiring ?? false,
    /** "YYYY-MM-DD HH:MM:SS". */
    expiredTime: row.expired_time,
  }));

export type CustomAudience = z.output<typeof audienceSchema>;

/** AudienceApi.js: page_size 1–100. */
export const audiencePageSize = 100;

export interface GetAudiencesInput extends AdvertiserCall, PageRequest {
  /** Only these audiences (1–100 ids); an id the account has not is simply not listed. */
  audienceIds?: readonly string[] | undefined;
}

/** GET /dmp/custom_audience/list/, one page of at most 100. */
export const getAudiences =
  (transport: Transport) =>
  ({
    accessToken,
    advertiserId,
    audienceIds,
    page = 1,
    pageSize = audiencePageSize,
    signal,
  }: GetAudiencesInput): Promise<Page<CustomAudience>> =>
    transport.send({
      method: 'GET',
      path: '/dmp/custom_audience/list/',
      effect: 'read',
      schema: pageSchema(audienceSchema),
      accessToken,
      advertiserId,
      query: {
        advertiser_id: advertiserId,
        custom_audience_ids: audienceIds?.length ? audienceIds : undefined,
        page,
        page_size: pageSize,
      },
      signal,
    });

export const listAudiences =
  (transport: Transport) =>
  (input: Omit<GetAudiencesInput, 'page'>): AsyncGenerator<CustomAudience> =>
    iteratePages((page) => getAudiences(transport)({ ...input, page }));
