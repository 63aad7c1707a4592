import type { Database, EntityLevel, Kysely, MirrorAccountState, Tables } from '@whathead/db';
import { sql } from '@whathead/db';

/** A campaign, ad group or ad as the mirror stores it (`tiktok_entities`, migration 0009). */
export interface MirrorEntity {
  level: EntityLevel;
  entityId: string;
  campaignId: string;
  adGroupId: string | null;
  name: string;
  operationStatus: string;
  secondaryStatus: string | null;
  delivery: string;
  objective: string | null;
  budgetMode: string | null;
  budget: number | null;
  bidStrategy: string | null;
  bid: number | null;
  optimizationGoal: string | null;
  placements: string[];
  scheduleStart: Date | null;
  scheduleEnd: Date | null;
  targeting: string | null;
  creative: string | null;
  createdAt: Date | null;
  modifiedAt: Date | null;
  raw: unknown;
}

/** An ad account that syncs: selected, reachable, on a live connection of the workspace. */
export interface SyncingAccount {
  workspaceId: string;
  advertiserId: string;
  connectionId: string;
}

/** Every query takes the workspace: nothing here reaches another workspace's rows. */
export class TikTokMirrorRepository {
  readonly #db: Kysely<Tables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  /**
   * Writes a page of entities in one statement (the page travels as one JSON value and is
   * unpacked by `jsonb_to_recordset`), replacing what the mirror held for them.
   */
  async upsert(workspaceId: string, advertiserId: string, entities: readonly MirrorEntity[], now: Date) {
    await this.upsertRows(workspaceId, advertiserId, mirrorRows(entities), now);
  }

