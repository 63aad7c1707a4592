import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import { askedKeys, askedPosition, coalescedRead, listsByPosition } from './coalesced-read.js';
import { jsonListOf } from './json-list.js';
import type { Tables } from './schema.js';
import { createTestDatabase, testEngine, type TestDatabase } from './testing/test-database.js';

describe('coalescedRead', () => {
  it('reads the keys asked for in one turn of the event loop in one statement, each answered in order', async () => {
    const statements: (readonly string[])[] = [];
    const read = coalescedRead(async (keys: readonly string[]) => {
      statements.push(keys);
      return keys.map((key) => key.toUpperCase());
    });
    const answers = await Promise.all(['a', 'b', 'a', 'c'].map((key) => read(key)));
    assert.deepEqual(answers, ['A', 'B', 'A', 'C']);
    assert.deepEqual(statements, [['a', 'b', 'a', 'c']]);
  });

  it('keeps nothing: a key asked again after its statement ran is read again, and sees a change', async () => {
    let stored = 'before';
    let statements = 0;
    const read = coalescedRead(async (keys: readonly string[]) => {
      statements += 1;
      return keys.map(() => stored);
    });
    assert.equal(await read('session'), 'before');
    stored = 'after';
    assert.equal(await read('session'), 'after');
    assert.equal(statements, 2);
  });

  it('a key asked while a statement runs waits for the next one, not for a result read before it asked', async () => {
    let stored = 'old';
    const started: (readonly string[])[] = [];
    let release!: () => void;
    const read = coalescedRead(async (keys: readonly string[]) => {
      started.push(keys);
      const value = stored;
      if (started.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return keys.map(() => value);
    });
    const first = read('x');
    await nextTurn();
    stored = 'new';
    const second = read('x');
    release();
    assert.deepEqual(await Promise.all([first, second]), ['old', 'new']);
    assert.deepEqual(started, [['x'], ['x']]);
  });

  it('fails only the caller whose key the database refuses: the others are read again on their own', async () => {
    const statements: (readonly string[])[] = [];
    const read = coalescedRead(async (keys: readonly string[]) => {
      statements.push(keys);
      if (keys.includes('not-a-uuid'))
        throw Object.assign(new Error('invalid input syntax for type uuid'), { code: '22P02' });
      return keys.map((key) => `found ${key}`);
    });
    const settled = await Promise.allSettled([read('a'), read('not-a-uuid'), read('b')]);
    assert.deepEqual(
      settled.map((each) => (each.status === 'fulfilled' ? each.value : (each.reason as Error).message)),
      ['found a', 'invalid input syntax for type uuid', 'found b'],
    );
    assert.deepEqual(statements, [['a', 'not-a-uuid', 'b'], ['a'], ['not-a-uuid'], ['b']]);
  });

  it('fails every caller at once while the database is down, and the next statement runs as usual', async () => {
    let down = true;
    let statements = 0;
    const read = coalescedRead(async (keys: readonly number[]) => {
      statements += 1;
      if (down) throw Object.assign(new Error('connection lost'), { code: '08006' });
      return keys.map((key) => key * 2);
    });
    const failed = await Promise.allSettled([read(1), read(2)]);
    assert.deepEqual(
      failed.map((each) => each.status === 'rejected' && (each.reason as Error).message),
      ['connection lost', 'connection lost'],
    );
    assert.equal(statements, 1, 'no key is read again on its own');
    down = false;
    assert.equal(await read(3), 6);
  });

  it('refuses a read that answers a different number of results than keys', async () => {
    const read = coalescedRead(async (keys: readonly number[]) => keys.slice(1));
    await assert.rejects(read(1), /answered 0 results for 1 keys/);
    const crowd = await Promise.allSettled([read(1), read(2)]);
    assert.ok(crowd.every((each) => each.status === 'rejected'));
  });

  it('splits a crowd into statements of at most 32 keys, all sent at once', async () => {
    const sizes: number[] = [];
    const read = coalescedRead(async (keys: readonly number[]) => {
      sizes.push(keys.length);
      return keys;
    });
    const keys = Array.from({ length: 100 }, (_, index) => index);
    assert.deepEqual(await Promise.all(keys.map((key) => read(key))), keys);
    assert.deepEqual(sizes, [32, 32, 32, 4]);
  });
});

describe(`askedKeys, jsonListOf and listsByPosition on ${testEngine()}`, () => {
  let database: TestDatabase;
  let alpha: string;
  let beta: string;
  before(async () => {
    database = await createTestDatabase();
    const rows = await database.db
      .insertInto('workspaces')
      .values([{ name: 'Alpha' }, { name: 'Beta' }, { name: 'Aardvark' }])
      .returning(['id', 'name'])
      .execute();
    alpha = rows.find((row) => row.name === 'Alpha')!.id;
    beta = rows.find((row) => row.name === 'Beta')!.id;
  });
  after(async () => database?.close());

  /** For each id asked, the workspaces whose name starts as its own does: a list per key. */
  const namesLike = async (db: Kysely<Tables>, ids: string[], order: 'name' | 'name desc') =>
    listsByPosition(
      await db
        .selectFrom(askedKeys({ id: [ids, 'uuid'] }))
        .select((asked) => [
          askedPosition,
          jsonListOf(
            asked
              .selectFrom('workspaces as own')
              .innerJoin('workspaces as alike', (join) =>
                join.on(sql`left(alike.name, 1)`, '=', sql`left(own.name, 1)`),
              )
              .select(['alike.name', 'alike.created_at'])
              .whereRef('own.id', '=', 'asked.id'),
            [order],
          ).as('alike'),
        ])
        .execute(),
      ids.length,
      (row) => row.alike.map((workspace) => workspace.name),
    );

  it('answers each key in the order asked, duplicates included, and an empty list for a key with no rows', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    assert.deepEqual(await namesLike(database.db, [beta, alpha, unknown, beta], 'name'), [
      ['Beta'],
      ['Aardvark', 'Alpha'],
      [],
      ['Beta'],
    ]);
    assert.deepEqual(await namesLike(database.db, [alpha], 'name desc'), [['Alpha', 'Aardvark']]);
  });

  it('lists timestamps as text a Date reads back exactly', async () => {
    const [row] = await database.db
      .selectFrom('workspaces')
      .select((builder) => [
        'created_at',
        jsonListOf(
          builder
            .selectFrom('workspaces as same')
            .select('same.created_at')
            .whereRef('same.id', '=', 'workspaces.id'),
          ['created_at'],
        ).as('listed'),
      ])
      .where('id', '=', alpha)
      .execute();
    assert.equal(typeof row!.listed[0]!.created_at, 'string');
    assert.equal(new Date(row!.listed[0]!.created_at).getTime(), row!.created_at.getTime());
  });

  it('takes keys of several parts, and counts positions as JavaScript numbers from 1', async () => {
    const rows = await database.db
      .selectFrom(
        askedKeys({ name: [['x', 'y'], 'text'], at: [[new Date(0), new Date(1000)], 'timestamptz'] }),
      )
      .select([askedPosition, 'asked.name', 'asked.at'])
      .orderBy('asked.position')
      .execute();
    assert.deepEqual(rows, [
      { position: 1, name: 'x', at: new Date(0) },
      { position: 2, name: 'y', at: new Date(1000) },
    ]);
  });
});
