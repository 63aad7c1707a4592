import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { ReportOverviewResponse, ReportStatusResponse } from '@whathead/contracts';
import { emulatorApp, type DataLevel, type EmulatorSettings } from '@whathead/tiktok-emulator';
import { connectionsPath, signUpWorkspace } from '../../testing/tiktok-flow.js';
import { connect, scenario, startTikTokTestKit, type TikTokTestKit } from '../../testing/tiktok-test-kit.js';

// Correction 8 says deleted objects' figures come only with the status filter STATUS_ALL, not
// which field carries it: the emulator offers each reading (`reportStatusFilterField`), and the
// report sync must store TikTok's whole totals, deleted objects included, under every one. §6.1
// does not list the ad's parents' ids as metrics either (`reportParentIdMetrics`): refused, the
// sync reads them elsewhere, and the totals are the same.

const advertiserId = '7200000000000000081';
const businessCenter = '7100000000000000008';
/** A still clock: the emulator's figures move with time, and both sides must read the same ones. */
const now = Date.parse('2026-11-25T12:00:00Z');
const days = { from: '2026-11-01', to: '2026-11-24' };
/** Inside the 30 days the sync reads campaign hours for. */
const hours = { from: '2026-11-20', to: '2026-11-24' };

const deletedObjectsScenario = {
  name: 'deleted objects',
  users: [
    { user_id: '6900000000000000001', email: scenario.alex, password: 'alex-password', display_name: 'Alex' },
  ],
  business_centers: [
    {
      bc_id: businessCenter,
      name: 'Deleted Objects',
      members: [{ email: scenario.alex, user_role: 'ADMIN' as const }],
      advertisers: [
        {
          advertiser_id: advertiserId,
          name: 'Deleted Objects Shop',
          currency: 'USD',
          display_timezone: 'America/New_York',
          // A short history keeps the backfill to a few reads.
          created: '2026-09-20 00:00:00',
          sample_campaigns: 2,
        },
      ],
    },
  ],
};

/** The emulator's own figures for a range by day, deleted objects included. */
function truthOf(kit: TikTokTestKit, range: { from: string; to: string }, dataLevel: DataLevel) {
  const rows = kit.emulator.control.reportRows({
    advertiserId,
    dataLevel,
    granularity: 'day',
    startDate: range.from,
    endDate: range.to,
    includeDeleted: true,
  });
  /** Sums of one entity's rows, or of all; spend in thousandths. */
  return (entityId?: string) => {
    const picked = rows.filter((row) => entityId === undefined || row.entityId === entityId);
    const total = (count: (row: (typeof rows)[number]) => number) =>
      picked.reduce((sum, row) => sum + count(row), 0);
    return {
      spend: total((row) => row.counts.spendMilli),
      impressions: total((row) => row.counts.impressions),
      clicks: total((row) => row.counts.clicks),
      conversions: total((row) => row.counts.conversion),
    };
  };
}

/** On TikTok's side, before Whathead connects: the busiest ad and the other campaign deleted. */
async function deleteOnTikTok(kit: TikTokTestKit) {
  const call = async (path: string, body: Record<string, unknown>, token?: string) => {
    const answer = await kit.emulator.app.inject({
      method: 'POST',
      url: `/open_api/v1.3${path}`,
      headers: token ? { 'access-token': token } : {},
      payload: body,
    });
    const envelope = answer.json() as { code: number; data: Record<string, unknown> };
    assert.equal(envelope.code, 0, answer.body);
    return envelope.data;
  };
  const { access_token: token } = (await call('/oauth2/access_token/', {
    app_id: emulatorApp.appId,
    secret: emulatorApp.secret,
    auth_code: kit.emulator.control.issueAuthorizationCode({ email: scenario.alex, bcId: businessCenter }),
  })) as { access_token: string };
  const byAd = truthOf(kit, days, 'AUCTION_AD');
  const { ads, campaigns } = kit.emulator.control.truth();
  const ad = ads.reduce((best, each) => (byAd(each.ad_id).spend > byAd(best.ad_id).spend ? each : best));
  const campaign = campaigns.find((each) => each.campaign_id !== ad.campaign_id)!;
  const remove = { advertiser_id: advertiserId, operation_status: 'DELETE' };
  await call('/ad/status/update/', { ...remove, ad_ids: [ad.ad_id] }, token);
  await call('/campaign/status/update/', { ...remove, campaign_ids: [campaign.campaign_id] }, token);
  return { adId: ad.ad_id, campaignId: campaign.campaign_id };
}