  /** `upsert` for a page already turned into its rows (`mirrorRows`). */
  async upsertRows(workspaceId: string, advertiserId: string, rows: MirrorRows, now: Date) {
    if (rows.count === 0) return;
    await sql`
      with written as (
        insert into tiktok_entities (
          workspace_id, advertiser_id, level, entity_id, campaign_id, adgroup_id, name,
          operation_status, secondary_status, delivery, objective, budget_mode, budget, bid_strategy,
          bid, optimization_goal, placements, schedule_start, schedule_end, targeting, creative,
          created_at, modified_at, raw, synced_at, campaign_name, campaign_objective, adgroup_name)
        select ${workspaceId}::uuid, ${advertiserId}, page.level, page.entity_id, page.campaign_id,
          page.adgroup_id, page.name, page.operation_status, page.secondary_status, page.delivery,
          page.objective, page.budget_mode, page.budget, page.bid_strategy, page.bid,
          page.optimization_goal, coalesce(page.placements, '{}'), page.schedule_start,
          page.schedule_end, page.targeting, page.creative, page.created_at, page.modified_at,
          page.raw, ${now}::timestamptz, page.campaign_name, page.campaign_objective,
          page.adgroup_name
        from jsonb_to_recordset(${rows.json}::jsonb) as page(
          level text, entity_id text, campaign_id text, adgroup_id text, name text,
          operation_status text, secondary_status text, delivery text, objective text,
          budget_mode text, budget numeric, bid_strategy text, bid numeric, optimization_goal text,
          placements text[], schedule_start timestamptz, schedule_end timestamptz, targeting text,
          creative text, created_at timestamptz, modified_at timestamptz, raw jsonb,
          campaign_name text, campaign_objective text, adgroup_name text)
        on conflict (workspace_id, advertiser_id, level, entity_id) do update set
          campaign_id = excluded.campaign_id, adgroup_id = excluded.adgroup_id, name = excluded.name,
          operation_status = excluded.operation_status, secondary_status = excluded.secondary_status,
          delivery = excluded.delivery, objective = excluded.objective,
          budget_mode = excluded.budget_mode, budget = excluded.budget,
          bid_strategy = excluded.bid_strategy, bid = excluded.bid,
          optimization_goal = excluded.optimization_goal, placements = excluded.placements,
          schedule_start = excluded.schedule_start, schedule_end = excluded.schedule_end,
          targeting = excluded.targeting, creative = excluded.creative,
          created_at = excluded.created_at, modified_at = excluded.modified_at, raw = excluded.raw,
          synced_at = excluded.synced_at,
          campaign_name = coalesce(excluded.campaign_name, tiktok_entities.campaign_name),
          campaign_objective = coalesce(excluded.campaign_objective, tiktok_entities.campaign_objective),
          adgroup_name = coalesce(excluded.adgroup_name, tiktok_entities.adgroup_name)
        -- Every other column is read from TikTok's object or its parents': a row whose object,
        -- delivery and parents are as they were is left alone (\`synced_at\` then tells when it
        -- last changed). A pass re-reads all campaigns and ad groups, most unchanged; rewriting
        -- them would only churn the table.
        where (tiktok_entities.raw, tiktok_entities.delivery, tiktok_entities.campaign_name,
            tiktok_entities.campaign_objective, tiktok_entities.adgroup_name)
          is distinct from (excluded.raw, excluded.delivery,
            coalesce(excluded.campaign_name, tiktok_entities.campaign_name),
            coalesce(excluded.campaign_objective, tiktok_entities.campaign_objective),
            coalesce(excluded.adgroup_name, tiktok_entities.adgroup_name))
        returning level, entity_id, campaign_id, name, objective
      )
      ${childrenOf(workspaceId, advertiserId, rows.levels)}
      select count(*) from written
    `.execute(this.#db);
  }

  /**
   * After a complete listing of one level (deleted ones included), a mirrored row TikTok no longer
   * lists at all is gone at TikTok: it is kept, as deleted. Returns how many were marked.
   */
  async markUnlisted(
    workspaceId: string,
    advertiserId: string,
    level: EntityLevel,
    listedIds: readonly string[],
    now: Date,
  ): Promise<number> {
    const result = await this.#db
      .updateTable('tiktok_entities')
      .set({ delivery: 'deleted', synced_at: now })
      .where('workspace_id', '=', workspaceId)
      .where('advertiser_id', '=', advertiserId)
      .where('level', '=', level)
      .where('delivery', '!=', 'deleted')
      // A subquery, not `<> all(array)`: PostgreSQL hashes it, where the array is scanned once
      // per row (20,000 ads: 400 million comparisons).
      .where(sql<boolean>`entity_id not in (select unnest(${[...listedIds]}::text[]))`)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /**
   * Ad groups and ads under a deleted campaign or ad group are deleted too (TikTok deletes them
   * with it), whether or not TikTok touched their own modify time, which it does not document.
   */
  async cascadeDeletions(workspaceId: string, advertiserId: string, now: Date): Promise<void> {
    // The deleted parents are few and read once; each child is then checked against them by
    // hash. (A join or a correlated lookup per child is planned badly on a mirror just filled,
    // before PostgreSQL has statistics: 25 s for 24,000 rows.)
    await sql`
      with gone as materialized (
        select level, entity_id from tiktok_entities
        where workspace_id = ${workspaceId}::uuid and advertiser_id = ${advertiserId}
          and level in ('campaign', 'adgroup') and delivery = 'deleted'
      )
      update tiktok_entities child set delivery = 'deleted', synced_at = ${now}::timestamptz
      where child.workspace_id = ${workspaceId}::uuid and child.advertiser_id = ${advertiserId}
        and child.level in ('adgroup', 'ad') and child.delivery != 'deleted'
        and (child.campaign_id in (select entity_id from gone where level = 'campaign')
          or (child.level = 'ad' and child.adgroup_id in (select entity_id from gone where level = 'adgroup')))
    `.execute(this.#db);
  }

  /** What the mirror holds of a level for an account: id → modify time and statuses, to diff a re-read. */
  async fingerprints(
    workspaceId: string,
    advertiserId: string,
    level: EntityLevel,
  ): Promise<Map<string, string>> {
    const rows = await this.#db
      .selectFrom('tiktok_entities')
      .select(['entity_id', sql<string>`md5(raw::text)`.as('fingerprint')])
      .where('workspace_id', '=', workspaceId)
      .where('advertiser_id', '=', advertiserId)
      .where('level', '=', level)
      .execute();
    return new Map(rows.map((row) => [row.entity_id, row.fingerprint]));
  }

  /** Whether the mirror holds any row of `level` for the account. */
  async hasRows(workspaceId: string, advertiserId: string, level: EntityLevel): Promise<boolean> {
    const row = await this.#db
      .selectFrom('tiktok_entities')
      .select(sql<number>`1`.as('found'))
      .where('workspace_id', '=', workspaceId)
      .where('advertiser_id', '=', advertiserId)
      .where('level', '=', level)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The campaign and ad group of each of these ads the mirror holds, deleted ones too. */
  async adParents(
    workspaceId: string,
    advertiserId: string,
    adIds: readonly string[],
  ): Promise<Map<string, { campaignId: string; adGroupId: string }>> {
    if (adIds.length === 0) return new Map();
    const rows = await this.#db
      .selectFrom('tiktok_entities')
      .select(['entity_id', 'campaign_id', 'adgroup_id'])
      .where('workspace_id', '=', workspaceId)
      .where('advertiser_id', '=', advertiserId)
      .where('level', '=', 'ad')
      .where('entity_id', 'in', adIds)
      .execute();
    const parents = new Map<string, { campaignId: string; adGroupId: string }>();
    for (const row of rows)
      if (row.adgroup_id !== null)
        parents.set(row.entity_id, { campaignId: row.campaign_id, adGroupId: row.adgroup_id });
    return parents;
  }

  /** Live rows per level, for the account's progress. */
  async counts(workspaceId: string, advertiserId: string) {
    const rows = await this.#db
      .selectFrom('tiktok_entities')
      .select(['level', sql<number>`count(*)::int`.as('count')])
      .where('workspace_id', '=', workspaceId)
      .where('advertiser_id', '=', advertiserId)
      .where('delivery', '!=', 'deleted')
      .groupBy('level')
      .execute();
    const of = (level: EntityLevel) => rows.find((row) => row.level === level)?.count ?? 0;
    return { campaigns: of('campaign'), adGroups: of('adgroup'), ads: of('ad') };
  }

  /** Marks accounts queued for a sync (creating their row); one queued while a pass runs waits for it. */
  async markQueued(workspaceId: string, advertiserIds: readonly string[]): Promise<void> {
    if (advertiserIds.length === 0) return;
    await this.#db
      .insertInto('tiktok_mirror_accounts')
      .values(
        advertiserIds.map((advertiserId) => ({ workspace_id: workspaceId, advertiser_id: advertiserId })),
      )
      .onConflict((conflict) =>
        conflict
          .columns(['workspace_id', 'advertiser_id'])
          .doUpdateSet({ state: 'queued' })
          // While a pass runs, `queued` asks for another after it: what changed since it began.
          .where('tiktok_mirror_accounts.state', '!=', 'queued'),
      )
      .execute();
  }

  async setState(
    workspaceId: string,
    advertiserId: string,
    change: {
      state: MirrorAccountState;
      now: Date;
      error?: string | null;
      counts?: { campaigns: number; adGroups: number; ads: number };
      adsModifiedThrough?: string | null;
      finished?: boolean;
    },
  ): Promise<void> {
    await this.#db
      .insertInto('tiktok_mirror_accounts')
      .values({ workspace_id: workspaceId, advertiser_id: advertiserId, state: change.state })
      .onConflict((conflict) =>
        conflict.columns(['workspace_id', 'advertiser_id']).doUpdateSet((update) => ({
          // A pass ending leaves `queued` in place: another was asked for while it ran.
          state:
            change.state === 'ready' || change.state === 'failed'
              ? sql<MirrorAccountState>`case when tiktok_mirror_accounts.state = 'queued' then 'queued' else ${change.state} end`
              : change.state,
          last_attempt_at:
            change.state === 'importing' ? change.now : update.ref('tiktok_mirror_accounts.last_attempt_at'),
          ...(change.error === undefined ? {} : { error: change.error }),
          ...(change.counts
            ? {
                campaigns: change.counts.campaigns,
                ad_groups: change.counts.adGroups,
                ads: change.counts.ads,
              }
            : {}),
          ...(change.adsModifiedThrough === undefined
            ? {}
            : { ads_modified_through: change.adsModifiedThrough }),
          ...(change.finished
            ? {
                last_synced_at: change.now,
                first_imported_at: sql<Date>`coalesce(tiktok_mirror_accounts.first_imported_at, ${change.now}::timestamptz)`,
              }
            : {}),
        })),
      )
      .execute();
  }

  /** When the newest pass of the workspace's accounts ended. */
  async latestSync(workspaceId: string): Promise<Date | null> {
    const row = await this.#db
      .selectFrom('tiktok_mirror_accounts')
      .select((builder) => builder.fn.max('last_synced_at').as('latest'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    return row?.latest ?? null;
  }

  async findAccount(workspaceId: string, advertiserId: string) {
    return this.#db
      .selectFrom('tiktok_mirror_accounts')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('advertiser_id', '=', advertiserId)
      .executeTakeFirst();
  }

  /** The accounts that sync: of one workspace, or of every workspace (the 15-minute sweep). */
  async syncingAccounts(workspaceId?: string): Promise<SyncingAccount[]> {
    let query = this.#db
      .selectFrom('tiktok_ad_accounts as account')
      .innerJoin('tiktok_connections as connection', (join) =>
        join
          .onRef('connection.id', '=', 'account.connection_id')
          .onRef('connection.workspace_id', '=', 'account.workspace_id'),
      )
      .select([
        'account.workspace_id as workspaceId',
        'account.advertiser_id as advertiserId',
        'account.connection_id as connectionId',
      ])
      .where('account.selected', '=', true)
      .where('account.accessible', '=', true)
      .where('connection.status', '=', 'connected')
      .orderBy('account.workspace_id')
      .orderBy('account.advertiser_id');
    if (workspaceId !== undefined) query = query.where('account.workspace_id', '=', workspaceId);
    const rows = await query.execute();
    // An account reached through two Business Centers syncs once.
    const seen = new Set<string>();
    return rows.filter((row) => {
      const key = `${row.workspaceId}:${row.advertiserId}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /** Each mirrored or syncing account of the workspace, with its name and whether it still syncs. */
  async listAccounts(workspaceId: string) {
    const rows = await sql<{
      advertiser_id: string;
      name: string | null;
      syncing: boolean;
      /** Selected, but its connection needs attention: it syncs again after Reconnect. */
      waiting_for_reconnect: boolean;
      state: MirrorAccountState | null;
      campaigns: number | null;
      ad_groups: number | null;
      ads: number | null;
      last_synced_at: Date | null;
      error: string | null;
    }>`
      with known as (
        select distinct on (account.advertiser_id) account.advertiser_id, account.name,
          (account.selected and account.accessible and connection.status = 'connected') as syncing,
          (account.selected and connection.status = 'needs_attention') as waiting_for_reconnect
        from tiktok_ad_accounts account
        join tiktok_connections connection
          on connection.id = account.connection_id and connection.workspace_id = account.workspace_id
        where account.workspace_id = ${workspaceId}::uuid
        order by account.advertiser_id,
          (account.selected and account.accessible and connection.status = 'connected') desc
      )
      select coalesce(mirror.advertiser_id, known.advertiser_id) as advertiser_id, known.name,
        coalesce(known.syncing, false) as syncing,
        coalesce(known.waiting_for_reconnect, false) as waiting_for_reconnect, mirror.state, mirror.campaigns,
        mirror.ad_groups, mirror.ads, mirror.last_synced_at, mirror.error
      from (select * from tiktok_mirror_accounts where workspace_id = ${workspaceId}::uuid) mirror
      full join known on known.advertiser_id = mirror.advertiser_id
      where mirror.advertiser_id is not null or known.syncing
      order by known.name, 1
    `.execute(this.#db);
    return rows.rows;
  }
}

/** A page of entities as the one JSON value `upsertRows` sends, and how many it holds. */
export interface MirrorRows {
  json: string;
  count: number;
  levels: ReadonlySet<EntityLevel>;
}

/**
 * A campaign or ad group written (new, renamed) passes its name on to the rows under it, those
 * mirrored before it included; a page of ads has no rows under it, and no such statement. Both
 * find the children through the index on campaign_id, whatever PostgreSQL knows of a mirror just
 * filled.
 */
function childrenOf(workspaceId: string, advertiserId: string, levels: ReadonlySet<EntityLevel>) {
  const parts = [];
  if (levels.has('campaign'))
    parts.push(sql`, campaign_children as (
      update tiktok_entities child
      set campaign_name = written.name, campaign_objective = written.objective
      from written
      where written.level = 'campaign'
        and child.workspace_id = ${workspaceId}::uuid and child.advertiser_id = ${advertiserId}
        and child.campaign_id = written.entity_id and child.level in ('adgroup', 'ad')
        and (child.campaign_name, child.campaign_objective)
          is distinct from (written.name, written.objective)
    )`);
  if (levels.has('adgroup'))
    parts.push(sql`, adgroup_children as (
      update tiktok_entities child
      set adgroup_name = written.name
      from written
      where written.level = 'adgroup'
        and child.workspace_id = ${workspaceId}::uuid and child.advertiser_id = ${advertiserId}
        and child.campaign_id = written.campaign_id and child.level = 'ad'
        and child.adgroup_id = written.entity_id and child.adgroup_name is distinct from written.name
    )`);
  return sql.join(parts, sql``);
}

/**
 * What a pass knows of an account's campaigns and ad groups by the time it reads their children
 * (it lists every campaign and ad group before any ad), so each row carries its parents' names
 * without a lookup in the database.
 */
export interface MirrorParents {
  campaigns: Map<string, { name: string; objective: string | null }>;
  adGroups: Map<string, string>;
}

/**
 * A page as the mirror stores it. A sync turns each page into this text as soon as it arrives, so
 * that a thousand parsed objects do not outlive the moment (what waits for the database is one
 * string, which the garbage collector never has to copy). Without `parents`, or where they do not
 * name a row's parent, the row keeps the parent names it had.
 */
export function mirrorRows(entities: readonly MirrorEntity[], parents?: MirrorParents): MirrorRows {
  return {
    count: entities.length,
    levels: new Set(entities.map((entity) => entity.level)),
    json: JSON.stringify(
      entities.map((entity) => ({
        level: entity.level,
        entity_id: entity.entityId,
        campaign_id: entity.campaignId,
        adgroup_id: entity.adGroupId,
        name: entity.name,
        operation_status: entity.operationStatus,
        secondary_status: entity.secondaryStatus,
        delivery: entity.delivery,
        objective: entity.objective,
        budget_mode: entity.budgetMode,
        budget: entity.budget,
        bid_strategy: entity.bidStrategy,
        bid: entity.bid,
        optimization_goal: entity.optimizationGoal,
        placements: entity.placements,
        schedule_start: entity.scheduleStart?.toISOString() ?? null,
        schedule_end: entity.scheduleEnd?.toISOString() ?? null,
        targeting: entity.targeting,
        creative: entity.creative,
        created_at: entity.createdAt?.toISOString() ?? null,
        modified_at: entity.modifiedAt?.toISOString() ?? null,
        raw: entity.raw,
        ...parentColumns(entity, parents),
      })),
    ),
  };
}

function parentColumns(entity: MirrorEntity, parents: MirrorParents | undefined) {
  const campaign = entity.level === 'campaign' ? undefined : parents?.campaigns.get(entity.campaignId);
  const adGroupName =
    entity.level === 'ad' && entity.adGroupId !== null ? parents?.adGroups.get(entity.adGroupId) : undefined;
  return {
    campaign_name: campaign?.name ?? null,
    campaign_objective: campaign?.objective ?? null,
    adgroup_name: adGroupName ?? null,
  };
}
