import { z } from 'zod';
import { calendarDateSchema, daysInRange } from './calendar-date.js';
import { commaListField, tiktokIdField } from './query-fields.js';
import { searchTextSchema } from './text.js';

/**
 * Performance reports (issue 12). Days are each ad account's own (TikTok's `display_timezone`);
 * money stays in the account's currency, so totals are per currency and never add two of them.
 * Sums are numbers (counts) or decimal strings (money, exact); ratios are worked out from the sums
 * of the range. `null` means TikTok had no value ("-"), never zero.
 */
export const reportLevels = ['campaign', 'adgroup', 'ad'] as const;
export const reportLevelSchema = z.enum(reportLevels);
export type ReportLevel = z.infer<typeof reportLevelSchema>;

/** Metrics an hourly series has (TikTok's campaign hours carry these). */
export const hourlyMetricKeys = [
  'spend',
  'impressions',
  'clicks',
  'ctr',
  'cpc',
  'cpm',
  'conversions',
  'costPerConversion',
  'conversionRate',
  'results',
  'costPerResult',
] as const;

/** The metrics a report row carries, in the order the tables show them. */
export const reportMetricKeys = [
  ...hourlyMetricKeys,
  'videoPlays',
  'videoWatched2s',
  'videoWatched6s',
  'videoViewsP25',
  'videoViewsP50',
  'videoViewsP75',
  'videoViewsP100',
  'likes',
  'comments',
  'shares',
  'follows',
  'profileVisits',
] as const;
export type ReportMetricKey = (typeof reportMetricKeys)[number];

/** Spend is a decimal string (3 places, exact); everything else a number; null when unknown. */
export type ReportMetrics = { spend: string | null } & {
  [Key in Exclude<ReportMetricKey, 'spend'>]: number | null;
};

/**
 * The breakdown's metrics: the tiles' and the objective's own results. A dashboard sums them for
 * every row of the range at each load; the CSV export carries every metric.
 */
export const reportBreakdownMetricKeys = [
  'spend',
  'impressions',
  'clicks',
  'ctr',
  'cpc',
  'cpm',
  'conversions',
  'costPerConversion',
  'results',
  'costPerResult',
] as const satisfies readonly ReportMetricKey[];
export type ReportBreakdownMetricKey = (typeof reportBreakdownMetricKeys)[number];
export type ReportBreakdownMetrics = Pick<ReportMetrics, ReportBreakdownMetricKey>;

const isoDate = calendarDateSchema;

/** The longest range a report covers: the backfill keeps 365 days, and one more for a leap year. */
export const reportMostDays = 366;

const rangeFields = {
  /** Ad accounts; none: the workspace's default account, or every account when it has none. */
  accounts: commaListField(tiktokIdField, 50, 'ad accounts').optional(),
  from: isoDate,
  to: isoDate,
  /** Narrow to one campaign (its ad groups and ads) or one ad group (its ads). */
  campaign: tiktokIdField.optional(),
  adgroup: tiktokIdField.optional(),
};

const checkRange = (range: { from: string; to: string }, context: z.RefinementCtx) => {
  const days = daysInRange(range.from, range.to);
  if (days < 1)
    context.addIssue({ code: 'custom', path: ['to'], message: 'The range ends before it starts.' });
  else if (days > reportMostDays)
    context.addIssue({
      code: 'custom',
      path: ['to'],
      message: `A report covers at most ${reportMostDays} days.`,
    });
};

export const reportOverviewQuerySchema = z
  .strictObject({
    ...rangeFields,
    granularity: z.enum(['day', 'hour']).default('day'),
    /** Also the period of the same length just before. */
    compare: z
      .enum(['true', 'false'])
      .default('false')
      .transform((value) => value === 'true'),
  })
  .superRefine((query, context) => {
    checkRange(query, context);
    const days = daysInRange(query.from, query.to);
    if (query.granularity === 'hour' && days > 31)
      context.addIssue({
        code: 'custom',
        path: ['granularity'],
        message: 'Hourly charts cover at most 31 days. Choose a shorter range or daily.',
      });
  });
export type ReportOverviewQuery = z.output<typeof reportOverviewQuerySchema>;

export const reportSortColumns = ['name', ...reportMetricKeys] as const;
export type ReportSortColumn = (typeof reportSortColumns)[number];

export const reportBreakdownQuerySchema = z
  .strictObject({
    ...rangeFields,
    level: reportLevelSchema.default('campaign'),
    q: searchTextSchema.optional(),
    sort: z.enum(reportSortColumns).default('spend'),
    direction: z.enum(['asc', 'desc']).default('desc'),
  })
  .superRefine(checkRange);
export type ReportBreakdownQuery = z.output<typeof reportBreakdownQuerySchema>;

/** One currency's accounts summed: the tiles and the chart show one of these per currency. */
export interface ReportCurrencyTotals {
  currency: string;
  advertiserIds: string[];
  current: ReportMetrics;
  /** The period before, when compared. */
  previous: ReportMetrics | null;
  /** Points of the chart: `time` is "YYYY-MM-DD" or "YYYY-MM-DD HH:00" in the accounts' zone. */
  series: { time: string; metrics: ReportMetrics }[];
  /** The period before, point by point (same count, aligned by position). */
  previousSeries: { time: string; metrics: ReportMetrics }[] | null;
}

