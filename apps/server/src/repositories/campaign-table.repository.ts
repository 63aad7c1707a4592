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

interface SortExpression {
  expression: RawBuilder<unknown>;
  type: string;
  /** What the expression reads: the mirrored row (`entity`) or the range's sums (`metrics`). */
  reads: 'entity' | 'metrics';
  /**
   * An amount in each account's currency: rows are grouped by currency (in its code's order) and
   * sorted within it, since 5 USD and 500 JPY are not one scale.
   */
  money?: true;
}

/**
 * Each sort as one expression with no NULLs (so a row-value comparison pages through every row) and
 * its SQL type, for the cursor's value.
 */
const sortExpressions: Record<CampaignSortColumn, SortExpression> = {
  name: { expression: sql`lower(entity.name)`, type: 'text', reads: 'entity' },
  status: { expression: sql`entity.delivery`, type: 'text', reads: 'entity' },
  // No budget of its own ("No limit") sorts as the largest.
  budget: { expression: sql`coalesce(entity.budget, 'Infinity'::numeric)`, type: 'numeric', reads: 'entity' },
  created: {
    expression: sql`coalesce(entity.created_at, 'epoch'::timestamptz)`,
    type: 'timestamptz',
    reads: 'entity',
  },
  modified: {
    expression: sql`coalesce(entity.modified_at, 'epoch'::timestamptz)`,
    type: 'timestamptz',
    reads: 'entity',
  },
  // Metric sorts need the range (the contract refuses them without): `metrics` is its sums.
  spend: { expression: sumSort('spend'), type: 'numeric', reads: 'metrics', money: true },
  impressions: { expression: sumSort('impressions'), type: 'numeric', reads: 'metrics' },
  clicks: { expression: sumSort('clicks'), type: 'numeric', reads: 'metrics' },
  ctr: { expression: ratioSort('clicks', 'impressions', 100), type: 'numeric', reads: 'metrics' },
  cpc: { expression: ratioSort('spend', 'clicks'), type: 'numeric', reads: 'metrics', money: true },
  conversions: { expression: sumSort('conversions'), type: 'numeric', reads: 'metrics' },
  costPerConversion: {
    expression: ratioSort('spend', 'conversions'),
    type: 'numeric',
    reads: 'metrics',
    money: true,
  },
};

/** The metric columns, summed over the range. */
const metricNames = ['spend', 'impressions', 'clicks', 'conversions'] as const;

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

/** The filter's conditions on `entity`, all but the cursor's. */
function conditionsOf(filter: CampaignTableFilter): RawBuilder<unknown> {
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
  return sql.join(conditions, sql` and `);
}

/**
 * The page's order over a row's sort value, account and id (a table alias); a money sort's rows
 * first by their currency (`currency_order`, which the row then carries).
 */
const orderOf = (filter: CampaignTableFilter, sortValue: RawBuilder<unknown>, row: string) => {
  const order = filter.direction === 'desc' ? sql`desc` : sql`asc`;
  const currency = sortExpressions[filter.sort].money ? sql`${sql.ref(`${row}.currency_order`)}, ` : sql``;
  return sql`${currency}${sortValue} ${order}, ${sql.ref(`${row}.advertiser_id`)} ${order}, ${sql.ref(`${row}.entity_id`)} ${order}`;
};

/** A money sort's currency group of an account: its currency's code ('' where unknown). */
const currencyOrderOf = (advertiserId: RawBuilder<unknown> | string) =>
  sql`coalesce((select known.currency from known where known.advertiser_id = ${advertiserId}), '')`;

/**
 * `and` the rows after the cursor's in the page's order (none without a cursor). A money sort's
 * cursor row names its account, and so its currency: later groups, or the same one further on.
 */
