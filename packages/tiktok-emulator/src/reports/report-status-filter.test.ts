import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EmulatorSettings } from '../settings.js';
import { callApi, connect, createTestEmulator, ids } from '../test-support.js';

// Correction 8: deleted objects' figures are hidden unless the status filter is STATUS_ALL; which
// field carries it is the setting `reportStatusFilterField`, so each reading is run.

type Row = { dimensions: Record<string, string>; metrics: Record<string, string> };
type Reading = EmulatorSettings['reportStatusFilterField'];

const range = { start_date: '2026-11-18', end_date: '2026-11-24' };
const everyStatus = (fieldName: string) => ({
  field_name: fieldName,
  filter_type: 'IN',
  filter_value: '["STATUS_ALL"]',
});

/** Northwind US with its busiest ad (in `range`) deleted through the API. */
async function withDeletedAd(reading: Reading) {
  const emulator = createTestEmulator({ settings: { reportStatusFilterField: reading } });
  const { token } = await connect(emulator, ids.alex, ids.northwind);
  const report = async (query: Record<string, unknown>) =>
    callApi(emulator, 'GET', '/report/integrated/get/', {
      token,
      query: {
        advertiser_id: ids.northwindUs,
        report_type: 'BASIC',
        metrics: ['spend'],
        page_size: 1000,
        ...range,
        ...query,
      },
    });
  const adRows = async (filtering?: unknown[]) => {
    const answer = await report({
      data_level: 'AUCTION_AD',
      dimensions: ['ad_id', 'stat_time_day'],
      ...(filtering ? { filtering } : {}),
    });
    assert.equal(answer.code, 0, answer.message);
    return (answer.data as { list: Row[] }).list;
  };
  const spendOf = (rows: Row[], adId?: string) =>
    rows
      .filter((row) => adId === undefined || row.dimensions.ad_id === adId)
      .reduce((sum, row) => sum + Math.round(Number(row.metrics.spend) * 1000), 0);
  const before = await adRows();
  const adIds = [...new Set(before.map((row) => row.dimensions.ad_id!))];
  const deletedAd = adIds.reduce((best, adId) =>
    spendOf(before, adId) > spendOf(before, best) ? adId : best,
  );
  const deleted = await callApi(emulator, 'POST', '/ad/status/update/', {
    token,
    body: { advertiser_id: ids.northwindUs, ad_ids: [deletedAd], operation_status: 'DELETE' },
  });
  assert.equal(deleted.code, 0, deleted.message);
  /** The emulator's own spend of every ad in `range`, the deleted one included (thousandths). */
  const truth = emulator.control
    .reportRows({
      advertiserId: ids.northwindUs,
      dataLevel: 'AUCTION_AD',
      granularity: 'day',
      startDate: range.start_date,
      endDate: range.end_date,
      includeDeleted: true,
    })
    .reduce((sum, row) => sum + row.counts.spendMilli, 0);
  return { emulator, report, adRows, spendOf, deletedAd, deletedSpend: spendOf(before, deletedAd), truth };
}

for (const reading of ['any_status', 'level_status'] as const) {
  describe(`report status filter, reading ${reading}`, () => {
    it('leaves a deleted ad’s figures out without the filter and brings them in with ad_status STATUS_ALL', async () => {
      const { adRows, spendOf, deletedAd, deletedSpend, truth } = await withDeletedAd(reading);
      assert.ok(deletedSpend > 0, 'the deleted ad spent in the range');
      const hidden = await adRows();
      assert.ok(hidden.every((row) => row.dimensions.ad_id !== deletedAd));
      assert.equal(spendOf(hidden), truth - deletedSpend);
      const shown = await adRows([everyStatus('ad_status')]);
      assert.equal(spendOf(shown, deletedAd), deletedSpend);
      assert.equal(spendOf(shown), truth);
    });

    it('takes each level’s own status field at that level', async () => {
      const { report, truth } = await withDeletedAd(reading);
      for (const [dataLevel, idDimension, fieldName] of [
        ['AUCTION_CAMPAIGN', 'campaign_id', 'campaign_status'],
        ['AUCTION_ADGROUP', 'adgroup_id', 'adgroup_status'],
        ['AUCTION_AD', 'ad_id', 'ad_status'],
      ] as const) {
        const answer = await report({
          data_level: dataLevel,
          dimensions: [idDimension],
          filtering: [everyStatus(fieldName)],
          enable_total_metrics: true,
        });
        assert.equal(answer.code, 0, `${dataLevel}: ${answer.message}`);
        const total = (answer.data as { total_metrics: { spend: string } }).total_metrics.spend;
        assert.equal(Math.round(Number(total) * 1000), truth, dataLevel);
      }
    });
  });
}