const thousandths = (amount: string | null) => Math.round(Number(amount ?? 0) * 1000);

/** Each reading once; the status filter's two with the parents' ids answered, the default one without. */
const readings: Pick<EmulatorSettings, 'reportStatusFilterField' | 'reportParentIdMetrics'>[] = [
  { reportStatusFilterField: 'any_status', reportParentIdMetrics: 'returned' },
  { reportStatusFilterField: 'level_status', reportParentIdMetrics: 'returned' },
  { reportStatusFilterField: 'any_status', reportParentIdMetrics: 'rejected' },
];

describe('a report sync of deleted objects, under each reading of TikTok’s report', () => {
  const kits: TikTokTestKit[] = [];
  after(async () => Promise.all(kits.map((kit) => kit.close())));

  for (const reading of readings) {
    const name = `${reading.reportStatusFilterField}, parent ids ${reading.reportParentIdMetrics}`;
    it(`stores TikTok’s totals with the deleted ad and campaign in them (${name})`, async () => {
      const settings: Partial<EmulatorSettings> = {
        ...reading,
        appRateLimit: { perSecond: 1_000_000, perMinute: 1_000_000, perDay: 100_000_000 },
        advertiserRateLimitPerSecond: 1_000_000,
      };
      const kit = await startTikTokTestKit({
        emulator: { clock: { now: () => now }, scenario: deletedObjectsScenario, settings },
      });
      kits.push(kit);
      kit.test.clock.advance((now - kit.test.clock.now().getTime()) / 1000);
      const deleted = await deleteOnTikTok(kit);
      const byAd = truthOf(kit, days, 'AUCTION_AD');
      const byCampaign = truthOf(kit, days, 'AUCTION_CAMPAIGN');
      assert.ok(byAd(deleted.adId).spend > 0, 'the deleted ad spent in the range');
      assert.ok(byCampaign(deleted.campaignId).spend > 0, 'so did the deleted campaign');

      const { browser, workspaceId } = await signUpWorkspace(
        kit.test,
        `deleted-${reading.reportStatusFilterField}-${reading.reportParentIdMetrics}@example.com`,
      );
      const connectionId = await connect(kit, browser, workspaceId, businessCenter);
      const saved = await browser.request('PUT', `${connectionsPath(workspaceId)}/${connectionId}/accounts`, {
        selectedAdvertiserIds: [advertiserId],
        defaultAdvertiserId: advertiserId,
      });
      assert.equal(saved.status, 200, saved.text);
      for (let attempt = 0; ; attempt += 1) {
        const status = await browser.get<ReportStatusResponse>(
          `/api/workspaces/${workspaceId}/reports/status`,
        );
        const account = status.body.accounts[0];
        if (account && account.state !== 'queued' && account.state !== 'syncing') {
          assert.equal(account.state, 'ready', JSON.stringify(account));
          break;
        }
        assert.ok(attempt < 600, 'the sync settles');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const overview = async (query: Record<string, string>) => {
        const response = await browser.get<ReportOverviewResponse>(
          `/api/workspaces/${workspaceId}/reports/overview?${new URLSearchParams(query)}`,
        );
        assert.equal(response.status, 200, response.text);
        assert.equal(response.body.totals.length, 1);
        return response.body.totals[0]!;
      };

      // Days, from the ad reads (ad_status).
      const daily = (await overview(days)).current;
      assert.deepEqual(
        {
          spend: thousandths(daily.spend),
          impressions: daily.impressions,
          clicks: daily.clicks,
          conversions: daily.conversions,
        },
        byAd(),
      );
      // Hours, from the campaign reads (campaign_status).
      const hourly = await overview({ ...hours, granularity: 'hour' });
      const truth = truthOf(kit, hours, 'AUCTION_CAMPAIGN');
      assert.equal(hourly.series.length, 24 * 5);
      assert.deepEqual(
        {
          spend: hourly.series.reduce((sum, point) => sum + thousandths(point.metrics.spend), 0),
          impressions: hourly.series.reduce((sum, point) => sum + (point.metrics.impressions ?? 0), 0),
        },
        { spend: truth().spend, impressions: truth().impressions },
      );
      assert.ok(truth(deleted.campaignId).spend > 0, 'the deleted campaign spent in those hours');
    });
  }
});
