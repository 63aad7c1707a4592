import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from '@whathead/db';
import { createTestDatabase, type TestDatabase } from '@whathead/db/testing';
import {
  adDayCountColumns,
  TikTokReportFactsRepository,
  type AdDayRow,
} from './tiktok-report-facts.repository.js';

const advertiserId = '7200000000000000021';

/** Counts of one value each, but for the columns given. */
const countsOf = (values: Partial<AdDayRow['counts']>): AdDayRow['counts'] => ({
  ...(Object.fromEntries(adDayCountColumns.map((column) => [column, '1'])) as AdDayRow['counts']),
  ...values,
});

describe('ad days written as array literals', () => {
  let database: TestDatabase;
  let facts: TikTokReportFactsRepository;
  let workspaceId: string;
  before(async () => {
    database = await createTestDatabase();
    facts = new TikTokReportFactsRepository(database);
    const { rows } = await sql<{
      id: string;
    }>`insert into workspaces (name) values ('Literals') returning id`.execute(database.db);
    workspaceId = rows[0]!.id;
    await facts.ensurePartitions('2025-01-01', '2025-01-31');
  });
  after(async () => database?.close());

  it('keeps every value as given: ids an array literal would misread, nulls, negative amounts, big counts', async () => {
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
    await facts.upsertAdDays(workspaceId, advertiserId, rows);
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

  it('writes an hour of a campaign with its hour and nulls as given', async () => {
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
