import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { campaignRow, campaignSyncAnswer, mirrorAccount } from '../../../testing/fixtures';
import {
  findTableRow,
  giveTheTableRoom,
  manyCampaigns,
  mockCampaignsApi,
  openCampaigns,
} from '../../../testing/campaigns';
import { jsonResponse, type RecordedRequest } from '../../../testing/mock-api';

beforeEach(() => {
  giveTheTableRoom();
  window.localStorage.clear();
});

const money = (amount: number, currency: string) =>
  new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);
/** The text of a row's cell in the column with this heading. */
const cellOf = (row: HTMLElement, heading: string) => {
  const headings = screen.getAllByRole('columnheader').map((header) => header.textContent);
  return within(row).getAllByRole('cell')[headings.indexOf(heading)]!.textContent;
};

describe('a campaign row', () => {
  it('says the delivery in words, with why a campaign isn’t delivering', async () => {
    mockCampaignsApi({
      rows: [
        campaignRow(),
        campaignRow({
          id: '1800000000000000002',
          name: 'Winter Teaser',
          delivery: {
            state: 'not_delivering',
            label: 'Not delivering',
            reason: 'The ad account’s balance is too low.',
          },
        }),
      ],
    });
    await openCampaigns('?accounts=all');

    expect(cellOf(await findTableRow('Summer Sale'), 'Status')).toBe('Active');
    const stalled = await findTableRow('Winter Teaser');
    expect(cellOf(stalled, 'Status')).toBe('Not deliveringThe ad account’s balance is too low.');
    expect(within(stalled).getByTitle('The ad account’s balance is too low.')).toBeTruthy();
  });

  it('shows each budget in its account’s currency, with Daily, Lifetime or No limit', async () => {
    mockCampaignsApi({
      rows: [
        campaignRow({ name: 'Daily dollars', budget: '1250.5', budgetMode: 'BUDGET_MODE_DAY' }),
        campaignRow({
          id: '1800000000000000002',
          name: 'Lifetime euros',
          currency: 'EUR',
          budget: '99999.99',
          budgetMode: 'BUDGET_MODE_TOTAL',
        }),
        campaignRow({ id: '1800000000000000003', name: 'Yen', currency: 'JPY', budget: '5000' }),
        campaignRow({
          id: '1800000000000000004',
          name: 'Open ended',
          budget: null,
          budgetMode: 'BUDGET_MODE_INFINITE',
        }),
      ],
    });
    await openCampaigns('?accounts=all');

    expect(cellOf(await findTableRow('Daily dollars'), 'Budget')).toBe(`${money(1250.5, 'USD')}Daily`);
    expect(cellOf(await findTableRow('Lifetime euros'), 'Budget')).toBe(`${money(99999.99, 'EUR')}Lifetime`);
    expect(cellOf(await findTableRow('Yen'), 'Budget')).toBe(`${money(5000, 'JPY')}Daily`);
    expect(cellOf(await findTableRow('Open ended'), 'Budget')).toBe('No limit');
    expect(cellOf(await findTableRow('Daily dollars'), 'Objective')).toBe('Website conversions');
  });

  it('shows an ad group’s campaign, bid and optimisation goal, and links to TikTok Ads Manager', async () => {
    const adGroup = campaignRow({
      level: 'adgroup',
      id: '1700000000000000001',
      name: 'US 18-34',
      campaignName: 'Summer Sale',
      bid: '0.8',
      bidStrategy: 'BID_TYPE_CUSTOM',
      optimizationGoal: 'CONVERT',
    });
    mockCampaignsApi({ rows: [adGroup] });
    await openCampaigns('?tab=ad-groups&accounts=all');

    const row = await findTableRow('US 18-34');
    expect(cellOf(row, 'Name')).toBe('US 18-34Campaign: Summer Sale');
    expect(cellOf(row, 'Bid')).toBe(`${money(0.8, 'USD')}Cost cap`);
    expect(cellOf(row, 'Optimisation goal')).toBe('Conversions');
    expect(cellOf(row, 'TikTok ID')).toBe('1700000000000000001');
    expect(within(row).getByRole('button', { name: 'Copy the ad group ID of US 18-34' })).toBeTruthy();
    const link = within(row).getByRole('link', {
      name: 'Open US 18-34 in TikTok Ads Manager (opens in a new tab)',
    });
    expect(link.getAttribute('href')).toBe(
      'https://ads.tiktok.com/i18n/perf/adgroup?aadvid=7200000000000000011&keyword=1700000000000000001',
    );
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
  });

  it('sends accounts whose connection needs Reconnect to Integrations for that, not to choose accounts', async () => {
    const reconnect =
      'The TikTok connection needs attention. Reconnect it in Integrations: the sync starts again by itself.';
    mockCampaignsApi({
      sync: campaignSyncAnswer([
        mirrorAccount({ syncing: false, state: 'stopped', error: reconnect }),
        mirrorAccount({
          advertiserId: '7200000000000000099',
          name: 'Old Client',
          syncing: false,
          state: 'stopped',
        }),
      ]),
      rows: [campaignRow()],
    });
    await openCampaigns('?accounts=all');

    const waiting = await screen.findByText(
      /Not syncing: Northwind US\. The TikTok connection needs attention/,
    );
    expect(within(waiting).getByRole('link', { name: 'Open Integrations' }).getAttribute('href')).toBe(
      '/integrations',
    );
    expect(waiting.textContent).not.toContain('no longer used');
    expect(screen.getByText(/Not syncing: Old Client is no longer used by this workspace/)).toBeTruthy();
  });

  it('marks rows of accounts no longer in use as Not syncing, and keeps them out of any selection', async () => {
    mockCampaignsApi({
      sync: campaignSyncAnswer([
        mirrorAccount(),
        mirrorAccount({
          advertiserId: '7200000000000000099',
          name: 'Old Client',
          syncing: false,
          state: 'stopped',
        }),
      ]),
      rows: [
        campaignRow(),
        campaignRow({
          id: '1800000000000000002',
          name: 'Old promo',
          accountName: 'Old Client',
          readOnly: true,
        }),
      ],
    });
    await openCampaigns('?accounts=all');

    const old = await findTableRow('Old promo');
    expect(within(old).getByText('Not syncing')).toBeTruthy();
    const oldBox = within(old).getByRole('checkbox', { name: 'Select Old promo' }) as HTMLInputElement;
    expect(oldBox.disabled).toBe(true);
    expect(screen.getByText(/Not syncing: Old Client is no longer used by this workspace/)).toBeTruthy();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all loaded campaigns' }));
    await waitFor(() =>
      expect((screen.getByRole('checkbox', { name: 'Select Summer Sale' }) as HTMLInputElement).checked).toBe(
        true,
      ),
    );
    expect(oldBox.checked).toBe(false);
    expect(screen.getByText('1 campaign selected')).toBeTruthy();
  });
});

