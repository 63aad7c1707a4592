import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from '@whathead/db';
import { reportFactsDatabase } from '../testing/report-facts-database.js';
import { metricsOf, addSums, emptySums } from './report-metrics.js';
import { adDayCountColumns, type AdDayRow } from '../repositories/tiktok-report-facts.repository.js';
import { TikTokReportQueriesRepository } from '../repositories/tiktok-report-queries.repository.js';

const advertiserId = '7200000000000000011';

const adDay = (adId: string, day: string, spend: string | null, impressions: string | null): AdDayRow => ({
  adId,
  day,
  campaignId: '1700000000000000001',
  adGroupId: '1750000000000000001',
  spend,
  counts: {
    ...(Object.fromEntries(adDayCountColumns.map((column) => [column, null])) as AdDayRow['counts']),
    impressions,
  },
});

describe('report fact tables', () => {
  const fixture = reportFactsDatabase('Reports');

  const partitions = async () => {
    const { rows } = await sql<{ name: string }>`
      select child.relname as name from pg_inherits
      join pg_class child on child.oid = pg_inherits.inhrelid
      join pg_class parent on parent.oid = pg_inherits.inhparent
      where parent.relname = 'tiktok_report_ad_days' order by 1`.execute(fixture.database.db);
    return rows.map((row) => row.name);
  };

  it('has this month’s partitions and the next two from the start, and creates further months once', async () => {
    const { facts } = fixture;
    const month = (offset: number) => {
      const now = new Date();
      const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
      return `tiktok_report_ad_days_${date.toISOString().slice(0, 7).replace('-', '')}`;
    };
    const existing = await partitions();
    for (const offset of [0, 1, 2]) assert.ok(existing.includes(month(offset)), `${month(offset)} exists`);
    assert.equal(await facts.ensurePartitions('2025-03-10', '2025-05-02'), 12, 'three months × four tables');
    assert.equal(await facts.ensurePartitions('2025-03-10', '2025-05-02'), 0, 'and never twice');
    assert.ok((await partitions()).includes('tiktok_report_ad_days_202504'));
    // Two processes creating the same months at once both succeed.
    const [left, right] = await Promise.all([
      facts.ensurePartitions('2024-01-01', '2024-06-01'),
      facts.ensurePartitions('2024-01-01', '2024-06-01'),
    ]);
    assert.equal(left + right, 24);
  });

  it('stores "-" as null, and a re-read replaces rows and drops those TikTok no longer lists', async () => {
    const { database, facts, workspaceId } = fixture;
    await facts.ensurePartitions('2025-04-01', '2025-04-30');
    const range = { from: '2025-04-10', to: '2025-04-11' };
    let mark = await facts.mark();
    await facts.writeAdDays(
      workspaceId,
      advertiserId,
      [
        adDay('1800000000000000001', '2025-04-10', '1.500', '100'),
        adDay('1800000000000000002', '2025-04-10', null, null),
        adDay('1800000000000000003', '2025-04-11', '2.000', '40'),
      ],
      'new',
    );
    await facts.finishAdDays(workspaceId, advertiserId, range, mark);
    const queries = new TikTokReportQueriesRepository(database);
    const read = async () => {
      const rows = await queries.breakdown(
        { workspaceId, advertiserIds: [advertiserId], ...range },
        { level: 'ad', sort: 'name', direction: 'asc', sums: 'all', limit: 10 },
      );
      return Object.fromEntries(rows.map((row) => [row.id, metricsOf(addSums(emptySums(), row))]));
    };
    const first = await read();
    assert.equal(first['1800000000000000002']!.spend, null);
    assert.equal(first['1800000000000000002']!.impressions, null);
    assert.equal(first['1800000000000000002']!.ctr, null);
    assert.equal(first['1800000000000000001']!.spend, '1.500');

    mark = await facts.mark();
    await facts.writeAdDays(
      workspaceId,
      advertiserId,
      [adDay('1800000000000000001', '2025-04-10', '1.750', '110')],
      'maybe',
    );
    await facts.finishAdDays(workspaceId, advertiserId, range, mark);
    const second = await read();
    assert.deepEqual(Object.keys(second), ['1800000000000000001']);
    assert.equal(second['1800000000000000001']!.spend, '1.750');
    const series = await queries.series({ workspaceId, advertiserIds: [advertiserId], ...range }, 'day');
    assert.deepEqual(
      series.map((row) => [row.time, row.spend, row.impressions]),
      [['2025-04-10', '1.750', '110']],
      'the rollups follow: no day or row counted twice',
    );
  });
});
