import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ReportBreakdownRow } from '@whathead/contracts';
import { describe, expect, it, vi } from 'vitest';
import { workspaceIds } from '../../../testing/fixtures';
import { jsonResponse, type MockHandler } from '../../../testing/mock-api';
import {
  adgroupId,
  advertiserIds,
  breakdownRow,
  campaignId,
  europeAccount,
  metrics,
  mockReportsApi,
  openReports,
  reportAccount,
  statusAnswer,
} from './reports.testing';

vi.mock('./report-chart', () => ({
  ReportChart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));

const adgroupRow = breakdownRow({
  level: 'adgroup',
  id: adgroupId,
  name: 'Broad audience',
  adgroupId,
  adgroupName: 'Broad audience',
});
const adRow = breakdownRow({
  level: 'ad',
  id: '1600000000000000001',
  name: 'Beach video',
  adgroupId,
  adgroupName: 'Broad audience',
});

/** The rows of the level asked for, as the server would answer them. */
const rowsByLevel: MockHandler = (request) => {
  const rows: Record<string, ReportBreakdownRow[]> = {
    campaign: [breakdownRow()],
    adgroup: [adgroupRow],
    ad: [adRow],
  };
  return jsonResponse({ rows: rows[request.query.get('level') ?? 'campaign'], truncated: false });
};

const csvLink = () => screen.getByRole('link', { name: 'Export CSV' });

describe('the breakdown', () => {
  it('drills from a campaign to its ad groups and ads, narrowing the figures, and climbs back by breadcrumbs', async () => {
    const { overviewRequests, breakdownRequests } = mockReportsApi({ breakdown: rowsByLevel });
    const { router } = await openReports();

    fireEvent.click(await screen.findByRole('link', { name: 'Summer Sale' }));
    await waitFor(() =>
      expect(breakdownRequests().at(-1)).toMatchObject({ level: 'adgroup', campaign: campaignId }),
    );
    expect(overviewRequests().at(-1)).toMatchObject({ campaign: campaignId });
    expect(screen.getByRole('tab', { name: 'Ad groups' }).getAttribute('aria-selected')).toBe('true');
    const crumbs = await screen.findByRole('navigation', { name: 'Breadcrumb' });
    expect(within(crumbs).getByText('Summer Sale').getAttribute('aria-current')).toBe('page');

    fireEvent.click(await screen.findByRole('link', { name: 'Broad audience' }));
    await waitFor(() =>
      expect(breakdownRequests().at(-1)).toMatchObject({
        level: 'ad',
        campaign: campaignId,
        adgroup: adgroupId,
      }),
    );
    expect(await screen.findByText('Beach video')).toBeTruthy();
    expect(overviewRequests().at(-1)).toMatchObject({ campaign: campaignId, adgroup: adgroupId });

    // Up again: views seen before come from the cache, so the page is what tells.
    const breadcrumb = () => within(screen.getByRole('navigation', { name: 'Breadcrumb' }));
    fireEvent.click(breadcrumb().getByRole('link', { name: 'Summer Sale' }));
    expect(await screen.findByRole('link', { name: 'Broad audience' })).toBeTruthy();
    expect(new URLSearchParams(router.state.location.search).get('adgroup')).toBeNull();
    expect(screen.getByRole('tab', { name: 'Ad groups' }).getAttribute('aria-selected')).toBe('true');

    fireEvent.click(breadcrumb().getByRole('link', { name: 'All campaigns' }));
    expect(await screen.findByRole('link', { name: 'Summer Sale' })).toBeTruthy();
    expect(router.state.location.search).toBe('');
    expect(screen.queryByRole('navigation', { name: 'Breadcrumb' })).toBeNull();

    // Back retraces the drill-down.
    await act(() => router.navigate(-1));
    expect(await screen.findByRole('link', { name: 'Broad audience' })).toBeTruthy();
    expect(new URLSearchParams(router.state.location.search).get('campaign')).toBe(campaignId);
  });

  it('is sorted by the server: a header asks for its column, a second click for the other way', async () => {
    const { breakdownRequests } = mockReportsApi();
    await openReports();

    const spend = await screen.findByRole('columnheader', { name: 'Spend' });
    expect(spend.getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(within(spend).getByRole('button'));
    await waitFor(() =>
      expect(breakdownRequests().at(-1)).toMatchObject({ sort: 'spend', direction: 'asc' }),
    );

    fireEvent.click(within(screen.getByRole('columnheader', { name: 'CTR' })).getByRole('button'));
    await waitFor(() => expect(breakdownRequests().at(-1)).toMatchObject({ sort: 'ctr', direction: 'desc' }));
    fireEvent.click(within(screen.getByRole('columnheader', { name: 'Name' })).getByRole('button'));
    await waitFor(() => expect(breakdownRequests().at(-1)).toMatchObject({ sort: 'name', direction: 'asc' }));
    expect(screen.getByRole('columnheader', { name: 'Name' }).getAttribute('aria-sort')).toBe('ascending');
  });

  it('searches names once typing pauses, and says when nothing matches', async () => {
    const { breakdownRequests } = mockReportsApi({
      breakdown: (request) =>
        jsonResponse({ rows: request.query.has('q') ? [] : [breakdownRow()], truncated: false }),
    });
    await openReports();

    fireEvent.change(await screen.findByRole('searchbox', { name: 'Search campaigns' }), {
      target: { value: ' winter ' },
    });
    await waitFor(() => expect(breakdownRequests().at(-1)?.q).toBe('winter'));
    expect(await screen.findByText('No campaigns match “winter” in this range.')).toBeTruthy();
  });

  it('exports the same rows and range as a CSV download', async () => {
    mockReportsApi({ breakdown: rowsByLevel });
    await openReports('?range=last-14-days&sort=clicks&direction=asc');

    await screen.findByRole('link', { name: 'Summer Sale' });
    const base = `/api/workspaces/${workspaceIds.acme}/reports/breakdown.csv`;
    expect(csvLink().hasAttribute('download')).toBe(true);
    expect(csvLink().getAttribute('href')).toBe(
      `${base}?accounts=${advertiserIds.us}&from=2026-02-23&to=2026-03-08&level=campaign&sort=clicks&direction=asc`,
    );

    fireEvent.click(screen.getByRole('link', { name: 'Summer Sale' }));
    await waitFor(() =>
      expect(csvLink().getAttribute('href')).toBe(
        `${base}?accounts=${advertiserIds.us}&from=2026-02-23&to=2026-03-08&campaign=${campaignId}&level=adgroup&sort=clicks&direction=asc`,
      ),
    );
  });

  it('says when only the first 1,000 rows are shown', async () => {
    mockReportsApi({ breakdown: { rows: [breakdownRow()], truncated: true } });
    await openReports();
    expect(
      await screen.findByText(/Only the first 1,000 campaigns are shown\. Export CSV has them all\./),
    ).toBeTruthy();
  });

  it('names each row’s account and currency when the accounts pay in several', async () => {
    mockReportsApi({
      status: statusAnswer([reportAccount(), europeAccount()]),
      breakdown: {
        rows: [
          breakdownRow(),
          breakdownRow({
            advertiserId: advertiserIds.eu,
            advertiserName: 'Northwind EU',
            id: '1800000000000000002',
            name: 'Winter Sale',
            currency: 'EUR',
            metrics: metrics({ spend: '75.000' }),
          }),
        ],
        truncated: false,
      },
    });
    await openReports(`?accounts=${advertiserIds.us},${advertiserIds.eu}`);

    const winter = (await screen.findByRole('link', { name: 'Winter Sale' })).closest('tr')!;
    const cells = within(winter)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells.slice(0, 3)).toEqual([
      'Northwind EU',
      'EUR',
      new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR' }).format(75),
    ]);
    expect(screen.getByRole('columnheader', { name: 'Currency' })).toBeTruthy();
  });
});
