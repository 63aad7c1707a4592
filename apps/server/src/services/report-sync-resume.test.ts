import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from '@whathead/db';
import { createTestDatabase, type TestDatabase } from '@whathead/db/testing';
import type { GetIntegratedReportInput, ReportPage, TikTokClient } from '@whathead/tiktok-client';
import { TikTokMirrorRepository } from '../repositories/tiktok-mirror.repository.js';
import { TikTokReportAccountsRepository } from '../repositories/tiktok-report-accounts.repository.js';
import { TikTokReportFactsRepository } from '../repositories/tiktok-report-facts.repository.js';
import { syncAccountReports } from './tiktok-report-sync.js';

const advertiserId = '7200000000000000011';
const ads = ['1800000000000000001', '1800000000000000002', '1800000000000000003'];
const now = new Date('2026-11-25T12:00:00Z');

/**
 * TikTok as far as the sync reads it: one row per ad and day with a spend made from both, hours
 * left empty; `failAfter` calls, every further call fails as TikTok down would.
 */
function fakeTikTok(failAfter = Infinity) {
  const asked: string[] = [];
  const client = {
    betweenSends: async () => undefined,
    reports: {
      getIntegrated: async (input: GetIntegratedReportInput): Promise<ReportPage> => {
        if (asked.length >= failAfter) throw new Error('TikTok is down');
        asked.push(`${input.dataLevel} ${input.startDate}..${input.endDate}`);
        const items: ReportPage['items'] = [];
        if (input.dataLevel === 'AUCTION_AD')
          for (let day = input.startDate!; day <= input.endDate!; day = nextDay(day))
            for (const [index, adId] of ads.entries())
              items.push({
                dimensions: { ad_id: adId, stat_time_day: `${day} 00:00:00` },
                metrics: {
                  spend: `${Number(day.slice(8)) + index}.250`,
                  impressions: '100',
                  campaign_id: '1700000000000000001',
                  adgroup_id: '1750000000000000001',
                },
              });
        return {
          items,
          pageInfo: { page: 1, pageSize: 1000, totalNumber: items.length, totalPage: 1 },
          totalMetrics: undefined,
        };
      },
    },
  };
  return { client: client as unknown as TikTokClient, asked };
}

const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('a report backfill stopped midway', () => {
  let database: TestDatabase;
  let workspaces: [string, string];
  before(async () => {
    database = await createTestDatabase();
    const { rows } = await sql<{ id: string }>`
      insert into workspaces (name) values ('Interrupted'), ('Uninterrupted') returning id`.execute(
      database.db,
    );
    workspaces = [rows[0]!.id, rows[1]!.id];
  });
  after(async () => database?.close());

  const run = async (workspaceId: string, tiktok: TikTokClient) => {
    const accounts = new TikTokReportAccountsRepository(database);
    const stored = await accounts.find(workspaceId, advertiserId);
    return syncAccountReports({
      tiktok,
      facts: new TikTokReportFactsRepository(database),
      accounts,
      mirror: new TikTokMirrorRepository(database),
      workspaceId,
      advertiserId,
      accessToken: 'token',
      timeZone: 'America/New_York',
      backfillStart: '2026-08-18',
      storedFrom: stored?.stored_from ?? null,
      storedThrough: stored?.stored_through ?? null,
      hoursFrom: stored?.hours_from ?? null,
      restatementDays: 7,
      hourlyRetentionDays: 30,
      now: () => now,
    });
  };
  const stored = async (workspaceId: string) =>
    (
      await sql<{ ad_id: string; day: string; spend: string }>`
        select ad_id, day::text, spend::text from tiktok_report_ad_days
        where workspace_id = ${workspaceId}::uuid order by day, ad_id`.execute(database.db)
    ).rows;

  it('goes on from the last span it stored, newest first, and ends as an uninterrupted one', async () => {
    const [interrupted, uninterrupted] = workspaces;
    // The recent span, 30 days of hours (as far as they are kept), then the first backfill span:
    // then TikTok goes down.
    const first = fakeTikTok(32);
    await assert.rejects(run(interrupted, first.client), /TikTok is down/);
    assert.deepEqual(first.asked.slice(0, 1), ['AUCTION_AD 2026-10-27..2026-11-25']);
    assert.equal(first.asked.filter((call) => call.startsWith('AUCTION_CAMPAIGN')).length, 30);
    assert.equal(first.asked[31], 'AUCTION_AD 2026-09-27..2026-10-26', 'the backfill goes newest first');
    const state = await new TikTokReportAccountsRepository(database).find(interrupted, advertiserId);
    assert.deepEqual([state?.stored_from, state?.stored_through], ['2026-09-27', '2026-11-25']);

    const second = fakeTikTok();
    await run(interrupted, second.client);
    const spans = second.asked.filter((call) => call.startsWith('AUCTION_AD'));
    assert.deepEqual(spans, [
      'AUCTION_AD 2026-11-19..2026-11-25',
      'AUCTION_AD 2026-08-28..2026-09-26',
      'AUCTION_AD 2026-08-18..2026-08-27',
    ]);

    await run(uninterrupted, fakeTikTok().client);
    const expected = await stored(uninterrupted);
    assert.equal(expected.length, ads.length * 100);
    assert.deepEqual(await stored(interrupted), expected);
  });
});
