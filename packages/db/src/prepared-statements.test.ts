import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openDatabase, type Database } from './database.js';
import { createTestDatabase, testEngine, type TestDatabase } from './testing/test-database.js';

const onPostgres = { skip: testEngine() === 'pglite' ? 'prepared statements are PostgreSQL’s' : false };

describe('prepared statements on PostgreSQL', onPostgres, () => {
  let server: TestDatabase;
  /** One connection, so pg-boss-style raw SQL reaches the very connection Kysely prepared on. */
  let database: Database;
  before(async () => {
    server = await createTestDatabase();
    database = await openDatabase({ engine: 'postgres', url: server.url!, maxConnections: 1 });
    await database.executeSql('create table things (id int primary key, name text)');
    await database.executeSql("insert into things values (1, 'one'), (2, 'two')");
  });
  after(async () => {
    await database?.close();
    await server?.close();
  });

  const named = (id: number) =>
    sql<Record<string, unknown>>`select * from things where id = ${id}`.execute(database.db);
  const prepared = async () =>
    (
      await database.executeSql(
        "select count(*)::int as count from pg_prepared_statements where name like 'whathead_%'",
      )
    ).rows[0] as { count: number };

  it('prepares a statement with parameters once per connection and binds each run', async () => {
    assert.deepEqual((await named(1)).rows, [{ id: 1, name: 'one' }]);
    assert.deepEqual((await named(2)).rows, [{ id: 2, name: 'two' }]);
    assert.equal((await prepared()).count, 1);
  });

  it('survives a migration that changes the table under a prepared statement', async () => {
    await named(1);
    await server.executeSql('alter table things add column colour text');
    assert.deepEqual((await named(1)).rows, [{ id: 1, name: 'one', colour: null }]);
    assert.deepEqual((await named(2)).rows, [{ id: 2, name: 'two', colour: null }]);
  });

  it('stops preparing when prepared statements vanish, as behind a pooler in transaction mode', async () => {
    await named(1);
    await database.executeSql('deallocate all');
    assert.deepEqual((await named(2)).rows, [{ id: 2, name: 'two', colour: null }]);
    assert.deepEqual((await named(1)).rows, [{ id: 1, name: 'one', colour: null }]);
    assert.equal((await prepared()).count, 0, 'nothing is prepared any more');
  });
});
