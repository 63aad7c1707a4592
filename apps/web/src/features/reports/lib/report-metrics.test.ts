import { describe, expect, it } from 'vitest';
import { metrics } from '../components/reports.testing';
import { changeTone, formatMetric } from './report-metrics';

const money = (amount: number, currency: string) =>
  new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);

describe('a metric', () => {
  it('writes money in its currency, rates as percentages, counts whole, and unknown as a dash', () => {
    const values = metrics({
      spend: '1250.500',
      cpc: 0.834,
      ctr: 1.5,
      impressions: 100_000,
      conversions: null,
    });
    expect(formatMetric(values, 'spend', 'USD')).toBe(money(1250.5, 'USD'));
    expect(formatMetric(values, 'spend', 'JPY')).toBe(money(1251, 'JPY'));
    expect(formatMetric(values, 'cpc', 'EUR')).toBe(money(0.83, 'EUR'));
    expect(formatMetric(values, 'ctr', 'USD')).toBe(
      new Intl.NumberFormat(undefined, { style: 'percent', minimumFractionDigits: 2 }).format(0.015),
    );
    expect(formatMetric(values, 'impressions', 'USD')).toBe(new Intl.NumberFormat().format(100_000));
    expect(formatMetric(values, 'conversions', 'USD')).toBe('—');
  });
});

describe('the colour of a change from the previous period', () => {
  it('is good news when costs fall and results rise; spend is neither', () => {
    expect(changeTone('cpc', -10)).toBe('good');
    expect(changeTone('costPerConversion', 10)).toBe('bad');
    expect(changeTone('conversions', 10)).toBe('good');
    expect(changeTone('clicks', -10)).toBe('bad');
    expect(changeTone('spend', 10)).toBe('neutral');
  });
});
