import { z } from 'zod';
import { calendarDateSchema, daysInRange } from './calendar-date.js';
import { commaListField, tiktokIdField } from './query-fields.js';
import { controlCharacterPattern, searchTextSchema } from './text.js';

/**
 * The Campaigns page reads a mirror of every campaign, ad group and ad of the workspace's selected
 * TikTok ad accounts (issue 11). TikTok ids are 19-digit numbers beyond 2^53: always strings.
 */
export const campaignLevels = ['campaign', 'adgroup', 'ad'] as const;
export const campaignLevelSchema = z.enum(campaignLevels);
export type CampaignLevel = z.infer<typeof campaignLevelSchema>;

/** What a row's delivery comes to, in the marketer's words (from TikTok's secondary status). */
export const deliveryStates = [
  'active',
  'paused',
  'not_delivering',
  'scheduled',
  'completed',
  'deleted',
] as const;
export const deliveryStateSchema = z.enum(deliveryStates);
export type DeliveryState = z.infer<typeof deliveryStateSchema>;

/** The status filter: a delivery state, or every row but deleted ones (the default), or all. */
export const campaignStatusFilters = [...deliveryStates, 'not_deleted', 'all'] as const;

/** Performance over the table's range (issue 12), from the stored reports. */
export const campaignMetricColumns = [
  'spend',
  'impressions',
  'clicks',
  'ctr',
  'cpc',
  'conversions',
  'costPerConversion',
] as const;
export type CampaignMetricColumn = (typeof campaignMetricColumns)[number];

export const campaignSortColumns = [
  'name',
  'status',
  'budget',
  'created',
  'modified',
  ...campaignMetricColumns,
] as const;
export type CampaignSortColumn = (typeof campaignSortColumns)[number];

const pageSizeMessage = 'The page size is a whole number from 1 to 500.';

export const campaignTableQuerySchema = z
  .strictObject({
    level: campaignLevelSchema.default('campaign'),
    /** Ad accounts to show; none: every account of the workspace's mirror. */
    accounts: commaListField(tiktokIdField, 500, 'ad accounts').optional(),
    /** Narrows ad groups and ads to these campaigns (the rows selected on the Campaigns tab). */
    campaigns: commaListField(tiktokIdField, 100, 'campaigns').optional(),
    status: z.enum(campaignStatusFilters).default('not_deleted'),
    objective: z
      .string()
      .max(64)
      .refine((objective) => !controlCharacterPattern.test(objective), 'Not an objective.')
      .optional(),
    /** Matches a name (any part, any case) or an exact id. */
    q: searchTextSchema.optional(),
    /**
     * The range of the metric columns, in each account's own days; without it rows carry no metrics
     * (and sorting by a metric is refused).
     */
    from: calendarDateSchema.optional(),
    to: calendarDateSchema.optional(),
    sort: z.enum(campaignSortColumns).default('modified'),
    direction: z.enum(['asc', 'desc']).default('desc'),
    /** The page after this cursor (from the previous page's `nextCursor`). */
    after: z.string().max(400).optional(),
    /** Rows a page: a number, or digits as the URL writes them (not `1e2` or `0x10`). */
    limit: z
      .union(
        [
          z.number(),
          z
            .string()
            .regex(/^\d{1,3}$/)
            .transform(Number),
        ],
        { error: pageSizeMessage },
      )
      .pipe(z.number().int(pageSizeMessage).min(1, pageSizeMessage).max(500, pageSizeMessage))
      .default(100),
  })
  .superRefine((query, context) => {
    if ((query.from === undefined) !== (query.to === undefined))
      context.addIssue({ code: 'custom', path: ['to'], message: 'Give the range with both from and to.' });
    else if (query.from && query.to && daysInRange(query.from, query.to) < 1)
      context.addIssue({ code: 'custom', path: ['to'], message: 'The range ends before it starts.' });
    else if (query.from && query.to && daysInRange(query.from, query.to) > 366)
      context.addIssue({ code: 'custom', path: ['to'], message: 'The metrics cover at most 366 days.' });
    if (!query.from && (campaignMetricColumns as readonly string[]).includes(query.sort))
      context.addIssue({
        code: 'custom',
        path: ['sort'],
        message: 'Sorting by a metric needs a date range.',
      });
  });
