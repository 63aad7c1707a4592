import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callApi, connect, createTestEmulator, ids } from '../test-support.js';
import { formatMetrics } from './metric-format.js';
import { emptyCounts } from './metrics-model.js';

type Row = { dimensions: Record<string, string>; metrics: Record<string, string> };

async function setUp(settings = {}) {
  const emulator = createTestEmulator({
    settings: { appRateLimit: { perSecond: 1000, perMinute: 60_000, perDay: 864_000 }, ...settings },
  });
  const { token } = await connect(emulator, ids.alex, ids.northwind);
  const report = async (query: Record<string, unknown>) =>
    callApi(emulator, 'GET', '/report/integrated/get/', {
      token,
      query: { advertiser_id: ids.northwindUs, report_type: 'BASIC', page_size: 1000, ...query },
    });
  return { emulator, token, report };
}

test('a daily campaign report: string values, 3-decimal money, percentage ctr, local dates', async () => {
  const { report } = await setUp();
  const answer = await report({
    data_level: 'AUCTION_CAMPAIGN',
    dimensions: ['campaign_id', 'stat_time_day'],
    metrics: ['spend', 'impressions', 'clicks', 'ctr', 'cpc', 'cpm', 'campaign_name'],
    start_date: '2026-11-20',
    end_date: '2026-11-25',
  });
  assert.equal(answer.code, 0);
  const data = answer.data as { list: Row[]; page_info: { total_number: number } };
  // Two sample campaigns × six local days (the 25th has run since local midnight, New York).
  assert.equal(data.page_info.total_number, 12);
  const first = data.list[0]!;
  assert.match(first.dimensions.campaign_id ?? '', /^\d{16}$/);
  assert.equal(first.dimensions.stat_time_day, '2026-11-20 00:00:00');
  assert.match(first.metrics.spend ?? '', /^\d+\.\d{3}$/);
  assert.match(first.metrics.impressions ?? '', /^\d+$/);
  assert.match(first.metrics.ctr ?? '', /^\d+\.\d{2}$/);
  assert.match(first.metrics.campaign_name ?? '', /Sample campaign/);
});

test('levels add up: ads to ad groups to campaigns to the advertiser', async () => {
  const { report } = await setUp();
  const sum = async (dataLevel: string, idDimension: string) => {
    const data = (
      await report({
        data_level: dataLevel,
        dimensions: [idDimension, 'stat_time_day'],
        metrics: ['spend', 'impressions', 'conversion'],
        start_date: '2026-11-01',
        end_date: '2026-11-25',
      })
    ).data as { list: Row[] };
    return data.list.reduce(
      (total, row) => ({
        spend: total.spend + Math.round(Number(row.metrics.spend) * 1000),
        impressions: total.impressions + Number(row.metrics.impressions),
        conversion: total.conversion + Number(row.metrics.conversion),
      }),
      { spend: 0, impressions: 0, conversion: 0 },
    );
  };
  const advertiser = await sum('AUCTION_ADVERTISER', 'advertiser_id');
  assert.ok(advertiser.impressions > 0);
  assert.deepEqual(await sum('AUCTION_CAMPAIGN', 'campaign_id'), advertiser);
  assert.deepEqual(await sum('AUCTION_ADGROUP', 'adgroup_id'), advertiser);
  assert.deepEqual(await sum('AUCTION_AD', 'ad_id'), advertiser);
});

test('hourly rows are labelled in the advertiser time zone and stop at the current hour', async () => {
  const { report } = await setUp();
  const data = (
    await report({
      data_level: 'AUCTION_ADVERTISER',
      dimensions: ['advertiser_id', 'stat_time_hour'],
      start_date: '2026-11-25',
      end_date: '2026-11-25',
    })
  ).data as { list: Row[] };
  // 12:00 UTC is 07:00 in New York: hours 00–06 are complete, 07 has not started.
  assert.deepEqual(
    data.list.map((row) => row.dimensions.stat_time_hour?.slice(11, 13)),
    ['00', '01', '02', '03', '04', '05', '06'],
  );
});

