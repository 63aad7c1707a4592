import { z } from 'zod';
import { creatableObjectives, operatingSystems, placements } from '../ads/ads-enums.js';
import { defineEndpoint } from '../http/define-endpoint.js';
import { idString, jsonParam } from '../http/params.js';
import { cities, countries, provinces } from './region-catalogue.js';

// GET /tool/region/: the locations an ad group can target. Parameters from tiktok/tiktok-business-api-sdk
// `js_sdk/docs/ToolApi.md` (toolRegion) and bububa/tiktok-business `model/tool/region.go`; the
// answer's fields from the latter (TikTok's SDK documents no response body).

/** bububa `enum/region_level.go`; DMAs and metropolitan areas are PROVINCE level. */
export type RegionLevel = 'COUNTRY' | 'PROVINCE' | 'CITY' | 'DISTRICT';

/** One row of `data.region_info`. */
export interface RegionRow {
  location_id: string;
  name: string;
  /** "0" for a country: TikTok returns 0 when a location has no parent (bububa model comment). */
  parent_id: string;
  /** The ISO code of the country (a sub-region carries its country's: TikTok's reading unknown). */
  region_code: string;
  next_level_ids: string[];
  /** bububa `enum/area_type.go`: ADMIN or METROPOLITAN_OR_DMA; every seeded location is ADMIN. */
  area_type: 'ADMIN' | 'METROPOLITAN_OR_DMA';
  level: RegionLevel;
}

function buildRegionRows(): RegionRow[] {
  const rows: RegionRow[] = [];
  const add = (row: Omit<RegionRow, 'next_level_ids' | 'area_type'>) =>
    rows.push({ ...row, next_level_ids: [], area_type: 'ADMIN' });
  for (const [code, id, name] of countries) {
    add({ location_id: id, name, parent_id: '0', region_code: code, level: 'COUNTRY' });
  }
  for (const [code, subdivisions] of Object.entries(provinces)) {
    const country = countries.find(([known]) => known === code);
    if (!country) throw new Error(`region catalogue: provinces of unknown country ${code}`);
    for (const [id, name] of subdivisions) {
      add({ location_id: id, name, parent_id: country[1], region_code: code, level: 'PROVINCE' });
    }
  }
  for (const [parentId, id, name] of cities) {
    const parent = rows.find((row) => row.location_id === parentId);
    if (!parent) throw new Error(`region catalogue: city ${name} of unknown location ${parentId}`);
    add({ location_id: id, name, parent_id: parentId, region_code: parent.region_code, level: 'CITY' });
  }
  const byId = new Map(rows.map((row) => [row.location_id, row]));
  if (byId.size !== rows.length) throw new Error('region catalogue: duplicate location id');
  for (const row of rows) byId.get(row.parent_id)?.next_level_ids.push(row.location_id);
  return rows;
}

/** Built once: the catalogue never changes while the emulator runs. */
export const regionRows: readonly RegionRow[] = buildRegionRows();

/** `level_range` (ToolApi.md): how deep the answer goes. */
const levelRanges = ['ALL', 'TO_COUNTRY', 'TO_PROVINCE', 'TO_CITY', 'TO_DISTRICT'] as const;
const levelsWithin: Record<(typeof levelRanges)[number], readonly RegionLevel[]> = {
  ALL: ['COUNTRY', 'PROVINCE', 'CITY', 'DISTRICT'],
  TO_COUNTRY: ['COUNTRY'],
  TO_PROVINCE: ['COUNTRY', 'PROVINCE'],
  TO_CITY: ['COUNTRY', 'PROVINCE', 'CITY'],
  TO_DISTRICT: ['COUNTRY', 'PROVINCE', 'CITY', 'DISTRICT'],
};

/**
 * Open questions, answered with the documented reading rather than a convenient one:
 * - Permission: /tool/ endpoints appear in no scope of reference §9's list, so none is checked;
 *   the token only has to be granted the account.
 * - `level_range` has no documented default; ALL ("all levels") is taken.
 * - TikTok narrows the list by objective, placements, operating system and brand safety; how is
 *   not documented, so every combination answers the whole catalogue. The parameters are still
 *   required and validated as documented.
 * - `language` translates names; the emulator has English names only (TikTok falls back to `en`).
 * - No paging is documented: the whole list comes in one answer. Nor is a name filter: a search by
 *   name is the caller's, over this list.
 * - `next_level_ids` are left whole when `level_range` cuts the deeper levels off.
 */
export const regionEndpoint = defineEndpoint({
  method: 'GET',
  path: '/tool/region/',
  authentication: 'token',
  access: 'read',
  requiresEligibleAdvertiser: true,
  input: z.object({
    advertiser_id: idString(),
    placements: jsonParam(z.array(z.enum(placements)).min(1)),
    // Correction 2: the objectives a campaign can be created with, plus RF_REACH (allowlisted).
    objective_type: z.enum([...creatableObjectives, 'RF_REACH']),
    level_range: z.enum(levelRanges).default('ALL'),
    language: z.string().optional(),
    operating_system: z.enum(operatingSystems).optional(),
    promotion_type: z.string().optional(),
    promotion_target_type: z.enum(['INSTANT_PAGE', 'EXTERNAL_WEBSITE']).optional(),
    brand_safety_type: z.string().optional(),
    brand_safety_partner: z.string().optional(),
    rf_campaign_type: z.enum(['STANDARD', 'PULSE']).optional(),
    shopping_ads_type: z.string().optional(),
  }),
  handle({ input }) {
    const levels = levelsWithin[input.level_range];
    return {
      region_info: regionRows
        .filter((row) => levels.includes(row.level))
        .map((row) => ({ ...row, next_level_ids: [...row.next_level_ids] })),
    };
  },
});