function afterCursor(filter: CampaignTableFilter, sortValue: RawBuilder<unknown>, row: string) {
  if (!filter.after) return sql``;
  const [value, advertiserId, entityId] = filter.after;
  const comparison = filter.direction === 'desc' ? sql`<` : sql`>`;
  const type = sql.raw(sortExpressions[filter.sort].type);
  const within = sql`(${sortValue}, ${sql.ref(`${row}.advertiser_id`)}, ${sql.ref(`${row}.entity_id`)}) ${comparison} (${value}::${type}, ${advertiserId}, ${entityId})`;
  if (!sortExpressions[filter.sort].money) return sql`and ${within}`;
  const currency = sql.ref(`${row}.currency_order`);
  const cursorCurrency = currencyOrderOf(sql`${advertiserId}::text`);
  return sql`and (${currency} > ${cursorCurrency} or (${currency} = ${cursorCurrency} and ${within}))`;
}

/** Each account of the workspace once, with whether it syncs (a syncing listing wins). */
const knownAccounts = (workspaceId: string) => sql`
  known as (
    select distinct on (account.advertiser_id) account.advertiser_id, account.name, account.currency,
      (account.selected and account.accessible and connection.status = 'connected') as syncing
    from tiktok_ad_accounts account
    join tiktok_connections connection
      on connection.id = account.connection_id and connection.workspace_id = account.workspace_id
    where account.workspace_id = ${workspaceId}::uuid
    order by account.advertiser_id,
      (account.selected and account.accessible and connection.status = 'connected') desc
  )`;

/** The mirrored row's columns of a page row (`entity` and `known`). */
const entityColumns = sql`entity.level, entity.entity_id, entity.advertiser_id, known.name as account_name,
  known.currency, coalesce(known.syncing, false) as syncing, entity.name, entity.campaign_id,
  entity.campaign_name, entity.adgroup_id, entity.adgroup_name,
  entity.operation_status, entity.secondary_status, entity.delivery,
  coalesce(entity.objective, entity.campaign_objective) as objective, entity.budget_mode,
  entity.budget::text as budget, entity.bid_strategy, entity.bid::text as bid,
  entity.optimization_goal, entity.placements, ${isoTime('schedule_start')},
  ${isoTime('schedule_end')}, entity.targeting, entity.creative, ${isoTime('created_at')},
  ${isoTime('modified_at')}`;

/**
 * The range's sums per row of the level, from the smallest table that has them (the campaign
 * rollup for campaigns, the ad days for ad groups and ads), shaped as `listedAndReported`'s rows:
 * not listed, no sort value of their own.
 */
function reportedRows(filter: CampaignTableFilter, range: { from: string; to: string }) {
  const [table, idColumn] =
    filter.level === 'campaign'
      ? ['tiktok_report_campaign_days', 'campaign_id']
      : ['tiktok_report_ad_days', filter.level === 'adgroup' ? 'adgroup_id' : 'ad_id'];
  const accounts = filter.advertiserIds?.length
    ? sql`and facts.advertiser_id = any(${[...filter.advertiserIds]}::text[])`
    : sql``;
  return sql`
    select facts.advertiser_id, facts.${sql.raw(idColumn)} as entity_id, false as listed,
      null::${sql.raw(sortExpressions[filter.sort].type)} as entity_sort,
      ${sql.raw(metricNames.map((name) => `sum(facts.${name}) as ${name}`).join(', '))}
    from ${sql.raw(table)} as facts
    where facts.workspace_id = ${filter.workspaceId}::uuid ${accounts}
      and facts.day between ${range.from}::date and ${range.to}::date
    group by facts.advertiser_id, facts.${sql.raw(idColumn)}`;
}

/**
 * Every row the filter lists, with its sort value and its sums over the range: the listed rows and
 * the range's sums grouped together by account and id. Grouped, not joined: a join leaves the
 * planner free to pair the two row by row, and without statistics (PGlite never runs ANALYZE by
 * itself) it took each side for a row or two and summed the report rows again for each of 12,000
 * ads, 45 minutes on the server's one thread. A grouping has no such plan.
 */
