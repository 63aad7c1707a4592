import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { compileOnce } from './compile-once.js';
import type { Tables } from './schema.js';
import { createTestDatabase, testEngine, type TestDatabase } from './testing/test-database.js';

describe(`compileOnce on ${testEngine()}`, () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
    await database.db
      .insertInto('workspaces')
      .values([{ name: 'Alpha' }, { name: 'Beta' }])
      .execute();
  });
  after(async () => database?.close());

  let builds = 0;
  const named = compileOnce((db: Kysely<Tables>, values: { name: string; other: string }) => {
    builds += 1;
    return db
      .selectFrom('workspaces')
      .select(['name', sql<string>`${'constant'}`.as('constant')])
      .where((where) => where.or([where('name', '=', values.name), where('name', '=', values.other)]))
      .orderBy('name');
  });

  it('builds once and binds each run’s own values, keeping the constants', async () => {
    const first = await named(database.db, { name: 'Alpha', other: 'nobody' });
    const second = await named(database.db, { name: 'Beta', other: 'Alpha' });
    const none = await named(database.db, { name: 'nobody', other: 'nobody' });
    assert.deepEqual(first, [{ name: 'Alpha', constant: 'constant' }]);
    assert.deepEqual(second, [
      { name: 'Alpha', constant: 'constant' },
      { name: 'Beta', constant: 'constant' },
    ]);
    assert.deepEqual(none, []);
    assert.equal(builds, 1);
  });

  it('runs inside a transaction on the transaction’s connection', async () => {
    await assert.rejects(
      database.db.transaction().execute(async (transaction) => {
        await transaction.insertInto('workspaces').values({ name: 'Gamma' }).execute();
        assert.deepEqual(await named(transaction, { name: 'Gamma', other: 'nobody' }), [
          { name: 'Gamma', constant: 'constant' },
        ]);
        throw new Error('roll back');
      }),
      /roll back/,
    );
    assert.deepEqual(await named(database.db, { name: 'Gamma', other: 'nobody' }), []);
  });
});
