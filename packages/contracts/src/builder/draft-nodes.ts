import { z } from 'zod';
import { tiktokIdField } from '../query-fields.js';
import { loneSurrogatePattern } from '../text.js';
import {
  billingEvents,
  bidTypes,
  builderObjectives,
  optimizationGoals,
  promotionTypes,
} from './objective-rules.js';

/**
 * A draft is the builder's canvas: campaigns, ad groups and ads as one flat list of nodes, each
 * pointing at its parent. Settings are saved as typed, however incomplete: the draft is work in
 * progress, and `draft-validation.ts` says what is still missing before anything is published.
 * Field names are Whathead's; `publish-payloads` turns them into TikTok's.
 */

/** A node's key: made by the browser, stable for the node's life (also across publishes). */
export const nodeKeySchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'Not a node key.');

/**
 * Free text as saved: anything up to a generous cap (the rules say what TikTok takes), but no NUL
 * and no half surrogate pairs, which are not text and which no database stores.
 */
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine(
      (value) => !value.includes('\u0000') && !loneSurrogatePattern.test(value),
      'Remove the invisible characters from this text.',
    );

export const operationStatuses = ['ENABLE', 'DISABLE'] as const;
export const operationStatusSchema = z.enum(operationStatuses);

/** TikTok's "YYYY-MM-DD HH:MM:SS" in UTC. */
export const tiktokTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'Write the time as YYYY-MM-DD HH:MM:SS (UTC).');

export const campaignBudgetModes = ['BUDGET_MODE_INFINITE', 'BUDGET_MODE_DAY', 'BUDGET_MODE_TOTAL'] as const;
export const adGroupBudgetModes = ['BUDGET_MODE_DAY', 'BUDGET_MODE_TOTAL'] as const;
const money = z.number().nonnegative().max(1e12).nullable();

export const campaignSettingsSchema = z.object({
  name: text(1024),
  objective: z.enum(builderObjectives).nullable(),
  budgetMode: z.enum(campaignBudgetModes),
  budget: money,
  /** Campaign budget optimisation: TikTok spreads the campaign's budget over its ad groups. */
  budgetOptimization: z.boolean(),
  status: operationStatusSchema,
});
export type CampaignSettings = z.infer<typeof campaignSettingsSchema>;

export const placementTypes = ['PLACEMENT_TYPE_AUTOMATIC', 'PLACEMENT_TYPE_NORMAL'] as const;
export const placements = ['PLACEMENT_TIKTOK', 'PLACEMENT_PANGLE', 'PLACEMENT_GLOBAL_APP_BUNDLE'] as const;
export const ageGroups = [
  'AGE_13_17',
  'AGE_18_24',
  'AGE_25_34',
  'AGE_35_44',
  'AGE_45_54',
  'AGE_55_100',
] as const;
export const genders = ['GENDER_UNLIMITED', 'GENDER_MALE', 'GENDER_FEMALE'] as const;
export const scheduleTypes = ['SCHEDULE_FROM_NOW', 'SCHEDULE_START_END'] as const;

/**
 * How many custom audiences one ad group may include, and as many exclude. TikTok documents no
 * cap for `audience_ids` (tiktok-business-api-sdk AdgroupCreateBody); its audience reads take at
 * most 100 ids a call (`custom_audience_ids`, 1–100), so 100 a list is what Whathead can check.
 */
export const audiencesMaximum = 100;

/** Custom audiences by TikTok id; a draft saved before audiences existed reads as none. */
const audienceIds = z
  .array(tiktokIdField)
  .max(audiencesMaximum, `Choose at most ${audiencesMaximum} audiences.`)
  .refine((ids) => new Set(ids).size === ids.length, 'Each audience can be chosen once.')
  .default([]);

/** A location with the name TikTok's region list gave it, so the canvas needs no lookup. */
export const locationSchema = z.object({ id: tiktokIdField, name: text(200) });

export const adGroupSettingsSchema = z.object({
  name: text(1024),
  placementType: z.enum(placementTypes),
  placements: z.array(z.enum(placements)).max(placements.length),
  locations: z.array(locationSchema).max(3000),
  /** Empty: every age. */
  ageGroups: z.array(z.enum(ageGroups)).max(ageGroups.length),
  gender: z.enum(genders),
  /** Language codes as TikTok lists them; empty: every language. */
  languages: z.array(text(16)).max(200),
  budgetMode: z.enum(adGroupBudgetModes),
  budget: money,
  scheduleType: z.enum(scheduleTypes),
  scheduleStart: tiktokTimeSchema.nullable(),
  scheduleEnd: tiktokTimeSchema.nullable(),
  /** 336 characters of 0 and 1: 48 half-hours × 7 days, Monday first; null: all day, every day. */
  dayparting: z
    .string()
    .regex(/^[01]{336}$/, 'Dayparting is 336 characters of 0 and 1.')
    .nullable(),
  promotionType: z.enum(promotionTypes).nullable(),
  optimizationGoal: z.enum(optimizationGoals).nullable(),
  billingEvent: z.enum(billingEvents).nullable(),
  bidType: z.enum(bidTypes),
  bid: money,
  pixelId: tiktokIdField.nullable(),
  optimizationEvent: text(100).nullable(),
  appId: tiktokIdField.nullable(),
  /** Custom audiences the ads reach (TikTok's `audience_ids`); empty: no audience narrows them. */
  audienceIds,
  /** Custom audiences kept from seeing the ads (`excluded_audience_ids`). */
  excludedAudienceIds: audienceIds,
  status: operationStatusSchema,
});
export type AdGroupSettings = z.infer<typeof adGroupSettingsSchema>;

