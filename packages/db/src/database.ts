import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDirectory } from './data-dir-lock.js';
import { PGliteDialect } from './pglite-dialect.js';
import { preparingPool } from './prepared-statements.js';
import { preparePrivateDirectory, tighten } from './private-directory.js';
import type { Tables } from './schema.js';

export type Engine = 'postgres' | 'pglite';

/** One connection inside a transaction: parameterised single statements, or a whole SQL script. */
export interface ScriptConnection {
  query<Row = Record<string, unknown>>(text: string, values?: unknown[]): Promise<Row[]>;
  script(text: string): Promise<void>;
}

export interface ScriptRunner {
  transaction<T>(work: (connection: ScriptConnection) => Promise<T>): Promise<T>;
}

export interface Database extends ScriptRunner {
  readonly engine: Engine;
  readonly db: Kysely<Tables>;
  /**
   * Raw SQL on the shared connection(s), in the shape pg-boss's `db` option expects: statements
   * with parameters run alone; a parameterless text may hold several statements.
   */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  /**
   * Tells every process on this database, this one included, that something happened (PostgreSQL's
   * NOTIFY). A hint only: a process not listening at that moment never hears it, so what it wakes
   * must still be found without it.
   */
  notify(channel: string, payload: string): Promise<void>;
  /** Calls `onMessage` with every payload notified on `channel` from now on; resolves to a stop. */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => void>;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | {
      engine: 'postgres';
      url: string;
      maxConnections?: number;
      /**
       * How long one statement may run before PostgreSQL cancels it (SQLSTATE 57014); no limit
       * when absent. PGlite has none to offer: it ignores statement_timeout (see openPGlite).
       */
      statementTimeoutSeconds?: number;
    }
  | { engine: 'pglite'; dataDirectory: string }
  | { engine: 'pglite'; inMemory: true };

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.engine === 'postgres'
    ? openPostgres(options.url, options.maxConnections, options.statementTimeoutSeconds)
    : openPGlite(options);
}

async function openPostgres(
  url: string,
  maxConnections = 10,
  statementTimeoutSeconds?: number,
): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: maxConnections,
    // Sent when each connection starts, so it holds for every statement on it.
    ...(statementTimeoutSeconds ? { statement_timeout: statementTimeoutSeconds * 1000 } : {}),
  });
  // An idle client losing its server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  await pool.query('select 1');
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
  const listener = new NotificationListener(url);
  return {
    engine: 'postgres',
    db,
    async notify(channel, payload) {
      await pool.query('select pg_notify($1, $2)', [channel, payload]);
    },
    listen: (channel, onMessage) => listener.listen(channel, onMessage),
    async executeSql(text, values) {
      const result = await pool.query(text, values as unknown[] | undefined);
      // A multi-statement text answers with one result per statement.
      const results = Array.isArray(result) ? (result as pg.QueryResult[]) : [result];
      return { rows: results.flatMap((each) => each.rows ?? []) };
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        // Migrations run here, and one over a big table may rightly take minutes.
        if (statementTimeoutSeconds) await client.query('set local statement_timeout = 0');
        const value = await work({
          query: async <Row>(text: string, values?: unknown[]) =>
            (await client.query(text, values)).rows as Row[],
          script: async (text) => void (await client.query(text)),
        });
        await client.query('commit');
        return value;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await listener.close();
      await db.destroy();
    },
  };
}

/**
 * LISTEN needs a connection of its own, held open: one per process, shared by every channel, and
 * opened again (after a second) when the server drops it. Notifications sent while it is down
 * are lost, which a hint may be.
 */
class NotificationListener {
  readonly #url: string;
  readonly #handlers = new EventEmitter();
  #client: Promise<pg.Client> | undefined;
  #closed = false;

  constructor(url: string) {
    this.#url = url;
    this.#handlers.setMaxListeners(0);
  }

