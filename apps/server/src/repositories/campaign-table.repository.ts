import type { CampaignLevel, CampaignSortColumn } from '@whathead/contracts';
import type { Database, Kysely, Tables } from '@whathead/db';
import { sql, type RawBuilder } from '@whathead/db';

export interface CampaignTableFilter {
  workspaceId: string;
  level: CampaignLevel;
  advertiserIds?: readonly string[] | undefined;
  campaignIds?: readonly string[] | undefined;
  /** A delivery state, `not_deleted` or `all`. */
  status: string;
  objective?: string | undefined;
  search?: string | undefined;
  sort: CampaignSortColumn;
  direction: 'asc' | 'desc';
  /** Only these rows (an action's targets). */
  targets?: readonly { advertiserId: string; id: string }[] | undefined;
  /** The range of the metric columns (each account's own days); none: no metrics. */
  range?: { from: string; to: string } | undefined;
  /** The last row of the previous page: its sort value, advertiser and id. */
  after?: readonly [string, string, string] | undefined;
  limit: number;
}

export interface CampaignTableRow {
  level: CampaignLevel;
  entity_id: string;
  advertiser_id: string;
  account_name: string | null;
  currency: string | null;
  syncing: boolean;
  name: string;
  campaign_id: string;
  campaign_name: string | null;
  adgroup_id: string | null;
  adgroup_name: string | null;
  operation_status: string;
  secondary_status: string | null;
  /** What the sync recorded; `deleted` also for rows TikTok no longer lists. */
  delivery: string;
  objective: string | null;
  budget_mode: string | null;
  budget: string | null;
  bid_strategy: string | null;
  bid: string | null;
  optimization_goal: string | null;
  placements: string[];
  /** TikTok's times as ISO 8601 text in UTC, written by PostgreSQL (see `isoTime`). */
  schedule_start: string | null;
  schedule_end: string | null;
  targeting: string | null;
  creative: string | null;
  created_at: string | null;
  modified_at: string | null;
  /**
   * Sums over the range (PostgreSQL's text), 0 where the account's reports are stored and the row
   * had no activity, null where nothing is stored; undefined without a range.
   */
  metric_spend?: string | null;
  metric_impressions?: string | null;
  metric_clicks?: string | null;
  metric_conversions?: string | null;
  /** The sort column's value as text, for the next page's cursor. */
  sort_value: string;
}

/** A ratio of two metric sums for sorting: no NULLs (no value sorts below every value). */
const ratioSort = (numerator: string, denominator: string, scale = 1) =>
  sql.raw(
    `round(coalesce(metrics.${numerator}::numeric * ${scale} / nullif(metrics.${denominator}, 0), -1), 6)`,
  );
const sumSort = (column: string) => sql.raw(`coalesce(metrics.${column}, -1)`);

/**
 * A time column as the API sends it (ISO 8601, UTC, milliseconds), made by PostgreSQL: a page of
 * 500 rows would otherwise parse 2,000 timestamps into Dates only to print them again, a sixth of
 * the table route's CPU in the campaign-table benchmark.
 */
const isoTime = (column: 'schedule_start' | 'schedule_end' | 'created_at' | 'modified_at') =>
  sql`to_char(${sql.ref(`entity.${column}`)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as ${sql.ref(column)}`;

/**
 * Each sort as one expression with no NULLs (so a row-value comparison pages through every row) and
 * its SQL type, for the cursor's value.
 */
