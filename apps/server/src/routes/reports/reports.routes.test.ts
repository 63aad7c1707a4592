import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type {
  CampaignRow,
  ErrorResponse,
  ReportBreakdownResponse,
  ReportOverviewResponse,
  ReportStatusResponse,
} from '@whathead/contracts';
import type { BrowserResponse, TestBrowser } from '../../testing/test-app.js';
import { connectionsPath, signUpWorkspace } from '../../testing/tiktok-flow.js';
import { connect, scenario, startTikTokTestKit, type TikTokTestKit } from '../../testing/tiktok-test-kit.js';

const northwindUs = '7200000000000000011';
/** The test app's clock starts here; the emulator's runs on from the same instant. */
const start = Date.parse('2026-11-25T12:00:00Z');

describe('report sync and the Reports API', () => {
  let kit: TikTokTestKit;
  let owner: { browser: TestBrowser; workspaceId: string };
  let token: string;
  /** Moves both clocks on, as days passing would. */
  let advanceDays: (days: number) => void;
  before(async () => {
    const began = performance.now();
    let advanced = 0;
    kit = await startTikTokTestKit({
      emulator: { clock: { now: () => start + advanced + Math.round(performance.now() - began) } },
    });
    advanceDays = (days) => {
      advanced += days * 86_400_000;
      kit.test.clock.advance(days * 86_400);
    };
    owner = await signUpWorkspace(kit.test, 'reports-owner@example.com');
    const connectionId = await connect(kit, owner.browser, owner.workspaceId, scenario.northwind);
    token = kit.emulator.control.tokens().at(-1)!.access_token;
    const saved = await owner.browser.request(
      'PUT',
      `${connectionsPath(owner.workspaceId)}/${connectionId}/accounts`,
      {
        selectedAdvertiserIds: [northwindUs],
        defaultAdvertiserId: northwindUs,
      },
    );
    assert.equal(saved.status, 200, saved.text);
  });
  after(async () => kit?.close());

  const base = () => `/api/workspaces/${owner.workspaceId}/reports`;
  const status = async (): Promise<ReportStatusResponse> => {
    const response = await owner.browser.get<ReportStatusResponse>(`${base()}/status`);
    assert.equal(response.status, 200, response.text);
    return response.body;
  };
  const settled = async (): Promise<ReportStatusResponse> => {
    for (let attempt = 0; attempt < 600; attempt += 1) {
      const now = await status();
      if (now.accounts.every((account) => account.state !== 'queued' && account.state !== 'syncing'))
        return now;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`the report sync did not settle: ${JSON.stringify(await status())}`);
  };
  const overview = async (query: Record<string, string>) => {
    const response = await owner.browser.get<ReportOverviewResponse>(
      `${base()}/overview?${new URLSearchParams(query)}`,
    );
    assert.equal(response.status, 200, response.text);
    return response.body;
  };
  const breakdown = async (query: Record<string, string>) => {
    const response = await owner.browser.get<ReportBreakdownResponse>(
      `${base()}/breakdown?${new URLSearchParams(query)}`,
    );
    assert.equal(response.status, 200, response.text);
    return response.body;
  };
  /** The emulator's own advertiser-level totals for a range, as TikTok would answer them. */
  const tiktokTotals = async (from: string, to: string) => {
    const url = new URL(`${kit.tiktokBaseUrl}/report/integrated/get/`);
    url.searchParams.set('advertiser_id', northwindUs);
    url.searchParams.set('report_type', 'BASIC');
    url.searchParams.set('data_level', 'AUCTION_ADVERTISER');
    url.searchParams.set('dimensions', JSON.stringify(['advertiser_id']));
    url.searchParams.set('metrics', JSON.stringify(['spend', 'impressions', 'clicks', 'conversion']));
    // The emulator's conversions arrive by the second; a second between both reads may add one.
    url.searchParams.set('start_date', from);
    url.searchParams.set('end_date', to);
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const answer = (await (await fetch(url, { headers: { 'access-token': token } })).json()) as {
        code: number;
        data: { list: { metrics: Record<string, string> }[] };
      };
      if (answer.code === 40100) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        continue;
      }
      assert.equal(answer.code, 0);
      return answer.data.list[0]!.metrics;
    }
    throw new Error('TikTok stayed busy');
  };

  it('backfills a newly selected account and shows TikTok’s own totals', async () => {
    const synced = await settled();
    const account = synced.accounts.find((each) => each.advertiserId === northwindUs)!;
    assert.equal(account.state, 'ready', JSON.stringify(account));
    assert.equal(account.today, '2026-11-25');
    assert.equal(account.timeZone, 'America/New_York');
    assert.equal(account.currency, 'USD');
    assert.ok(
      account.backfill && account.backfill.storedDays === account.backfill.totalDays,
      JSON.stringify(account),
    );

    const week = await overview({ from: '2026-11-18', to: '2026-11-24', compare: 'true' });
    assert.equal(week.totals.length, 1);
    const [usd] = week.totals;
    const tiktok = await tiktokTotals('2026-11-18', '2026-11-24');
    assert.equal(usd!.current.spend, tiktok['spend']);
    assert.equal(usd!.current.impressions, Number(tiktok['impressions']));
    assert.equal(usd!.current.clicks, Number(tiktok['clicks']));
    assert.equal(usd!.series.length, 7);
    assert.ok(usd!.previous && usd!.previousSeries?.length === 7);
    const previous = await tiktokTotals('2026-11-11', '2026-11-17');
    assert.equal(usd!.previous.spend, previous['spend']);

    const campaigns = await breakdown({ from: '2026-11-18', to: '2026-11-24', level: 'campaign' });
    assert.ok(campaigns.rows.length > 0);
    const summed = campaigns.rows.reduce((sum, row) => sum + Number(row.metrics.impressions), 0);
    assert.equal(summed, usd!.current.impressions);
    const first = campaigns.rows[0]!;
    assert.notEqual(first.name, first.id, 'named from the campaign mirror');
    const ads = await breakdown({ from: '2026-11-18', to: '2026-11-24', level: 'ad', campaign: first.id });
    assert.ok(ads.rows.length > 0 && ads.rows.every((row) => row.campaignId === first.id));
    assert.equal(
      ads.rows.reduce((sum, row) => sum + Number(row.metrics.clicks), 0),
      first.metrics.clicks,
    );
  });

  it('finds no ad group in a campaign that does not hold it, in the overview as in the breakdown', async () => {
    await settled();
    const range = { from: '2026-11-18', to: '2026-11-24' };
    const [campaign, otherCampaign] = (await breakdown({ ...range, level: 'campaign' })).rows.map(
      (row) => row.id,
    );
    assert.ok(campaign && otherCampaign, 'the account has two campaigns');
    const adGroup = (await breakdown({ ...range, level: 'adgroup', campaign })).rows[0]!;
    const own = await overview({ ...range, campaign, adgroup: adGroup.id });
    assert.equal(own.totals[0]!.current.clicks, adGroup.metrics.clicks);
    for (const file of ['overview', 'breakdown']) {
      const response: BrowserResponse<ErrorResponse> = await owner.browser.get<ErrorResponse>(
        `${base()}/${file}?${new URLSearchParams({ ...range, campaign: otherCampaign, adgroup: adGroup.id })}`,
      );
      assert.equal(response.status, 404, `${file}: ${response.text}`);
    }
  });

  it('gives the Campaigns table the range’s metrics, sortable', async () => {
    const range = { from: '2026-11-18', to: '2026-11-24' };
    const campaigns = await breakdown({ ...range, level: 'campaign' });
    for (let attempt = 0; ; attempt += 1) {
      const mirrored = await owner.browser.get<{ rows: unknown[] }>(
        `/api/workspaces/${owner.workspaceId}/campaigns?level=campaign`,
      );
      if (mirrored.body.rows.length >= campaigns.rows.length) break;
      assert.ok(attempt < 400, 'the campaign mirror imports');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const table = await owner.browser.get<{ rows: CampaignRow[] }>(
      `/api/workspaces/${owner.workspaceId}/campaigns?${new URLSearchParams({ level: 'campaign', ...range, sort: 'spend', direction: 'desc' })}`,
    );
    assert.equal(table.status, 200, table.text);
    const spends = table.body.rows.map((row) => Number(row.metrics!.spend));
    assert.deepEqual(
      spends,
      [...spends].sort((left, right) => right - left),
      'sorted by spend',
    );
    for (const row of campaigns.rows) {
      const shown = table.body.rows.find((each) => each.id === row.id)!;
      assert.equal(shown.metrics!.spend, row.metrics.spend);
      assert.equal(shown.metrics!.clicks, row.metrics.clicks);
      assert.equal(shown.metrics!.costPerConversion, row.metrics.costPerConversion);
    }
    const withoutRange = await owner.browser.get(`/api/workspaces/${owner.workspaceId}/campaigns?sort=spend`);
    assert.equal(withoutRange.status, 400);
    assert.match(withoutRange.text, /Sorting by a metric needs a date range/);
  });

  it('replaces restated conversions on the next sync, never adding them twice', async () => {
    // Six days that TikTok is still revising: together they gain conversions as days pass.
    const [day, last] = ['2026-11-19', '2026-11-24'];
    const before = (await overview({ from: day, to: last })).totals[0]!;
    const earlier = await tiktokTotals(day, last);
    assert.equal(before.current.conversions, Number(earlier['conversion']));
    assert.ok((await status()).accounts[0]!.provisionalFrom <= day, 'the day is provisional');

    advanceDays(4);
    const queued = await owner.browser.post<ReportStatusResponse>(`${base()}/sync`, {});
    assert.equal(queued.status, 202, queued.text);
    const synced = await settled();
    assert.equal(synced.accounts[0]!.today, '2026-11-29');
    const restated = (await overview({ from: day, to: last })).totals[0]!;
    const later = await tiktokTotals(day, last);
    assert.ok(Number(later['conversion']) > Number(earlier['conversion']), 'TikTok restated the day');
    assert.equal(restated.current.conversions, Number(later['conversion']));
    assert.equal(restated.current.spend, before.current.spend, 'spend was final already');
  });

  it('exports the breakdown as CSV with each account’s currency and zone', async () => {
    const response = await owner.browser.get(
      `${base()}/breakdown.csv?from=2026-11-18&to=2026-11-24&level=ad`,
    );
    assert.equal(response.status, 200);
    assert.match(String(response.headers['content-type']), /^text\/csv/);
    assert.match(
      String(response.headers['content-disposition']),
      /attachment; filename="whathead-ads-2026-11-18-to-2026-11-24.csv"/,
    );
    assert.ok(response.text.startsWith('\uFEFFReport,'), 'UTF-8 with its byte order mark, for Excel');
    const lines = response.text.trim().split('\r\n');
    assert.match(
      lines[2]!,
      /^Ad account,Northwind US \(7200000000000000011\),Currency,USD,Time zone,America\/New_York$/,
    );
    const header = lines.findIndex((line) => line.startsWith('Ad account ID,'));
    const table = await breakdown({ from: '2026-11-18', to: '2026-11-24', level: 'ad' });
    assert.equal(lines.length - header - 1, table.rows.length);
    const idColumn = lines[header]!.split(',').indexOf('Ad ID');
    assert.deepEqual(
      lines.slice(header + 1).map((line) => line.split(',')[idColumn]),
      table.rows.map((row) => `"${row.id}"`),
      'in the table’s order (spend, highest first), each id quoted text',
    );
    const spendColumn = lines[header]!.split(',').indexOf('Spend');
    const exported = lines
      .slice(header + 1)
      .reduce((sum, line) => sum + Math.round(Number(line.split(',')[spendColumn]) * 1000), 0);
    const shown = table.rows.reduce((sum, row) => sum + Math.round(Number(row.metrics.spend) * 1000), 0);
    assert.equal(exported, shown);
  });

  it('refuses accounts, ranges and granularities it cannot answer, in words', async () => {
    const foreign = await owner.browser.get(
      `${base()}/overview?from=2026-11-18&to=2026-11-24&accounts=7200000000000000021`,
    );
    assert.equal(foreign.status, 404);
    const backwards = await owner.browser.get(`${base()}/overview?from=2026-11-24&to=2026-11-18`);
    assert.equal(backwards.status, 400);
    assert.match(backwards.text, /ends before it starts/);
    const long = await owner.browser.get(`${base()}/overview?from=2026-01-01&to=2026-11-24&granularity=hour`);
    assert.equal(long.status, 400);
    assert.match(long.text, /Hourly charts cover at most 31 days/);
    const notADate = await owner.browser.get(`${base()}/breakdown?from=2026-02-30&to=2026-03-01`);
    assert.equal(notADate.status, 400);
  });
});

