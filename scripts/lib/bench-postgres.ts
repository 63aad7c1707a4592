import { createTestDatabase, type TestDatabase } from '@whathead/db/testing';
import { findPostgresBinaries, startPostgresCluster, type PostgresCluster } from './postgres-cluster.js';

/** A new database of one benchmark's own on PostgreSQL, and the words that say where it runs. */
export interface BenchPostgres {
  database: TestDatabase;
  url: string;
  /** Such as "PostgreSQL 15.18 (a throwaway cluster)". */
  label: string;
  close(): Promise<void>;
}

/**
 * A throwaway database on the server TEST_DATABASE_URL or DATABASE_URL names, else on a throwaway
 * cluster started for the run (scripts/lib/postgres-cluster.ts). Not migrated: the app migrates
 * it as it starts, as in production. Benchmarks that measure PostgreSQL's plans need the server:
 * embedded PGlite is another engine (stack-notes §3).
 */
export async function openBenchPostgres(benchmark: string): Promise<BenchPostgres> {
  const given = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  let cluster: PostgresCluster | undefined;
  if (!given) {
    const binaries = findPostgresBinaries();
    if (!binaries)
      throw new Error(
        `${benchmark} needs PostgreSQL: set TEST_DATABASE_URL, or install postgresql so a throwaway cluster can start.`,
      );
    cluster = await startPostgresCluster(binaries);
  }
  try {
    // createTestDatabase makes its database on TEST_DATABASE_URL's server.
    process.env.TEST_DATABASE_URL = given || cluster!.url;
    const database = await createTestDatabase({ migrated: false });
    const { rows } = await database.executeSql('show server_version');
    const version = (rows[0] as { server_version: string }).server_version.split(' ')[0];
    return {
      database,
      url: database.url!,
      label: `PostgreSQL ${version} (${cluster ? 'a throwaway cluster' : 'a throwaway database on TEST_DATABASE_URL/DATABASE_URL'})`,
      async close() {
        try {
          await database.close();
        } finally {
          cluster?.stop();
        }
      },
    };
  } catch (error) {
    cluster?.stop();
    throw error;
  }
}
