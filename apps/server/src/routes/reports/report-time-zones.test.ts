import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type {
  ReportBreakdownResponse,
  ReportOverviewResponse,
  ReportStatusResponse,
  TikTokConnectionsResponse,
} from '@whathead/contracts';
import type { TestBrowser } from '../../testing/test-app.js';
import { connectionsPath, signUpWorkspace } from '../../testing/tiktok-flow.js';
import { connect, scenario, startTikTokTestKit, type TikTokTestKit } from '../../testing/tiktok-test-kit.js';

const pacific = '7200000000000000091';
const tokyo = '7200000000000000092';
const businessCenter = '7100000000000000009';
/** A day after the US clocks went back (2026-11-01): Los Angeles is UTC−8 again, Tokyo UTC+9. */
const now = Date.parse('2026-11-02T20:00:00Z');

const advertiser = (id: string, name: string, currency: string, zone: string) => ({
  advertiser_id: id,
  name,
  currency,
  display_timezone: zone,
  sample_campaigns: 2,
});

describe('report days in each ad account’s own time zone', () => {
  let kit: TikTokTestKit;
  let owner: { browser: TestBrowser; workspaceId: string };
  let token: string;
  before(async () => {
    const began = performance.now();
    kit = await startTikTokTestKit({
      emulator: {
        clock: { now: () => now + Math.round(performance.now() - began) },
        scenario: {
          name: 'two zones',
          users: [
            {
              user_id: '6900000000000000001',
              email: scenario.alex,
              password: 'alex-password',
              display_name: 'Alex',
            },
          ],
          business_centers: [
            {
              bc_id: businessCenter,
              name: 'Two Zones',
              members: [{ email: scenario.alex, user_role: 'ADMIN' }],
              advertisers: [
                advertiser(pacific, 'Pacific Shop', 'USD', 'America/Los_Angeles'),
                advertiser(tokyo, 'Tokyo Shop', 'JPY', 'Asia/Tokyo'),
              ],
            },
          ],
        },
      },
    });
    kit.test.clock.advance((now - kit.test.clock.now().getTime()) / 1000);
    owner = await signUpWorkspace(kit.test, 'zones-owner@example.com');
    const connectionId = await connect(kit, owner.browser, owner.workspaceId, businessCenter);
    token = kit.emulator.control.tokens().at(-1)!.access_token;
    const listed = await owner.browser.get<TikTokConnectionsResponse>(connectionsPath(owner.workspaceId));
    assert.equal(listed.body.connections[0]?.id, connectionId);
    const saved = await owner.browser.request(
      'PUT',
      `${connectionsPath(owner.workspaceId)}/${connectionId}/accounts`,
      {
        selectedAdvertiserIds: [pacific, tokyo],
        defaultAdvertiserId: pacific,
      },
    );
    assert.equal(saved.status, 200, saved.text);
    for (let attempt = 0; ; attempt += 1) {
      const status = await owner.browser.get<ReportStatusResponse>(
        `/api/workspaces/${owner.workspaceId}/reports/status`,
      );
      const states = status.body.accounts.map((account) => account.state);
      if (states.length === 2 && states.every((state) => state === 'ready')) break;
      assert.ok(attempt < 600, `the syncs finish: ${JSON.stringify(status.body)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  after(async () => kit?.close());

  const overview = async (query: Record<string, string>) => {
    const response = await owner.browser.get<ReportOverviewResponse>(
      `/api/workspaces/${owner.workspaceId}/reports/overview?${new URLSearchParams(query)}`,
    );
    assert.equal(response.status, 200, response.text);
    return response.body;
  };
  /** TikTok's own spend per day for an account (its days, as TikTok labels them). */
  const tiktokDays = async (advertiserId: string, from: string, to: string) => {
    const url = new URL(`${kit.tiktokBaseUrl}/report/integrated/get/`);
    for (const [key, value] of Object.entries({
      advertiser_id: advertiserId,
      report_type: 'BASIC',
      data_level: 'AUCTION_ADVERTISER',
      dimensions: JSON.stringify(['stat_time_day']),
      metrics: JSON.stringify(['spend']),
      start_date: from,
      end_date: to,
    }))
      url.searchParams.set(key, value);
    for (let attempt = 0; ; attempt += 1) {
      const answer = (await (await fetch(url, { headers: { 'access-token': token } })).json()) as {
        code: number;
        data: { list: { dimensions: { stat_time_day: string }; metrics: { spend: string } }[] };
      };
      if (answer.code === 40100 && attempt < 20) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        continue;
      }
      assert.equal(answer.code, 0);
      return new Map(
        answer.data.list.map((row) => [row.dimensions.stat_time_day.slice(0, 10), row.metrics.spend]),
      );
    }
  };
  const thousandths = (amount: string | null) => Math.round(Number(amount ?? 0) * 1000);

  it('puts each hour on its account’s own day, across the clock change', async () => {
    const status = await owner.browser.get<ReportStatusResponse>(
      `/api/workspaces/${owner.workspaceId}/reports/status`,
    );
    const today = Object.fromEntries(
      status.body.accounts.map((account) => [account.advertiserId, account.today]),
    );
    assert.deepEqual(today, { [pacific]: '2026-11-02', [tokyo]: '2026-11-03' });

    for (const [advertiserId, from, to] of [
      [pacific, '2026-10-31', '2026-11-01'],
      [tokyo, '2026-10-31', '2026-11-02'],
    ] as const) {
      const truth = await tiktokDays(advertiserId, from, to);
      const hourly = await overview({ accounts: advertiserId, from, to, granularity: 'hour' });
      const [totals] = hourly.totals;
      assert.equal(totals!.series.length, 24 * truth.size);
      for (const [day, spend] of truth) {
        const hours = totals!.series.filter((point) => point.time.startsWith(day));
        assert.equal(hours.length, 24);
        assert.equal(
          hours.reduce((sum, point) => sum + thousandths(point.metrics.spend), 0),
          thousandths(spend),
          `${advertiserId} ${day}: the day's hours add up to TikTok's day`,
        );
        const daily = await overview({ accounts: advertiserId, from: day, to: day });
        assert.equal(daily.totals[0]!.current.spend, spend);
      }
    }
  });

  it('keeps two currencies apart: one total each, never one sum', async () => {
    const range = { from: '2026-10-27', to: '2026-11-01' };
    const both = await overview({ accounts: `${pacific},${tokyo}`, ...range });
    assert.deepEqual(
      both.totals.map((totals) => [totals.currency, totals.advertiserIds]),
      [
        ['USD', [pacific]],
        ['JPY', [tokyo]],
      ],
    );
    for (const totals of both.totals) {
      const alone = await overview({ accounts: totals.advertiserIds[0]!, ...range });
      assert.deepEqual(totals.current, alone.totals[0]!.current);
    }
  });

  it('narrowed to one campaign, shows only the account that holds it', async () => {
    const range = { from: '2026-10-27', to: '2026-11-01' };
    const reports = `/api/workspaces/${owner.workspaceId}/reports`;
    const campaigns = await owner.browser.get<ReportBreakdownResponse>(
      `${reports}/breakdown?${new URLSearchParams({ accounts: `${pacific},${tokyo}`, ...range })}`,
    );
    const tokyoCampaign = campaigns.body.rows.find((row) => row.advertiserId === tokyo)!;
    const narrowed = await overview({
      accounts: `${pacific},${tokyo}`,
      ...range,
      campaign: tokyoCampaign.id,
    });
    // Not a zero USD block beside it: the Pacific account holds nothing of this campaign.
    assert.deepEqual(
      narrowed.totals.map((totals) => [totals.currency, totals.advertiserIds]),
      [['JPY', [tokyo]]],
    );
    assert.equal(narrowed.totals[0]!.current.spend, tokyoCampaign.metrics.spend);
    const csv = await owner.browser.get(
      `${reports}/breakdown.csv?${new URLSearchParams({ accounts: `${pacific},${tokyo}`, ...range, level: 'ad', campaign: tokyoCampaign.id })}`,
    );
    assert.equal(csv.status, 200, csv.text);
    assert.match(csv.text, new RegExp(`Ad account,[^\r]*\\(${tokyo}\\),Currency,JPY`));
    assert.doesNotMatch(csv.text, new RegExp(`\\(${pacific}\\)`));
  });
});