  async listen(channel: string, onMessage: (payload: string) => void): Promise<() => void> {
    const first = this.#handlers.listenerCount(channel) === 0;
    this.#handlers.on(channel, onMessage);
    try {
      if (first) await (await this.#connected()).query(`listen ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      this.#handlers.off(channel, onMessage);
      throw error;
    }
    return () => void this.#handlers.off(channel, onMessage);
  }

  #connected(): Promise<pg.Client> {
    if (!this.#client) {
      const connecting = this.#connect();
      this.#client = connecting;
      // A connection that failed is not kept: the next listen tries again.
      connecting.catch(() => {
        if (this.#client === connecting) this.#client = undefined;
      });
    }
    return this.#client;
  }

  async #connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.#url });
    client.on('notification', (message) => this.#handlers.emit(message.channel, message.payload ?? ''));
    client.on('error', () => {
      this.#client = undefined;
      void client.end().catch(() => {});
      if (!this.#closed) setTimeout(() => void this.#relisten(), 1_000).unref();
    });
    await client.connect();
    return client;
  }

  async #relisten(): Promise<void> {
    if (this.#closed) return;
    try {
      const client = await this.#connected();
      for (const channel of this.#handlers.eventNames())
        await client.query(`listen ${pg.escapeIdentifier(String(channel))}`);
    } catch {
      this.#client = undefined;
      setTimeout(() => void this.#relisten(), 1_000).unref();
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    const client = await this.#client?.catch(() => undefined);
    this.#client = undefined;
    await client?.end().catch(() => {});
  }
}

/**
 * PGlite runs in this process's one thread. It has no statement_timeout to offer: it accepts the
 * setting and never fires it (a 100 ms limit let a 45 s statement run to its end), as nothing can
 * interrupt the thread while a statement runs; the queries themselves must stay bounded.
 */
async function openPGlite(options: { dataDirectory: string } | { inMemory: true }): Promise<Database> {
  let release = () => {};
  let pglite: PGlite;
  if ('dataDirectory' in options) {
    const directory = path.resolve(options.dataDirectory);
    mkdirSync(path.dirname(directory), { recursive: true });
    // The database holds password hashes and encrypted tokens: owner-only, like PostgreSQL's own.
    preparePrivateDirectory(directory);
    release = lockDataDirectory(directory).release;
    try {
      pglite = await PGlite.create(path.join(directory, 'pgdata'));
      // A new cluster is unpacked from PGlite's bundled files with their own (0666) modes.
      tighten(directory);
    } catch (error) {
      release();
      throw error;
    }
  } else {
    pglite = await PGlite.create();
  }
  const db = new Kysely<Tables>({ dialect: new PGliteDialect(pglite) });
  // One process holds a PGlite database (the data directory is locked), so its notifications
  // never leave the process.
  const notifications = new EventEmitter().setMaxListeners(0);
  return {
    engine: 'pglite',
    db,
    async notify(channel, payload) {
      notifications.emit(channel, payload);
    },
    async listen(channel, onMessage) {
      notifications.on(channel, onMessage);
      return () => void notifications.off(channel, onMessage);
    },
    async executeSql(text, values) {
      try {
        if (values?.length) return { rows: (await pglite.query(text, values)).rows };
        const results = await pglite.exec(text);
        return { rows: results.flatMap((result) => result.rows ?? []) };
      } catch (error) {
        // One shared connection: a failed BEGIN…COMMIT block must not leave it in an aborted transaction.
        if (pglite.isInTransaction()) await pglite.exec('rollback').catch(() => {});
        throw error;
      }
    },
    async transaction(work) {
      return pglite.transaction((handle) =>
        work({
          query: async <Row>(text: string, values?: unknown[]) =>
            (await handle.query<Row>(text, values)).rows,
          script: async (text) => void (await handle.exec(text)),
        }),
      );
    },
    async close() {
      await db.destroy();
      await pglite.close();
      release();
    },
  };
}
