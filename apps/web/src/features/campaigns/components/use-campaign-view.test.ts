import { describe, expect, it } from 'vitest';
import { parseView, searchParamsOf, tableQueryOf } from './use-campaign-view';

describe('a Campaigns link', () => {
  it('opens the default view when it is mangled, rather than failing', () => {
    const view = parseView(
      new URLSearchParams('tab=reports&status=burning&sort=spend&direction=up&campaigns=abc,12;3&accounts=,'),
    );
    expect(view).toEqual({
      level: 'campaign',
      accounts: 'all',
      campaigns: [],
      status: 'not_deleted',
      objective: '',
      q: '',
      sort: 'modified',
      direction: 'desc',
    });
  });

  it('round-trips a view, naming only what differs from the default', () => {
    const link =
      'tab=ads&accounts=7200000000000000011&campaigns=1800000000000000001&q=summer+sale&sort=name&direction=asc';
    expect(searchParamsOf(parseView(new URLSearchParams(link))).toString()).toBe(link);
    expect(searchParamsOf(parseView(new URLSearchParams(''))).toString()).toBe('');
  });

  it('narrows to selected campaigns only below the Campaigns tab, and sends a trimmed search', () => {
    const campaigns = parseView(new URLSearchParams('campaigns=1800000000000000001&q=%20summer%20'));
    expect(tableQueryOf(campaigns, 'all')).toMatchObject({
      campaigns: undefined,
      q: 'summer',
      accounts: undefined,
    });
    const ads = { ...campaigns, level: 'ad' as const };
    expect(tableQueryOf(ads, ['7200000000000000011'])).toMatchObject({
      campaigns: '1800000000000000001',
      accounts: '7200000000000000011',
    });
  });
});
