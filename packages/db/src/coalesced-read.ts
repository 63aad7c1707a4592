import DataLoader from 'dataloader';
import { sql } from 'kysely';

/**
 * A crowd larger than this goes in several statements, sent at once on several connections: the
 * database works on one while the app handles the answers of another. One statement for a hundred
 * requests left the app idle while a single backend worked (measured: 32 beat 16, 48 and 256).
 */
const maxKeysPerStatement = 32;

/**
 * A read that requests arriving together share: each caller asks for one key, and every key asked
 * for while the event loop handled the same batch of sockets goes to the database in one statement
 * (`read` receives them in order, duplicates included, and answers one result per key, in order).
 *
 * Why: on a busy server each statement costs the app a socket write and a wake-up of a PostgreSQL
 * backend, more than the rows it reads (decision 0009). Nothing is cached: every caller's key is
 * read by a statement that starts after the caller asked, so a session ended or a member removed
 * a moment earlier is seen exactly as by a statement of its own.
 *
 * The batch runs in `setImmediate`, after the sockets that were readable together have all been
 * read; a lone request waits no longer than the rest of its event-loop turn. Only reads outside a
 * transaction may be coalesced: the statement runs on the pool, not on a caller's connection.
 */
export function coalescedRead<Key, Result>(
  read: (keys: readonly Key[]) => Promise<readonly Result[]>,
): (key: Key) => Promise<Result> {
  const loader = new DataLoader<Key, Result>(
    async (keys) => {
      try {
        return await readAll(read, keys);
      } catch (error) {
        if (keys.length === 1 || !refusesAValue(error)) throw error;
        // One caller's key must not fail the others': each key is read again on its own, and only
        // the keys that fail alone fail. Only when the database refused a value: a timeout or a
        // lost connection would fail them all again, 32 times over, when it is already struggling.
        return Promise.all(
          keys.map((key) =>
            readAll(read, [key]).then(
              ([result]) => result as Result,
              (failure: unknown) => (failure instanceof Error ? failure : new Error(String(failure))),
            ),
          ),
        );
      }
    },
    { cache: false, maxBatchSize: maxKeysPerStatement, batchScheduleFn: (run) => setImmediate(run) },
  );
  return (key) => loader.load(key);
}

/** PostgreSQL's "data exception" class (22xxx): a value it cannot take, such as a malformed uuid. */
export const refusesAValue = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  'code' in error &&
  typeof error.code === 'string' &&
  error.code.startsWith('22');

async function readAll<Key, Result>(
  read: (keys: readonly Key[]) => Promise<readonly Result[]>,
  keys: readonly Key[],
): Promise<readonly Result[]> {
  const results = await read(keys);
  if (results.length !== keys.length)
    throw new Error(`A coalesced read answered ${results.length} results for ${keys.length} keys.`);
  return results;
}

type KeyType = 'uuid' | 'text' | 'timestamptz';

/**
 * The keys of a coalesced read as a table to join, `asked`: one row per key in the order given
 * (duplicates included), with a column per part of the key and `position`, counting from 1. Each
 * part comes as an array of values and its SQL type: `{ token_hash: [hashes, 'text'], now: [times,
 * 'timestamptz'] }`.
 */
export function askedKeys<Column extends string>(columns: Record<Column, [values: unknown, type: KeyType]>) {
  const names = Object.keys(columns) as Column[];
  const arrays = names.map((name) => {
    const [values, type] = columns[name];
    return sql`${values}::${sql.raw(type)}[]`;
  });
  return sql<
    Record<Column, unknown> & { position: string }
  >`unnest(${sql.join(arrays)}) with ordinality`.as<'asked'>(
    sql`asked(${sql.join([...names, 'position'].map((name) => sql.id(name)))})`,
  );
}

/** A row's position as a JavaScript number on both engines (`with ordinality` counts in int8). */
export const askedPosition = sql<number>`asked.position::int`.as('position');

/**
 * The answers of a coalesced read that selects one row per key (`asked` with its lists as
 * `jsonListOf` columns): `list` turns the row of each key into its answer, in the keys' order.
 */
export function listsByPosition<Row extends { position: number }, Item>(
  rows: readonly Row[],
  keys: number,
  list: (row: Row) => Item[],
): Item[][] {
  const lists: Item[][] = Array.from({ length: keys }, () => []);
  for (const row of rows) lists[row.position - 1] = list(row);
  return lists;
}
