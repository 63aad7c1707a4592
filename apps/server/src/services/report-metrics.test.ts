import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sumsRow } from '../testing/report-sums.js';
import { addExact, addSums, emptySums, metricsOf, thousandthsOf, zeroSums } from './report-metrics.js';

describe('report sums', () => {
  it('reads money as exact thousandths, whatever PostgreSQL prints', () => {
    assert.equal(thousandthsOf('12.5'), 12_500);
    assert.equal(thousandthsOf('0.001'), 1);
    assert.equal(thousandthsOf('-3.250'), -3_250);
    assert.equal(thousandthsOf('7'), 7_000);
    assert.equal(thousandthsOf('.5'), 500);
    assert.equal(thousandthsOf('123456789012345.678'), 123_456_789_012_345_678n);
  });

  it('adds rows exactly, money to the thousandth, and keeps "-" unknown', () => {
    const sums = emptySums();
    addSums(sums, sumsRow({ spend: '0.100', impressions: '10', clicks: '1' }));
    addSums(sums, sumsRow({ spend: '0.200', impressions: '20', clicks: '2' }));
    const metrics = metricsOf(sums);
    // 0.1 + 0.2 in floating point would be 0.30000000000000004.
    assert.equal(metrics.spend, '0.300');
    assert.equal(metrics.impressions, 30);
    assert.equal(metrics.ctr, 10);
    assert.equal(metrics.conversions, null);
    assert.equal(metrics.costPerConversion, null);
  });

  it('stays exact past 2^53, where a Number would round', () => {
    const sums = emptySums();
    addSums(sums, sumsRow({ impressions: '9007199254740991', spend: '9007199254740.991' }));
    addSums(sums, sumsRow({ impressions: '2', spend: '0.002' }));
    assert.equal(sums.impressions, 9_007_199_254_740_993n);
    assert.equal(metricsOf(sums).spend, '9007199254740.993');
    const big = emptySums();
    addSums(big, sumsRow({ clicks: '123456789012345678901' }));
    addExact(big, zeroSums());
    assert.equal(big.clicks, 123_456_789_012_345_678_901n);
  });

  it('a stored day without activity adds zeros: an unknown sum becomes 0', () => {
    const sums = emptySums();
    addExact(sums, zeroSums());
    assert.equal(metricsOf(sums).spend, '0.000');
    assert.equal(metricsOf(sums).impressions, 0);
    assert.equal(metricsOf(sums).ctr, null);
  });
});