export type CampaignTableQuery = z.input<typeof campaignTableQuerySchema>;

export const campaignRowSchema = z.object({
  level: campaignLevelSchema,
  id: z.string(),
  advertiserId: z.string(),
  accountName: z.string(),
  /** The account's currency (ISO 4217), for the budget and bid; null when TikTok did not say. */
  currency: z.string().nullable(),
  name: z.string(),
  campaignId: z.string(),
  campaignName: z.string().nullable(),
  adGroupId: z.string().nullable(),
  adGroupName: z.string().nullable(),
  /** TikTok's operation status: ENABLE, DISABLE, DELETE (FROZEN on read). */
  operationStatus: z.string(),
  /** TikTok's secondary status, e.g. ADGROUP_STATUS_CAMPAIGN_DISABLE; null when TikTok sent none. */
  secondaryStatus: z.string().nullable(),
  delivery: z.object({ state: deliveryStateSchema, label: z.string(), reason: z.string().nullable() }),
  objective: z.string().nullable(),
  budgetMode: z.string().nullable(),
  /** A decimal in the account's currency, as text so no digit is lost. */
  budget: z.string().nullable(),
  bidStrategy: z.string().nullable(),
  bid: z.string().nullable(),
  optimizationGoal: z.string().nullable(),
  placements: z.array(z.string()),
  scheduleStart: z.string().nullable(),
  scheduleEnd: z.string().nullable(),
  /** Locations, ages, gender in a few words (ad groups). */
  targeting: z.string().nullable(),
  /** Format, text and call to action in a few words (ads). */
  creative: z.string().nullable(),
  /** TikTok's own create and modify times, ISO 8601 in UTC. */
  createdAt: z.string().nullable(),
  modifiedAt: z.string().nullable(),
  /** The account is no longer selected or connected: the row is kept, not synced, not editable. */
  readOnly: z.boolean(),
  /**
   * Performance over the asked range (absent without one). Spend is exact decimal text; counts
   * and ratios numbers; null where nothing is stored for the row in that range.
   */
  metrics: z
    .object({
      spend: z.string().nullable(),
      impressions: z.number().nullable(),
      clicks: z.number().nullable(),
      ctr: z.number().nullable(),
      cpc: z.number().nullable(),
      conversions: z.number().nullable(),
      costPerConversion: z.number().nullable(),
    })
    .optional(),
});
export type CampaignRow = z.infer<typeof campaignRowSchema>;

/**
 * The entity's page in TikTok Ads Manager (aadvid: its ad account). Built where it is shown
 * rather than sent with each row: a table page carries hundreds of rows.
 */
export function adsManagerUrl(row: Pick<CampaignRow, 'level' | 'advertiserId' | 'id'>): string {
  const query = new URLSearchParams({ aadvid: row.advertiserId, keyword: row.id });
  return `https://ads.tiktok.com/i18n/perf/${row.level}?${query.toString()}`;
}

export const campaignTableResponseSchema = z.object({
  rows: z.array(campaignRowSchema),
  /** Ask again with `after` set to it for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
  /**
   * When the newest sync of the workspace's ad accounts ended, as this page saw it: a page older
   * than the sync state's newest `lastSyncedAt` is stale and is read again.
   */
  syncedAt: z.string().nullable().default(null),
});
export type CampaignTableResponse = z.infer<typeof campaignTableResponseSchema>;

export const mirrorAccountStates = ['queued', 'importing', 'ready', 'failed', 'stopped'] as const;