describe('a report sync under injected faults', () => {
  it('stores exactly what a fault-free sync stores', async () => {
    // A still clock: both syncs read the same numbers (the emulator's hours and late conversions
    // move with time), and the emulator's app limit is lifted so nothing but the faults differs.
    const kit = await startTikTokTestKit({
      emulator: {
        clock: { now: () => start },
        settings: {
          appRateLimit: { perSecond: 1_000_000, perMinute: 1_000_000, perDay: 100_000_000 },
          advertiserRateLimitPerSecond: 1_000_000,
        },
      },
    });
    try {
      const read = async (email: string, faults: boolean) => {
        const { browser, workspaceId } = await signUpWorkspace(kit.test, email);
        const connectionId = await connect(kit, browser, workspaceId, scenario.northwind);
        kit.emulator.control.clearFaults();
        if (faults) {
          // One call in ten fails, and each kind surely once: a server error, a dropped
          // connection (a timeout to the client) and TikTok's QPS throttle.
          for (const kind of [
            'http_500',
            'http_503',
            'system_error',
            'drop_connection',
            'rate_limit',
          ] as const)
            kit.emulator.control.addFault({ kind, path: '/report/integrated/get/', probability: 0.02 });
          for (const [kind, nth] of [
            ['http_502', 2],
            ['drop_connection', 5],
            ['rate_limit', 9],
          ] as const)
            kit.emulator.control.addFault({ kind, path: '/report/integrated/get/', nth, times: 1 });
        }
        const saved = await browser.request(
          'PUT',
          `${connectionsPath(workspaceId)}/${connectionId}/accounts`,
          {
            selectedAdvertiserIds: [northwindUs],
            defaultAdvertiserId: northwindUs,
          },
        );
        assert.equal(saved.status, 200, saved.text);
        for (let attempt = 0; ; attempt += 1) {
          const now = await browser.get<ReportStatusResponse>(
            `/api/workspaces/${workspaceId}/reports/status`,
          );
          const account = now.body.accounts[0];
          if (account && account.state !== 'queued' && account.state !== 'syncing') {
            assert.equal(account.state, 'ready', JSON.stringify(account));
            break;
          }
          assert.ok(attempt < 2000, 'the sync settles');
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        const fired = kit.emulator.control.faults().reduce((sum, rule) => sum + rule.fired, 0);
        const ads = await browser.get(
          `/api/workspaces/${workspaceId}/reports/breakdown.csv?from=2025-11-26&to=2026-11-25&level=ad`,
        );
        const hours = await browser.get<ReportOverviewResponse>(
          `/api/workspaces/${workspaceId}/reports/overview?from=2026-11-19&to=2026-11-25&granularity=hour`,
        );
        return { fired, ads: ads.text, hours: hours.body.totals };
      };
      const clean = await read('clean@example.com', false);
      const faulty = await read('faulty@example.com', true);
      assert.ok(faulty.fired >= 3, `faults fired: ${faulty.fired}`);
      assert.ok(clean.ads.split('\r\n').length > 8, clean.ads);
      assert.equal(faulty.ads, clean.ads);
      assert.deepEqual(faulty.hours, clean.hours);
    } finally {
      kit.emulator.control.clearFaults();
      await kit.close();
    }
  });
});
