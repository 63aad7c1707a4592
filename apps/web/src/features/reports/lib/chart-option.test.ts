import type { LineSeriesOption } from 'echarts/charts';
import { describe, expect, it } from 'vitest';
import { currencyTotals, metrics } from '../components/reports.testing';
import { chartOption } from './chart-option';

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
