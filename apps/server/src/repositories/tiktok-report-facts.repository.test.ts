import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { sql } from '@whathead/db';
import { reportFactsDatabase } from '../testing/report-facts-database.js';
import { adDayCountColumns, type AdDayRow } from './tiktok-report-facts.repository.js';

const advertiserId = '7200000000000000021';

/** Counts of one value each, but for the columns given. */
const countsOf = (values: Partial<AdDayRow['counts']>): AdDayRow['counts'] => ({
  ...(Object.fromEntries(adDayCountColumns.map((column) => [column, '1'])) as AdDayRow['counts']),
  ...values,
});

describe('ad days written as array literals', () => {
  const fixture = reportFactsDatabase('Literals');
  before(async () => {
    await fixture.facts.ensurePartitions('2025-01-01', '2025-01-31');
  });

  it('keeps every value as given: ids an array literal would misread, nulls, negative amounts, big counts', async () => {
    const { database, facts, workspaceId } = fixture;
    // Ids TikTok never sends, so every character the literal gives a meaning is tried.
    const oddIds = ['a"b', 'c\\d', 'e,f', '{g}', 'NULL', 'null', ' h ', '', 'é – 漢'];
    const rows: AdDayRow[] = oddIds.map((adId, index) => ({
      adId,
      day: `2025-01-${String(index + 1).padStart(2, '0')}`,
      campaignId: `campaign ${adId}`,
      adGroupId: '1750000000000000001',
      spend: index % 2 === 0 ? `-${index}.125` : null,
      counts: countsOf({ impressions: index === 0 ? '999999999999999999' : null, clicks: String(index) }),
    }));
    await facts.writeAdDays(workspaceId, advertiserId, rows, 'new');
    const { rows: stored } = await sql<{
      ad_id: string;
      day: string;
      campaign_id: string;
      spend: string | null;
      impressions: string | null;
      clicks: string | null;
      reach: string | null;
    }>`
      select ad_id, day::text as day, campaign_id, spend::text as spend, impressions::text as impressions,
        clicks::text as clicks, reach::text as reach
      from tiktok_report_ad_days where workspace_id = ${workspaceId}::uuid order by day`.execute(database.db);
    assert.deepEqual(
      stored,
      rows.map((row) => ({
        ad_id: row.adId,
        day: row.day,
        campaign_id: row.campaignId,
        spend: row.spend,
        impressions: row.counts.impressions,
        clicks: row.counts.clicks,
        reach: '1',
      })),
    );
  });

  it('writes a page of days thought new that is partly stored (a retried read) as an update: one row per ad and day, the newer figures', async () => {
    const { database, facts, workspaceId } = fixture;
    const row = (adId: string, spend: string): AdDayRow => ({
      adId,
      day: '2025-01-20',
      campaignId: '1700000000000000009',
      adGroupId: '1750000000000000009',
      spend,
      counts: countsOf({}),
    });
    await facts.writeAdDays(workspaceId, advertiserId, [row('retried-1', '1.000')], 'new');
    await facts.writeAdDays(
      workspaceId,
      advertiserId,
      [row('retried-1', '2.000'), row('retried-2', '3.000')],
      'new',
    );
    const { rows } = await sql<{ ad_id: string; spend: string }>`
      select ad_id, spend::text as spend from tiktok_report_ad_days
      where workspace_id = ${workspaceId}::uuid and day = '2025-01-20' order by ad_id`.execute(database.db);
    assert.deepEqual(rows, [
      { ad_id: 'retried-1', spend: '2.000' },
      { ad_id: 'retried-2', spend: '3.000' },
    ]);
  });

  it('writes an hour of a campaign with its hour and nulls as given', async () => {
    const { database, facts, workspaceId } = fixture;
    await facts.upsertCampaignHours(workspaceId, advertiserId, [
      {
        campaignId: '1700000000000000001',
        day: '2025-01-15',
        hour: 7,
        spend: '12.500',
        counts: { impressions: '100', clicks: null, conversions: '0', results: null },
      },
    ]);
    const { rows } = await sql<Record<string, string | null>>`
      select hour::text as hour, spend::text as spend, impressions::text as impressions, clicks::text as clicks,
        conversions::text as conversions, results::text as results
      from tiktok_report_campaign_hours where workspace_id = ${workspaceId}::uuid`.execute(database.db);
    assert.deepEqual(rows, [
      { hour: '7', spend: '12.500', impressions: '100', clicks: null, conversions: '0', results: null },
    ]);
  });
});
