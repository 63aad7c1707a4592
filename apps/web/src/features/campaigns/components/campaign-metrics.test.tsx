import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CampaignRow } from '@whathead/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { queryClient } from '../../../lib/query-client';
import { advertiserIds, campaignRow } from '../../../testing/fixtures';
import { findTableRow, giveTheTableRoom, mockCampaignsApi, openCampaigns } from '../../../testing/campaigns';
import { errorResponse, jsonResponse } from '../../../testing/mock-api';

beforeEach(() => {
  giveTheTableRoom();
  window.localStorage.clear();
});
afterEach(() => vi.useRealTimers());

// Northwind US, the default account, is in Los Angeles, where it is 2026-03-09; Northwind EU is in
// Berlin, already on 2026-03-10 (testing/campaigns.ts).

const money = (amount: number, currency: string) =>
  new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);
/** The text of a row's cell in the column with this heading. */
const cellOf = (row: HTMLElement, heading: string) => {
  const headings = screen.getAllByRole('columnheader').map((header) => header.textContent);
  return within(row).getAllByRole('cell')[headings.indexOf(heading)]!;
};
const metricsOf = (row: HTMLElement) =>
  ['Spend', 'Impressions', 'Clicks', 'CTR', 'CPC', 'Conversions', 'CPA'].map(
    (heading) => cellOf(row, heading).textContent,
  );
const dateRange = () => screen.getByRole('combobox', { name: 'Date range' }) as HTMLSelectElement;
const searchOf = (router: { state: { location: { search: string } } }) =>
  new URLSearchParams(router.state.location.search);

const metrics = (values: Partial<NonNullable<CampaignRow['metrics']>> = {}): CampaignRow['metrics'] => ({
  spend: '1234.500',
  impressions: 123_456,
  clicks: 1_500,
  ctr: 1.25,
  cpc: 0.823,
  conversions: 42,
  costPerConversion: 29.393,
  ...values,
});

