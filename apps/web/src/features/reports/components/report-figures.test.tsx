import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { LineSeriesOption } from 'echarts/charts';
import { hourlyMetricKeys } from '@whathead/contracts';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReportChartOption } from '../lib/chart-option';
import { advertiserIds } from '../../../testing/fixtures';
import { europeAccount, reportAccount, reportStatusAnswer } from '../../../testing/report-status';
import { currencyTotals, metrics, mockReportsApi, openReports, overviewAnswer } from './reports.testing';

// ECharts draws nothing in jsdom: the lazily loaded chart is replaced by one that keeps what it was given.
const { drawn } = vi.hoisted(() => ({ drawn: [] as { option: ReportChartOption; label: string }[] }));
vi.mock('./report-chart', () => ({
  ReportChart: (props: { option: ReportChartOption; label: string }) => {
    drawn.push(props);
    return <div role="img" aria-label={props.label} />;
  },
}));

beforeEach(() => {
  drawn.length = 0;
});

const money = (amount: number, currency: string) =>
  new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);

/** A tile, found as one finds it by ear: the group named after its metric. */
function tile(region: HTMLElement, label: string): HTMLElement {
  return within(region).getByRole('group', { name: label });
}

const lastChart = () => drawn.at(-1)!;
const seriesOf = (option: ReportChartOption) => option.series as LineSeriesOption[];

describe('the totals', () => {
  it('never add two currencies: a row of tiles each, named after its currency', async () => {
    mockReportsApi({
      status: reportStatusAnswer([reportAccount(), europeAccount()]),
      overview: overviewAnswer({
        totals: [
          currencyTotals(),
          currencyTotals({
            currency: 'EUR',
            advertiserIds: [advertiserIds.eu],
            current: metrics({ spend: '987.000', impressions: 50_000 }),
          }),
        ],
      }),
    });
    await openReports(`?accounts=${advertiserIds.us},${advertiserIds.eu}`);

    const dollars = await screen.findByRole('region', { name: 'Totals in USD' });
    const euros = screen.getByRole('region', { name: 'Totals in EUR' });
    expect(tile(dollars, 'Spend').textContent).toContain(money(1250.5, 'USD'));
    expect(tile(euros, 'Spend').textContent).toContain(money(987, 'EUR'));
    expect(within(euros).getByRole('heading').textContent).toBe('EUR Northwind EU');
    expect(tile(euros, 'CPA').textContent).toContain('—');
    expect(screen.queryByRole('region', { name: 'Totals' })).toBeNull();
  });

  it('compare with the previous period: ▲/▼ and %, and say what is true where there is nothing to compare', async () => {
    const { overviewRequests } = mockReportsApi({
      overview: overviewAnswer({
        previousFrom: '2026-02-23',
        previousTo: '2026-03-01',
        totals: [
          currencyTotals({
            current: metrics({ spend: '1250.000', clicks: 900, cpc: 1.2034, cpm: 4.5, conversions: 10 }),
            previous: metrics({ spend: '1000.000', clicks: 1000, cpc: 1.1967, conversions: 0 }),
          }),
        ],
      }),
    });
    await openReports();
    const compare = (await screen.findByRole('checkbox', {
      name: 'Compare to previous period',
    })) as HTMLInputElement;
    fireEvent.click(compare);
    // Ticked at once, not only once the URL has it (a checkbox that springs back looks refused).
    expect(compare.checked).toBe(true);
    await waitFor(() => expect(overviewRequests().at(-1)?.compare).toBe('true'));

    const totals = await screen.findByRole('region', { name: 'Totals' });
    await waitFor(() => expect(tile(totals, 'Spend').textContent).toContain('▲ 25%'));
    expect(tile(totals, 'Spend').textContent).toContain(`vs ${money(1000, 'USD')}`);
    expect(tile(totals, 'Clicks').textContent).toContain('▼ 10%');
    // $1.20 against $1.20 as written, whatever the fractions of a cent behind them.
    expect(tile(totals, 'CPC').textContent).toContain('0%Unchanged');
    expect(tile(totals, 'Conversions').textContent).toContain('▲No conversions in the previous period');
    expect(tile(totals, 'CPM').textContent).toContain('—No figure for the previous period');
    // The period compared with is said below the controls, not in the checkbox's label, which
    // stays as it was (and on its line).
    expect(screen.getByText(/^Compared with the previous period, .*Feb 23.*Mar 1, 2026\.$/)).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Compare to previous period' })).toBe(compare);
    expect(compare.getAttribute('aria-describedby')).toBeTruthy();

    fireEvent.click(compare);
    expect(compare.checked).toBe(false);
    expect(screen.queryByText(/^Compared with the previous period/)).toBeNull();
    await waitFor(() => expect(tile(totals, 'Spend').textContent).not.toContain('▲'));
  });
});

