import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from '@whathead/db';
import { createTestDatabase, type TestDatabase } from '@whathead/db/testing';
import { TableStatisticsRepository } from './table-statistics.repository.js';

describe('the planner’s statistics of the report tables', () => {
  let database: TestDatabase;
  let statistics: TableStatisticsRepository;
  /** The ad-day partition of the database's today (migration 0015 creates it). */
  let partition: string;
  before(async () => {
    database = await createTestDatabase();
    statistics = new TableStatisticsRepository(database);
    const { rows } = await sql<{ name: string }>`
      select 'tiktok_report_ad_days_' || to_char(current_date, 'YYYYMM') as name`.execute(database.db);
    partition = rows[0]!.name;
    // Autovacuum (PostgreSQL) must not analyse behind the test's back.
    await sql`alter table ${sql.table(partition)} set (autovacuum_enabled = false)`.execute(database.db);
  });
  after(async () => database?.close());

  /** `count` ad days of today, for ads numbered from `first`. */
  const writeAdDays = (first: number, count: number) =>
    sql`insert into tiktok_report_ad_days (workspace_id, advertiser_id, ad_id, day, campaign_id,
        adgroup_id, spend, impressions, synced_at)
      select gen_random_uuid(), '7200000000000000011', (1800000000000000000 + number)::text, current_date,
        '1700000000000000001', '1750000000000000001', 1.5, 1000, now()
      from generate_series(${first}::int, ${first + count - 1}::int) as number`.execute(database.db);
  const reltuples = async () =>
    (
      await sql<{ reltuples: number }>`
        select reltuples from pg_class where oid = to_regclass(${partition})`.execute(database.db)
    ).rows[0]!.reltuples;
  const staleNames = async () =>
    (await statistics.stale(['tiktok_report_ad_days'], 2)).map((table) => table.name);

  it('lists a partition holding rows never analysed, and never an empty one', async () => {
    assert.deepEqual(await staleNames(), [], 'the new database’s partitions are empty');
    await writeAdDays(1, 1_000);
    assert.equal(await reltuples(), -1, 'nothing analyses by itself here');
    assert.deepEqual(await staleNames(), [partition]);
  });

  it('analyses it: the planner then counts its rows, and it is not listed again', async () => {
    await statistics.analyze(await statistics.stale(['tiktok_report_ad_days'], 2));
    assert.equal(await reltuples(), 1_000);
    assert.deepEqual(await staleNames(), []);
  });

  it('lists it again once it has grown past the growth asked for, and by a megabyte', async () => {
    await writeAdDays(1_001, 1_000);
    assert.deepEqual(await staleNames(), [], 'doubled, but by far less than a megabyte');
    await writeAdDays(2_001, 10_000);
    assert.deepEqual(await staleNames(), [partition]);
    assert.deepEqual(
      (await statistics.stale(['tiktok_report_ad_days'], 50)).map((table) => table.name),
      [],
      'not grown fiftyfold',
    );
  });
});