export const mirrorAccountSchema = z.object({
  advertiserId: z.string(),
  name: z.string(),
  state: z.enum(mirrorAccountStates),
  /** Whether the account is still selected and connected, so it keeps syncing. */
  syncing: z.boolean(),
  campaigns: z.number().int(),
  adGroups: z.number().int(),
  ads: z.number().int(),
  lastSyncedAt: z.string().nullable(),
  /** Why the last sync failed, in plain words; null when it did not. */
  error: z.string().nullable(),
});
export type MirrorAccount = z.infer<typeof mirrorAccountSchema>;

export const campaignSyncResponseSchema = z.object({
  accounts: z.array(mirrorAccountSchema),
  /** "Importing 3 of 7 ad accounts": how many accounts have their first import done, of how many. */
  imported: z.number().int(),
  importing: z.number().int(),
});
export type CampaignSyncResponse = z.infer<typeof campaignSyncResponseSchema>;

/** What a status action asks of TikTok: Turn on, Turn off, Delete (reference §4.3). */
export const campaignOperations = ['ENABLE', 'DISABLE', 'DELETE'] as const;

/** An amount as the table showed it (`CampaignRow.budget`/`bid`), or null when there was none. */
const shownAmountSchema = z
  .string()
  .regex(/^-?\d{1,20}(\.\d{1,12})?$/, 'Not an amount.')
  .nullable();

export const campaignTargetSchema = z.strictObject({
  advertiserId: tiktokIdField,
  id: tiktokIdField,
  /**
   * The status the user saw (`CampaignRow.operationStatus`). A change is only a conflict when
   * TikTok's status now differs from what the user saw; without it, from Whathead's last sync.
   */
  seen: z.strictObject({ operationStatus: z.enum(['ENABLE', 'DISABLE', 'DELETE', 'FROZEN']) }).optional(),
});

export const changeCampaignStatusInputSchema = z.strictObject({
  level: campaignLevelSchema,
  operation: z.enum(campaignOperations),
  targets: z
    .array(campaignTargetSchema)
    .min(1, 'Choose at least one row.')
    .max(500, 'At most 500 rows at once.'),
});
export type ChangeCampaignStatusInput = z.input<typeof changeCampaignStatusInputSchema>;

/**
 * One row's outcome: `changed`; `conflict` (changed at TikTok since the last sync: `tiktok` says
 * how it stands there, nothing was sent); `skipped` (nothing to send, with why); `failed` (TikTok
 * refused, with why in plain words).
 */
export const campaignActionResultSchema = z.object({
  advertiserId: z.string(),
  id: z.string(),
  outcome: z.enum(['changed', 'conflict', 'skipped', 'failed']),
  message: z.string().nullable(),
  /** The row as the mirror now holds it, when there is one. */
  row: campaignRowSchema.nullable(),
});
export type CampaignActionResult = z.infer<typeof campaignActionResultSchema>;

export const campaignActionResponseSchema = z.object({ results: z.array(campaignActionResultSchema) });
export type CampaignActionResponse = z.infer<typeof campaignActionResponseSchema>;

/**
 * TikTok refuses names over 512 characters and names with emoji (reference §4.1). A name is also
 * one line of well-formed text: no control characters or line breaks (the mirror would show them as
 * spaces), no lone half of a surrogate pair (PostgreSQL cannot store one), and no bidirectional
 * override or isolate, which can make a name read backwards on screen ("gpj.exe").
 */
const entityNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter a name.')
  .max(512, 'TikTok allows at most 512 characters.')
  // Lone surrogates: `\p{Cs}` with the `u` flag matches no half of a well-formed pair.
  .refine((name) => !/\p{Cs}/u.test(name), 'The name has a broken character. Type it again.')
  .refine(
    (name) => !/[\p{Cc}\u2028\u2029]/u.test(name),
    "Names can't contain line breaks or control characters.",
  )
  .refine(
    (name) => !/[\u202a-\u202e\u2066-\u2069]/u.test(name),
    "Names can't contain characters that change the text direction.",
  )
  .refine((name) => !/\p{Extended_Pictographic}/u.test(name), 'TikTok does not accept emoji in names.');

