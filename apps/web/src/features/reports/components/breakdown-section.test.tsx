import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ReportBreakdownRow } from '@whathead/contracts';
import { describe, expect, it, vi } from 'vitest';
import { advertiserIds, workspaceIds } from '../../../testing/fixtures';
import { jsonResponse, type MockHandler } from '../../../testing/mock-api';
import { europeAccount, reportAccount, reportStatusAnswer } from '../../../testing/report-status';
import { adgroupId, breakdownRow, campaignId, metrics, mockReportsApi, openReports } from './reports.testing';

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

/** A paragraph whose whole text is `text` (its names are in bold, apart). */
const paragraph = (text: string) => (_: string, element: Element | null) =>
  element?.tagName === 'P' && element.textContent === text;

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

  it('says above the tiles what they add up once drilled into, and goes back to the whole account', async () => {
    mockReportsApi({ breakdown: rowsByLevel });
    const { router } = await openReports();
    await screen.findByRole('link', { name: 'Summer Sale' });
    expect(screen.queryByText(/^Showing /)).toBeNull();

    fireEvent.click(screen.getByRole('link', { name: 'Summer Sale' }));
    const scope = await screen.findByText(paragraph('Showing campaign: Summer Sale'));
    const totals = await screen.findByRole('region', { name: 'Totals' });
    expect(scope.compareDocumentPosition(totals) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    fireEvent.click(await screen.findByRole('link', { name: 'Broad audience' }));
    expect(
      await screen.findByText(paragraph('Showing ad group: Broad audience in Summer Sale')),
    ).toBeTruthy();
    // A search that finds nothing still names what is shown.
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search ads' }), { target: { value: 'zzz' } });
    await waitFor(() => expect(router.state.location.search).toContain('q=zzz'));
    expect(screen.getByText(paragraph('Showing ad group: Broad audience in Summer Sale'))).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Show whole account' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    await waitFor(() => expect(screen.queryByText(/^Showing /)).toBeNull());
    expect(screen.getByRole('tab', { name: 'Campaigns' }).getAttribute('aria-selected')).toBe('true');
  });

  it('keeps the keyboard’s place after a drill-down: on the crumb shown, or the heading at the top', async () => {
    mockReportsApi({ breakdown: rowsByLevel });
    const { router } = await openReports();
    const campaign = await screen.findByRole('link', { name: 'Summer Sale' });
    const heading = screen.getByRole('heading', { name: 'Breakdown' });
    // Opening the page moves no focus.
    expect(document.activeElement).toBe(document.body);
    const currentCrumb = () =>
      within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getByText((_, element) =>
        Boolean(element?.matches('[aria-current="page"]')),
      );

    // Enter on a link is a click on it.
    campaign.focus();
    fireEvent.click(campaign);
    await waitFor(() => expect(document.activeElement).toBe(currentCrumb()));
    expect(document.activeElement?.textContent).toBe('Summer Sale');

    fireEvent.click(await screen.findByRole('link', { name: 'Broad audience' }));
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Broad audience'));
    expect(document.activeElement).toBe(currentCrumb());

    const breadcrumb = within(screen.getByRole('navigation', { name: 'Breadcrumb' }));
    fireEvent.click(breadcrumb.getByRole('link', { name: 'All campaigns' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(heading.tabIndex).toBe(-1);

    // The button above the tiles that goes back to the whole account is gone once pressed too.
    fireEvent.click(await screen.findByRole('link', { name: 'Summer Sale' }));
    const wholeAccount = await screen.findByRole('button', { name: 'Show whole account' });
    wholeAccount.focus();
    fireEvent.click(wholeAccount);
    await waitFor(() => expect(router.state.location.search).toBe(''));
    await waitFor(() => expect(document.activeElement).toBe(heading));

    // A tab keeps the focus it has; so does Back.
    const adsTab = screen.getByRole('tab', { name: 'Ads' });
    adsTab.focus();
    fireEvent.click(adsTab);
    await waitFor(() => expect(router.state.location.search).toBe('?level=ad'));
    expect(document.activeElement).toBe(adsTab);
    await act(() => router.navigate(-1));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(document.activeElement).toBe(adsTab);
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

  it('groups the rows by currency when there are several, each group in the server’s order', async () => {
    const row = (name: string, id: string, spend: string, euro = false) =>
      breakdownRow({
        id,
        name,
        campaignId: id,
        campaignName: name,
        metrics: metrics({ spend }),
        ...(euro && { advertiserId: advertiserIds.eu, advertiserName: 'Northwind EU', currency: 'EUR' }),
      });
    mockReportsApi({
      status: reportStatusAnswer([reportAccount(), europeAccount()]),
      breakdown: {
        rows: [
          row('Summer Sale', '1800000000000000001', '500.000'),
          row('Winter Sale', '1800000000000000002', '450.000', true),
          row('Spring Sale', '1800000000000000003', '100.000'),
        ],
        truncated: false,
      },
    });
    await openReports(`?accounts=${advertiserIds.us},${advertiserIds.eu}`);

    await screen.findByRole('link', { name: 'Winter Sale' });
    const table = screen.getByRole('table', { name: 'Campaigns in the range, by currency' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((tableRow) => tableRow.querySelector('th')!.textContent);
    expect(rows).toEqual([
      'USD Northwind US',
      'Summer Sale',
      'Spring Sale',
      'EUR Northwind EU',
      'Winter Sale',
    ]);
  });

  it('shows that a table wider than its card scrolls sideways', async () => {
    // jsdom lays nothing out: the table is made 1,600 px wide in a card of 1,000.
    vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockImplementation(function (this: HTMLElement) {
      return this.classList.contains('side-scroll__scroller') ? 1600 : 0;
    });
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (this: HTMLElement) {
      return this.classList.contains('side-scroll__scroller') ? 1000 : 0;
    });
    let scrollLeft = 0;
    vi.spyOn(HTMLElement.prototype, 'scrollLeft', 'get').mockImplementation(() => scrollLeft);
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(private readonly callback: () => void) {}
        observe() {
          this.callback();
        }
        disconnect() {}
      },
    );
    mockReportsApi();
    await openReports();

    expect(await screen.findByText('Scroll sideways for more columns')).toBeTruthy();
    // A region one can focus and scroll with the keys; the right edge fades over what is cut off.
    const scroller = screen.getByRole('region', { name: 'Campaigns table' });
    expect(scroller.tabIndex).toBe(0);
    const frame = scroller.parentElement!;
    expect(frame.className).toContain('side-scroll__frame--after');

    scrollLeft = 600;
    fireEvent.scroll(scroller);
    await waitFor(() => expect(frame.className).toContain('side-scroll__frame--before'));
    expect(frame.className).not.toContain('side-scroll__frame--after');
  });

  it('names each row’s account and currency when the accounts pay in several', async () => {
    mockReportsApi({
      status: reportStatusAnswer([reportAccount(), europeAccount()]),
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
