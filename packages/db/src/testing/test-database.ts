import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database, type Engine } from '../database.js';
import { migrate } from '../migrate.js';

/**
 * Which engine the tests of this process run on: PostgreSQL when `TEST_DATABASE_URL` is set
 * (the test runner sets it when it started or found a server), unless `TEST_DATABASE_ENGINE`
 * asks for the embedded engine, which is how the database-layer tests run on both.
 */
export function testEngine(): Engine {
  if (process.env.TEST_DATABASE_ENGINE === 'pglite') return 'pglite';
  return process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
}

export interface TestDatabase extends Database {
  /** The connection string of this test's own database (PostgreSQL only). */
  readonly url: string | undefined;
}

/**
 * A fresh, migrated database of its own for one test file: a new database on the test server
 * (dropped again on close), or an in-memory PGlite. Test files can then run in parallel.
 */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (testEngine() === 'pglite' || !adminUrl) {
    const database = await openDatabase({ engine: 'pglite', inMemory: true });
    if (options.migrated !== false) await migrate(database);
    return Object.assign(database, { url: undefined });
  }
  const name = `whathead_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ engine: 'postgres', url: url.toString(), maxConnections: 4 });
  if (options.migrated !== false) await migrate(database);
  const close = database.close.bind(database);
  return Object.assign(database, {
    url: url.toString(),
    async close() {
      await close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  });
}
export { entriesOpenToOthers } from './open-entries.js';
