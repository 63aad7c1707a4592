import type { Database, Kysely, RawBuilder, Tables } from '@whathead/db';
import { sql } from '@whathead/db';

/**
 * The additive counts TikTok reports for an ad and day, in the order of their columns
 * (`tiktok_report_ad_days`, migrations 0015 and 0017). Each is TikTok's text ("4874", "20.000") or null
 * where TikTok said "-" or nothing; text, so money and 64-bit counts stay exact on the way in.
 */
export const adDayCountColumns = [
  'impressions',
  'clicks',
  'reach',
  'conversions',
  'results',
  'video_plays',
  'video_watched_2s',
  'video_watched_6s',
  'video_views_p25',
  'video_views_p50',
  'video_views_p75',
  'video_views_p100',
  'likes',
  'comments',
  'shares',
  'follows',
  'profile_visits',
] as const;
export type AdDayCountColumn = (typeof adDayCountColumns)[number];

/** The counts a rollup sums: every count but reach, which does not add across ads or days. */
export const rollupCountColumns = adDayCountColumns.filter(
  (column): column is Exclude<AdDayCountColumn, 'reach'> => column !== 'reach',
);

export const campaignHourCountColumns = ['impressions', 'clicks', 'conversions', 'results'] as const;

export interface AdDayRow {
  adId: string;
  day: string;
  campaignId: string;
  adGroupId: string;
  spend: string | null;
  counts: Record<AdDayCountColumn, string | null>;
}

export interface CampaignHourRow {
  campaignId: string;
  day: string;
  hour: number;
  spend: string | null;
  counts: Record<(typeof campaignHourCountColumns)[number], string | null>;
}

const columnList = (columns: readonly string[]) => sql.raw(columns.join(', '));

/** An element an array literal may hold bare: an id, a day, an amount or a count. */
const bareElement = /^-?\d[\d.:-]*$/;

/**
 * One column of a page as a PostgreSQL array literal ("{4874,NULL,20.000}"), sent as one text
 * parameter and cast in SQL. TikTok's values are bare digits, days and amounts, written as they
 * are; anything else is quoted and escaped. pg's own writing of a JS array quotes and escapes
 * every element, which took nearly twice this process's CPU per page
 * (`npm run bench -- report-ingest`).
 */
function arrayLiteral<Row>(rows: readonly Row[], value: (row: Row) => string | null): string {
  let literal = '{';
  for (let index = 0; index < rows.length; index += 1) {
    const element = value(rows[index]!);
    if (index > 0) literal += ',';
    literal +=
      element === null
        ? 'NULL'
        : bareElement.test(element)
          ? element
          : `"${element.replace(/[\\"]/g, '\\$&')}"`;
  }
  return `${literal}}`;
}

/**
 * A page's columns, each unnested in the select list: PostgreSQL steps through them together
 * (the same rows as `from unnest(a, b, …)` for arrays of one length), where `from unnest(…)`
 * first copies every array into a tuplestore of its own; that copy was a third or more of
 * PostgreSQL's CPU on a page of ad days.
 */
const unnested = (columns: readonly RawBuilder<unknown>[]) =>
  sql.join(columns.map((column) => sql`unnest(${column})`));
/** PostgreSQL's unique_violation. */
const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

const sumList = (columns: readonly string[]) =>
  sql.raw(columns.map((column) => `sum(${column}) as ${column}`).join(', '));

/**
 * Writes TikTok's report rows: one set-based statement per page (decision 0014), rollups rewritten
 * for the days written, rows of a re-read range that TikTok no longer lists deleted. Every
 * statement takes the workspace and the account.
 */