describe('selecting campaigns', () => {
  it('narrows the Ad groups and Ads tabs to them, with a chip that clears it', async () => {
    const { tableRequests } = mockCampaignsApi({
      rows: (request: RecordedRequest) =>
        jsonResponse({
          rows:
            request.query.get('level') === 'campaign'
              ? manyCampaigns(3)
              : [
                  campaignRow({
                    level: 'adgroup',
                    id: '1700000000000000001',
                    name: 'US 18-34',
                    campaignName: 'Campaign 1',
                  }),
                ],
          nextCursor: null,
        }),
    });
    const { router } = await openCampaigns('?accounts=all');

    fireEvent.click(await screen.findByRole('checkbox', { name: 'Select Campaign 1' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Campaign 3' }));
    await waitFor(() => expect(screen.getByText('2 campaigns selected')).toBeTruthy());
    const [first, , third] = manyCampaigns(3);
    expect(new URLSearchParams(router.state.location.search).get('campaigns')).toBe(
      `${first!.id},${third!.id}`,
    );
    expect(tableRequests().every((query) => query.campaigns === undefined)).toBe(true);

    fireEvent.click(screen.getByRole('tab', { name: 'Ad groups' }));
    await findTableRow('US 18-34');
    expect(tableRequests().at(-1)).toMatchObject({
      level: 'adgroup',
      campaigns: `${first!.id},${third!.id}`,
    });
    const chip = screen.getByText(/Showing ad groups of 2 selected campaigns/);
    expect(chip.textContent).toBe('Showing ad groups of 2 selected campaigns · Clear');

    fireEvent.click(within(chip).getByRole('button', { name: /^Clear/ }));
    await waitFor(() => expect(tableRequests().at(-1)?.campaigns).toBeUndefined());
    expect(screen.queryByText(/Showing ad groups of/)).toBeNull();
  });
});

describe('selecting many campaigns', () => {
  it('selects the first 100 loaded, says why, and the header checkbox then clears them', async () => {
    mockCampaignsApi({ rows: manyCampaigns(150) });
    const { router } = await openCampaigns('?accounts=all');
    const selectAll = await screen.findByRole('checkbox', { name: 'Select all loaded campaigns' });

    fireEvent.click(selectAll);
    expect(await screen.findByText('100 campaigns selected')).toBeTruthy();
    expect(
      screen.getByText(
        'Selected: the first 100 of 150 campaigns, the most that can be selected at once (they also narrow the Ad groups and Ads tabs). Turn on, Turn off and Delete act on these 100.',
      ),
    ).toBeTruthy();
    await waitFor(() =>
      expect(new URLSearchParams(router.state.location.search).get('campaigns')?.split(',')).toHaveLength(
        100,
      ),
    );
    expect((selectAll as HTMLInputElement).indeterminate).toBe(true);

    fireEvent.click(selectAll);
    await waitFor(() => expect(screen.queryByText(/campaigns? selected/)).toBeNull());
    expect(new URLSearchParams(router.state.location.search).has('campaigns')).toBe(false);
  });
});

describe('the columns', () => {
  it('show the performance right after the status, before the details', async () => {
    mockCampaignsApi({ rows: [campaignRow()] });
    await openCampaigns('?accounts=all');
    await findTableRow('Summer Sale');

    const headings = screen.getAllByRole('columnheader').map((header) => header.textContent);
    expect(headings.slice(1, 10)).toEqual([
      'Name',
      'Status',
      'Spend',
      'Impressions',
      'Clicks',
      'CTR',
      'CPC',
      'Conversions',
      'CPA',
    ]);
  });

  it('say when they go on past the right edge, and when some are scrolled past on the left', async () => {
    vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockImplementation(function (this: HTMLElement) {
      return this.classList.contains('campaign-table__scroll') ? 2000 : 0;
    });
    let scrollLeft = 0;
    vi.spyOn(HTMLElement.prototype, 'scrollLeft', 'get').mockImplementation(() => scrollLeft);
    mockCampaignsApi({ rows: [campaignRow()] });
    await openCampaigns('?accounts=all');
    await findTableRow('Summer Sale');

    const scroller = screen.getByRole('region', { name: 'Campaigns table' });
    fireEvent.scroll(scroller);
    expect(await screen.findByText('Scroll sideways for more columns')).toBeTruthy();
    const frame = scroller.parentElement!;
    expect(frame.className).toContain('side-scroll__frame--after');

    scrollLeft = 800;
    fireEvent.scroll(scroller);
    await waitFor(() => expect(frame.className).toContain('side-scroll__frame--before'));
    expect(frame.className).not.toContain('side-scroll__frame--after');
  });
});

describe('scrolling the table', () => {
  it('loads the next page with `after` only near the end, and counts the rows once all are in', async () => {
    const { tableRequests } = mockCampaignsApi({
      rows: (request: RecordedRequest) =>
        jsonResponse(
          request.query.get('after') === 'page-2'
            ? { rows: manyCampaigns(50, 201), nextCursor: null }
            : { rows: manyCampaigns(200), nextCursor: 'page-2' },
        ),
    });
    await openCampaigns('?accounts=all');

    await findTableRow('Campaign 1');
    const table = screen.getByRole('table', { name: 'Campaigns' });
    expect(table.getAttribute('aria-rowcount')).toBe('-1');
    // Only the rows near the viewport are drawn.
    expect(screen.queryByRole('checkbox', { name: 'Select Campaign 150' })).toBeNull();
    expect(tableRequests().map((query) => query.after)).toEqual([undefined]);

    const scroller = screen.getByRole('region', { name: 'Campaigns table' });
    Object.defineProperty(scroller, 'scrollTop', { configurable: true, value: 200 * 60 - 600 });
    fireEvent.scroll(scroller);

    await findTableRow('Campaign 200');
    await waitFor(() => expect(tableRequests().map((query) => query.after)).toEqual([undefined, 'page-2']));
    await waitFor(() => expect(table.getAttribute('aria-rowcount')).toBe('251'));
    expect(screen.getByText('250 campaigns')).toBeTruthy();
    expect(
      within(await findTableRow('Campaign 200'))
        .getByRole('checkbox')
        .closest('tr')!
        .getAttribute('aria-rowindex'),
    ).toBe('201');
  });
});