/**
 * An ad group's two audience lists. The server reads saved drafts as they were saved, without the
 * schema's defaults, so a draft saved before audiences existed has neither list: that is none.
 */
export function audienceListsOf(settings: AdGroupSettings): { included: string[]; excluded: string[] } {
  const saved = settings as Partial<Pick<AdGroupSettings, 'audienceIds' | 'excludedAudienceIds'>>;
  return { included: saved.audienceIds ?? [], excluded: saved.excludedAudienceIds ?? [] };
}

export const adFormats = ['SINGLE_VIDEO', 'SINGLE_IMAGE'] as const;
export const callsToAction = [
  'LEARN_MORE',
  'SHOP_NOW',
  'SIGN_UP',
  'CONTACT_US',
  'APPLY_NOW',
  'DOWNLOAD_NOW',
  'BOOK_NOW',
  'ORDER_NOW',
  'WATCH_NOW',
  'GET_QUOTE',
  'SUBSCRIBE',
  'READ_MORE',
  'VIEW_NOW',
  'INSTALL_NOW',
  'PLAY_GAME',
] as const;

/** The ad's creative from the account's library; the hash finds the same bytes in another account. */
export const adCreativeSchema = z.object({
  kind: z.enum(['video', 'image']),
  /** TikTok's video_id or image_id in the campaign's ad account. */
  materialId: text(128),
  fileName: text(255),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  width: z.number().int().nonnegative().nullable(),
  height: z.number().int().nonnegative().nullable(),
  /** A video's cover image (TikTok's image_ids for SINGLE_VIDEO). */
  coverImageId: text(128).nullable(),
  /**
   * The ad account whose library holds `materialId`. When it is not the campaign's (a tree
   * duplicated into another account), publishing first copies the file there from the originals
   * Whathead keeps (content-addressed). Absent on creatives picked before this was recorded: the
   * campaign's own account.
   */
  advertiserId: tiktokIdField.nullable().optional(),
});
export type AdCreativeRef = z.infer<typeof adCreativeSchema>;

export const adIdentitySchema = z.object({
  type: z.enum(['CUSTOMIZED_USER', 'AUTH_CODE', 'TT_USER', 'BC_AUTH_TT']),
  id: text(128),
  displayName: text(200),
});
export type AdIdentity = z.infer<typeof adIdentitySchema>;

export const adSettingsSchema = z.object({
  name: text(1024),
  format: z.enum(adFormats),
  identity: adIdentitySchema.nullable(),
  creative: adCreativeSchema.nullable(),
  adText: text(1000),
  callToAction: z.enum(callsToAction).nullable(),
  landingPageUrl: text(2048),
  displayName: text(200),
  status: operationStatusSchema,
});
export type AdSettings = z.infer<typeof adSettingsSchema>;

const position = z.object({ x: z.number().finite(), y: z.number().finite() }).nullable();

/**
 * `tiktokId` and `published` go together: the node's id at TikTok and its settings as TikTok
 * last had them (from loading or from a publish). Null for a node TikTok does not have yet.
 */
const published = <Settings extends z.ZodType>(settings: Settings) => ({
  tiktokId: tiktokIdField.nullable(),
  published: settings.nullable(),
});

export const campaignNodeSchema = z.object({
  level: z.literal('campaign'),
  key: nodeKeySchema,
  parentKey: z.null(),
  /** The ad account the campaign (and so everything under it) is published to. */
  advertiserId: tiktokIdField,
  settings: campaignSettingsSchema,
  position,
  ...published(campaignSettingsSchema),
});

export const adGroupNodeSchema = z.object({
  level: z.literal('adgroup'),
  key: nodeKeySchema,
  parentKey: nodeKeySchema.nullable(),
  settings: adGroupSettingsSchema,
  position,
  ...published(adGroupSettingsSchema),
});

export const adNodeSchema = z.object({
  level: z.literal('ad'),
  key: nodeKeySchema,
  parentKey: nodeKeySchema.nullable(),
  settings: adSettingsSchema,
  position,
  ...published(adSettingsSchema),
});

export const draftNodeSchema = z.discriminatedUnion('level', [
  campaignNodeSchema,
  adGroupNodeSchema,
  adNodeSchema,
]);
export type CampaignNode = z.infer<typeof campaignNodeSchema>;
export type AdGroupNode = z.infer<typeof adGroupNodeSchema>;
export type AdNode = z.infer<typeof adNodeSchema>;
export type DraftNode = z.infer<typeof draftNodeSchema>;
export type DraftLevel = DraftNode['level'];

/** A draft's size cap: the whole tree is saved as one document. */
export const draftLimits = { nodes: 3000 } as const;

export const draftDocumentSchema = z
  .object({
    nodes: z
      .array(draftNodeSchema)
      .max(draftLimits.nodes, `A draft holds at most ${draftLimits.nodes} items.`),
  })
  .superRefine((document, context) => {
    const seen = new Set<string>();
    for (const node of document.nodes) {
      if (seen.has(node.key))
        context.addIssue({ code: 'custom', message: `Two items share the key ${node.key}.` });
      seen.add(node.key);
    }
  });
export type DraftDocument = z.infer<typeof draftDocumentSchema>;

export const emptyDraftDocument: DraftDocument = { nodes: [] };
