import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

/** More distinct statements than the app has; one beyond it runs unprepared, so none piles up. */
const maxNamedStatements = 300;

/** A pooler in transaction mode (PgBouncer before 1.21) hands each statement another server connection. */
const poolerErrorCodes = new Set([
  '26000', // prepared statement … does not exist
  '42P05', // prepared statement … already exists
]);

/** A migration changed a table under a statement prepared on this connection (`select *`). */
const isStalePlan = (error: { code?: string; message?: string }) =>
  error.code === '0A000' && /cached plan must not change result type/.test(error.message ?? '');

/**
 * Kysely's statements with parameters as named prepared statements, so PostgreSQL parses and
 * plans each once per connection instead of on every run: that was about half of its CPU on the
 * app's short reads (`npm run bench -- api`). node-postgres prepares a named statement on a
 * connection the first time it runs there. pg-boss and migrations use the pool directly and stay
 * unprepared.
 *
 * Two things can break a prepared statement, and both are survived: a migration by another
 * process (the connection is discarded and the statement, outside a transaction, runs again
 * unprepared), and a pooler that does not keep prepared statements (then this process stops
 * naming statements altogether).
 */
export function preparingPool(pool: pg.Pool): PostgresPool {
  const names = new Map<string, string>();
  let naming = true;
  const nameOf = (text: string): string | undefined => {
    if (!naming) return undefined;
    let name = names.get(text);
    if (name === undefined && names.size < maxNamedStatements) {
      name = `whathead_${names.size + 1}`;
      names.set(text, name);
    }
    return name;
  };

  return {
    end: () => pool.end(),
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      let inTransaction = false;
      let discard = false;
      // node-postgres's result is what Kysely's PostgresDialect reads from a pg client.
      type Result = PostgresQueryResult<unknown>;
      const unprepared = (text: string, values: unknown[]) =>
        client.query(text, values) as unknown as Promise<Result>;
      const run = async (text: string, values: unknown[]): Promise<Result> => {
        if (/^(begin|start transaction)\b/i.test(text)) inTransaction = true;
        else if (/^(commit|rollback)$/i.test(text)) inTransaction = false;
        const name = values.length > 0 ? nameOf(text) : undefined;
        if (name === undefined) return unprepared(text, values);
        try {
          return (await client.query({ name, text, values })) as unknown as Result;
        } catch (error) {
          const failure = error as { code?: string; message?: string };
          const pooler = poolerErrorCodes.has(failure.code ?? '');
          if (!pooler && !isStalePlan(failure)) throw error;
          if (pooler) naming = false;
          // The connection's other prepared statements may be as stale: a fresh one prepares anew.
          discard = true;
          // Inside a transaction the error has already aborted it; the caller sees it and retries.
          if (inTransaction) throw error;
          return unprepared(text, values);
        }
      };
      return {
        query: run as unknown as PostgresPoolClient['query'],
        release: () => client.release(discard),
      };
    },
  };
}
