import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorResponse, jsonResponse } from '../../../testing/mock-api';
import type { ReportAccountStatus } from '@whathead/contracts';
import { advertiserIds } from '../../../testing/fixtures';
import { europeAccount, reportAccount, reportStatusAnswer } from '../../../testing/report-status';
import {
  breakdownRow,
  currencyTotals,
  metrics,
  mockReportsApi,
  openReports,
  overviewAnswer,
  syncRoute,
} from './reports.testing';

// ECharts draws nothing in jsdom: the chart is a stand-in here (report-figures.test.tsx reads its option).
vi.mock('./report-chart', () => ({
  ReportChart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));

afterEach(() => vi.useRealTimers());

const arriving = 'Figures for this range are still arriving from TikTok.';

/** The browser's generic name of a zone: "Pacific Time" in English. */
function zoneName(timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, { timeZone, timeZoneName: 'longGeneric' })
    .formatToParts(new Date())
    .find((part) => part.type === 'timeZoneName')!.value;
}

describe('the Reports page without ad accounts', () => {
  it('says where to connect TikTok or choose accounts, and asks for no figures', async () => {
    const { overviewRequests, breakdownRequests } = mockReportsApi({ status: reportStatusAnswer([]) });
    await openReports();

    const empty = (await screen.findByRole('heading', { name: 'No performance data yet' })).closest(
      'section',
    )!;
    expect(empty.textContent).toContain('Connect TikTok or choose ad accounts in Integrations.');
    expect(within(empty).getByRole('link', { name: 'Go to Integrations' }).getAttribute('href')).toBe(
      '/integrations',
    );
    expect(overviewRequests()).toEqual([]);
    expect(breakdownRequests()).toEqual([]);
  });

  it('says what went wrong when the accounts can’t be read, and Retry asks again', async () => {
    let calls = 0;
    mockReportsApi({
      // Refused, not failed: a retryable failure would be retried before the page says anything.
      status: () => (++calls === 1 ? errorResponse(403, 'forbidden') : jsonResponse(reportStatusAnswer())),
    });
    await openReports();

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Reports couldn’t load.');
    expect(alert.textContent).toContain('You don’t have permission to do that.');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('button', { name: 'Ad accounts: Northwind US (default) · 2 in use' }),
    ).toBeTruthy();
  });
});

