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

/** The tables a sync writes: the reports', or the campaign mirror's. */
export type StatisticsTables = 'reports' | 'mirror';
const tablesOf: Record<StatisticsTables, readonly string[]> = { reports: reportTables, mirror: mirrorTables };

/** What refreshing statistics after a sync did (or handed to its job), for the job's outcome. */
export type StatisticsOutcome =
  { analyzedTables: number } | { statisticsQueued: true } | { statisticsFailed: string };

/**
 * Keeps the planner informed about the report and mirror tables on both engines. PostgreSQL's
 * autovacuum gets there too, but a minute or more after a backfill the page already reads.
 *
 * Once the job queue runs, a sync hands the refresh to a job of its own: an ANALYZE takes half a
 * second or more, and a sync's slot held that long keeps the next account from the rate budget
 * (`npm run bench -- report-sync`). The page reads the account a second or two before its
 * statistics, planned from the tables' sizes meanwhile.
 */
export class TableStatisticsService {
  readonly #statistics: TableStatisticsRepository;
  #queue: ((tables: StatisticsTables) => Promise<unknown>) | undefined;

  constructor(dependencies: { statistics: TableStatisticsRepository }) {
    this.#statistics = dependencies.statistics;
  }

  /** Set once the job queue runs: it is built after the services, because its jobs call them. */
  useRefreshQueue(queue: (tables: StatisticsTables) => Promise<unknown>): void {
    this.#queue = queue;
  }

  /** After a report sync wrote its rows. */
  afterReportSync(): Promise<StatisticsOutcome> {
    return this.#afterSync('reports');
  }

  /** After a campaign mirror pass wrote its rows. */
  afterMirrorSync(): Promise<StatisticsOutcome> {
    return this.#afterSync('mirror');
  }

  /**
   * The tables a sync wrote, each analysed once it has no statistics or has doubled since: an
   * account's first backfill or import, not the hourly re-read of recent days. Never fails: the
   * rows are written, and statistics only help the planner (the daily upkeep tries again). The
   * failure is in the outcome, which is logged.
   */
  async refresh(tables: StatisticsTables): Promise<StatisticsOutcome> {
    try {
      return { analyzedTables: await this.#refresh(tablesOf[tables], growthAfterSync) };
    } catch (error) {
      return { statisticsFailed: messageOf(error) };
    }
  }

  /** The daily upkeep: every table grown since it was last analysed. */
  async daily(): Promise<number> {
    return this.#refresh([...reportTables, ...mirrorTables], growthDaily);
  }

  async #afterSync(tables: StatisticsTables): Promise<StatisticsOutcome> {
    if (!this.#queue) return this.refresh(tables);
    try {
      await this.#queue(tables);
      return { statisticsQueued: true };
    } catch (error) {
      return { statisticsFailed: messageOf(error) };
    }
  }

  async #refresh(tables: readonly string[], growth: number): Promise<number> {
    const stale = await this.#statistics.stale(tables, growth);
    await this.#statistics.analyze(stale);
    return stale.length;
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
