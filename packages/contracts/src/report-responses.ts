import { z } from 'zod';
import {
  reportAccountStates,
  reportLevelSchema,
  reportStopCauses,
  reportSyncSkipReasons,
  reportBreakdownMetricKeys,
  reportMetricKeys,
  type ReportAccountStatus,
  type ReportBreakdownMetrics,
  type ReportBreakdownResponse,
  type ReportBreakdownRow,
  type ReportCurrencyTotals,
  type ReportMetricKey,
  type ReportMetrics,
  type ReportOverviewResponse,
  type ReportStatusResponse,
  type ReportStopReason,
  type ReportSyncResponse,
  type ReportSyncSkip,
} from './reports.js';

// The reports' answers as schemas, so the web app parses them at its boundary as it does every
// other answer. Each is typed against the interface in reports.ts: the interfaces stay the
// contract, and a schema that drifts from them fails to compile.

const numberMetrics = Object.fromEntries(
  reportMetricKeys.filter((key) => key !== 'spend').map((key) => [key, z.number().nullable()]),
) as Record<Exclude<ReportMetricKey, 'spend'>, z.ZodNullable<z.ZodNumber>>;

export const reportMetricsSchema: z.ZodType<ReportMetrics> = z.object({
  spend: z.string().nullable(),
  ...numberMetrics,
});

const reportBreakdownMetricsSchema: z.ZodType<ReportBreakdownMetrics> = z.object({
  spend: z.string().nullable(),
  ...(Object.fromEntries(
    reportBreakdownMetricKeys.filter((key) => key !== 'spend').map((key) => [key, numberMetrics[key]]),
  ) as Record<Exclude<(typeof reportBreakdownMetricKeys)[number], 'spend'>, z.ZodNullable<z.ZodNumber>>),
});

const reportPointSchema = z.object({ time: z.string(), metrics: reportMetricsSchema });

export const reportCurrencyTotalsSchema: z.ZodType<ReportCurrencyTotals> = z.object({
  currency: z.string(),
  advertiserIds: z.array(z.string()),
  current: reportMetricsSchema,
  previous: reportMetricsSchema.nullable(),
  series: z.array(reportPointSchema),
  previousSeries: z.array(reportPointSchema).nullable(),
});

export const reportOverviewResponseSchema: z.ZodType<ReportOverviewResponse> = z.object({
  from: z.string(),
  to: z.string(),
  previousFrom: z.string().nullable(),
  previousTo: z.string().nullable(),
  granularity: z.enum(['day', 'hour']),
  totals: z.array(reportCurrencyTotalsSchema),
  provisionalFrom: z.record(z.string(), z.string()),
});

export const reportBreakdownRowSchema: z.ZodType<ReportBreakdownRow> = z.object({
  level: reportLevelSchema,
  advertiserId: z.string(),
  advertiserName: z.string(),
  id: z.string(),
  name: z.string(),
  campaignId: z.string(),
  campaignName: z.string().nullable(),
  adgroupId: z.string().nullable(),
  adgroupName: z.string().nullable(),
  currency: z.string(),
  metrics: reportBreakdownMetricsSchema,
});

export const reportBreakdownResponseSchema: z.ZodType<ReportBreakdownResponse> = z.object({
  rows: z.array(reportBreakdownRowSchema),
  truncated: z.boolean(),
});

const reportStopReasonSchema: z.ZodType<ReportStopReason> = z.object({
  cause: z.enum(reportStopCauses),
  message: z.string(),
});

export const reportAccountStatusSchema: z.ZodType<ReportAccountStatus> = z.object({
  advertiserId: z.string(),
  name: z.string(),
  currency: z.string().nullable(),
  timeZone: z.string().nullable(),
  isDefault: z.boolean(),
  state: z.enum(reportAccountStates),
  backfill: z
    .object({ storedDays: z.number(), totalDays: z.number(), storedFrom: z.string().nullable() })
    .nullable(),
  hoursFrom: z.string().nullable(),
  today: z.string(),
  provisionalFrom: z.string(),
  lastSyncedAt: z.string().nullable(),
  error: z.string().nullable(),
  stopReason: reportStopReasonSchema.nullish(),
});

const reportStatusShape = {
  accounts: z.array(reportAccountStatusSchema),
  restatementDays: z.number(),
  hourlyRetentionDays: z.number(),
};

export const reportStatusResponseSchema: z.ZodType<ReportStatusResponse> = z.object(reportStatusShape);

const reportSyncSkipSchema: z.ZodType<ReportSyncSkip> = z.object({
  advertiserId: z.string(),
  reason: z.enum(reportSyncSkipReasons),
  message: z.string(),
});

// An answer from a server older than `queued` and `skipped` (a page open across a deploy) reads as
// one that left nothing out, which is all such a server could say.
export const reportSyncResponseSchema: z.ZodType<ReportSyncResponse> = z.object({
  ...reportStatusShape,
  queued: z.array(z.string()).default([]),
  skipped: z.array(reportSyncSkipSchema).default([]),
});
