import { describe, expect, it } from 'vitest';
import { chartMetricOf, parseView, searchParamsOf } from './report-view';

describe('the view in the URL', () => {
  it('reads back what it wrote', () => {
    const search =
      'accounts=7200000000000000012&range=custom&from=2026-01-01&to=2026-01-31&granularity=hour&compare=true&metric=clicks&level=ad&campaign=1800000000000000001&adgroup=1700000000000000001&q=summer&sort=name&direction=asc';
    const view = parseView(new URLSearchParams(search));
    expect(view).toEqual({
      accounts: ['7200000000000000012'],
      range: 'custom',
      from: '2026-01-01',
      to: '2026-01-31',
      granularity: 'hour',
      compare: true,
      metric: 'clicks',
      level: 'ad',
      campaign: '1800000000000000001',
      adgroup: '1700000000000000001',
      q: 'summer',
      sort: 'name',
      direction: 'asc',
    });
    expect(searchParamsOf(view).toString()).toBe(search);
  });

  it('falls back to the defaults for anything malformed, and writes none of them', () => {
    const view = parseView(
      new URLSearchParams('accounts=abc&range=custom&from=2026-02-30&level=ad&campaign=x&sort=reach'),
    );
    expect(view).toMatchObject({
      accounts: null,
      range: 'last-7-days',
      from: null,
      level: 'ad',
      campaign: null,
      sort: 'spend',
    });
    expect(searchParamsOf(view).toString()).toBe('level=ad');
  });

  it('drops a drill-down that the level doesn’t have', () => {
    expect(parseView(new URLSearchParams('campaign=1800000000000000001')).campaign).toBeNull();
    expect(parseView(new URLSearchParams('level=adgroup&adgroup=1700000000000000001')).adgroup).toBeNull();
  });

  it('charts by the hour only the metrics TikTok has by the hour', () => {
    expect(chartMetricOf({ metric: 'videoPlays' }, 'day')).toBe('videoPlays');
    expect(chartMetricOf({ metric: 'videoPlays' }, 'hour')).toBe('spend');
    expect(chartMetricOf({ metric: 'clicks' }, 'hour')).toBe('clicks');
  });
});