describe('the metric columns', () => {
  it('ask for the last 7 days of the default account’s calendar, and show each figure formatted', async () => {
    const { tableRequests } = mockCampaignsApi({
      rows: [
        campaignRow({ metrics: metrics() }),
        campaignRow({
          id: '1800000000000000002',
          name: 'Euro Sale',
          advertiserId: advertiserIds.eu,
          currency: 'EUR',
          metrics: metrics({ spend: '99.990', cpc: 1.5, costPerConversion: 9.999 }),
        }),
      ],
    });
    await openCampaigns('?accounts=all');

    const summer = await findTableRow('Summer Sale');
    expect(tableRequests()[0]).toMatchObject({ from: '2026-03-02', to: '2026-03-08' });
    expect(dateRange().value).toBe('last-7-days');
    expect(metricsOf(summer)).toEqual([
      money(1234.5, 'USD'),
      (123_456).toLocaleString(),
      (1_500).toLocaleString(),
      (0.0125).toLocaleString(undefined, { style: 'percent', minimumFractionDigits: 2 }),
      money(0.823, 'USD'),
      '42',
      money(29.393, 'USD'),
    ]);
    const euro = await findTableRow('Euro Sale');
    expect(metricsOf(euro)).toContain(money(99.99, 'EUR'));
    expect(cellOf(euro, 'CPA').textContent).toBe(money(9.999, 'EUR'));
  });

  it('show 0 for no activity, and a dash saying why where there is no figure', async () => {
    mockCampaignsApi({
      rows: [
        campaignRow({
          name: 'Quiet',
          metrics: metrics({
            spend: '0.000',
            impressions: 0,
            clicks: 0,
            ctr: null,
            cpc: null,
            conversions: 0,
            costPerConversion: null,
          }),
        }),
        campaignRow({
          id: '1800000000000000002',
          name: 'Not yet reported',
          metrics: metrics({
            spend: null,
            impressions: null,
            clicks: null,
            ctr: null,
            cpc: null,
            conversions: null,
            costPerConversion: null,
          }),
        }),
      ],
    });
    await openCampaigns();

    const quiet = await findTableRow('Quiet');
    expect(cellOf(quiet, 'Spend').textContent).toBe(money(0, 'USD'));
    expect(cellOf(quiet, 'Impressions').textContent).toBe('0');
    expect(cellOf(quiet, 'Conversions').textContent).toBe('0');
    expect(within(cellOf(quiet, 'CTR')).getByTitle('No impressions in this range')).toBeTruthy();
    expect(within(cellOf(quiet, 'CPA')).getByTitle('No conversions in this range')).toBeTruthy();

    const waiting = await findTableRow('Not yet reported');
    for (const heading of ['Spend', 'Impressions', 'Clicks', 'CTR', 'CPC', 'Conversions', 'CPA']) {
      const cell = cellOf(waiting, heading);
      expect(cell.textContent).toBe('—No report stored for this range yet');
      expect(within(cell).getByTitle('No report stored for this range yet')).toBeTruthy();
    }
  });

  it('sort on the server by Spend, largest first, then the other way', async () => {
    const { tableRequests } = mockCampaignsApi({ rows: [campaignRow({ metrics: metrics() })] });
    const { router } = await openCampaigns();
    await findTableRow('Summer Sale');

    fireEvent.click(screen.getByRole('button', { name: 'Spend' }));
    await waitFor(() =>
      expect(tableRequests().at(-1)).toMatchObject({
        sort: 'spend',
        direction: 'desc',
        from: '2026-03-02',
        to: '2026-03-08',
      }),
    );
    expect((await screen.findByRole('columnheader', { name: 'Spend' })).getAttribute('aria-sort')).toBe(
      'descending',
    );
    expect(searchOf(router).get('sort')).toBe('spend');

    fireEvent.click(screen.getByRole('button', { name: 'Spend' }));
    await waitFor(() => expect(tableRequests().at(-1)).toMatchObject({ sort: 'spend', direction: 'asc' }));

    fireEvent.click(screen.getByRole('button', { name: 'CPA' }));
    await waitFor(() =>
      expect(tableRequests().at(-1)).toMatchObject({ sort: 'costPerConversion', direction: 'desc' }),
    );
    expect((await screen.findByRole('columnheader', { name: 'CPA' })).getAttribute('aria-sort')).toBe(
      'descending',
    );
  });

  it('are on ad groups and ads too', async () => {
    const { tableRequests } = mockCampaignsApi({
      rows: [
        campaignRow({ level: 'ad', id: '1600000000000000001', name: 'Beach video', metrics: metrics() }),
      ],
    });
    await openCampaigns('?tab=ads&sort=clicks&direction=asc');

    const ad = await findTableRow('Beach video');
    expect(tableRequests()[0]).toMatchObject({
      level: 'ad',
      sort: 'clicks',
      direction: 'asc',
      from: '2026-03-02',
      to: '2026-03-08',
    });
    expect(cellOf(ad, 'Spend').textContent).toBe(money(1234.5, 'USD'));
    expect(screen.getByRole('columnheader', { name: 'Clicks' }).getAttribute('aria-sort')).toBe('ascending');
  });
});

