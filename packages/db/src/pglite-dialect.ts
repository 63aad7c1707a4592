import type { PGlite, Transaction } from '@electric-sql/pglite';
import {
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

/** Thrown inside PGlite's transaction callback to make it roll back; never escapes this file. */
class RollbackSignal extends Error {}

/**
 * A Kysely connection over the one PGlite instance. A Kysely transaction holds PGlite's own
 * transaction lock (`pglite.transaction`) for its whole life, so statements issued by anything
 * else on the same instance — pg-boss, other requests — wait instead of landing inside it.
 */
class PGliteConnection implements DatabaseConnection {
  readonly #pglite: PGlite;
  #transaction:
    { handle: Transaction; finish: (action: 'commit' | 'rollback') => void; done: Promise<void> } | undefined;

  constructor(pglite: PGlite) {
    this.#pglite = pglite;
  }

  async executeQuery<Row>(compiled: CompiledQuery): Promise<QueryResult<Row>> {
    const target = this.#transaction?.handle ?? this.#pglite;
    const result = await target.query<Row>(compiled.sql, [...compiled.parameters]);
    return {
      rows: result.rows,
      ...(result.affectedRows === undefined ? {} : { numAffectedRows: BigInt(result.affectedRows) }),
    };
  }

  // eslint-disable-next-line require-yield -- PGlite has no cursors over the wire; nothing streams.
  async *streamQuery<Row>(): AsyncIterableIterator<QueryResult<Row>> {
    throw new Error('Streaming queries are not supported on the embedded database.');
  }

  async begin(): Promise<void> {
    let finish: (action: 'commit' | 'rollback') => void = () => {};
    const decision = new Promise<'commit' | 'rollback'>((resolve) => (finish = resolve));
    let started: (handle: Transaction) => void = () => {};
    const handleReady = new Promise<Transaction>((resolve) => (started = resolve));
    const done = this.#pglite
      .transaction(async (handle) => {
        started(handle);
        if ((await decision) === 'rollback') throw new RollbackSignal();
      })
      .catch((error: unknown) => {
        if (!(error instanceof RollbackSignal)) throw error;
      });
    // If BEGIN itself fails, `done` settles first and its error is the one to report.
    const failedToStart = done.then(
      () => Promise.reject(new Error('The transaction ended before it began.')),
      (error: unknown) => Promise.reject(error),
    );
    failedToStart.catch(() => {});
    const handle = await Promise.race([handleReady, failedToStart]);
    this.#transaction = { handle, finish, done };
  }

  async end(action: 'commit' | 'rollback'): Promise<void> {
    const transaction = this.#transaction;
    this.#transaction = undefined;
    if (!transaction) return;
    transaction.finish(action);
    await transaction.done;
  }
}

class PGliteDriver implements Driver {
  readonly #pglite: PGlite;

  constructor(pglite: PGlite) {
    this.#pglite = pglite;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new PGliteConnection(this.#pglite);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).begin();
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).end('commit');
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).end('rollback');
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {}
}

/** Kysely over an embedded PGlite: PostgreSQL's SQL dialect, PGlite's single in-process connection. */
export class PGliteDialect implements Dialect {
  readonly #pglite: PGlite;

  constructor(pglite: PGlite) {
    this.#pglite = pglite;
  }

  createAdapter() {
    return new PostgresAdapter();
  }

  createDriver(): Driver {
    return new PGliteDriver(this.#pglite);
  }

  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }

  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}
