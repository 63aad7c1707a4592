import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SeriesRow } from '../repositories/tiktok-report-queries.repository.js';
import { sumsRow } from '../testing/report-sums.js';
import { pointsOf, seriesByCurrency, type SeriesAccount } from './report-series.js';

const account = (values: Partial<SeriesAccount>): SeriesAccount => ({
  advertiserId: '1',
  currency: 'USD',
  storedFrom: '2026-11-01',
  storedThrough: '2026-11-30',
  hoursFrom: '2026-11-29',
  currentHour: '2026-11-30 12:00',
  ...values,
});

const hour = (advertiserId: string, time: string, spend: string): SeriesRow => ({
  advertiser_id: advertiserId,
  time,
  ...sumsRow({ spend, impressions: '10', clicks: '1', conversions: '0' }),
});

describe('report series', () => {
  it('leaves out hours older than the workspace keeps, as gaps, until the upkeep deletes them', () => {
    const rows = [hour('1', '2026-11-28 05:00', '1.000'), hour('1', '2026-11-29 05:00', '2.000')];
    const points = pointsOf('2026-11-28', '2026-11-29', 'hour');
    const usd = seriesByCurrency([account({})], rows, points, 'hour').get('USD')!;
    const spendAt = (time: string) => usd.series.find((point) => point.time === time)?.metrics.spend;
    assert.equal(spendAt('2026-11-28 05:00'), null, 'no longer kept: unknown, not its old figure');
    assert.equal(spendAt('2026-11-29 05:00'), '2.000');
    assert.equal(spendAt('2026-11-29 06:00'), '0.000', 'a kept hour without a row had no delivery');
    assert.equal(usd.total.spend, '2.000');
  });

  it('sums accounts of one currency point by point and keeps currencies apart', () => {
    const accounts = [
      account({}),
      account({ advertiserId: '2' }),
      account({ advertiserId: '3', currency: 'EUR' }),
    ];
    const rows = [
      hour('1', '2026-11-30', '1.250'),
      hour('2', '2026-11-30', '2.250'),
      hour('3', '2026-11-30', '5.000'),
    ];
    const byCurrency = seriesByCurrency(accounts, rows, ['2026-11-30'], 'day');
    assert.equal(byCurrency.get('USD')!.total.spend, '3.500');
    assert.deepEqual(byCurrency.get('USD')!.advertiserIds, ['1', '2']);
    assert.equal(byCurrency.get('EUR')!.total.spend, '5.000');
  });
});
