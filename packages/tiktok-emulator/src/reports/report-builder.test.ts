import assert from 'node:assert/strict';
import { test } from 'node:test';
import { millisecondsPerDay, millisecondsPerHour } from '../state/clock.js';
import { callApi, connect, createTestEmulator, ids, testEpoch } from '../test-support.js';
import { buildReport, type ReportQuery } from './report-builder.js';
import { addCounts, adHourCounts, emptyCounts, type Counts } from './metrics-model.js';
import { localDate, startOfLocalDay } from './report-time.js';

// buildReport walks each ad's delivery windows; adHourCounts reads the model hour by hour, the
// plain way. These tests hold the first to the second, and the levels and time grains to each other.

const query = (changes: Partial<ReportQuery>): ReportQuery => ({
  advertiserId: ids.northwindUs,
  dataLevel: 'AUCTION_AD',
  granularity: 'day',
  startDate: '2026-10-27',
  endDate: '2026-11-25',
  idFilters: {},
  includeDeleted: true,
  ...changes,
});

test('rows equal the hour-by-hour model, with ads paused, resumed and deleted on the way', async () => {
  const emulator = createTestEmulator();
  const { token } = await connect(emulator, ids.alex, ids.northwind);
  const runtime = emulator.state;
  const ads = [...runtime.store.ads.values()].filter((ad) => ad.advertiser_id === ids.northwindUs);
  const statusUpdate = (adIds: string[], operationStatus: string) =>
    callApi(emulator, 'POST', '/ad/status/update/', {
      token,
      body: { advertiser_id: ids.northwindUs, ad_ids: adIds, operation_status: operationStatus },
    });
  await statusUpdate([ads[0]!.ad_id, ads[1]!.ad_id], 'DISABLE');
  emulator.control.advanceClock(2 * millisecondsPerDay + 20 * 60_000);
  await statusUpdate([ads[1]!.ad_id], 'ENABLE');
  await statusUpdate([ads[2]!.ad_id], 'DELETE');
  emulator.control.advanceClock(millisecondsPerDay + 7 * millisecondsPerHour);
  const now = emulator.control.now();
  const rows = buildReport(runtime, query({ endDate: '2026-11-29' }), now);

  const timeZone = runtime.store.advertisers.get(ids.northwindUs)!.displayTimezone;
  const expected = new Map<string, Counts>();
  for (let hour = startOfLocalDay('2026-10-27', timeZone); hour < now; hour += millisecondsPerHour) {
    for (const ad of ads) {
      const counts = adHourCounts(runtime, ad, hour, now);
      if (counts.impressions === 0) continue;
      const key = `${localDate(hour, timeZone)} 00:00:00|${ad.ad_id}`;
      expected.set(key, addCounts(expected.get(key) ?? emptyCounts(), counts));
    }
  }
  assert.deepEqual(new Map(rows.map((row) => [`${row.time}|${row.entityId}`, row.counts])), expected);
  const paused = rows.filter((row) => row.entityId === ads[0]!.ad_id).map((row) => row.time);
  assert.equal(paused.at(-1), '2026-11-25 00:00:00', 'nothing after the pause');
});

test('levels add up exactly, and each day is the sum of its hours (25 of them on 1 November)', () => {
  const emulator = createTestEmulator();
  const runtime = emulator.state;
  const sum = (rows: { counts: Counts }[]) =>
    rows.reduce((total, row) => addCounts(total, row.counts), emptyCounts());
  for (const [date, nextDate] of [
    ['2026-11-01', '2026-11-02'],
    ['2026-11-20', '2026-11-21'],
  ] as const) {
    const oneDay = { startDate: date, endDate: date };
    const timeZone = runtime.store.advertisers.get(ids.northwindUs)!.displayTimezone;
    const length =
      (startOfLocalDay(nextDate, timeZone) - startOfLocalDay(date, timeZone)) / millisecondsPerHour;
    assert.equal(length, date === '2026-11-01' ? 25 : 24);
    const [advertiserDay] = buildReport(
      runtime,
      query({ ...oneDay, dataLevel: 'AUCTION_ADVERTISER' }),
      testEpoch,
    );
    const hours = buildReport(
      runtime,
      query({ ...oneDay, dataLevel: 'AUCTION_ADVERTISER', granularity: 'hour' }),
      testEpoch,
    );
    assert.equal(hours.length, 24, 'the repeated 01:00 of 1 November sums into one row');
    assert.deepEqual(sum(hours), advertiserDay?.counts);
    for (const dataLevel of ['AUCTION_CAMPAIGN', 'AUCTION_ADGROUP', 'AUCTION_AD'] as const) {
      assert.deepEqual(
        sum(buildReport(runtime, query({ ...oneDay, dataLevel, granularity: 'hour' }), testEpoch)),
        advertiserDay?.counts,
      );
      assert.deepEqual(
        sum(buildReport(runtime, query({ ...oneDay, dataLevel }), testEpoch)),
        advertiserDay?.counts,
      );
    }
  }
});
