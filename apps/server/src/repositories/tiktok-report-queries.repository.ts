import type { ReportLevel, ReportSortColumn } from '@whathead/contracts';
import type { Database, Kysely, Tables } from '@whathead/db';
import { sql } from '@whathead/db';
import { rollupCountColumns } from './tiktok-report-facts.repository.js';

/** The sums of a set of rows, as PostgreSQL prints them (text: exact, whatever their size). */
export type ReportSums = Record<'spend' | (typeof rollupCountColumns)[number], string | null>;

export interface SeriesRow extends ReportSums {
  advertiser_id: string;
  /** "YYYY-MM-DD", or "YYYY-MM-DD HH:00" for hours. */
  time: string;
}

export interface BreakdownRow extends ReportSums {
  advertiser_id: string;
  id: string;
  campaign_id: string;
  adgroup_id: string | null;
  name: string | null;
  campaign_name: string | null;
  adgroup_name: string | null;
}

/** What a report reads: the workspace's accounts over a range of their own days, maybe narrowed. */
export interface ReportScope {
  workspaceId: string;
  advertiserIds: readonly string[];
  from: string;
  to: string;
  campaignId?: string | undefined;
  adGroupId?: string | undefined;
}

const hourlyColumns = ['impressions', 'clicks', 'conversions', 'results'] as const;

const sums = (columns: readonly string[], prefix = '') =>
  sql.raw(columns.map((column) => `sum(${prefix}${column})::text as ${column}`).join(', '));
/** The hourly table lacks the video and engagement counts: they come back null, never 0. */
const hourlySums = sql.raw(
  [
    'sum(spend)::text as spend',
    ...rollupCountColumns.map((column) =>
      (hourlyColumns as readonly string[]).includes(column)
        ? `sum(${column})::text as ${column}`
        : `null::text as ${column}`,
    ),
  ].join(', '),
);

const ratio = (numerator: string, denominator: string, scale = 1) =>
  `(${numerator})::numeric * ${scale} / nullif(${denominator}, 0)`;
/** Each sort column as an expression over the summed row, so ratios sort by their true value. */
const sortExpressions: Record<ReportSortColumn, string> = {
  name: 'lower(coalesce(facts.name, facts.id))',
  spend: 'facts.spend',
  impressions: 'facts.impressions',
  clicks: 'facts.clicks',
  ctr: ratio('facts.clicks', 'facts.impressions'),
  cpc: ratio('facts.spend', 'facts.clicks'),
  cpm: ratio('facts.spend', 'facts.impressions', 1000),
  conversions: 'facts.conversions',
  costPerConversion: ratio('facts.spend', 'facts.conversions'),
  conversionRate: ratio('facts.conversions', 'facts.clicks'),
  results: 'facts.results',
  costPerResult: ratio('facts.spend', 'facts.results'),
  videoPlays: 'facts.video_plays',
  videoWatched2s: 'facts.video_watched_2s',
  videoWatched6s: 'facts.video_watched_6s',
  videoViewsP25: 'facts.video_views_p25',
  videoViewsP50: 'facts.video_views_p50',
  videoViewsP75: 'facts.video_views_p75',
  videoViewsP100: 'facts.video_views_p100',
  likes: 'facts.likes',
  comments: 'facts.comments',
  shares: 'facts.shares',
  follows: 'facts.follows',
  profileVisits: 'facts.profile_visits',
};

/** The counts the breakdown's own metrics are worked out from (reportBreakdownMetricKeys). */
const breakdownCountColumns = ['impressions', 'clicks', 'conversions', 'results'] as const;

/** The summed columns a sort expression reads. */
const columnsOfSort = (sort: ReportSortColumn) =>
  [...sortExpressions[sort].matchAll(/facts\.(\w+)/g)].map((match) => match[1]!);