test('span limits: 30 days daily, 1 day hourly, with TikTok wording', async () => {
  const { report } = await setUp();
  const daily = await report({
    data_level: 'AUCTION_CAMPAIGN',
    dimensions: ['campaign_id', 'stat_time_day'],
    start_date: '2026-10-01',
    end_date: '2026-10-31',
  });
  assert.equal(daily.code, 40002);
  assert.equal(daily.message, 'max time span is 30 days when use stat_time_day');
  const hourly = await report({
    data_level: 'AUCTION_CAMPAIGN',
    dimensions: ['campaign_id', 'stat_time_hour'],
    start_date: '2026-11-01',
    end_date: '2026-11-02',
  });
  assert.equal(hourly.message, 'max time span is 1 day when use stat_time_hour');
  const ok = await report({
    data_level: 'AUCTION_CAMPAIGN',
    dimensions: ['campaign_id', 'stat_time_day'],
    start_date: '2026-10-01',
    end_date: '2026-10-30',
  });
  assert.equal(ok.code, 0);
});

test('invalid metrics, a missing data_level and page_size over 1000 are 40002', async () => {
  const { report } = await setUp();
  const metrics = await report({
    data_level: 'AUCTION_CAMPAIGN',
    dimensions: ['campaign_id'],
    metrics: ['spend', 'magic'],
    start_date: '2026-11-01',
    end_date: '2026-11-02',
  });
  assert.equal(
    metrics.message,
    "Please correct the information in invalid metric fields and try again. Invalid metric fields: ['magic']",
  );
  const level = await report({
    dimensions: ['campaign_id'],
    start_date: '2026-11-01',
    end_date: '2026-11-02',
  });
  assert.equal(level.message, 'data_level: Missing data for required field.');
  const size = await report({
    data_level: 'AUCTION_CAMPAIGN',
    dimensions: ['campaign_id'],
    start_date: '2026-11-01',
    end_date: '2026-11-02',
    page_size: 1001,
  });
  assert.match(size.message, /^page_size: /);
});

test('every common metric of reference §6.1 is accepted; cost_per_result has 4 decimals as in TikTok rows', async () => {
  const { report } = await setUp();
  const answer = await report({
    data_level: 'AUCTION_CAMPAIGN',
    dimensions: ['campaign_id'],
    metrics: ['cost_per_result', 'clicks_on_music_disc', 'app_install'],
    start_date: '2026-11-20',
    end_date: '2026-11-21',
  });
  assert.equal(answer.code, 0);
  const first = (answer.data as { list: Row[] }).list[0]!;
  assert.match(first.metrics.cost_per_result ?? '', /^\d+\.\d{4}$/);
  assert.equal(first.metrics.clicks_on_music_disc, '0');
  assert.equal(first.metrics.app_install, '0');
});

test('recent days are restated as late conversions arrive; older days stay put', async () => {
  const { emulator, report } = await setUp({ restatementDays: 7 });
  const conversions = async (date: string) => {
    const data = (
      await report({
        data_level: 'AUCTION_ADVERTISER',
        dimensions: ['advertiser_id', 'stat_time_day'],
        metrics: ['conversion', 'impressions'],
        start_date: date,
        end_date: date,
      })
    ).data as { list: Row[] };
    return data.list.map((row) => [row.metrics.conversion, row.metrics.impressions]);
  };
  const recentBefore = await conversions('2026-11-23');
  const oldBefore = await conversions('2026-11-01');
  emulator.control.advanceClock(5 * 86_400_000);
  const recentAfter = await conversions('2026-11-23');
  assert.equal(recentAfter[0]?.[1], recentBefore[0]?.[1], 'impressions do not change');
  assert.ok(Number(recentAfter[0]?.[0]) > Number(recentBefore[0]?.[0]), 'conversions grew');
  assert.deepEqual(await conversions('2026-11-01'), oldBefore);
});

test('the same seed gives the same metrics; another seed different ones', async () => {
  const query = {
    data_level: 'AUCTION_ADVERTISER',
    dimensions: ['advertiser_id'],
    metrics: ['spend'],
    start_date: '2026-11-01',
    end_date: '2026-11-20',
  };
  const first = await (await setUp()).report(query);
  const second = await (await setUp()).report(query);
  assert.deepEqual(first.data, second.data);
  const other = createTestEmulator({ seed: 99 });
  const { token } = await connect(other, ids.alex, ids.northwind);
  const third = await callApi(other, 'GET', '/report/integrated/get/', {
    token,
    query: { advertiser_id: ids.northwindUs, report_type: 'BASIC', ...query },
  });
  assert.notDeepEqual(third.data, first.data);
});

