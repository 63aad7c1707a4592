import { z } from 'zod';
import { commaListField, tiktokIdField } from '../query-fields.js';
import { searchTextSchema, singleLineTextSchema } from '../text.js';
import { draftNodeSchema } from './draft-nodes.js';

/**
 * What the builder's forms pick from, read from TikTok for one ad account (interactive lane):
 * locations from TikTok's region list, identities, pixels, apps and custom audiences. Routes live under
 * `/api/workspaces/:workspaceId/builder/accounts/:advertiserId/…`.
 */
export const builderAccountParamsSchema = z.strictObject({
  workspaceId: z.uuid(),
  advertiserId: tiktokIdField,
});

export const regionQuerySchema = z.strictObject({ q: searchTextSchema.optional() });

export const regionSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The country or state it lies in, for telling "Georgia" the state from Georgia the country. */
  parentName: z.string().nullable(),
  level: z.string(),
  regionCode: z.string().nullable(),
});
export type Region = z.infer<typeof regionSchema>;
export const regionListSchema = z.object({ regions: z.array(regionSchema) });

export const identitySchema = z.object({
  type: z.enum(['CUSTOMIZED_USER', 'AUTH_CODE', 'TT_USER', 'BC_AUTH_TT']),
  id: z.string(),
  displayName: z.string(),
  imageUrl: z.string().nullable(),
});
export type Identity = z.infer<typeof identitySchema>;
export const identityListSchema = z.object({ identities: z.array(identitySchema) });

export const createIdentityInputSchema = z.strictObject({
  displayName: singleLineTextSchema({ empty: 'Enter the name people see on the ad.' }, 40),
});

export const pixelSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  /** The events TikTok can optimise for with this pixel (its optimization_event values). */
  events: z.array(z.object({ name: z.string(), label: z.string() })),
});
export type Pixel = z.infer<typeof pixelSchema>;
export const pixelListSchema = z.object({
  /** False when the connection was made without Pixel Management (TikTok scope 8): Reconnect with it ticked. */
  granted: z.boolean(),
  pixels: z.array(pixelSchema),
});

export const appSchema = z.object({
  id: z.string(),
  name: z.string(),
  platform: z.enum(['ANDROID', 'IOS']),
});
export type TikTokApp = z.infer<typeof appSchema>;
export const appListSchema = z.object({
  /** False when the connection was made without App Management (TikTok scope 7): Reconnect with it ticked. */
  granted: z.boolean(),
  apps: z.array(appSchema),
});

export const audienceSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** TikTok's kind, in its own words ("Customer File Audience"); null when TikTok gave none. */
  type: z.string().nullable(),
  /** TikTok users matched; null when TikTok has not said. */
  size: z.number().int().nonnegative().nullable(),
  /** False while TikTok is still calculating the audience, or once it expired: not usable yet. */
  ready: z.boolean(),
});
export type Audience = z.infer<typeof audienceSchema>;
export const audienceListSchema = z.object({
  /**
   * False when the connection was made without Audience Management (TikTok scope 3): TikTok then
   * lists none, and Reconnect with it ticked is the fix. Nothing else about the connection is wrong.
   */
  granted: z.boolean(),
  audiences: z.array(audienceSchema),
});
export type AudienceList = z.infer<typeof audienceListSchema>;

/**
 * Select existing / Expand: nodes built from the campaigns mirror, carrying their TikTok ids and
 * what TikTok has as `published`. `campaigns` loads those campaigns (with everything under them
 * when `children` is true); `adGroups` loads the ads of those ad groups (Expand on an ad group).
 */
export const existingNodesQuerySchema = z.strictObject({
  advertiserId: tiktokIdField,
  campaigns: commaListField(tiktokIdField, 100, 'campaigns').optional(),
  adGroups: commaListField(tiktokIdField, 100, 'ad groups').optional(),
  children: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
});
export type ExistingNodesQuery = z.input<typeof existingNodesQuerySchema>;
export const existingNodesResponseSchema = z.object({ nodes: z.array(draftNodeSchema) });