const likePattern = (search: string) => `%${search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

/** Reads of the stored reports; every query takes the workspace and names its accounts. */
export class TikTokReportQueriesRepository {
  readonly #db: Kysely<Tables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  /**
   * The sums per account and day (or hour) of the scope, from the smallest table that answers:
   * the account rollup, the campaign rollup, or the ad days for one ad group.
   */
  async series(scope: ReportScope, granularity: 'day' | 'hour'): Promise<SeriesRow[]> {
    if (scope.advertiserIds.length === 0) return [];
    const where = sql`workspace_id = ${scope.workspaceId}::uuid
      and advertiser_id = any(${[...scope.advertiserIds]}::text[])
      and day between ${scope.from}::date and ${scope.to}::date`;
    if (granularity === 'hour') {
      const campaign = scope.campaignId ? sql`and campaign_id = ${scope.campaignId}` : sql``;
      const { rows } = await sql<SeriesRow>`
        select advertiser_id, to_char(day, 'YYYY-MM-DD') || ' ' || lpad(hour::text, 2, '0') || ':00' as time,
          ${hourlySums}
        from tiktok_report_campaign_hours where ${where} ${campaign}
        group by advertiser_id, day, hour order by day, hour, advertiser_id`.execute(this.#db);
      return rows;
    }
    const [table, narrow] = scope.adGroupId
      ? [sql`tiktok_report_ad_days`, sql`and adgroup_id = ${scope.adGroupId}`]
      : scope.campaignId
        ? [sql`tiktok_report_campaign_days`, sql`and campaign_id = ${scope.campaignId}`]
        : [sql`tiktok_report_account_days`, sql``];
    const { rows } = await sql<SeriesRow>`
      select advertiser_id, day::text as time, sum(spend)::text as spend, ${sums(rollupCountColumns)}
      from ${table} where ${where} ${narrow}
      group by advertiser_id, day order by day, advertiser_id`.execute(this.#db);
    return rows;
  }

  /**
   * The accounts of the scope that hold its campaign or ad group (TikTok's ids are unique, so one
   * at most): from the campaign mirror, or from the reports for a campaign the mirror has not seen.
   */
  async accountsHolding(scope: ReportScope): Promise<string[]> {
    const [level, entityId] = scope.adGroupId ? ['adgroup', scope.adGroupId] : ['campaign', scope.campaignId];
    if (!entityId || scope.advertiserIds.length === 0) return [];
    const accounts = sql`${[...scope.advertiserIds]}::text[]`;
    const where = sql`workspace_id = ${scope.workspaceId}::uuid and advertiser_id = any(${accounts})`;
    // An ad group named with a campaign must be that campaign's: else the overview would chart
    // an ad group the breakdown (narrowed by both) shows nothing of.
    const inCampaign =
      scope.adGroupId && scope.campaignId ? sql`and campaign_id = ${scope.campaignId}` : sql``;
    // Reported but not (yet) mirrored: the report rows name their parents too.
    const reported = !scope.campaignId
      ? sql``
      : scope.adGroupId
        ? sql`union select distinct advertiser_id from tiktok_report_ad_days
            where ${where} and campaign_id = ${scope.campaignId} and adgroup_id = ${scope.adGroupId}`
        : sql`union select advertiser_id from tiktok_report_campaign_days
            where ${where} and campaign_id = ${scope.campaignId}`;
    const { rows } = await sql<{ advertiser_id: string }>`
      select advertiser_id from tiktok_entities
      where ${where} and level = ${level} and entity_id = ${entityId} ${inCampaign}
      ${reported}`.execute(this.#db);
    return rows.map((row) => row.advertiser_id);
  }

  /**
   * One row per campaign, ad group or ad of the scope with its sums over the range, sorted (ties
   * by account and id), named from the campaign mirror (an id where the mirror has no name), at
   * most `limit` rows.
   */
  async breakdown(
    scope: ReportScope,
    view: {
      level: ReportLevel;
      search?: string | undefined;
      sort: ReportSortColumn;
      direction: 'asc' | 'desc';
      limit: number;
      /** Every count (the CSV), or only those of the breakdown's metrics and its order. */
      sums: 'breakdown' | 'all';
    },
  ): Promise<BreakdownRow[]> {
    if (scope.advertiserIds.length === 0) return [];
    // Summing is most of a breakdown's cost: the dashboard's asks for the columns its metrics
    // and its order need; the others come back null (the CSV asks for all).
    const counted = rollupCountColumns.filter((column) =>
      view.sums === 'all' ? true : [...breakdownCountColumns, ...columnsOfSort(view.sort)].includes(column),
    );
    const search = view.search
      ? sql`and (facts.name ilike ${likePattern(view.search)} or facts.id = ${view.search})`
      : sql``;
    const order = sql.raw(
      `${sortExpressions[view.sort]} ${view.direction} nulls last, facts.advertiser_id, facts.id`,
    );
    const { rows } = await sql<BreakdownRow>`
      select facts.advertiser_id, facts.id, facts.campaign_id, facts.adgroup_id, facts.name,
        coalesce(facts.campaign_name, case when ${view.level} = 'campaign' then facts.name end) as campaign_name,
        coalesce(facts.adgroup_name, case when ${view.level} = 'adgroup' then facts.name end) as adgroup_name,
        facts.spend::text as spend,
        ${sql.raw(rollupCountColumns.map((column) => `facts.${column}::text as ${column}`).join(', '))}
      from (${namedSums(scope, view.level, counted)}) as facts
      where facts.reported ${search}
      order by ${order}
      limit ${view.limit}`.execute(this.#db);
    return rows;
  }
}

/**
 * The scope's sums per row of the level, from the smallest table that has them: the campaign
 * rollup for campaigns (unless narrowed to an ad group), the ad days otherwise. Shaped as
 * `namedSums`'s rows: reported, no names.
 */
function reportedRows(scope: ReportScope, level: ReportLevel, counted: readonly string[]) {
  const byCampaign = level === 'campaign' && !scope.adGroupId;
  const idColumn = level === 'ad' ? 'ad_id' : level === 'adgroup' ? 'adgroup_id' : 'campaign_id';
  const adGroupColumn = level === 'campaign' ? 'null::text' : 'min(adgroup_id)';
  return sql`
    select advertiser_id, ${sql.raw(idColumn)} as id, min(campaign_id) as campaign_id,
      ${sql.raw(adGroupColumn)} as adgroup_id, null::text as name, null::text as campaign_name,
      null::text as adgroup_name, true as reported,
      ${sql.raw(['spend', ...counted].map((column) => `sum(${column}) as ${column}`).join(', '))}
    from ${sql.raw(byCampaign ? 'tiktok_report_campaign_days' : 'tiktok_report_ad_days')}
    where workspace_id = ${scope.workspaceId}::uuid
      and advertiser_id = any(${[...scope.advertiserIds]}::text[])
      and day between ${scope.from}::date and ${scope.to}::date
      ${scope.campaignId ? sql`and campaign_id = ${scope.campaignId}` : sql``}
      ${scope.adGroupId ? sql`and adgroup_id = ${scope.adGroupId}` : sql``}
    group by advertiser_id, ${sql.raw(idColumn)}`;
}

/**
 * The mirror's rows of the level in the scope, shaped as `namedSums`'s rows: names, nothing
 * reported. A campaign's row holds its own id as `campaign_id`, an ad group's as `adgroup_id`, and
 * an ad never moves to another ad group at TikTok, so the report's narrowing applies as it is.
 */
function namedRows(scope: ReportScope, level: ReportLevel, counted: readonly string[]) {
  const narrowedToAdGroup = scope.adGroupId && level !== 'campaign';
  return sql`
    select advertiser_id, entity_id as id, null::text as campaign_id, null::text as adgroup_id, name,
      campaign_name, adgroup_name, false as reported,
      ${sql.raw(['spend', ...counted].map((column) => `null::numeric as ${column}`).join(', '))}
    from tiktok_entities
    where workspace_id = ${scope.workspaceId}::uuid
      and advertiser_id = any(${[...scope.advertiserIds]}::text[]) and level = ${level}
      ${scope.campaignId ? sql`and campaign_id = ${scope.campaignId}` : sql``}
      ${narrowedToAdGroup ? sql`and adgroup_id = ${scope.adGroupId}` : sql``}`;
}

/**
 * One row per campaign, ad group or ad with report rows in the scope (`reported`), its sums and
 * its names: the sums and the mirror's rows grouped together by account and id. Grouped,
 * not joined: a join leaves the planner free to pair the two row by row, and without statistics
 * (PGlite never runs ANALYZE by itself) it compared each of 8,700 ads with all 12,000 mirrored
 * ones, 7 to 29 seconds on the server's one thread. A grouping has no such plan.
 */
function namedSums(scope: ReportScope, level: ReportLevel, counted: readonly string[]) {
  // Each row has one row of names and one of sums at most: `min` and `max` pick the one there is.
  const sums = rollupCountColumns.map((column) =>
    counted.includes(column) ? `max(rows.${column}) as ${column}` : `null::numeric as ${column}`,
  );
  return sql`
    select rows.advertiser_id, rows.id, min(rows.campaign_id) as campaign_id,
      min(rows.adgroup_id) as adgroup_id, min(rows.name) as name,
      min(rows.campaign_name) as campaign_name, min(rows.adgroup_name) as adgroup_name,
      bool_or(rows.reported) as reported, max(rows.spend) as spend, ${sql.raw(sums.join(', '))}
    from (
      ${reportedRows(scope, level, counted)}
      union all
      ${namedRows(scope, level, counted)}
    ) as rows
    group by rows.advertiser_id, rows.id`;
}