export interface ReportOverviewResponse {
  from: string;
  to: string;
  previousFrom: string | null;
  previousTo: string | null;
  granularity: 'day' | 'hour';
  totals: ReportCurrencyTotals[];
  /**
   * The first day TikTok may still revise (the restatement window), per account: days from it on
   * are provisional.
   */
  provisionalFrom: Record<string, string>;
}

/** A breakdown row; `Metrics` is every metric in the CSV export, the breakdown's own in the API. */
export interface ReportBreakdownRow<Metrics = ReportBreakdownMetrics> {
  level: ReportLevel;
  advertiserId: string;
  advertiserName: string;
  /** The campaign, ad group or ad. */
  id: string;
  name: string;
  campaignId: string;
  campaignName: string | null;
  adgroupId: string | null;
  adgroupName: string | null;
  currency: string;
  metrics: Metrics;
}

export interface ReportBreakdownResponse {
  rows: ReportBreakdownRow[];
  /** Rows beyond the first 1,000 are left out (the CSV has them all). */
  truncated: boolean;
}

export const reportAccountStates = ['queued', 'syncing', 'ready', 'failed', 'stopped'] as const;
export type ReportAccountState = (typeof reportAccountStates)[number];

export interface ReportAccountStatus {
  advertiserId: string;
  name: string;
  currency: string | null;
  timeZone: string | null;
  isDefault: boolean;
  state: ReportAccountState;
  /** Days stored and days the backfill goes back to; null before the first sync starts. */
  backfill: { storedDays: number; totalDays: number; storedFrom: string | null } | null;
  /** The first day whose hours are stored (hourly charts before it have no points); null: none. */
  hoursFrom: string | null;
  /** "Today" in the account's zone, for the range presets. */
  today: string;
  provisionalFrom: string;
  lastSyncedAt: string | null;
  error: string | null;
  /**
   * Why the account does not sync (state `stopped`) and what fixes it; null while it syncs.
   * Optional only so that an answer from a server older than this field still parses.
   */
  stopReason?: ReportStopReason | null;
}

/**
 * Why a selected ad account does not sync, told without a TikTok call from what Integrations
 * knows of its connection. Every fix is made in Integrations (after one at TikTok, for some).
 */
export const reportStopCauses = [
  /** The connection expired, was revoked at TikTok, or its stored access cannot be read: Reconnect. */
  'reconnect_required',
  /** TikTok did not grant a permission the reports need (Reporting, Ad Account Read): Reconnect and keep it ticked. */
  'permission_missing',
  /** The TikTok user lost the Business Center: its admin restores access, then Reconnect. */
  'business_center_access_lost',
  /** TikTok no longer lists the account for its connection. */
  'account_inaccessible',
  /** Not selected in Integrations (any more): its stored figures stay, and nothing syncs them. */
  'not_selected',
] as const;
export type ReportStopCause = (typeof reportStopCauses)[number];

export interface ReportStopReason {
  cause: ReportStopCause;
  /** What is wrong and the one action that fixes it, for the person reading the Reports page. */
  message: string;
}

export interface ReportStatusResponse {
  accounts: ReportAccountStatus[];
  restatementDays: number;
  hourlyRetentionDays: number;
}

/**
 * Why Sync now left an account out: it does not sync (`stopped`, see its `stopReason`), a sync
 * of it is already waiting (`queued`) or running (`syncing`), or one finished moments ago
 * (`cooldown`: TikTok would answer the same figures, and every call spends the app's one budget).
 */
export const reportSyncSkipReasons = ['stopped', 'queued', 'syncing', 'cooldown'] as const;
export type ReportSyncSkipReason = (typeof reportSyncSkipReasons)[number];

export interface ReportSyncSkip {
  advertiserId: string;
  reason: ReportSyncSkipReason;
  /** The account's name and why, in a sentence (for `cooldown`, when Sync now can read it again). */
  message: string;
}

/** Sync now's answer: the status after it, which accounts it queued, and which it left out and why. */
export interface ReportSyncResponse extends ReportStatusResponse {
  queued: string[];
  skipped: ReportSyncSkip[];
}

export const reportSettingsSchema = z.strictObject({
  restatementDays: z
    .number({ error: 'Give the days to re-read as a whole number.' })
    .int('Give the days to re-read as a whole number.')
    .min(1, 'Re-read 1 to 28 days on every sync.')
    .max(28, 'Re-read 1 to 28 days on every sync.'),
  hourlyRetentionDays: z
    .number({ error: 'Give the days to keep hourly figures as a whole number.' })
    .int('Give the days to keep hourly figures as a whole number.')
    .min(3, 'Keep hourly figures 3 to 90 days.')
    .max(90, 'Keep hourly figures 3 to 90 days.'),
});
export type ReportSettings = z.infer<typeof reportSettingsSchema>;