export class TikTokReportFactsRepository {
  readonly #db: Kysely<Tables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  /** The database's clock: rows a range's re-read writes are stamped after this. */
  async mark(): Promise<Date> {
    const { rows } = await sql<{ mark: Date }>`select clock_timestamp() as mark`.execute(this.#db);
    return new Date(rows[0]!.mark);
  }

  /** Month partitions from `firstDay`'s month to `lastDay`'s, where missing. */
  async ensurePartitions(firstDay: string, lastDay: string): Promise<number> {
    const { rows } = await sql<{ created: number }>`
      select tiktok_report_partitions(${firstDay}::date, ${lastDay}::date) as created`.execute(this.#db);
    return Number(rows[0]?.created ?? 0);
  }

  /**
   * One page of ad days in one statement from column arrays. Days never stored before (a
   * backfill's) are inserted plainly: `on conflict` checks each row before writing it, which cost
   * a third of the statement (`npm run bench -- report-ingest`). Should a row be there after all
   * (a retried read that wrote part of a page, or a sync racing another), the page is upserted.
   */
  async writeAdDays(
    workspaceId: string,
    advertiserId: string,
    rows: readonly AdDayRow[],
    stored: 'new' | 'maybe',
  ): Promise<void> {
    await this.adDaysWrite(workspaceId, advertiserId, rows, stored)();
  }

  /**
   * `writeAdDays` in two steps: the statement is built now, and runs when the answer is called,
   * so a sync builds a page's statement while the page before it is still being written.
   */
  adDaysWrite(
    workspaceId: string,
    advertiserId: string,
    rows: readonly AdDayRow[],
    stored: 'new' | 'maybe',
  ): () => Promise<void> {
    if (rows.length === 0) return async () => {};
    const compiled = (upsert: boolean) =>
      this.#adDaysStatement(workspaceId, advertiserId, rows, upsert).compile(this.#db);
    const first = compiled(stored === 'maybe');
    return async () => {
      try {
        await this.#db.executeQuery(first);
      } catch (error) {
        if (stored === 'maybe' || !isUniqueViolation(error)) throw error;
        await this.#db.executeQuery(compiled(true));
      }
    };
  }

  #adDaysStatement(workspaceId: string, advertiserId: string, rows: readonly AdDayRow[], upsert: boolean) {
    const page = unnested([
      sql`${arrayLiteral(rows, (row) => row.adId)}::text[]`,
      sql`${arrayLiteral(rows, (row) => row.day)}::date[]`,
      sql`${arrayLiteral(rows, (row) => row.campaignId)}::text[]`,
      sql`${arrayLiteral(rows, (row) => row.adGroupId)}::text[]`,
      sql`${arrayLiteral(rows, (row) => row.spend)}::numeric[]`,
      ...adDayCountColumns.map((column) => sql`${arrayLiteral(rows, (row) => row.counts[column])}::bigint[]`),
    ]);
    const conflict = upsert
      ? sql`on conflict (workspace_id, advertiser_id, campaign_id, day, ad_id) do update set
        adgroup_id = excluded.adgroup_id, spend = excluded.spend,
        ${sql.raw(adDayCountColumns.map((column) => `${column} = excluded.${column}`).join(', '))},
        synced_at = excluded.synced_at`
      : sql``;
    return sql`
      insert into tiktok_report_ad_days (
        workspace_id, advertiser_id, ad_id, day, campaign_id, adgroup_id, spend,
        ${columnList(adDayCountColumns)}, synced_at)
      select ${workspaceId}::uuid, ${advertiserId}, ${page}, now()
      ${conflict}`;
  }

  async upsertCampaignHours(
    workspaceId: string,
    advertiserId: string,
    rows: readonly CampaignHourRow[],
  ): Promise<void> {
    if (rows.length === 0) return;
    const page = unnested([
      sql`${arrayLiteral(rows, (row) => row.campaignId)}::text[]`,
      sql`${arrayLiteral(rows, (row) => row.day)}::date[]`,
      sql`${arrayLiteral(rows, (row) => String(row.hour))}::smallint[]`,
      sql`${arrayLiteral(rows, (row) => row.spend)}::numeric[]`,
      ...campaignHourCountColumns.map(
        (column) => sql`${arrayLiteral(rows, (row) => row.counts[column])}::bigint[]`,
      ),
    ]);
    await sql`
      insert into tiktok_report_campaign_hours (
        workspace_id, advertiser_id, campaign_id, day, hour, spend,
        ${columnList(campaignHourCountColumns)}, synced_at)
      select ${workspaceId}::uuid, ${advertiserId}, ${page}, now()
      on conflict (workspace_id, advertiser_id, campaign_id, day, hour) do update set
        spend = excluded.spend,
        ${sql.raw(campaignHourCountColumns.map((column) => `${column} = excluded.${column}`).join(', '))},
        synced_at = excluded.synced_at`.execute(this.#db);
  }

  /**
   * After a range was read in full: its rows TikTok did not list this time (written before
   * `mark`) are gone at TikTok, and go here too; then the rollups of those days are rewritten
   * from the ad days, in one transaction so the dashboard never reads a day half rewritten.
   */
  async finishAdDays(
    workspaceId: string,
    advertiserId: string,
    range: { from: string; to: string },
    mark: Date,
  ): Promise<void> {
    await this.#db.transaction().execute(async (transaction) => {
      const scope = sql`workspace_id = ${workspaceId}::uuid and advertiser_id = ${advertiserId}
        and day between ${range.from}::date and ${range.to}::date`;
      await sql`delete from tiktok_report_ad_days where ${scope} and synced_at < ${mark}`.execute(
        transaction,
      );
      await sql`delete from tiktok_report_campaign_days where ${scope}`.execute(transaction);
      await sql`
        insert into tiktok_report_campaign_days (
          workspace_id, advertiser_id, campaign_id, day, spend, ${columnList(rollupCountColumns)})
        select workspace_id, advertiser_id, campaign_id, day, sum(spend) as spend,
          ${sumList(rollupCountColumns)}
        from tiktok_report_ad_days where ${scope}
        group by workspace_id, advertiser_id, campaign_id, day`.execute(transaction);
      await sql`delete from tiktok_report_account_days where ${scope}`.execute(transaction);
      await sql`
        insert into tiktok_report_account_days (
          workspace_id, advertiser_id, day, spend, ${columnList(rollupCountColumns)})
        select workspace_id, advertiser_id, day, sum(spend) as spend, ${sumList(rollupCountColumns)}
        from tiktok_report_campaign_days where ${scope}
        group by workspace_id, advertiser_id, day`.execute(transaction);
    });
  }

