import { z } from 'zod';
import { iteratePages } from '../../pagination/iterate-pages.js';
import type { Transport } from '../../transport/create-transport.js';
import { pageInfoSchema, type OpenEnum, type Page } from '../../transport/wire-schemas.js';
import type { AdvertiserCall, PageRequest } from '../call-input.js';

/**
 * A row's `dimensions` or `metrics`: an object of texts, read in one pass. A page holds 1,000 rows
 * of some 25 values each, and a zod schema per value cost more than all the rest of a sync's work
 * on the page. Reference §6.1: every metric is a string ("20.000", "1.33", "4874"); missing data
 * is the literal "-", which becomes null. Values stay strings so money keeps its exact decimals; a
 * number (or an id sent as a JSON number) is turned into its text. Null or absent: no values.
 */
function textsOf(
  kind: 'dimensions' | 'metrics',
  value: unknown,
  context: z.RefinementCtx,
): Record<string, string | null> {
  const texts: Record<string, string | null> = {};
  if (value === null || value === undefined) return texts;
  if (typeof value !== 'object' || Array.isArray(value)) {
    context.addIssue({ code: 'custom', message: `${kind} is not an object` });
    return z.NEVER;
  }
  for (const [key, each] of Object.entries(value)) {
    if (typeof each === 'string') texts[key] = kind === 'metrics' && each === '-' ? null : each;
    else if (each === null || each === undefined) texts[key] = null;
    else if (typeof each === 'number' || (kind === 'metrics' && typeof each === 'boolean'))
      texts[key] = String(each);
    else {
      context.addIssue({ code: 'custom', message: `${kind}.${key} is not a text or a number` });
      return z.NEVER;
    }
  }
  return texts;
}

const rowSchema = z.object({
  dimensions: z
    .unknown()
    .optional()
    .transform((value, context) => textsOf('dimensions', value, context)),
  metrics: z
    .unknown()
    .optional()
    .transform((value, context) => textsOf('metrics', value, context)),
});

export type ReportRow = z.output<typeof rowSchema>;

const reportSchema = z
  .object({
    list: z.array(rowSchema).nullish(),
    page_info: pageInfoSchema,
    total_metrics: z
      .unknown()
      .optional()
      .transform((value, context) =>
        value === null || value === undefined ? null : textsOf('metrics', value, context),
      ),
  })
  .transform((data): Page<ReportRow> & { totalMetrics: Record<string, string | null> | undefined } => ({
    items: data.list ?? [],
    pageInfo: data.page_info,
    totalMetrics: data.total_metrics ?? undefined,
  }));

export type ReportPage = z.output<typeof reportSchema>;

export type DataLevel = 'AUCTION_ADVERTISER' | 'AUCTION_CAMPAIGN' | 'AUCTION_ADGROUP' | 'AUCTION_AD';

export interface ReportFilter {
  fieldName: string;
  filterType:
    'IN' | 'MATCH' | 'GREATER_EQUAL' | 'GREATER_THAN' | 'LOWER_EQUAL' | 'LOWER_THAN' | 'BETWEEN' | 'RANGE';
  /** For IN/BETWEEN a list; sent as the JSON-array string TikTok expects (reference §6.1). */
  filterValue: string | string[];
}

export interface GetIntegratedReportInput extends AdvertiserCall, PageRequest {
  reportType?: OpenEnum<'BASIC' | 'AUDIENCE'> | undefined;
  dataLevel: OpenEnum<DataLevel>;
  dimensions: string[];
  /** Correction 8: default `["spend","impressions"]`. */
  metrics?: string[] | undefined;
  /**
   * "YYYY-MM-DD", inclusive, in the advertiser's time zone. Correction 8: at most 30 days with
   * stat_time_day, 1 day with stat_time_hour, 365 without a time dimension.
   */
  startDate?: string | undefined;
  endDate?: string | undefined;
  queryLifetime?: boolean | undefined;
  filtering?: ReportFilter[] | undefined;
  orderField?: string | undefined;
  orderType?: 'ASC' | 'DESC' | undefined;
  enableTotalMetrics?: boolean | undefined;
}

/** GET /report/integrated/get/ (reference §6.1), one page of up to 1000 rows. */
export const getIntegratedReport =
  (transport: Transport) =>
  (input: GetIntegratedReportInput): Promise<ReportPage> =>
    transport.send({
      method: 'GET',
      path: '/report/integrated/get/',
      effect: 'read',
      schema: reportSchema,
      accessToken: input.accessToken,
      advertiserId: input.advertiserId,
      query: {
        advertiser_id: input.advertiserId,
        report_type: input.reportType ?? 'BASIC',
        data_level: input.dataLevel,
        dimensions: input.dimensions,
        metrics: input.metrics,
        start_date: input.startDate,
        end_date: input.endDate,
        query_lifetime: input.queryLifetime,
        filtering: input.filtering?.map((filter) => ({
          field_name: filter.fieldName,
          filter_type: filter.filterType,
          filter_value: Array.isArray(filter.filterValue)
            ? JSON.stringify(filter.filterValue)
            : filter.filterValue,
        })),
        order_field: input.orderField,
        order_type: input.orderType,
        enable_total_metrics: input.enableTotalMetrics,
        page: input.page ?? 1,
        page_size: input.pageSize ?? 1000,
      },
      signal: input.signal,
    });

/** Every row of the report, page after page. */
export const listIntegratedReportRows =
  (transport: Transport) =>
  (input: Omit<GetIntegratedReportInput, 'page'>): AsyncGenerator<ReportRow> =>
    iteratePages((page) => getIntegratedReport(transport)({ ...input, page }));
