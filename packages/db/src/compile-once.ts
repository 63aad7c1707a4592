import type { Compilable, CompiledQuery, Kysely } from 'kysely';

/** Stands for one of a query's values while it is built; the value takes its place on each run. */
class Slot {
  constructor(readonly name: string) {}
}

/**
 * A query whose SQL is the same on every run, built and compiled by Kysely once; each run binds
 * its values and executes. Kysely builds a query as a tree of frozen nodes and compiles it on every
 * `execute`: on the reads every request makes (the session lookup, a page's lists) that took more
 * CPU than anything else in the request (profiled with `npm run bench -- api`).
 *
 * `build` receives stand-ins for the values and must use each as a single value (a comparison, a
 * `sql.val`, a limit): one that shapes the SQL, such as an `in` list, cannot be bound later. The
 * first database's compiled SQL serves every database, as both engines speak PostgreSQL's dialect.
 */
export function compileOnce<DB, Values extends Record<string, unknown>, Row>(
  build: (db: Kysely<DB>, values: Values) => Compilable<Row>,
): (db: Kysely<DB>, values: Values) => Promise<Row[]> {
  let compiled: CompiledQuery<Row> | undefined;
  return async (db, values) => {
    compiled ??= build(
      db,
      Object.fromEntries(Object.keys(values).map((name) => [name, new Slot(name)])) as Values,
    ).compile();
    const parameters = compiled.parameters.map((parameter) =>
      parameter instanceof Slot ? values[parameter.name] : parameter,
    );
    return (await db.executeQuery<Row>({ ...compiled, parameters })).rows;
  };
}
