import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  advertiserIds,
  campaignRow,
  campaignSyncAnswer,
  tiktokAccount,
  tiktokConnection,
  tiktokConnectionsAnswer,
} from '../../../testing/fixtures';
import { findTableRow, giveTheTableRoom, mockCampaignsApi, openCampaigns } from '../../../testing/campaigns';
import { errorResponse, jsonResponse } from '../../../testing/mock-api';

beforeEach(() => giveTheTableRoom());

describe('the Campaigns page when there is nothing to show', () => {
  it('says TikTok isn’t connected and links to Integrations, without asking for campaigns', async () => {
    const { tableRequests } = mockCampaignsApi({
      connections: tiktokConnectionsAnswer([]),
      sync: campaignSyncAnswer([]),
    });
    await openCampaigns();

    const empty = (await screen.findByRole('heading', { name: 'TikTok isn’t connected' })).closest(
      'section',
    )!;
    expect(empty.textContent).toContain('Connect a TikTok Business Center in Integrations');
    expect(within(empty).getByRole('link', { name: 'Go to Integrations' }).getAttribute('href')).toBe(
      '/integrations',
    );
    expect(tableRequests()).toEqual([]);
  });

  it('asks to choose ad accounts when TikTok is connected but the workspace uses none', async () => {
    mockCampaignsApi({
      connections: tiktokConnectionsAnswer([
        tiktokConnection({ accounts: [tiktokAccount({ selected: false })] }),
      ]),
      sync: campaignSyncAnswer([]),
    });
    await openCampaigns();

    const empty = (await screen.findByRole('heading', { name: 'No ad accounts chosen' })).closest('section')!;
    expect(empty.textContent).toContain(
      'TikTok is connected, but this workspace doesn’t use any of its ad accounts',
    );
    expect(within(empty).getByRole('link', { name: 'Choose ad accounts' }).getAttribute('href')).toBe(
      '/integrations',
    );
  });

  it('says when the default account has no campaigns, and when no account has any', async () => {
    const { tableRequests } = mockCampaignsApi({ rows: [] });
    await openCampaigns();
    expect(await screen.findByRole('heading', { name: 'No campaigns in Northwind US' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Show all ad accounts' }));
    expect(await screen.findByRole('heading', { name: 'No campaigns yet' })).toBeTruthy();
    expect(tableRequests().at(-1)?.accounts).toBeUndefined();
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
  });

  it('says the table couldn’t load, and Try again asks again', async () => {
    let calls = 0;
    mockCampaignsApi({
      rows: () =>
        ++calls === 1
          ? errorResponse(403, 'forbidden')
          : jsonResponse({ rows: [campaignRow()], nextCursor: null }),
    });
    await openCampaigns();

    expect(
      await screen.findByText('You don’t have permission to do that. Ask a workspace owner or admin.'),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await findTableRow('Summer Sale')).toBeTruthy();
  });
});

describe('the Campaigns view', () => {
  it('shows the default ad account on a first visit, and every account once asked', async () => {
    const { tableRequests } = mockCampaignsApi({ rows: [campaignRow()] });
    const { router } = await openCampaigns();

    await findTableRow('Summer Sale');
    expect(tableRequests()[0]).toEqual({
      level: 'campaign',
      accounts: advertiserIds.us,
      status: 'not_deleted',
      // The last 7 days of Northwind US's own calendar.
      from: '2026-03-02',
      to: '2026-03-08',
      sort: 'modified',
      direction: 'desc',
      limit: '200',
    });
    const accounts = screen.getByRole('button', { name: 'Ad accounts: Northwind US' });

    fireEvent.click(accounts);
    const panel = screen.getByRole('group', { name: 'Ad accounts to show' });
    expect((within(panel).getByRole('checkbox', { name: /Northwind US/ }) as HTMLInputElement).checked).toBe(
      true,
    );
    fireEvent.click(within(panel).getByRole('checkbox', { name: 'All ad accounts' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Apply' }));

    await waitFor(() => expect(tableRequests().at(-1)?.accounts).toBeUndefined());
    expect(new URLSearchParams(router.state.location.search).get('accounts')).toBe('all');
    expect(screen.getByRole('button', { name: 'Ad accounts: All ad accounts' })).toBeTruthy();
  });

  it('shows several chosen accounts, applied at once', async () => {
    const { tableRequests } = mockCampaignsApi({ rows: [campaignRow()] });
    await openCampaigns();
    await findTableRow('Summer Sale');

    fireEvent.click(screen.getByRole('button', { name: 'Ad accounts: Northwind US' }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Northwind EU/ }));
    expect(tableRequests()).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));

    await waitFor(() =>
      expect(tableRequests().at(-1)?.accounts).toBe(`${advertiserIds.us},${advertiserIds.eu}`),
    );
    expect(screen.getByRole('button', { name: 'Ad accounts: 2 ad accounts' })).toBeTruthy();
  });

  it('opens a shared link as it was: tab, accounts, narrowing, filters, range, search and order', async () => {
    const campaignId = '1800000000000000001';
    const { tableRequests } = mockCampaignsApi({
      rows: [campaignRow({ level: 'adgroup', id: '1700000000000000001', campaignName: 'Summer Sale' })],
    });
    await openCampaigns(
      `?tab=ad-groups&accounts=${advertiserIds.eu}&campaigns=${campaignId}&status=paused&objective=TRAFFIC&q=summer&range=custom&from=2026-02-01&to=2026-02-28&sort=name&direction=asc`,
    );

    await screen.findByRole('cell', { name: /Campaign: Summer Sale/ });
    expect(tableRequests()).toEqual([
      {
        level: 'adgroup',
        accounts: advertiserIds.eu,
        campaigns: campaignId,
        status: 'paused',
        objective: 'TRAFFIC',
        q: 'summer',
        from: '2026-02-01',
        to: '2026-02-28',
        sort: 'name',
        direction: 'asc',
        limit: '200',
      },
    ]);
    expect((screen.getByRole('combobox', { name: 'Date range' }) as HTMLSelectElement).value).toBe('custom');
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('2026-02-01');
    expect(screen.getByRole('tab', { name: 'Ad groups' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel', { name: 'Ad groups' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ad accounts: Northwind EU' })).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Status' }) as HTMLSelectElement).value).toBe('paused');
    expect((screen.getByRole('combobox', { name: 'Objective' }) as HTMLSelectElement).value).toBe('TRAFFIC');
    expect((screen.getByRole('searchbox', { name: 'Search by name or ID' }) as HTMLInputElement).value).toBe(
      'summer',
    );
    expect(screen.getByRole('columnheader', { name: 'Name' }).getAttribute('aria-sort')).toBe('ascending');
    expect(screen.getByText(/Showing ad groups of 1 selected campaign/)).toBeTruthy();
  });

  it('moves between tabs by click and arrow keys, and Back returns to the tab before', async () => {
    const { tableRequests } = mockCampaignsApi({ rows: [] });
    const { router } = await openCampaigns('?accounts=all');
    await screen.findByRole('heading', { name: 'No campaigns yet' });

    fireEvent.click(screen.getByRole('tab', { name: 'Ads' }));
    expect(await screen.findByRole('heading', { name: 'No ads yet' })).toBeTruthy();
    expect(router.state.location.search).toBe('?tab=ads&accounts=all');
    expect(tableRequests().at(-1)?.level).toBe('ad');

    fireEvent.keyDown(screen.getByRole('tab', { name: 'Ads' }), { key: 'ArrowLeft' });
    expect(await screen.findByRole('heading', { name: 'No ad groups yet' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Ad groups' }));

    await act(() => router.navigate(-1));
    expect(await screen.findByRole('heading', { name: 'No ads yet' })).toBeTruthy();
    await act(() => router.navigate(-1));
    expect(await screen.findByRole('heading', { name: 'No campaigns yet' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Campaigns' }).getAttribute('aria-selected')).toBe('true');
  });
});