test('the control truth matches the API report', async () => {
  const { emulator, report } = await setUp();
  const rows = emulator.control.reportRows({
    advertiserId: ids.northwindUs,
    dataLevel: 'AUCTION_CAMPAIGN',
    granularity: 'day',
    startDate: '2026-11-10',
    endDate: '2026-11-12',
  });
  const data = (
    await report({
      data_level: 'AUCTION_CAMPAIGN',
      dimensions: ['campaign_id', 'stat_time_day'],
      metrics: ['spend'],
      start_date: '2026-11-10',
      end_date: '2026-11-12',
    })
  ).data as { list: Row[] };
  assert.deepEqual(
    data.list.map((row) => row.metrics.spend),
    rows.map((row) => (row.counts.spendMilli / 1000).toFixed(3)),
  );
});

test('empty ratios are "-" and a level the user unticked is 40001', async () => {
  const { emulator } = await setUp();
  const metrics = formatMetrics(
    emulator.state,
    ['cpc', 'ctr', 'spend'],
    emptyCounts(),
    'AUCTION_ADVERTISER',
    undefined,
  );
  assert.deepEqual(metrics, { cpc: '-', ctr: '-', spend: '0.000' });
  const { token } = await connect(emulator, ids.alex, ids.northwind, [40, 41, 42, 44]);
  const answer = await callApi(emulator, 'GET', '/report/integrated/get/', {
    token,
    query: {
      advertiser_id: ids.northwindUs,
      report_type: 'BASIC',
      data_level: 'AUCTION_AD',
      dimensions: ['ad_id'],
      start_date: '2026-11-01',
      end_date: '2026-11-02',
    },
  });
  assert.equal(answer.code, 40001);
  assert.equal(answer.message, 'advertiser does not grant you /report/integrated/get/:GET permission');
});

test('an id-only query lists every non-deleted entity, idle ones with zeros; a time breakdown omits them (correction 19)', async () => {
  const { emulator, token, report } = await setUp();
  const created = await callApi(emulator, 'POST', '/campaign/create/', {
    token,
    body: {
      advertiser_id: ids.northwindUs,
      campaign_name: 'Idle campaign',
      objective_type: 'TRAFFIC',
      budget_mode: 'BUDGET_MODE_DAY',
      budget: 100,
    },
  });
  const idle = String((created.data as { campaign_id: string }).campaign_id);
  const byId = (
    await report({
      data_level: 'AUCTION_CAMPAIGN',
      dimensions: ['campaign_id'],
      metrics: ['spend', 'impressions'],
      start_date: '2026-11-20',
      end_date: '2026-11-25',
    })
  ).data as { list: Row[] };
  assert.equal(byId.list.length, 3, 'two sample campaigns and the idle one');
  const idleRow = byId.list.find((row) => row.dimensions.campaign_id === idle);
  assert.deepEqual(idleRow?.metrics, { spend: '0.000', impressions: '0' });
  const byDay = (
    await report({
      data_level: 'AUCTION_CAMPAIGN',
      dimensions: ['campaign_id', 'stat_time_day'],
      metrics: ['spend'],
      start_date: '2026-11-20',
      end_date: '2026-11-25',
    })
  ).data as { list: Row[] };
  assert.ok(byDay.list.every((row) => row.dimensions.campaign_id !== idle));
  await callApi(emulator, 'POST', '/campaign/status/update/', {
    token,
    body: { advertiser_id: ids.northwindUs, campaign_ids: [idle], operation_status: 'DELETE' },
  });
  const afterDelete = (
    await report({
      data_level: 'AUCTION_CAMPAIGN',
      dimensions: ['campaign_id'],
      query_lifetime: true,
    })
  ).data as { list: Row[] };
  assert.equal(afterDelete.list.length, 2, 'deleted entities stay hidden');
});

test('query_lifetime with a time dimension is 40002 naming the field', async () => {
  const { report } = await setUp();
  for (const dimension of ['stat_time_day', 'stat_time_hour']) {
    const answer = await report({
      data_level: 'AUCTION_CAMPAIGN',
      dimensions: ['campaign_id', dimension],
      query_lifetime: true,
    });
    assert.equal(answer.code, 40002);
    assert.equal(answer.message, `query_lifetime: Cannot be true when dimensions include ${dimension}.`);
  }
});

test('reports work on an individually owned account', async () => {
  const emulator = createTestEmulator();
  const { token } = await connect(emulator, ids.ivan);
  const answer = await callApi(emulator, 'GET', '/report/integrated/get/', {
    token,
    query: {
      advertiser_id: ids.ivansBakery,
      report_type: 'BASIC',
      data_level: 'AUCTION_CAMPAIGN',
      dimensions: ['campaign_id'],
      start_date: '2026-11-01',
      end_date: '2026-11-20',
    },
  });
  assert.equal(answer.code, 0);
  assert.equal((answer.data as { list: Row[] }).list.length, 1);
});
