import type { Database, Kysely, Tables } from '@whathead/db';
import { sql } from '@whathead/db';

/** The report tables, each partitioned by month (migration 0015): read and analysed by partition. */
export const reportTables = [
  'tiktok_report_ad_days',
  'tiktok_report_campaign_days',
  'tiktok_report_account_days',
  'tiktok_report_campaign_hours',
] as const;

/** The campaign mirror (migration 0009). */
export const mirrorTables = ['tiktok_entities'] as const;

/**
 * A table is planned from its current size whatever its statistics say; grown by less than this
 * (1 MiB of 8 KiB pages), a fresh ANALYZE would change no plan, only cost its time.
 */
const leastGrowthPages = 128;

/** A table the planner lacks statistics for. */
export interface StaleTable {
  schema: string;
  name: string;
}

/**
 * The planner's statistics of the big tables. PGlite runs no autovacuum, so nothing there ever
 * runs ANALYZE by itself: without this, every plan is made from guesses (pg_class.reltuples -1).
 */
export class TableStatisticsRepository {
  readonly #db: Kysely<Tables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  /**
   * The tables among `tables` (a partitioned one by its partitions) that hold rows the planner
   * knows nothing of: never analysed though not empty, or now more than `growth` times their size
   * in pages at their last ANALYZE (and by a megabyte at least). Read from the catalogue alone,
   * not from the statistics collector, whose counts PGlite loses on every restart.
   */
  async stale(tables: readonly string[], growth: number): Promise<StaleTable[]> {
    const { rows } = await sql<StaleTable>`
      with named as (
        select to_regclass(name) as oid from unnest(${[...tables]}::text[]) as name
      ), leaves as (
        select named.oid from named join pg_class on pg_class.oid = named.oid where pg_class.relkind = 'r'
        union all
        select pg_inherits.inhrelid from named join pg_inherits on pg_inherits.inhparent = named.oid
      )
      select pg_namespace.nspname as schema, pg_class.relname as name
      from leaves
      join pg_class on pg_class.oid = leaves.oid
      join pg_namespace on pg_namespace.oid = pg_class.relnamespace
      cross join lateral (
        select pg_relation_size(pg_class.oid) / current_setting('block_size')::int as pages
      ) as size
      where (pg_class.reltuples < 0 and size.pages > 0)
        or (size.pages > greatest(pg_class.relpages, 1) * ${growth}::float8
          and size.pages - pg_class.relpages >= ${leastGrowthPages})
      order by pg_class.relname`.execute(this.#db);
    return rows;
  }

  /**
   * ANALYZE each table, one statement at a time: on PGlite a statement holds the process's one
   * thread, so other requests' statements get their turn between two tables.
   */
  async analyze(tables: readonly StaleTable[]): Promise<void> {
    for (const table of tables) await sql`analyze ${sql.id(table.schema, table.name)}`.execute(this.#db);
  }
}