const sortExpressions: Record<CampaignSortColumn, { expression: RawBuilder<unknown>; type: string }> = {
  name: { expression: sql`lower(entity.name)`, type: 'text' },
  status: { expression: sql`entity.delivery`, type: 'text' },
  // No budget of its own ("No limit") sorts as the largest.
  budget: { expression: sql`coalesce(entity.budget, 'Infinity'::numeric)`, type: 'numeric' },
  created: { expression: sql`coalesce(entity.created_at, 'epoch'::timestamptz)`, type: 'timestamptz' },
  modified: { expression: sql`coalesce(entity.modified_at, 'epoch'::timestamptz)`, type: 'timestamptz' },
  // Metric sorts need the range (the contract refuses them without): `metrics` is its sums.
  spend: { expression: sumSort('spend'), type: 'numeric' },
  impressions: { expression: sumSort('impressions'), type: 'numeric' },
  clicks: { expression: sumSort('clicks'), type: 'numeric' },
  ctr: { expression: ratioSort('clicks', 'impressions', 100), type: 'numeric' },
  cpc: { expression: ratioSort('spend', 'clicks'), type: 'numeric' },
  conversions: { expression: sumSort('conversions'), type: 'numeric' },
  costPerConversion: { expression: ratioSort('spend', 'conversions'), type: 'numeric' },
};

/**
 * The range's sums per row of the level, from the smallest table that has them: the campaign
 * rollup for campaigns, the ad days for ad groups and ads.
 */
function metricSums(filter: CampaignTableFilter, range: { from: string; to: string }) {
  const [table, idColumn] =
    filter.level === 'campaign'
      ? ['tiktok_report_campaign_days', 'campaign_id']
      : ['tiktok_report_ad_days', filter.level === 'adgroup' ? 'adgroup_id' : 'ad_id'];
  const accounts = filter.advertiserIds?.length
    ? sql`and advertiser_id = any(${[...filter.advertiserIds]}::text[])`
    : sql``;
  return sql`
    select facts.advertiser_id, facts.${sql.raw(idColumn)} as entity_id,
      sum(facts.spend) as spend, sum(facts.impressions) as impressions, sum(facts.clicks) as clicks,
      sum(facts.conversions) as conversions
    from ${sql.raw(table)} as facts
    where facts.workspace_id = ${filter.workspaceId}::uuid ${accounts}
      and facts.day between ${range.from}::date and ${range.to}::date
    group by facts.advertiser_id, facts.${sql.raw(idColumn)}`;
}

/** What each sort type's value looks like as PostgreSQL prints it (`sort_value`). */
const sortValuePatterns: Record<string, RegExp> = {
  // No NUL (PostgreSQL text cannot hold one); a sort value is a name, at most 512 characters.
  text: /^(?![\s\S]*\0)[\s\S]{0,2048}$/u,
  numeric: /^(-?\d{1,20}(\.\d{1,12})?|Infinity)$/,
  timestamptz:
    /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[ T]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/,
};

/**
 * Whether a cursor's value could have come from this sort: a forged or outdated cursor is then
 * refused in plain words instead of failing in PostgreSQL's cast.
 */
export function isSortValue(sort: CampaignSortColumn, value: string): boolean {
  return sortValuePatterns[sortExpressions[sort].type]!.test(value);
}

/**
 * An id, or its first digits (six or more: a copied id cut short), matches the rows it begins;
 * any other search only an exact id.
 */
const idMatch = (search: string) =>
  /^\d{6,}$/.test(search) ? sql`entity.entity_id like ${`${search}%`}` : sql`entity.entity_id = ${search}`;