/**
 * Whathead's own ceiling on a budget or bid, far above any real one (not TikTok's limit): keeps a
 * slip of the keyboard, or a number like 1e21, from ever being sent.
 */
const maximumAmount = 1_000_000_000;

/** Digits, and optionally a point followed by digits: what `amountSchema` reads from text. */
const decimalText = /^-?\d+(\.\d+)?$/;

/**
 * A money amount as the user typed it: a JSON number or plain decimal text ("19.99"), above zero,
 * at most two decimals, at most `maximumAmount`. Nothing else is read as a number: not "0x20",
 * "1e2", " 30 ", [25] or true.
 */
const amountSchema = z
  .union([z.number(), z.string()], { error: 'Enter an amount.' })
  .transform((value, context) => {
    const problem = amountProblem(value);
    if (problem === undefined) return Number(value);
    context.addIssue({ code: 'custom', message: problem, input: value });
    return z.NEVER;
  });

function amountProblem(value: number | string): string | undefined {
  if (typeof value === 'string' && !decimalText.test(value)) return 'Enter an amount.';
  const amount = Number(value);
  if (Number.isNaN(amount)) return 'Enter an amount.';
  if (!(amount > 0)) return 'Enter an amount above zero.';
  if (amount > maximumAmount) return 'Enter at most 1,000,000,000.';
  // Text is checked as written. A number must be the double nearest some two-decimal amount: not
  // `amount * 100` being whole, which float error breaks (19.99 * 100 is 1998.9999999999998).
  const twoDecimals =
    typeof value === 'string' ? /^\d+(\.\d{1,2})?$/.test(value) : Number(amount.toFixed(2)) === amount;
  return twoDecimals ? undefined : 'Use at most two decimals.';
}

export const campaignEntityParamsSchema = z.strictObject({
  workspaceId: z.uuid('Not a workspace id.'),
  level: campaignLevelSchema,
  advertiserId: tiktokIdField,
  id: tiktokIdField,
});

export const editCampaignEntityInputSchema = z
  .strictObject({
    name: entityNameSchema.optional(),
    /** In the account's currency; campaigns and ad groups with a daily or lifetime budget. */
    budget: amountSchema.optional(),
    /** Ad groups that bid a custom price. */
    bid: amountSchema.optional(),
    /**
     * The values the user saw for the fields being changed. The edit is a conflict only when
     * TikTok's value of a changed field now differs from what the user saw (someone changed it in
     * Ads Manager, or in another Whathead tab); without it, from Whathead's last sync.
     */
    seen: z
      .strictObject({
        name: z.string().max(2048).optional(),
        budget: shownAmountSchema.optional(),
        bid: shownAmountSchema.optional(),
      })
      .optional(),
  })
  .refine((input) => input.name !== undefined || input.budget !== undefined || input.bid !== undefined, {
    message: 'Change the name, the budget or the bid.',
  });
export type EditCampaignEntityInput = z.input<typeof editCampaignEntityInputSchema>;

/** One write Whathead made at TikTok on a row (the audit trail shown from the row). */
export const campaignChangeSchema = z.object({
  id: z.string(),
  occurredAt: z.string(),
  /** Who made it; null when that member's account was deleted since. */
  actor: z.object({ name: z.string(), email: z.string() }).nullable(),
  field: z.enum(['status', 'name', 'budget', 'bid']),
  before: z.string().nullable(),
  after: z.string().nullable(),
  /** TikTok's request id of the call that made the change, for TikTok's support. */
  tiktokRequestId: z.string().nullable(),
});
export type CampaignChange = z.infer<typeof campaignChangeSchema>;

export const campaignChangesResponseSchema = z.object({ changes: z.array(campaignChangeSchema) });
export type CampaignChangesResponse = z.infer<typeof campaignChangesResponseSchema>;
