import assert from 'node:assert/strict';
import { test } from 'node:test';
import { markChanged, recordStatus } from '../state/store.js';
import { callApi, connect, createTestEmulator, ids } from '../test-support.js';

// Report pages are answered from rows kept between calls (report-cache.ts): these tests hold
// the kept rows to what a fresh build would answer.

type Row = { dimensions: Record<string, string>; metrics: Record<string, string> };
type Page = { list: Row[]; page_info: { page: number; total_number: number; total_page: number } };

async function setUp() {
  const emulator = createTestEmulator({
    settings: {
      appRateLimit: { perSecond: 1000, perMinute: 60_000, perDay: 864_000 },
      advertiserRateLimitPerSecond: 1000,
    },
  });
  let { token } = await connect(emulator, ids.alex, ids.northwind);
  // A scenario reset drops tokens along with everything else.
  const reconnect = async () => {
    ({ token } = await connect(emulator, ids.alex, ids.northwind));
  };
  const report = async (query: Record<string, unknown>) => {
    const answer = await callApi(emulator, 'GET', '/report/integrated/get/', {
      token,
      query: { advertiser_id: ids.northwindUs, report_type: 'BASIC', page_size: 1000, ...query },
    });
    assert.equal(answer.code, 0, answer.message);
    return answer.data as Page;
  };
  const post = (path: string, body: unknown) => callApi(emulator, 'POST', path, { token, body });
  return { emulator, report, post, reconnect };
}

const adsByDay = {
  data_level: 'AUCTION_AD',
  dimensions: ['ad_id', 'stat_time_day'],
  metrics: ['spend', 'impressions', 'conversion', 'campaign_id', 'adgroup_id'],
  start_date: '2026-10-27',
  end_date: '2026-11-25',
  filtering: [{ field_name: 'ad_status', filter_type: 'IN', filter_value: '["STATUS_ALL"]' }],
};

test('walking the pages one by one gives the whole report, row for row', async () => {
  const { report } = await setUp();
  const whole = await report(adsByDay);
  assert.ok(whole.list.length > 100, 'eight ads over 30 days');
  const walked: Row[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await report({ ...adsByDay, page, page_size: 7 });
    assert.equal(answer.page_info.total_number, whole.page_info.total_number);
    walked.push(...answer.list);
    if (page >= answer.page_info.total_page) break;
  }
  assert.deepEqual(walked, whole.list);
  const totals = await report({ ...adsByDay, page: 3, page_size: 7, enable_total_metrics: true });
  const summed = whole.list.reduce((sum, row) => sum + Number(row.metrics.impressions), 0);
  assert.equal(
    (totals as Page & { total_metrics: Record<string, string> }).total_metrics.impressions,
    String(summed),
  );
});

test('an API status change between two pages is in the next answer, within the same minute', async () => {
  const { emulator, report, post, reconnect } = await setUp();
  const byAd = {
    data_level: 'AUCTION_AD',
    dimensions: ['ad_id'],
    start_date: '2026-11-20',
    end_date: '2026-11-25',
  };
  const before = await report({ ...byAd, page_size: 3 });
  assert.equal(before.page_info.total_number, 8);
  const deleted = before.list[0]!.dimensions.ad_id!;
  const answer = await post('/ad/status/update/', {
    advertiser_id: ids.northwindUs,
    ad_ids: [deleted],
    operation_status: 'DELETE',
  });
  assert.equal(answer.code, 0);
  // Correction 8: deleted entities are hidden unless the status filter is STATUS_ALL.
  const after = await report({ ...byAd, page_size: 3 });
  assert.equal(after.page_info.total_number, 7);
  assert.ok(after.list.every((row) => row.dimensions.ad_id !== deleted));
  // Control-API scenario changes count too: a reset brings the deleted ad back.
  emulator.control.reset();
  await reconnect();
  assert.equal((await report({ ...byAd, page_size: 3 })).page_info.total_number, 8);
});

test('a change made straight in the store is answered once marked (markChanged)', async () => {
  const { emulator, report } = await setUp();
  const campaigns = {
    data_level: 'AUCTION_CAMPAIGN',
    dimensions: ['campaign_id', 'stat_time_day'],
    metrics: ['impressions'],
    start_date: '2026-11-20',
    end_date: '2026-11-25',
  };
  const before = await report(campaigns);
  const campaignId = before.list[0]!.dimensions.campaign_id!;
  const { store } = emulator.state;
  // The campaign was paused two days ago, as if TikTok's side had changed: recordStatus marks it.
  recordStatus(store, campaignId, Date.UTC(2026, 10, 23, 12), 'DISABLE');
  const after = await report(campaigns);
  const days = (page: Page) =>
    page.list
      .filter((row) => row.dimensions.campaign_id === campaignId)
      .map((row) => row.dimensions.stat_time_day);
  assert.deepEqual(days(after), days(before).slice(0, 4), 'no rows after the pause (11-23 07:00 local)');
  const campaign = store.campaigns.get(campaignId)!;
  campaign.operation_status = 'DELETE';
  markChanged(store);
  assert.ok((await report(campaigns)).list.every((row) => row.dimensions.campaign_id !== campaignId));
});

test('figures are as of the start of the minute: seconds later the same, half an hour later the current hour fills', async () => {
  const { emulator, report } = await setUp();
  const today = {
    data_level: 'AUCTION_ADVERTISER',
    dimensions: ['advertiser_id', 'stat_time_hour'],
    metrics: ['impressions', 'conversion'],
    start_date: '2026-11-25',
    end_date: '2026-11-25',
  };
  const atNoon = await report(today);
  emulator.control.advanceClock(45_000);
  assert.deepEqual(await report(today), atNoon);
  emulator.control.advanceClock(30 * 60_000);
  const later = await report(today);
  // 12:30 UTC is 07:30 in New York: the 07:00 hour is half way through.
  assert.equal(later.list.length, atNoon.list.length + 1);
  assert.equal(later.list.at(-1)?.dimensions.stat_time_hour, '2026-11-25 07:00:00');
});
