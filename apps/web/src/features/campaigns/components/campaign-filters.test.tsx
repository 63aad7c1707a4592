import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { campaignRow } from '../../../testing/fixtures';
import { findTableRow, giveTheTableRoom, mockCampaignsApi, openCampaigns } from '../../../testing/campaigns';
import { jsonResponse, type RecordedRequest } from '../../../testing/mock-api';

beforeEach(() => {
  giveTheTableRoom();
  window.localStorage.clear();
});

describe('the Campaigns filters', () => {
  it('asks the server for the chosen status and objective, and keeps them in the URL', async () => {
    const { tableRequests } = mockCampaignsApi({ rows: [campaignRow()] });
    const { router } = await openCampaigns();
    await findTableRow('Summer Sale');

    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), {
      target: { value: 'not_delivering' },
    });
    await waitFor(() => expect(tableRequests().at(-1)?.status).toBe('not_delivering'));
    fireEvent.change(screen.getByRole('combobox', { name: 'Objective' }), { target: { value: 'TRAFFIC' } });
    await waitFor(() =>
      expect(tableRequests().at(-1)).toMatchObject({ status: 'not_delivering', objective: 'TRAFFIC' }),
    );

    const url = new URLSearchParams(router.state.location.search);
    expect([url.get('status'), url.get('objective')]).toEqual(['not_delivering', 'TRAFFIC']);
    expect(
      Array.from(
        (screen.getByRole('combobox', { name: 'Status' }) as HTMLSelectElement).options,
        (option) => option.text,
      ),
    ).toEqual([
      'Active',
      'Paused',
      'Not delivering',
      'Scheduled',
      'Completed',
      'Deleted',
      'All but deleted',
      'All',
    ]);
  });

  it('searches once typing pauses, not on every key, and Back undoes the search', async () => {
    const { tableRequests } = mockCampaignsApi({ rows: [campaignRow()] });
    const { router } = await openCampaigns();
    await findTableRow('Summer Sale');
    const search = screen.getByRole('searchbox', { name: 'Search by name or ID' });

    for (const typed of ['s', 'su', 'sum', 'summ', 'summe', 'summer'])
      fireEvent.change(search, { target: { value: typed } });
    expect(tableRequests().some((query) => query.q !== undefined)).toBe(false);

    await waitFor(() => expect(tableRequests().at(-1)?.q).toBe('summer'));
    expect(tableRequests().filter((query) => query.q !== undefined)).toHaveLength(1);
    expect(new URLSearchParams(router.state.location.search).get('q')).toBe('summer');

    await router.navigate(-1);
    await waitFor(() => expect((search as HTMLInputElement).value).toBe(''));
    expect(router.state.location.search).toBe('');
  });

  it('keeps what was typed when the user moves to another tab before the search pause', async () => {
    mockCampaignsApi({ rows: [campaignRow()] });
    const { router } = await openCampaigns();
    await findTableRow('Summer Sale');
    const search = screen.getByRole('searchbox', { name: 'Search by name or ID' });

    fireEvent.change(search, { target: { value: 'Black Friday' } });
    fireEvent.focusOut(search);
    fireEvent.click(screen.getByRole('tab', { name: 'Ad groups' }));

    await waitFor(() => {
      const params = new URLSearchParams(router.state.location.search);
      expect([params.get('tab'), params.get('q')]).toEqual(['ad-groups', 'Black Friday']);
    });
    expect((screen.getByRole('searchbox', { name: 'Search by name or ID' }) as HTMLInputElement).value).toBe(
      'Black Friday',
    );
  });

  it('sorts on the server by the column header, newest or biggest first, then the other way', async () => {
    const { tableRequests } = mockCampaignsApi({ rows: [campaignRow()] });
    await openCampaigns();
    await findTableRow('Summer Sale');
    expect(screen.getByRole('columnheader', { name: 'Modified' }).getAttribute('aria-sort')).toBe(
      'descending',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Budget' }));
    await waitFor(() => expect(tableRequests().at(-1)).toMatchObject({ sort: 'budget', direction: 'desc' }));
    expect((await screen.findByRole('columnheader', { name: 'Budget' })).getAttribute('aria-sort')).toBe(
      'descending',
    );
    expect(screen.getByRole('columnheader', { name: 'Modified' }).hasAttribute('aria-sort')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Budget' }));
    await waitFor(() => expect(tableRequests().at(-1)).toMatchObject({ sort: 'budget', direction: 'asc' }));

    fireEvent.click(screen.getByRole('button', { name: 'Name' }));
    await waitFor(() => expect(tableRequests().at(-1)).toMatchObject({ sort: 'name', direction: 'asc' }));
  });

  it('says when filters match nothing, and Clear filters shows every row again', async () => {
    const { tableRequests } = mockCampaignsApi({
      rows: (request: RecordedRequest) =>
        jsonResponse({ rows: request.query.has('q') ? [] : [campaignRow()], nextCursor: null }),
    });
    const { router } = await openCampaigns('?status=paused&q=winter');

    const empty = (await screen.findByRole('heading', { name: 'No campaigns match these filters' })).closest(
      'section',
    )!;
    fireEvent.click(within(empty).getByRole('button', { name: 'Clear filters' }));

    await findTableRow('Summer Sale');
    expect(tableRequests().at(-1)).toEqual({
      level: 'campaign',
      status: 'not_deleted',
      from: '2026-03-02',
      to: '2026-03-08',
      sort: 'modified',
      direction: 'desc',
      limit: '200',
    });
    expect(router.state.location.search).toBe('?accounts=all');
    expect((screen.getByRole('searchbox', { name: 'Search by name or ID' }) as HTMLInputElement).value).toBe(
      '',
    );
  });

  it('shows the performance columns, and remembers the columns hidden per level', async () => {
    mockCampaignsApi({ rows: [campaignRow()] });
    const { unmount } = await openCampaigns();
    await findTableRow('Summer Sale');
    for (const metric of ['Spend', 'Impressions', 'Clicks', 'CTR', 'CPC', 'Conversions', 'CPA'])
      expect(screen.getByRole('columnheader', { name: metric })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Columns' }));
    const chooser = screen.getByRole('group', { name: 'Columns to show' });
    expect(within(chooser).getByRole('group', { name: 'Performance' }).textContent).toContain(
      'Over the date range chosen above',
    );
    fireEvent.click(within(chooser).getByRole('checkbox', { name: 'Spend' }));
    fireEvent.click(within(chooser).getByRole('checkbox', { name: 'Objective' }));

    expect(screen.queryByRole('columnheader', { name: 'Spend' })).toBeNull();
    expect(screen.queryByRole('columnheader', { name: 'Objective' })).toBeNull();
    expect(screen.getByRole('columnheader', { name: 'Clicks' })).toBeTruthy();

    unmount();
    mockCampaignsApi({ rows: [campaignRow()] });
    await openCampaigns();
    await findTableRow('Summer Sale');
    expect(screen.queryByRole('columnheader', { name: 'Spend' })).toBeNull();
    expect(screen.queryByRole('columnheader', { name: 'Objective' })).toBeNull();

    fireEvent.click(screen.getByRole('tab', { name: 'Ads' }));
    await waitFor(() => expect(screen.getByRole('tabpanel', { name: 'Ads' })).toBeTruthy());
    await findTableRow('Summer Sale');
    expect(screen.getByRole('columnheader', { name: 'Spend' })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Objective' })).toBeTruthy();
  });

  it('shows the performance columns to those who chose columns while they were empty', async () => {
    // Saved before the columns had figures, when they were hidden by default.
    window.localStorage.setItem(
      'whathead.campaigns.columns.campaign',
      JSON.stringify({ objective: false, spend: false, clicks: false }),
    );
    mockCampaignsApi({ rows: [campaignRow()] });
    await openCampaigns();
    await findTableRow('Summer Sale');
    expect(screen.getByRole('columnheader', { name: 'Spend' })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Clicks' })).toBeTruthy();
    expect(screen.queryByRole('columnheader', { name: 'Objective' })).toBeNull();
  });
});