describe('what the report covers', () => {
  it('starts with the default account and the last 7 days of its own calendar, not the browser’s', async () => {
    // 02:00 UTC on 10 March: Berlin's and the browser's 10 March, but still 9 March in Los Angeles.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-10T02:00:00Z'));
    const { overviewRequests, breakdownRequests } = mockReportsApi();
    await openReports();

    await waitFor(() => expect(overviewRequests()).toHaveLength(1));
    expect(overviewRequests()[0]).toEqual({
      accounts: advertiserIds.us,
      from: '2026-03-02',
      to: '2026-03-08',
      granularity: 'day',
      compare: 'false',
    });
    expect(breakdownRequests()[0]).toEqual({
      accounts: advertiserIds.us,
      from: '2026-03-02',
      to: '2026-03-08',
      level: 'campaign',
      sort: 'spend',
      direction: 'desc',
    });
    // The zone in words where the browser has them ("Pacific Time"), with TikTok's id.
    expect(
      screen.getByText(
        `Days are in ${zoneName('America/Los_Angeles')} (America/Los_Angeles), Northwind US’s time zone.`,
      ),
    ).toBeTruthy();
  });

  it('works every preset out from the account’s today, and Custom starts from the days shown', async () => {
    const { overviewRequests } = mockReportsApi();
    const { router } = await openReports();
    const range = await screen.findByRole('combobox', { name: 'Date range' });
    const lastRequest = () => {
      const { from, to } = overviewRequests().at(-1)!;
      return { from, to };
    };

    const expected = {
      today: { from: '2026-03-09', to: '2026-03-09' },
      yesterday: { from: '2026-03-08', to: '2026-03-08' },
      'last-14-days': { from: '2026-02-23', to: '2026-03-08' },
      'last-30-days': { from: '2026-02-07', to: '2026-03-08' },
      'this-month': { from: '2026-03-01', to: '2026-03-09' },
      'last-month': { from: '2026-02-01', to: '2026-02-28' },
    };
    for (const [preset, days] of Object.entries(expected)) {
      fireEvent.change(range, { target: { value: preset } });
      await waitFor(() => expect(lastRequest()).toEqual(days));
    }

    fireEvent.change(range, { target: { value: 'custom' } });
    const from = (await screen.findByLabelText('From')) as HTMLInputElement;
    expect(from.value).toBe('2026-02-01');
    expect((screen.getByLabelText('To') as HTMLInputElement).value).toBe('2026-02-28');
    fireEvent.change(from, { target: { value: '2026-02-15' } });
    fireEvent.blur(from);
    await waitFor(() => expect(lastRequest()).toEqual({ from: '2026-02-15', to: '2026-02-28' }));
    expect(new URLSearchParams(router.state.location.search).get('from')).toBe('2026-02-15');

    // A range that ends before it starts is said, not sent.
    const requestsBefore = overviewRequests().length;
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-02-10' } });
    fireEvent.blur(screen.getByLabelText('To'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The range ends before it starts. Choose a later last day.',
    );
    expect(overviewRequests()).toHaveLength(requestsBefore);

    await act(() => router.navigate(-1));
    await waitFor(() => expect(lastRequest()).toEqual({ from: '2026-02-15', to: '2026-02-28' }));
  });

  it('asks for a custom day typed with the keyboard once it is done, and never for days after today', async () => {
    const { overviewRequests } = mockReportsApi();
    const { router } = await openReports('?range=custom&from=2026-02-01&to=2026-02-28');
    await waitFor(() => expect(overviewRequests()).toHaveLength(1));
    const search = () => new URLSearchParams(router.state.location.search);
    // Each keystroke as Chromium's field says it (jsdom's has no segments): '' while a segment is half typed.
    const type = (input: HTMLElement, keys: [key: string, value: string][]) => {
      input.focus();
      for (const [key, value] of keys) {
        fireEvent.keyDown(input, { key });
        fireEvent.change(input, { target: { value } });
      }
    };

    // The month "01", then the day "15".
    const from = screen.getByLabelText('From') as HTMLInputElement;
    type(from, [
      ['0', ''],
      ['1', '2026-01-01'],
      ['1', '2026-01-01'],
      ['5', '2026-01-15'],
    ]);
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(overviewRequests()).toHaveLength(1);
    expect(search().get('from')).toBe('2026-02-01');
    expect(from.value).toBe('2026-01-15');

    fireEvent.blur(from);
    await waitFor(() =>
      expect(overviewRequests().at(-1)).toMatchObject({ from: '2026-01-15', to: '2026-02-28' }),
    );
    expect(overviewRequests()).toHaveLength(2);
    expect(search().get('from')).toBe('2026-01-15');

    // The accounts' today is 9 March: a last day after it (the month "03", the day "20") is said,
    // and not asked for.
    const to = screen.getByLabelText('To') as HTMLInputElement;
    type(to, [
      ['0', ''],
      ['3', '2026-03-28'],
      ['2', '2026-03-02'],
      ['0', '2026-03-20'],
    ]);
    fireEvent.keyDown(to, { key: 'Enter' });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The range ends after today. Choose today or an earlier day.',
    );
    expect(search().get('to')).toBe('2026-02-28');
    expect(overviewRequests()).toHaveLength(2);
  });

  it('takes several accounts at once, and the presets follow the first of them', async () => {
    const { overviewRequests } = mockReportsApi({
      status: reportStatusAnswer([europeAccount(), reportAccount()]),
    });
    const { router } = await openReports();

    // The default account alone at first, and the button says that others are in use.
    fireEvent.click(
      await screen.findByRole('button', { name: 'Ad accounts: Northwind US (default) · 2 in use' }),
    );
    const panel = screen.getByRole('group', { name: 'Ad accounts to report on' });
    expect((within(panel).getByRole('checkbox', { name: /Northwind US/ }) as HTMLInputElement).checked).toBe(
      true,
    );
    fireEvent.click(within(panel).getByRole('checkbox', { name: /Northwind EU/ }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Apply' }));

    await waitFor(() =>
      expect(overviewRequests().at(-1)).toMatchObject({
        accounts: `${advertiserIds.eu},${advertiserIds.us}`,
        // Northwind EU comes first, and its today is 10 March.
        from: '2026-03-03',
        to: '2026-03-09',
      }),
    );
    expect(new URLSearchParams(router.state.location.search).get('accounts')).toBe(
      `${advertiserIds.eu},${advertiserIds.us}`,
    );
    expect(screen.getByRole('button', { name: 'Ad accounts: 2 ad accounts' })).toBeTruthy();
    expect(
      screen.getByText(/Each ad account’s days are in its own time zone; the presets follow Northwind EU/),
    ).toBeTruthy();
  });

  it('opens a shared link as it was: accounts, range, compare, level, drill-down, search and order', async () => {
    const { overviewRequests, breakdownRequests } = mockReportsApi();
    await openReports(
      `?accounts=${advertiserIds.eu}&range=custom&from=2026-01-01&to=2026-01-31&compare=true&level=adgroup&campaign=1800000000000000001&q=broad&sort=name&direction=asc`,
    );

    await waitFor(() => expect(breakdownRequests()).toHaveLength(1));
    const scope = {
      accounts: advertiserIds.eu,
      from: '2026-01-01',
      to: '2026-01-31',
      campaign: '1800000000000000001',
    };
    expect(overviewRequests()[0]).toEqual({ ...scope, granularity: 'day', compare: 'true' });
    expect(breakdownRequests()[0]).toEqual({
      ...scope,
      level: 'adgroup',
      q: 'broad',
      sort: 'name',
      direction: 'asc',
    });
    expect(
      (screen.getByRole('checkbox', { name: /Compare to previous period/ }) as HTMLInputElement).checked,
    ).toBe(true);
    expect(screen.getByRole('tab', { name: 'Ad groups' }).getAttribute('aria-selected')).toBe('true');
    expect((screen.getByRole('searchbox', { name: 'Search ad groups' }) as HTMLInputElement).value).toBe(
      'broad',
    );
  });
});

describe('the accounts’ syncs', () => {
  it('show each account’s backfill with a bar, and the figures stored so far meanwhile', async () => {
    const backfilling = reportAccount({
      state: 'syncing',
      backfill: { storedDays: 120, totalDays: 365, storedFrom: '2025-11-10' },
    });
    const { overviewRequests } = mockReportsApi({ status: reportStatusAnswer([backfilling]) });
    await openReports();

    expect(await screen.findByText('Backfilling Northwind US: 120 of 365 days')).toBeTruthy();
    const bar = screen.getByRole('progressbar', { name: 'Backfill of Northwind US' }) as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([120, 365]);
    await waitFor(() => expect(overviewRequests()).toHaveLength(1));
    expect(await screen.findByRole('region', { name: 'Totals' })).toBeTruthy();
  });

  it('show the range’s days as soon as the first sync stored them, saying meanwhile that they are coming', async () => {
    const firstSync = (backfill: ReportAccountStatus['backfill']) =>
      reportStatusAnswer([reportAccount({ state: 'syncing', lastSyncedAt: null, backfill })]);
    let looks = 0;
    const isStored = () => looks > 1;
    const { overviewRequests } = mockReportsApi({
      // The first look finds nothing stored yet; the next (a poll, the sync still running) finds
      // the last 30 days stored, the range among them.
      status: () => {
        looks += 1;
        return jsonResponse(
          isStored()
            ? firstSync({ storedDays: 30, totalDays: 365, storedFrom: '2026-02-08' })
            : firstSync({ storedDays: 0, totalDays: 365, storedFrom: null }),
        );
      },
      overview: () => jsonResponse(isStored() ? overviewAnswer() : overviewAnswer({ totals: [] })),
      breakdown: () => jsonResponse({ rows: isStored() ? [breakdownRow()] : [], truncated: false }),
    });
    await openReports();

    expect(
      await screen.findByText('Still importing from TikTok: this range’s figures appear as they arrive.'),
    ).toBeTruthy();
    // Not "nothing was delivered": the chart and the breakdown say the figures are coming (the
    // tiles have the notice just above them).
    await waitFor(() => expect(screen.getAllByText(arriving)).toHaveLength(2));
    expect(screen.queryByText(/Nothing was delivered|No campaigns delivered/)).toBeNull();

    // The sync has not finished, yet the stored days come onto the page.
    const totals = await screen.findByRole('region', { name: 'Totals' }, { timeout: 15_000 });
    expect(within(totals).getByRole('group', { name: 'Spend' }).textContent).toContain(
      new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' }).format(1250.5),
    );
    expect(await screen.findByRole('link', { name: 'Summer Sale' })).toBeTruthy();
    expect(overviewRequests().length).toBeGreaterThan(1);
    expect(screen.getByText('Syncing…')).toBeTruthy();
    expect(screen.queryByText(/Still importing/)).toBeNull();
    expect(screen.queryByText(arriving)).toBeNull();
  });

  it('say above the tiles which of the range’s days are still coming, not that nothing was delivered', async () => {
    mockReportsApi({
      status: reportStatusAnswer([
        reportAccount({
          state: 'syncing',
          backfill: { storedDays: 5, totalDays: 365, storedFrom: '2026-03-05' },
        }),
      ]),
      // As the server answers before the range's days are stored: its points, without figures.
      overview: overviewAnswer({
        totals: [
          currencyTotals({
            current: metrics(),
            series: ['2026-03-02', '2026-03-03'].map((time) => ({ time, metrics: metrics() })),
          }),
        ],
      }),
      breakdown: { rows: [], truncated: false },
    });
    await openReports();

    const notice = await screen.findByText(
      'Still importing from TikTok: days before Mar 5, 2026 appear as they arrive.',
    );
    const spend = within(await screen.findByRole('region', { name: 'Totals' })).getByRole('group', {
      name: 'Spend',
    });
    expect(notice.compareDocumentPosition(spend) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(spend.textContent).toContain('—');
    // No empty axes: the chart says the figures are coming.
    const chart = screen.getByRole('region', { name: 'Performance over time' });
    expect(await within(chart).findByText(arriving)).toBeTruthy();
    expect(within(chart).queryByRole('img')).toBeNull();
    const breakdown = screen.getByRole('region', { name: 'Breakdown' });
    expect(await within(breakdown).findByText(arriving)).toBeTruthy();
    expect(within(breakdown).queryByText('No campaigns delivered in this range.')).toBeNull();

    // Yesterday is stored: nothing to wait for, so no rows are no delivery.
    fireEvent.change(screen.getByRole('combobox', { name: 'Date range' }), {
      target: { value: 'yesterday' },
    });
    expect(await within(breakdown).findByText('No campaigns delivered in this range.')).toBeTruthy();
    expect(screen.queryByText(/Still importing/)).toBeNull();
  });

  it('name the account still importing when several are shown', async () => {
    mockReportsApi({
      status: reportStatusAnswer([reportAccount(), europeAccount({ state: 'queued', backfill: null })]),
    });
    await openReports(`?accounts=${advertiserIds.us},${advertiserIds.eu}`);

    expect(
      await screen.findByText(
        'Still importing Northwind EU from TikTok: this range’s figures appear as they arrive.',
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/Still importing Northwind US/)).toBeNull();
  });

  it('say when each account last synced, and why one failed', async () => {
    const fiveMinutesAgo = new Date(Date.now() - 5 * 60_000).toISOString();
    mockReportsApi({
      status: reportStatusAnswer([
        reportAccount({ lastSyncedAt: fiveMinutesAgo }),
        europeAccount({ state: 'failed', error: 'TikTok no longer accepts this connection.' }),
      ]),
    });
    await openReports(`?accounts=${advertiserIds.us},${advertiserIds.eu}`);

    const syncs = await screen.findByRole('list', { name: 'Ad account syncs' });
    expect(syncs.textContent).toContain('Synced 5 minutes ago');
    expect(syncs.textContent).toContain(
      'Northwind EU couldn’t be synced: TikTok no longer accepts this connection.',
    );
  });

  it('Sync now queues a sync, waits for it, and then reads the figures again', async () => {
    let syncs = 0;
    const queued = reportStatusAnswer([reportAccount({ state: 'queued' }), europeAccount()]);
    const done = reportStatusAnswer([
      reportAccount({ lastSyncedAt: '2026-03-09T11:00:00.000Z' }),
      europeAccount(),
    ]);
    const { overviewRequests, requests } = mockReportsApi({
      // The sync's own answer says queued; the next look finds it done.
      status: () => jsonResponse(syncs === 0 ? reportStatusAnswer() : done),
      handlers: {
        [syncRoute]: () => {
          syncs += 1;
          return jsonResponse(queued);
        },
      },
    });
    await openReports();
    await waitFor(() => expect(overviewRequests()).toHaveLength(1));

    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Sync now' }).getAttribute('aria-disabled')).toBe('true'),
    );
    expect(requests.find((request) => request.method === 'POST')?.headers.get('x-csrf-token')).toBe(
      'signed-in-token',
    );
    expect(screen.getByText('Waiting to sync…')).toBeTruthy();

    // The status is asked again every few seconds until the sync ends; the figures follow.
    await waitFor(() => expect(overviewRequests()).toHaveLength(2), { timeout: 15_000 });
    expect(screen.getByRole('button', { name: 'Sync now' }).getAttribute('aria-disabled')).toBeNull();
  });
});

describe('a failed overview', () => {
  it('says what the server refused, and Retry asks again', async () => {
    let calls = 0;
    mockReportsApi({
      overview: () =>
        ++calls <= 1
          ? errorResponse(400, 'validation_failed', {
              issues: [{ path: 'to', message: 'A report covers at most 366 days.' }],
            })
          : jsonResponse(overviewAnswer()),
    });
    await openReports();

    const alerts = await screen.findAllByRole('alert');
    expect(alerts[0]!.textContent).toContain('The totals couldn’t load. A report covers at most 366 days.');
    fireEvent.click(screen.getAllByRole('button', { name: 'Retry' })[0]!);
    expect(await screen.findByRole('region', { name: 'Totals' })).toBeTruthy();
  });
});
