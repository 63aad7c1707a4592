import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adDayRowOf, amountOf, campaignHourRowOf, countOf, timeOf } from './tiktok-report-rows.js';

test('TikTok’s "-" and missing metrics are unknown (null), never 0', () => {
  assert.equal(countOf('-'), null);
  assert.equal(countOf(null), null);
  assert.equal(countOf(undefined), null);
  assert.equal(countOf('not a number'), null);
  assert.equal(amountOf('-'), null);
  assert.equal(amountOf(''), null);
  const row = adDayRowOf({
    dimensions: { ad_id: '1800000000000000001', stat_time_day: '2026-11-20 00:00:00' },
    metrics: {
      spend: '-',
      impressions: '120',
      clicks: null,
      conversion: '-',
      campaign_id: '1700000000000000001',
      adgroup_id: '1750000000000000001',
    },
  });
  assert.ok(row);
  assert.equal(row.spend, null);
  assert.equal(row.counts.impressions, '120');
  assert.equal(row.counts.clicks, null);
  assert.equal(row.counts.conversions, null);
  assert.equal(row.counts.likes, null, 'a metric TikTok left out');
});

test('counts and money stay exact as TikTok wrote them; ids beyond 2^53 too', () => {
  assert.equal(countOf('9007199254740993'), '9007199254740993');
  assert.equal(countOf('4874.0'), '4874');
  assert.equal(amountOf('20.000'), '20.000');
  assert.equal(amountOf('123456789012.345'), '123456789012.345');
  const row = adDayRowOf({
    dimensions: { ad_id: '1800000000000000003', stat_time_day: '2026-11-20 00:00:00' },
    metrics: { spend: '1.005', campaign_id: '1700000000000000009', adgroup_id: '1750000000000000007' },
  });
  assert.equal(row?.adId, '1800000000000000003');
  assert.equal(row?.campaignId, '1700000000000000009');
  assert.equal(row?.spend, '1.005');
});

test('days and hours are taken from TikTok’s labels in the account’s zone, never converted', () => {
  assert.deepEqual(timeOf('2026-11-01 01:00:00'), { day: '2026-11-01', hour: 1 });
  assert.deepEqual(timeOf('2026-11-20 00:00:00'), { day: '2026-11-20', hour: 0 });
  assert.equal(timeOf('yesterday'), undefined);
  assert.equal(timeOf('2026-11-20 24:00:00'), undefined);
  const hour = campaignHourRowOf({
    dimensions: { campaign_id: '1700000000000000001', stat_time_hour: '2026-11-03 23:00:00' },
    metrics: { spend: '2.500', impressions: '10', clicks: '1', conversion: '-', result: '1' },
  });
  assert.deepEqual(
    { day: hour?.day, hour: hour?.hour, conversions: hour?.counts.conversions },
    { day: '2026-11-03', hour: 23, conversions: null },
  );
});

test('a row without its ad, day or parents is left out rather than stored wrong', () => {
  assert.equal(adDayRowOf({ dimensions: { stat_time_day: '2026-11-20 00:00:00' }, metrics: {} }), undefined);
  assert.equal(
    adDayRowOf({
      dimensions: { ad_id: '1800000000000000001', stat_time_day: '2026-11-20 00:00:00' },
      metrics: { campaign_id: '0', adgroup_id: '-' },
    }),
    undefined,
  );
});