/** `%` and `_` in a search are letters, not patterns. */
const likePattern = (search: string) => `%${search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

/** The Campaigns page's table: filtered, sorted and paged in PostgreSQL, one statement a page. */
export class CampaignTableRepository {
  readonly #db: Kysely<Tables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  async page(filter: CampaignTableFilter): Promise<CampaignTableRow[]> {
    const sort = sortExpressions[filter.sort];
    const descending = filter.direction === 'desc';
    const order = descending ? sql`desc` : sql`asc`;
    const conditions: RawBuilder<unknown>[] = [
      sql`entity.workspace_id = ${filter.workspaceId}::uuid`,
      sql`entity.level = ${filter.level}`,
    ];
    // One account (the page opens on the default one) as `=`, so its own index serves the page.
    if (filter.advertiserIds?.length === 1)
      conditions.push(sql`entity.advertiser_id = ${filter.advertiserIds[0]}`);
    else if (filter.advertiserIds?.length)
      conditions.push(sql`entity.advertiser_id = any(${[...filter.advertiserIds]}::text[])`);
    if (filter.targets)
      conditions.push(
        sql`(entity.advertiser_id, entity.entity_id) in (select * from unnest(${filter.targets.map((target) => target.advertiserId)}::text[], ${filter.targets.map((target) => target.id)}::text[]))`,
      );
    if (filter.campaignIds?.length && filter.level !== 'campaign')
      conditions.push(sql`entity.campaign_id = any(${[...filter.campaignIds]}::text[])`);
    if (filter.status === 'not_deleted') conditions.push(sql`entity.delivery != 'deleted'`);
    else if (filter.status !== 'all') conditions.push(sql`entity.delivery = ${filter.status}`);
    if (filter.objective)
      conditions.push(sql`coalesce(entity.objective, entity.campaign_objective) = ${filter.objective}`);
    if (filter.search)
      conditions.push(sql`(entity.name ilike ${likePattern(filter.search)} or ${idMatch(filter.search)})`);
    if (filter.after) {
      const [value, advertiserId, entityId] = filter.after;
      const comparison = descending ? sql`<` : sql`>`;
      conditions.push(
        sql`(${sort.expression}, entity.advertiser_id, entity.entity_id) ${comparison} (${value}::${sql.raw(sort.type)}, ${advertiserId}, ${entityId})`,
      );
    }
    const metricColumns = filter.range
      ? sql`${sql.join(
          ['spend', 'impressions', 'clicks', 'conversions'].map(
            (column) =>
              sql`case when stored.advertiser_id is not null then coalesce(${sql.ref(`metrics.${column}`)}, 0) end::text as ${sql.ref(`metric_${column}`)}`,
          ),
        )},`
      : sql``;
    const metricJoin = filter.range
      ? sql`left join (${metricSums(filter, filter.range)}) as metrics
          on metrics.advertiser_id = entity.advertiser_id and metrics.entity_id = entity.entity_id
        left join tiktok_report_accounts as stored
          on stored.workspace_id = entity.workspace_id and stored.advertiser_id = entity.advertiser_id
          and stored.stored_from <= ${filter.range.to}::date and stored.stored_through >= ${filter.range.from}::date`
      : sql``;
    const result = await sql<CampaignTableRow>`
      with known as (
        select distinct on (account.advertiser_id) account.advertiser_id, account.name, account.currency,
          (account.selected and account.accessible and connection.status = 'connected') as syncing
        from tiktok_ad_accounts account
        join tiktok_connections connection
          on connection.id = account.connection_id and connection.workspace_id = account.workspace_id
        where account.workspace_id = ${filter.workspaceId}::uuid
        order by account.advertiser_id,
          (account.selected and account.accessible and connection.status = 'connected') desc
      )
      select entity.level, entity.entity_id, entity.advertiser_id, known.name as account_name,
        known.currency, coalesce(known.syncing, false) as syncing, entity.name, entity.campaign_id,
        entity.campaign_name, entity.adgroup_id, entity.adgroup_name,
        entity.operation_status, entity.secondary_status, entity.delivery,
        coalesce(entity.objective, entity.campaign_objective) as objective, entity.budget_mode,
        entity.budget::text as budget, entity.bid_strategy, entity.bid::text as bid,
        entity.optimization_goal, entity.placements, ${isoTime('schedule_start')},
        ${isoTime('schedule_end')}, entity.targeting, entity.creative, ${isoTime('created_at')},
        ${isoTime('modified_at')},
        ${metricColumns}
        (${sort.expression})::text as sort_value
      from tiktok_entities entity
      left join known on known.advertiser_id = entity.advertiser_id
      ${metricJoin}
      where ${sql.join(conditions, sql` and `)}
      order by ${sort.expression} ${order}, entity.advertiser_id ${order}, entity.entity_id ${order}
      limit ${filter.limit}
    `.execute(this.#db);
    return result.rows;
  }
}