  /** A day's campaign hours read in full: the hours TikTok no longer lists go. */
  async finishCampaignHours(workspaceId: string, advertiserId: string, day: string, mark: Date) {
    await sql`
      delete from tiktok_report_campaign_hours
      where workspace_id = ${workspaceId}::uuid and advertiser_id = ${advertiserId}
        and day = ${day}::date and synced_at < ${mark}`.execute(this.#db);
  }

  /** Hourly rows of every workspace older than its retention (default 30 days). */
  async deleteExpiredHours(today: string): Promise<number> {
    const result = await sql`
      delete from tiktok_report_campaign_hours as hours
      using (
        select hours.workspace_id, coalesce(settings.hourly_retention_days, 30) as days
        from (select distinct workspace_id from tiktok_report_campaign_hours) as hours
        left join tiktok_report_settings as settings using (workspace_id)
      ) as kept
      where hours.workspace_id = kept.workspace_id
        and hours.day < ${today}::date - kept.days`.execute(this.#db);
    return Number(result.numAffectedRows ?? 0);
  }

  /** An account's stored rows, all of them (its zone or currency changed, or it is forgotten). */
  async deleteAccount(workspaceId: string, advertiserId: string): Promise<void> {
    await this.#db.transaction().execute(async (transaction) => {
      for (const table of [
        'tiktok_report_ad_days',
        'tiktok_report_campaign_hours',
        'tiktok_report_campaign_days',
        'tiktok_report_account_days',
      ])
        await sql`delete from ${sql.table(table)}
          where workspace_id = ${workspaceId}::uuid and advertiser_id = ${advertiserId}`.execute(transaction);
    });
  }
}
