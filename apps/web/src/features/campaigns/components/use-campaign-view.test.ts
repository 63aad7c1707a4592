import { describe, expect, it } from 'vitest';
import { metricRangeOf } from './metric-range';
import { parseView, searchParamsOf, tableQueryOf } from './use-campaign-view';

/** Northwind US's today (Los Angeles), whatever the browser's clock says. */
const today = '2026-03-09';
const lastSevenDays = { from: '2026-03-02', to: '2026-03-08' };

describe('a Campaigns link', () => {
  it('opens the default view when it is mangled, rather than failing', () => {
    // CPM is a report metric, but not a column of this table; "up" is no direction.
    const view = parseView(
      new URLSearchParams(
        'tab=reports&status=burning&sort=cpm&direction=up&campaigns=abc,12;3&accounts=,&range=fortnight&from=2026-02-30',
      ),
    );
    expect(view).toEqual({
      level: 'campaign',
      accounts: 'all',
      campaigns: [],
      status: 'not_deleted',
      objective: '',
      q: '',
      range: 'last-7-days',
      from: null,
      to: null,
      sort: 'modified',
      direction: 'desc',
    });
  });

  it('round-trips a view, naming only what differs from the default', () => {
    const link =
      'tab=ads&accounts=7200000000000000011&campaigns=1800000000000000001&q=summer+sale&range=custom&from=2026-01-01&to=2026-01-31&sort=spend&direction=asc';
    expect(searchParamsOf(parseView(new URLSearchParams(link))).toString()).toBe(link);
    expect(searchParamsOf(parseView(new URLSearchParams('range=last-month'))).toString()).toBe(
      'range=last-month',
    );
    expect(searchParamsOf(parseView(new URLSearchParams(''))).toString()).toBe('');
  });

  it('reads bare from and to as a custom range', () => {
    expect(parseView(new URLSearchParams('from=2026-01-01&to=2026-01-31'))).toMatchObject({
      range: 'custom',
      from: '2026-01-01',
      to: '2026-01-31',
    });
  });

  it('narrows to selected campaigns only below the Campaigns tab, and sends a trimmed search', () => {
    const campaigns = parseView(new URLSearchParams('campaigns=1800000000000000001&q=%20summer%20'));
    expect(tableQueryOf(campaigns, 'all', lastSevenDays)).toMatchObject({
      campaigns: undefined,
      q: 'summer',
      accounts: undefined,
    });
    const ads = { ...campaigns, level: 'ad' as const };
    expect(tableQueryOf(ads, ['7200000000000000011'], lastSevenDays)).toMatchObject({
      campaigns: '1800000000000000001',
      accounts: '7200000000000000011',
    });
  });
});

describe('the metric columns’ range', () => {
  const queryOf = (link: string) => {
    const view = parseView(new URLSearchParams(link));
    return tableQueryOf(view, 'all', metricRangeOf(view, today).range);
  };

  it('is the last 7 days of the account’s calendar unless the link says otherwise', () => {
    expect(queryOf('')).toMatchObject({ ...lastSevenDays, sort: 'modified', direction: 'desc' });
    expect(queryOf('range=last-month')).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
  });

  it('keeps a metric order from a hand-edited link without a range: the default range gives it one', () => {
    expect(queryOf('sort=spend&direction=asc')).toMatchObject({
      ...lastSevenDays,
      sort: 'spend',
      direction: 'asc',
    });
  });

  it('asks for the default order instead of a metric one when the custom range is no range', () => {
    // The server refuses a metric order without a range (400); the page must not keep asking.
    for (const link of [
      'range=custom&from=2026-03-08&to=2026-03-01&sort=costPerConversion&direction=asc',
      'from=2025-01-01&to=2026-03-01&sort=spend',
    ]) {
      const query = queryOf(link);
      expect(query).toMatchObject({ sort: 'modified', direction: 'desc' });
      expect(query).not.toHaveProperty('from');
      expect(query).not.toHaveProperty('to');
    }
    // Other orders stay as asked.
    expect(queryOf('from=2026-03-08&to=2026-03-01&sort=name&direction=asc')).toMatchObject({
      sort: 'name',
      direction: 'asc',
    });
  });

  it('says why a custom range is no range, and waits for the account’s today for a preset', () => {
    const choose = (link: string) => metricRangeOf(parseView(new URLSearchParams(link)), today).problem;
    expect(choose('from=2026-03-08&to=2026-03-01')).toBe(
      'The range ends before it starts. Choose a later last day.',
    );
    expect(choose('from=2025-01-01&to=2026-03-01')).toBe(
      'A range covers at most 366 days. Choose a shorter range.',
    );
    expect(choose('from=2025-03-01&to=2026-03-01')).toBeNull();
    expect(metricRangeOf(parseView(new URLSearchParams('')), undefined)).toMatchObject({ isWaiting: true });
    expect(metricRangeOf(parseView(new URLSearchParams('from=2026-01-01&to=2026-01-31')), undefined)).toEqual(
      {
        range: { from: '2026-01-01', to: '2026-01-31' },
        problem: null,
        isWaiting: false,
      },
    );
  });
});