describe('report status filter, reading any_status (the default)', () => {
  it('lets any *_status field bring deleted ads in', async () => {
    const { adRows, spendOf, truth } = await withDeletedAd('any_status');
    assert.equal(spendOf(await adRows([everyStatus('campaign_status')])), truth);
  });
});

describe('report status filter, reading level_status', () => {
  it('answers another level’s status field with 40002 and changes nothing', async () => {
    const { emulator, report, adRows, spendOf, deletedAd, deletedSpend, truth } =
      await withDeletedAd('level_status');
    const revision = emulator.state.store.revision;
    // Refused even beside the right field: one bad filter refuses the whole query.
    for (const filtering of [
      [everyStatus('campaign_status')],
      [everyStatus('ad_status'), everyStatus('campaign_status')],
    ]) {
      const answer = await report({ data_level: 'AUCTION_AD', dimensions: ['ad_id'], filtering });
      assert.equal(answer.code, 40002);
      assert.equal(
        answer.message,
        'filtering: field_name campaign_status is not valid for data_level AUCTION_AD. Use ad_status.',
      );
      assert.deepEqual(answer.data, {});
    }
    assert.equal(emulator.state.store.revision, revision, 'the store is untouched');
    assert.equal(emulator.state.store.ads.get(deletedAd)?.operation_status, 'DELETE');
    assert.equal(spendOf(await adRows()), truth - deletedSpend, 'still hidden without the filter');
    assert.equal(spendOf(await adRows([everyStatus('ad_status')])), truth);
  });

  it('takes no status field at AUCTION_ADVERTISER, whose row already counts deleted objects', async () => {
    const { report, truth } = await withDeletedAd('level_status');
    const plain = await report({ data_level: 'AUCTION_ADVERTISER', dimensions: ['advertiser_id'] });
    assert.equal(plain.code, 0, plain.message);
    const [row] = (plain.data as { list: Row[] }).list;
    assert.equal(Math.round(Number(row?.metrics.spend) * 1000), truth);
    const filtered = await report({
      data_level: 'AUCTION_ADVERTISER',
      dimensions: ['advertiser_id'],
      filtering: [everyStatus('ad_status')],
    });
    assert.equal(filtered.code, 40002);
    assert.equal(
      filtered.message,
      'filtering: field_name ad_status is not valid for data_level AUCTION_ADVERTISER, which takes no status filter.',
    );
  });

  it('is switched on and off through PATCH /control/settings', async () => {
    const { emulator, adRows, spendOf, truth } = await withDeletedAd('any_status');
    const patch = async (value: unknown) =>
      emulator.app.inject({
        method: 'PATCH',
        url: '/control/settings',
        payload: { reportStatusFilterField: value },
      });
    const switched = await patch('level_status');
    assert.equal(switched.statusCode, 200, switched.body);
    assert.equal(switched.json().reportStatusFilterField, 'level_status');
    await assert.rejects(adRows([everyStatus('campaign_status')]), /campaign_status is not valid/);
    assert.equal((await patch('any_status')).statusCode, 200);
    assert.equal(spendOf(await adRows([everyStatus('campaign_status')])), truth);
    const bogus = await patch('bogus');
    assert.equal(bogus.statusCode, 400);
    assert.equal(
      bogus.json().error.message,
      'Setting reportStatusFilterField takes one of "any_status", "level_status"',
    );
    assert.equal(emulator.control.settings().reportStatusFilterField, 'any_status', 'nothing was changed');
  });
});