function listedAndReported(filter: CampaignTableFilter, range: { from: string; to: string }) {
  const sort = sortExpressions[filter.sort];
  const entitySort = sort.reads === 'entity' ? sort.expression : sql`null::${sql.raw(sort.type)}`;
  // Each row has one listed row and one of sums at most: `max` picks the one there is.
  return sql`
    select rows.advertiser_id, rows.entity_id, bool_or(rows.listed) as listed,
      max(rows.entity_sort) as entity_sort,
      ${sql.raw(metricNames.map((name) => `max(rows.${name}) as ${name}`).join(', '))}
    from (
      select entity.advertiser_id, entity.entity_id, true as listed, ${entitySort} as entity_sort,
        ${sql.raw(metricNames.map((name) => `null::numeric as ${name}`).join(', '))}
      from tiktok_entities entity
      where ${conditionsOf(filter)}
      union all
      ${reportedRows(filter, range)}
    ) as rows
    group by rows.advertiser_id, rows.entity_id`;
}

/** The Campaigns page's table: filtered, sorted and paged in PostgreSQL, one statement a page. */
export class CampaignTableRepository {
  readonly #db: Kysely<Tables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  async page(filter: CampaignTableFilter): Promise<CampaignTableRow[]> {
    const statement = filter.range ? pageWithMetrics(filter, filter.range) : pageOfMirror(filter);
    const result = await statement.execute(this.#db);
    return result.rows;
  }
}

/** A page without metrics: read in the sort's index order, it stops after its rows. */
function pageOfMirror(filter: CampaignTableFilter) {
  const sort = sortExpressions[filter.sort].expression;
  return sql<CampaignTableRow>`
    with ${knownAccounts(filter.workspaceId)}
    select ${entityColumns}, (${sort})::text as sort_value
    from tiktok_entities entity
    left join known on known.advertiser_id = entity.advertiser_id
    where ${conditionsOf(filter)} ${afterCursor(filter, sort, 'entity')}
    order by ${orderOf(filter, sort, 'entity')}
    limit ${filter.limit}`;
}

/**
 * A page with the range's metrics: every listed row is summed and sorted once, and only the
 * page's rows (at most `limit`, kept by MATERIALIZED: never re-run) are then read from the mirror.
 * They are joined on `ranked`'s own workspace and level, not on the constants: given those, a
 * planner without statistics guessed the level's 12,000 ads to be one row and read them all for
 * each page row; joined on columns alone, it looks each page row up by its key.
 */
function pageWithMetrics(filter: CampaignTableFilter, range: { from: string; to: string }) {
  const sort = sortExpressions[filter.sort];
  const sortValue = sort.reads === 'entity' ? sql`metrics.entity_sort` : sort.expression;
  const metricColumns = sql.join(
    metricNames.map(
      (name) =>
        sql`case when stored.advertiser_id is not null then coalesce(${sql.ref(`ranked.${name}`)}, 0) end::text as ${sql.ref(`metric_${name}`)}`,
    ),
  );
  return sql<CampaignTableRow>`
    with ${knownAccounts(filter.workspaceId)},
    ranked as materialized (
      select ${filter.workspaceId}::uuid as workspace_id, ${filter.level}::text as level,
        metrics.advertiser_id, metrics.entity_id, metrics.currency_order,
        ${sql.raw(metricNames.map((name) => `metrics.${name}`).join(', '))}, ${sortValue} as sort_value
      from (
        select listed.*, ${sort.money ? currencyOrderOf(sql`listed.advertiser_id`) : sql`''`} as currency_order
        from (${listedAndReported(filter, range)}) as listed
      ) as metrics
      where metrics.listed ${afterCursor(filter, sortValue, 'metrics')}
      order by ${orderOf(filter, sortValue, 'metrics')}
      limit ${filter.limit}
    )
    select ${entityColumns}, ${metricColumns}, ranked.sort_value::text as sort_value
    from ranked
    join tiktok_entities entity
      on (entity.workspace_id, entity.advertiser_id, entity.level, entity.entity_id)
        = (ranked.workspace_id, ranked.advertiser_id, ranked.level, ranked.entity_id)
    left join known on known.advertiser_id = entity.advertiser_id
    left join tiktok_report_accounts as stored
      on stored.workspace_id = entity.workspace_id and stored.advertiser_id = entity.advertiser_id
      and stored.stored_from <= ${range.to}::date and stored.stored_through >= ${range.from}::date
    order by ${orderOf(filter, sql`ranked.sort_value`, 'ranked')}`;
}
