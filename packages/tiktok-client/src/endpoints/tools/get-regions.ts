import { z } from 'zod';
import type { Transport } from '../../transport/create-transport.js';
import {
  idListSchema,
  idSchema,
  openEnum,
  optional,
  optionalName,
  optionalString,
  type OpenEnum,
} from '../../transport/wire-schemas.js';
import type { AdvertiserCall } from '../call-input.js';
import type { CreatableObjective } from '../campaigns/campaign-schema.js';

// GET /tool/region/: the locations an ad group can target (`location_ids`, reference §4.3).
// Parameters from tiktok/tiktok-business-api-sdk `js_sdk/docs/ToolApi.md` (toolRegion); the answer's
// fields from bububa/tiktok-business `model/tool/region.go` (the SDK documents no response body).

/** bububa `enum/region_level.go`: DMAs and metropolitan areas are PROVINCE level. */
export type RegionLevel = 'COUNTRY' | 'PROVINCE' | 'CITY' | 'DISTRICT';

/** How deep the list goes (ToolApi.md `level_range`). */
export type RegionLevelRange = 'ALL' | 'TO_COUNTRY' | 'TO_PROVINCE' | 'TO_CITY' | 'TO_DISTRICT';

export type RegionAreaType = 'ADMIN' | 'METROPOLITAN_OR_DMA';

const regionSchema = z
  .object({
    location_id: idSchema,
    name: optionalName,
    parent_id: optional(idSchema),
    region_code: optionalString,
    next_level_ids: idListSchema,
    area_type: openEnum<RegionAreaType>(),
    level: openEnum<RegionLevel>(),
  })
  .transform((row) => ({
    locationId: row.location_id,
    name: row.name ?? '',
    // bububa: "the parent location's id; 0 when there is none" (a country).
    parentId: row.parent_id === undefined || row.parent_id === '0' ? undefined : row.parent_id,
    regionCode: row.region_code,
    level: row.level,
    areaType: row.area_type,
    nextLevelIds: row.next_level_ids,
  }));

export type Region = z.output<typeof regionSchema>;

const regionListSchema = z
  .object({ region_info: z.array(regionSchema).nullish() })
  .transform((data): Region[] => data.region_info ?? []);

export interface GetRegionsInput extends AdvertiserCall {
  /** Required by TikTok: where the ads run (`PLACEMENT_TIKTOK`, …); the list depends on it. */
  placements: OpenEnum<'PLACEMENT_TIKTOK' | 'PLACEMENT_PANGLE' | 'PLACEMENT_GLOBAL_APP_BUNDLE'>[];
  /** Required by TikTok: the campaign's objective; the list depends on it. */
  objectiveType: OpenEnum<CreatableObjective>;
  /** TikTok documents no default; name it to be sure of the levels that come back. */
  levelRange?: RegionLevelRange | undefined;
  /** Names in this language where TikTok has them (e.g. `ja`); default `en`. */
  language?: string | undefined;
  operatingSystem?: OpenEnum<'ANDROID' | 'IOS'> | undefined;
  promotionType?: string | undefined;
}

/**
 * GET /tool/region/: every location the account can target for this objective and placement, in
 * one unpaged list. TikTok takes no name filter: a search by name is the caller's, over this list.
 */
export const getRegions =
  (transport: Transport) =>
  (input: GetRegionsInput): Promise<Region[]> =>
    transport.send({
      method: 'GET',
      path: '/tool/region/',
      effect: 'read',
      schema: regionListSchema,
      accessToken: input.accessToken,
      advertiserId: input.advertiserId,
      query: {
        advertiser_id: input.advertiserId,
        placements: input.placements,
        objective_type: input.objectiveType,
        level_range: input.levelRange,
        language: input.language,
        operating_system: input.operatingSystem,
        promotion_type: input.promotionType,
      },
      signal: input.signal,
    });
