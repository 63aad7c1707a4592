import type { LineSeriesOption } from 'echarts/charts';
import { describe, expect, it } from 'vitest';
import { currencyTotals, metrics } from '../components/reports.testing';
import { chartOption } from './chart-option';

/** The x-axis labels an option shows, as ECharts would pick and write them. */
function axisLabels(option: ReturnType<typeof chartOption>): string[] {
  const axis = option.xAxis as {
    data: string[];
    axisLabel: { interval?: (index: number, time: string) => boolean; formatter: (time: string) => string };
  };
  const { interval, formatter } = axis.axisLabel;
  return axis.data.filter((time, index) => interval?.(index, time) ?? true).map(formatter);
}

/** Every hour from `from` (a "2026-03-02 05:00"), `count` of them. */
function hours(from: string, count: number) {
  const start = Date.parse(`${from.replace(' ', 'T')}:00Z`);
  return Array.from({ length: count }, (_, index) => {
    const time = new Date(start + index * 3_600_000).toISOString();
    return { time: `${time.slice(0, 10)} ${time.slice(11, 16)}`, metrics: metrics({ clicks: index }) };
  });
}

const dayLabel = (day: string) =>
  new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

const previousSeries = [
  { time: '2026-02-27', metrics: metrics({ spend: '80.000' }) },
  { time: '2026-02-28', metrics: metrics({ spend: '90.000' }) },
  { time: '2026-03-01', metrics: metrics({ spend: '95.000' }) },
];

function seriesOf(option: ReturnType<typeof chartOption>): LineSeriesOption[] {
  return option.series as LineSeriesOption[];
}

describe('the chart’s option', () => {
  it('draws the metric, and the previous period dashed under the same days when compared', () => {
    const option = chartOption({
      totals: currencyTotals({ previousSeries }),
      metric: 'spend',
      compare: true,
      provisionalFrom: null,
    });
    const [current, previous] = seriesOf(option);
    expect(current).toMatchObject({ name: 'Spend', data: [100, 150, 200] });
    expect(previous).toMatchObject({
      name: 'Spend, previous period',
      data: [80, 90, 95],
      lineStyle: { type: 'dashed' },
    });
    expect(option.xAxis).toMatchObject({ data: ['2026-03-02', '2026-03-03', '2026-03-04'] });
  });

  it('leaves the previous period out when not compared', () => {
    const option = chartOption({
      totals: currencyTotals({ previousSeries }),
      metric: 'spend',
      compare: false,
      provisionalFrom: null,
    });
    expect(seriesOf(option).map((series) => series.name)).toEqual(['Spend']);
  });

  it('shades the provisional days, from the first of them to the end', () => {
    const option = chartOption({
      totals: currencyTotals(),
      metric: 'spend',
      compare: false,
      provisionalFrom: '2026-03-03',
    });
    expect(seriesOf(option)[0]!.markArea?.data).toEqual([
      [{ name: 'Provisional', xAxis: '2026-03-03' }, { xAxis: '2026-03-04' }],
    ]);
    // Written leftwards from the last day: on a long range the area is a strip at the chart's
    // right edge, and a label centred on it would be cut off there.
    expect(seriesOf(option)[0]!.markArea?.label).toMatchObject({ position: 'insideTopRight' });
  });

  it('marks hours of a provisional day too, and nothing when no day is provisional', () => {
    const hours = currencyTotals({
      series: [
        { time: '2026-03-02 23:00', metrics: metrics({ clicks: 4 }) },
        { time: '2026-03-03 00:00', metrics: metrics({ clicks: 5 }) },
      ],
    });
    const option = chartOption({
      totals: hours,
      metric: 'clicks',
      compare: false,
      provisionalFrom: '2026-03-03',
    });
    expect(seriesOf(option)[0]!.markArea?.data).toEqual([
      [{ name: 'Provisional', xAxis: '2026-03-03 00:00' }, { xAxis: '2026-03-03 00:00' }],
    ]);
    const settled = chartOption({
      totals: hours,
      metric: 'clicks',
      compare: false,
      provisionalFrom: '2026-03-10',
    });
    expect(seriesOf(settled)[0]!.markArea).toBeUndefined();
  });
});

describe('the chart’s hourly axis', () => {
  const optionOf = (series: ReturnType<typeof hours>) =>
    chartOption({
      totals: currencyTotals({ series }),
      metric: 'clicks',
      compare: false,
      provisionalFrom: null,
    });

  it('labels two days every 6 hours from midnight, whichever hour the range starts at', () => {
    expect(axisLabels(optionOf(hours('2026-03-02 05:00', 48)))).toEqual([
      '06:00',
      '12:00',
      '18:00',
      dayLabel('2026-03-03'),
      '06:00',
      '12:00',
      '18:00',
      dayLabel('2026-03-04'),
    ]);
  });

  it('labels a week at each midnight, and a month every third one', () => {
    expect(axisLabels(optionOf(hours('2026-03-02 00:00', 7 * 24)))).toEqual(
      ['02', '03', '04', '05', '06', '07', '08'].map((day) => dayLabel(`2026-03-${day}`)),
    );
    const month = axisLabels(optionOf(hours('2026-03-01 00:00', 31 * 24)));
    expect(month).toHaveLength(10);
    expect(month.every((label) => !label.includes(':'))).toBe(true);
  });

  it('ticks where it labels', () => {
    const option = optionOf(hours('2026-03-02 05:00', 48));
    const axis = option.xAxis as {
      axisTick: { interval: unknown };
      axisLabel: { interval: unknown };
    };
    expect(axis.axisTick.interval).toBe(axis.axisLabel.interval);
  });
});
