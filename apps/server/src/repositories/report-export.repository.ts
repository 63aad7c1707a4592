import type { Database, Kysely, Tables } from '@whathead/db';
import { sql } from '@whathead/db';
import {
  TikTokReportQueriesRepository,
  type BreakdownRow,
  type ReportScope,
} from './tiktok-report-queries.repository.js';

/** What the breakdown is asked for: its level, search, order and which sums. */
export type BreakdownView = Parameters<TikTokReportQueriesRepository['breakdown']>[1];

/** How many exports may run at once, per person, per workspace, and on the whole app. */
export interface ExportCaps {
  perUser: number;
  perWorkspace: number;
  perApp: number;
}

export type ExportClaim =
  { claimed: true; id: string } | { claimed: false; full: 'user' | 'workspace' | 'app' };

type Executor = ReturnType<Kysely<Tables>['getExecutor']>;
type Statement = Parameters<Executor['executeQuery']>[0];
type ConnectionProvider = Parameters<Executor['withConnectionProvider']>[0];
type Connection = Parameters<Parameters<ConnectionProvider['provideConnection']>[0]>[0];

// An arbitrary constant (migrate.ts holds 7_221_001): every process counting running exports takes
// this lock first, so two claims at the same moment cannot both see room for one more.
const claimLockKey = 7_221_016;

/** The Reports CSV exports that are running (migration 0016), and the rows each summed once. */
export class ReportExportRepository {
  readonly #db: Kysely<Tables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  /**
   * Claims a running export for the person and workspace, unless a cap is reached. Exports whose
   * heartbeat is older than `staleBefore` belong to a process that died, and count for nothing.
   */
  async claim(
    owner: { workspaceId: string; userId: string },
    caps: ExportCaps,
    now: Date,
    staleBefore: Date,
  ): Promise<ExportClaim> {
    return this.#db.transaction().execute(async (transaction) => {
      // Under READ COMMITTED each statement sees what committed before it began: the count
      // below, made after the lock, sees every claim made before it on any process.
      await sql`select pg_advisory_xact_lock(${sql.lit(claimLockKey)})`.execute(transaction);
      const {
        rows: [running],
      } = await sql<{ of_user: number; of_workspace: number; of_app: number }>`
        select count(*) filter (where user_id = ${owner.userId}::uuid)::int as of_user,
          count(*) filter (where workspace_id = ${owner.workspaceId}::uuid)::int as of_workspace,
          count(*)::int as of_app
        from report_exports where heartbeat_at >= ${staleBefore}`.execute(transaction);
      const full =
        running!.of_user >= caps.perUser
          ? 'user'
          : running!.of_workspace >= caps.perWorkspace
            ? 'workspace'
            : running!.of_app >= caps.perApp
              ? 'app'
              : undefined;
      if (full) return { claimed: false, full };
      const { id } = await transaction
        .insertInto('report_exports')
        .values({
          workspace_id: owner.workspaceId,
          user_id: owner.userId,
          started_at: now,
          heartbeat_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { claimed: true, id };
    });
  }

  /**
   * Sums the export's rows once, inside PostgreSQL: the breakdown's own statement, every row of
   * it, numbered in its order. Returns how many rows there are.
   */
  async fillWithBreakdown(exportId: string, scope: ReportScope, view: BreakdownView): Promise<number> {
    const breakdown = await statementOf(this.#db, (database) =>
      new TikTokReportQueriesRepository(database).breakdown(scope, view),
    );
    // The breakdown of no accounts reads nothing.
    if (!breakdown) return 0;
    // row_number() over () numbers the rows in the order the subquery gives them: its ORDER BY
    // sits under its LIMIT, so the subquery is never flattened or reordered, and a statement
    // that writes runs no parallel workers whose rows could interleave.
    const result = await this.#db.executeQuery({
      ...breakdown,
      sql: `insert into report_export_rows (export_id, position, fields)
        select $${breakdown.parameters.length + 1}::uuid, row_number() over (), to_jsonb(breakdown)
        from (${breakdown.sql}) as breakdown`,
      parameters: [...breakdown.parameters, exportId],
    });
    return Number(result.numAffectedRows ?? 0);
  }

  /** The export's rows after `position`, at most `limit` of them, in order. */
  async page(exportId: string, position: number, limit: number): Promise<BreakdownRow[]> {
    const rows = await this.#db
      .selectFrom('report_export_rows')
      .select('fields')
      .where('export_id', '=', exportId)
      .where('position', '>', position)
      .orderBy('position')
      .limit(limit)
      .execute();
    // The sums are text (ReportSums), so JSON carries them exactly.
    return rows.map((row) => row.fields as unknown as BreakdownRow);
  }

  /** The export's process is alive. */
  async beat(exportId: string, now: Date): Promise<void> {
    await this.#db
      .updateTable('report_exports')
      .set({ heartbeat_at: now })
      .where('id', '=', exportId)
      .execute();
  }

  /** The export ended: its claim and its rows go. */
  async release(exportId: string): Promise<void> {
    await this.#db.deleteFrom('report_exports').where('id', '=', exportId).execute();
  }

  /** Deletes the exports of processes that died (no heartbeat since `staleBefore`), with their rows. */
  async deleteStale(staleBefore: Date): Promise<number> {
    const result = await this.#db
      .deleteFrom('report_exports')
      .where('heartbeat_at', '<', staleBefore)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

/**
 * The one statement `read` runs, compiled but not run: the export wraps the breakdown's own SQL
 * (tiktok-report-queries.repository.ts) in its INSERT … SELECT, so the two never drift apart.
 * `read` gets a stand-in database that records each statement and answers no rows; it serves
 * reads written as `sql` templates, which is how the report queries are written.
 */
async function statementOf(
  db: Kysely<Tables>,
  read: (database: Database) => Promise<unknown>,
): Promise<Statement | undefined> {
  const statements: Statement[] = [];
  const recorder: Connection = {
    executeQuery: async (statement) => {
      statements.push(statement);
      return { rows: [] };
    },
    streamQuery: () => {
      throw new Error('An export wraps a statement; it cannot wrap a stream.');
    },
  };
  const executor = db.getExecutor().withConnectionProvider({
    provideConnection: (consume) => consume(recorder),
  });
  await read({ db: { getExecutor: () => executor } } as unknown as Database);
  if (statements.length > 1)
    throw new Error(`An export wraps one statement; the breakdown ran ${statements.length}.`);
  return statements[0];
}