describe('the date range', () => {
  it('asks for the days of each preset, counted in the shown account’s own calendar', async () => {
    const { tableRequests } = mockCampaignsApi({ rows: [campaignRow({ metrics: metrics() })] });
    const { router } = await openCampaigns();
    await findTableRow('Summer Sale');
    const lastRange = () => {
      const { from, to } = tableRequests().at(-1)!;
      return [from, to];
    };

    const presets: Record<string, [string, string]> = {
      today: ['2026-03-09', '2026-03-09'],
      yesterday: ['2026-03-08', '2026-03-08'],
      'last-14-days': ['2026-02-23', '2026-03-08'],
      'last-30-days': ['2026-02-07', '2026-03-08'],
      'this-month': ['2026-03-01', '2026-03-09'],
      'last-month': ['2026-02-01', '2026-02-28'],
    };
    for (const [preset, days] of Object.entries(presets)) {
      fireEvent.change(dateRange(), { target: { value: preset } });
      await waitFor(() => expect(lastRange()).toEqual(days));
      expect(searchOf(router).get('range')).toBe(preset);
    }

    // Northwind EU's calendar is a day ahead: its "today" is its own.
    await router.navigate(`/campaigns?accounts=${advertiserIds.eu}&range=today`);
    await waitFor(() => expect(lastRange()).toEqual(['2026-03-10', '2026-03-10']));
    expect(screen.getByText(/Mar 10, 2026/)).toBeTruthy();
  });

  it('takes a custom range from its two days, starting from the days shown', async () => {
    const { tableRequests } = mockCampaignsApi({ rows: [campaignRow({ metrics: metrics() })] });
    const { router } = await openCampaigns();
    await findTableRow('Summer Sale');

    fireEvent.change(dateRange(), { target: { value: 'custom' } });
    const from = (await screen.findByLabelText('From')) as HTMLInputElement;
    expect([from.value, (screen.getByLabelText('To') as HTMLInputElement).value]).toEqual([
      '2026-03-02',
      '2026-03-08',
    ]);
    expect(from.max).toBe('2026-03-09');

    fireEvent.change(from, { target: { value: '2026-01-15' } });
    fireEvent.blur(from);
    await waitFor(() =>
      expect(tableRequests().at(-1)).toMatchObject({ from: '2026-01-15', to: '2026-03-08' }),
    );
    expect(Object.fromEntries(searchOf(router))).toMatchObject({
      range: 'custom',
      from: '2026-01-15',
      to: '2026-03-08',
    });

    // A range that ends before it starts is said; the table shows on in its order, without figures.
    fireEvent.click(screen.getByRole('button', { name: 'Spend' }));
    await waitFor(() => expect(tableRequests().at(-1)?.sort).toBe('spend'));
    fireEvent.change(from, { target: { value: '2026-03-09' } });
    fireEvent.blur(from);
    expect(await screen.findByText('The range ends before it starts. Choose a later last day.')).toBeTruthy();
    await waitFor(() => expect(tableRequests().at(-1)).not.toHaveProperty('from'));
    expect(tableRequests().at(-1)?.sort).toBe('modified');
  });

  it('is the same after a reload, as the URL keeps it', async () => {
    const { tableRequests } = mockCampaignsApi({ rows: [campaignRow({ metrics: metrics() })] });
    const { router, unmount } = await openCampaigns();
    await findTableRow('Summer Sale');
    fireEvent.change(dateRange(), { target: { value: 'last-30-days' } });
    await waitFor(() => expect(tableRequests().at(-1)?.from).toBe('2026-02-07'));
    fireEvent.click(screen.getByRole('button', { name: 'Clicks' }));
    await waitFor(() => expect(tableRequests().at(-1)?.sort).toBe('clicks'));
    const search = router.state.location.search;

    // A reload starts with nothing in memory but the URL.
    unmount();
    queryClient.clear();
    const reloaded = mockCampaignsApi({ rows: [campaignRow({ metrics: metrics() })] });
    await openCampaigns(search);
    await findTableRow('Summer Sale');
    expect(reloaded.tableRequests()).toEqual([
      expect.objectContaining({ from: '2026-02-07', to: '2026-03-08', sort: 'clicks', direction: 'desc' }),
    ]);
    expect(dateRange().value).toBe('last-30-days');
  });

  it('still shows the table when the accounts’ today can’t be read, counting from the browser’s', async () => {
    vi.useFakeTimers({ now: new Date(2026, 2, 11, 8, 0), toFake: ['Date'] });
    const { tableRequests } = mockCampaignsApi({
      rows: [campaignRow({ metrics: metrics() })],
      reportStatus: () => errorResponse(403, 'forbidden'),
    });
    await openCampaigns('?range=today');

    await findTableRow('Summer Sale');
    expect(tableRequests()).toEqual([expect.objectContaining({ from: '2026-03-11', to: '2026-03-11' })]);
  });

  it('waits for the accounts’ today before asking for rows, so it asks once', async () => {
    let answerStatus = () => {};
    const { tableRequests } = mockCampaignsApi({
      rows: [campaignRow({ metrics: metrics() })],
      reportStatus: () =>
        new Promise<Response>((resolve) => {
          answerStatus = () =>
            resolve(
              jsonResponse({
                accounts: [],
                restatementDays: 7,
                hourlyRetentionDays: 30,
              }),
            );
        }),
    });
    await openCampaigns();
    await screen.findByRole('tabpanel', { name: 'Campaigns' });
    expect(tableRequests()).toEqual([]);
    answerStatus();
    await findTableRow('Summer Sale');
    expect(tableRequests()).toHaveLength(1);
  });
});