describe('the chart', () => {
  it('draws the chosen metric, the previous period dashed, and shades the provisional days', async () => {
    mockReportsApi({
      overview: overviewAnswer({
        previousFrom: '2026-02-23',
        previousTo: '2026-03-01',
        totals: [
          currencyTotals({
            previous: metrics({ spend: '300.000' }),
            previousSeries: [
              { time: '2026-02-23', metrics: metrics({ spend: '90.000', clicks: 9 }) },
              { time: '2026-02-24', metrics: metrics({ spend: '95.000', clicks: 8 }) },
              { time: '2026-02-25', metrics: metrics({ spend: '99.000', clicks: 7 }) },
            ],
          }),
        ],
      }),
    });
    await openReports('?compare=true');

    await waitFor(() => expect(drawn.length).toBeGreaterThan(0));
    const [current, previous] = seriesOf(lastChart().option);
    expect(current).toMatchObject({ name: 'Spend', data: [100, 150, 200] });
    expect(previous).toMatchObject({
      name: 'Spend, previous period',
      data: [90, 95, 99],
      lineStyle: { type: 'dashed' },
    });
    expect(current!.markArea?.data).toEqual([
      [{ name: 'Provisional', xAxis: '2026-03-03' }, { xAxis: '2026-03-04' }],
    ]);
    expect(
      screen.getByText(/the figures are provisional: TikTok may still revise conversions for these days\./),
    ).toBeTruthy();

    fireEvent.change(screen.getByRole('combobox', { name: 'Metric' }), { target: { value: 'clicks' } });
    await waitFor(() =>
      expect(seriesOf(lastChart().option).map((series) => series.name)).toEqual([
        'Clicks',
        'Clicks, previous period',
      ]),
    );
    expect(screen.getByRole('img', { name: 'Clicks by day' })).toBeTruthy();
  });

  it('reads as a table too, marking the provisional days', async () => {
    mockReportsApi();
    await openReports();
    fireEvent.click(await screen.findByRole('button', { name: 'Show as table' }));

    const table = await screen.findByRole('table', { name: 'Spend by day' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(new RegExp(`^Mar 2 ${escape(money(100, 'USD'))}$`)),
      expect.stringMatching(new RegExp(`^Mar 3 provisional${escape(money(150, 'USD'))}$`)),
      expect.stringMatching(new RegExp(`^Mar 4 provisional${escape(money(200, 'USD'))}$`)),
    ]);
    expect(screen.getByRole('button', { name: 'Show as table' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('says from which day each account has hours, when the hourly range starts before it', async () => {
    const { overviewRequests } = mockReportsApi({
      status: reportStatusAnswer([
        reportAccount({ hoursFrom: '2026-03-05' }),
        // Berlin has hours for the whole range; a new account none yet.
        europeAccount({ hoursFrom: '2026-02-01' }),
        reportAccount({
          advertiserId: '7200000000000000013',
          name: 'Northwind CA',
          isDefault: false,
          hoursFrom: null,
        }),
      ]),
    });
    await openReports(
      `?accounts=${advertiserIds.us},${advertiserIds.eu},7200000000000000013&granularity=hour`,
    );

    await waitFor(() => expect(overviewRequests().at(-1)?.granularity).toBe('hour'));
    expect(
      await screen.findByText(
        'Hours are stored from Mar 5, 2026 for Northwind US; earlier hours show as gaps.',
      ),
    ).toBeTruthy();
    expect(
      screen.getByText('No hours are stored yet for Northwind CA; its hours show as gaps.'),
    ).toBeTruthy();
    expect(screen.queryByText(/for Northwind EU/)).toBeNull();
    expect(screen.queryByText(/keeps hours for the last/)).toBeNull();

    // Days have them all.
    fireEvent.click(screen.getByRole('button', { name: 'By day' }));
    await waitFor(() => expect(overviewRequests().at(-1)?.granularity).toBe('day'));
    expect(screen.queryByText(/earlier hours show as gaps/)).toBeNull();
  });

  it('goes by the hour up to 31 days, with the hourly metrics only, and says so beyond', async () => {
    const { overviewRequests } = mockReportsApi();
    await openReports('?range=last-30-days&metric=videoPlays');

    fireEvent.click(await screen.findByRole('button', { name: 'By hour' }));
    await waitFor(() => expect(overviewRequests().at(-1)?.granularity).toBe('hour'));
    const metricOptions = within(screen.getByRole('combobox', { name: 'Metric' })).getAllByRole('option');
    expect(metricOptions.map((option) => (option as HTMLOptionElement).value)).toEqual([...hourlyMetricKeys]);
    // Video plays have no hours: the chart falls back to spend.
    expect((screen.getByRole('combobox', { name: 'Metric' }) as HTMLSelectElement).value).toBe('spend');

    // 32 days: hours are not asked for, and the page says why.
    fireEvent.change(screen.getByRole('combobox', { name: 'Date range' }), { target: { value: 'custom' } });
    const from = await screen.findByLabelText('From');
    fireEvent.change(from, { target: { value: '2026-02-05' } });
    fireEvent.blur(from);
    expect(await screen.findByText(/Hourly charts cover at most 31 days\./)).toBeTruthy();
    await waitFor(() =>
      expect(overviewRequests().at(-1)).toMatchObject({ from: '2026-02-05', granularity: 'day' }),
    );
    expect(
      overviewRequests().filter((query) => query.granularity === 'hour' && query.from === '2026-02-05'),
    ).toEqual([]);
    expect(screen.getByRole('button', { name: 'By hour' }).getAttribute('aria-disabled')).toBe('true');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
