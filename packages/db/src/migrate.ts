import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ScriptRunner } from './database.js';

/**
 * Found from the package, not from this file: the server also runs compiled into one file
 * elsewhere (scripts/lib/server-bundle.ts), where this module's own location means nothing.
 */
export const migrationsDirectory = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@whathead/db/package.json')),
  'migrations',
);

export interface Migration {
  name: string;
  sql: string;
}

/** Every migration file, in name order (`0001_…sql`, `0002_…sql`). */
export function readMigrations(directory = migrationsDirectory): Migration[] {
  return readdirSync(directory)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      name: file.replace(/\.sql$/, ''),
      sql: readFileSync(path.join(directory, file), 'utf8'),
    }));
}

// An arbitrary constant: every process migrating the same database takes this advisory lock, so
// two app processes starting together apply each migration exactly once.
const migrationLockKey = 7_221_001;

/**
 * Applies the migrations not yet recorded, all in one transaction: a failing migration leaves the
 * database as it was. Returns the names applied.
 */
export async function migrate(runner: ScriptRunner, migrations = readMigrations()): Promise<string[]> {
  return runner.transaction(async (connection) => {
    await connection.query(`select pg_advisory_xact_lock(${migrationLockKey})`);
    await connection.script(
      'create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())',
    );
    const applied = new Set(
      (await connection.query<{ name: string }>('select name from schema_migrations')).map((row) => row.name),
    );
    const pending = migrations.filter((migration) => !applied.has(migration.name));
    for (const migration of pending) {
      await connection.script(migration.sql);
      await connection.query('insert into schema_migrations (name) values ($1)', [migration.name]);
    }
    return pending.map((migration) => migration.name);
  });
}
