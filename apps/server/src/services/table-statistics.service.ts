import {
  mirrorTables,
  reportTables,
  type TableStatisticsRepository,
} from '../repositories/table-statistics.repository.js';

/**
 * After a sync, a table is analysed once it has none, or has doubled since: an account's first
 * backfill or import, not the hourly re-read of recent days. ANALYZE samples up to 30,000 rows a
 * table, 0.5–1 s for a month of 12,000 ads on PGlite, where it holds the one thread.
 */
const growthAfterSync = 2;
/**
 * The daily upkeep catches what grew by a fifth. Pages, not rows: on PGlite, with no vacuum, rows
 * a sync rewrote still take their pages, so the threshold is looser than autovacuum's tenth.
 */
const growthDaily = 1.2;

/** What refreshing statistics after a sync did, for the job's outcome. */
export type StatisticsOutcome = { analyzedTables: number } | { statisticsFailed: string };

/**
 * Keeps the planner informed about the report and mirror tables on both engines. PostgreSQL's
 * autovacuum gets there too, but a minute or more after a backfill the page already reads.
 */
export class TableStatisticsService {
  readonly #statistics: TableStatisticsRepository;

  constructor(dependencies: { statistics: TableStatisticsRepository }) {
    this.#statistics = dependencies.statistics;
  }

  /** After a report sync wrote its rows. */
  afterReportSync(): Promise<StatisticsOutcome> {
    return this.#afterSync(reportTables);
  }

  /** After a campaign mirror pass wrote its rows. */
  afterMirrorSync(): Promise<StatisticsOutcome> {
    return this.#afterSync(mirrorTables);
  }

  /** The daily upkeep: every table grown since it was last analysed. */
  async daily(): Promise<number> {
    return this.#refresh([...reportTables, ...mirrorTables], growthDaily);
  }

  /**
   * Never fails the sync: its rows are written, and statistics only help the planner (the daily
   * upkeep tries again). The failure is in the job's outcome, which is logged.
   */
  async #afterSync(tables: readonly string[]): Promise<StatisticsOutcome> {
    try {
      return { analyzedTables: await this.#refresh(tables, growthAfterSync) };
    } catch (error) {
      return { statisticsFailed: error instanceof Error ? error.message : String(error) };
    }
  }

  async #refresh(tables: readonly string[], growth: number): Promise<number> {
    const stale = await this.#statistics.stale(tables, growth);
    await this.#statistics.analyze(stale);
    return stale.length;
  }
}
