import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { DataDirectoryLockedError } from './data-dir-lock.js';
import { openDatabase } from './database.js';
import { migrate, readMigrations } from './migrate.js';
import { preparePrivateDirectory } from './private-directory.js';
import { entriesOpenToOthers } from './testing/open-entries.js';
import { createTestDatabase, testEngine, type TestDatabase } from './testing/test-database.js';

describe(`database layer on ${testEngine()}`, () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => database?.close());

  it('applies every migration once and records it', async () => {
    const rows = await database.executeSql('select name from schema_migrations order by name');
    assert.deepEqual(
      rows.rows.map((row) => (row as { name: string }).name),
      readMigrations().map((migration) => migration.name),
    );
    assert.deepEqual(await migrate(database), [], 'a second run applies nothing');
  });

  it(
    'applies a migration once when several processes migrate at the same moment',
    { skip: testEngine() === 'pglite' ? 'PGlite is one process with one connection' : false },
    async () => {
      const others = await Promise.all(
        [1, 2, 3].map(() => openDatabase({ engine: 'postgres', url: database.url!, maxConnections: 1 })),
      );
      try {
        const racing = [{ name: '9000_race', sql: 'create table raced (id int);' }];
        const applied = await Promise.all(others.map((other) => migrate(other, racing)));
        assert.deepEqual(applied.flat(), ['9000_race'], 'exactly one process applied it');
      } finally {
        await Promise.all(others.map((other) => other.close()));
      }
    },
  );

  it('rolls back a whole migration batch when one migration fails', async () => {
    const broken = [
      { name: '9998_good', sql: 'create table should_not_exist (id int);' },
      { name: '9999_bad', sql: 'create table broken (id int references nowhere (id));' },
    ];
    await assert.rejects(migrate(database, broken));
    const tables = await database.executeSql("select 1 from pg_tables where tablename = 'should_not_exist'");
    assert.equal(tables.rows.length, 0);
  });

  it('commits a Kysely transaction and rolls one back on error', async () => {
    await database.db.transaction().execute(async (transaction) => {
      await transaction.insertInto('workspaces').values({ name: 'Committed' }).execute();
    });
    await assert.rejects(
      database.db.transaction().execute(async (transaction) => {
        await transaction.insertInto('workspaces').values({ name: 'Rolled back' }).execute();
        throw new Error('abort');
      }),
      /abort/,
    );
    const names = await database.db.selectFrom('workspaces').select('name').orderBy('name').execute();
    assert.deepEqual(
      names.map((row) => row.name),
      ['Committed'],
    );
  });

  it('keeps concurrent raw statements out of an open transaction', async () => {
    let insideTransaction!: () => void;
    let rollBack!: () => void;
    const entered = new Promise<void>((resolve) => (insideTransaction = resolve));
    const outsideIssued = new Promise<void>((resolve) => (rollBack = resolve));
    const rolledBack = database.db
      .transaction()
      .execute(async (transaction) => {
        await transaction.insertInto('workspaces').values({ name: 'Inside' }).execute();
        insideTransaction();
        await outsideIssued;
        throw new Error('roll back');
      })
      .catch(() => 'rolled back');
    await entered;
    // pg-boss issues statements like this one on the same engine while a request's transaction is
    // open. The transaction rolls back only once the statement has been issued, so it is issued
    // while the transaction is open however slowly either side runs.
    const outside = database.executeSql("insert into workspaces (name) values ('Outside')");
    rollBack();
    await outside;
    assert.equal(await rolledBack, 'rolled back');
    const names = await database.db
      .selectFrom('workspaces')
      .select('name')
      .where('name', 'in', ['Inside', 'Outside'])
      .execute();
    assert.deepEqual(
      names.map((row) => row.name),
      ['Outside'],
    );
  });

  it('runs multi-statement scripts through executeSql, as pg-boss sends them', async () => {
    const result = await database.executeSql(
      "begin; insert into workspaces (name) values ('Scripted'); select name from workspaces where name = 'Scripted'; commit;",
    );
    assert.deepEqual(result.rows, [{ name: 'Scripted' }]);
  });

  it('reads counts as numbers when cast, on both engines', async () => {
    const row = await database.db
      .selectFrom('workspaces')
      .select(sql<number>`count(*)::int`.as('count'))
      .executeTakeFirstOrThrow();
    assert.equal(typeof row.count, 'number');
  });

  it(
    'cancels a statement past the statement limit (57014), but never a migration’s',
    { skip: testEngine() === 'pglite' ? 'PGlite ignores statement_timeout' : false },
    async () => {
      const limited = await openDatabase({
        engine: 'postgres',
        url: database.url!,
        maxConnections: 1,
        statementTimeoutSeconds: 1,
      });
      try {
        const { rows } = await sql<{ statement_timeout: string }>`show statement_timeout`.execute(limited.db);
        assert.deepEqual(rows, [{ statement_timeout: '1s' }]);
        await assert.rejects(sql`select pg_sleep(1.5)`.execute(limited.db), { code: '57014' });
        const inMigration = await limited.transaction(async (connection) => {
          await connection.query('select pg_sleep(1.5)');
          return connection.query<{ statement_timeout: string }>('show statement_timeout');
        });
        assert.deepEqual(inMigration, [{ statement_timeout: '0' }]);
      } finally {
        await limited.close();
      }
    },
  );
});

describe('embedded data directory', () => {
  it('refuses a second open of the same directory with a message that says what to do', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'whathead-lock-'));
    try {
      const first = await openDatabase({ engine: 'pglite', dataDirectory: directory });
      await assert.rejects(openDatabase({ engine: 'pglite', dataDirectory: directory }), (error: unknown) => {
        assert.ok(error instanceof DataDirectoryLockedError);
        assert.match(error.message, /in use by another Whathead process/);
        assert.match(error.message, /DATABASE_URL/);
        return true;
      });
      await first.close();
      const reopened = await openDatabase({ engine: 'pglite', dataDirectory: directory });
      await reopened.close();
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('keeps every file private to its owner, and tightens a folder an older start left open', async () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'whathead-private-'));
    const directory = path.join(parent, 'database');
    try {
      mkdirSync(directory, { mode: 0o777 });
      chmodSync(directory, 0o777);
      writeFileSync(path.join(directory, 'left-behind'), 'x', { mode: 0o666 });
      chmodSync(path.join(directory, 'left-behind'), 0o666);
      const database = await openDatabase({ engine: 'pglite', dataDirectory: directory });
      await migrate(database);
      await sql`create table written_after_open (id int)`.execute(database.db);
      await sql`insert into written_after_open select generate_series(1, 1000)`.execute(database.db);
      await database.close();
      assert.deepEqual(entriesOpenToOthers(directory), []);
      assert.equal(statSync(directory).mode & 0o777, 0o700);
      assert.ok(statSync(path.join(directory, 'pgdata')).isDirectory(), 'the database really is in there');
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it('tightens the folder a data dir links to, with what an older start left in it', () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'whathead-linked-'));
    try {
      const real = path.join(parent, 'real');
      mkdirSync(real, { mode: 0o755 });
      chmodSync(real, 0o755);
      writeFileSync(path.join(real, 'secrets.json'), '{}', { mode: 0o644 });
      chmodSync(path.join(real, 'secrets.json'), 0o644);
      symlinkSync(real, path.join(parent, 'link'));
      preparePrivateDirectory(path.join(parent, 'link'));
      assert.deepEqual(entriesOpenToOthers(real), []);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
