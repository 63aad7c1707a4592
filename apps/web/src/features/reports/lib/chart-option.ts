import type { ReportCurrencyTotals, ReportMetricKey } from '@whathead/contracts';
import type { LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkAreaComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { formatPointTime } from '../../../lib/date-range';
import { formatHourTick, hourStepOf, isHourTick, isHourTime } from './hour-ticks';
import { isProvisional } from './provisional';
import { formatMetricValue, metricLabels, metricValue, noValue } from './report-metrics';

// Types only: the option is worked out here, where tests can read it, and ECharts itself loads
// with the chart's own chunk (report-chart.tsx).
export type ReportChartOption = ComposeOption<
  | LineSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | MarkAreaComponentOption
>;

// tokens.css: the accent for the period shown, a grey for the one before, the warning tint for
// provisional days.
const currentColor = '#4338ca';
const previousColor = '#9aa2af';
const provisionalFill = 'rgba(254, 223, 137, 0.35)';

interface ChartInput {
  totals: ReportCurrencyTotals;
  metric: ReportMetricKey;
  compare: boolean;
  /** The first provisional day of these accounts, or null. */
  provisionalFrom: string | null;
}

export function previousSeriesName(metric: ReportMetricKey): string {
  return `${metricLabels[metric]}, previous period`;
}

/**
 * One currency's line of the chosen metric; with compare, the period before as a dashed line
 * aligned by position (its first day under the range's first day), as the contract sends it.
 */
export function chartOption({ totals, metric, compare, provisionalFrom }: ChartInput): ReportChartOption {
  const times = totals.series.map((point) => point.time);
  const format = (value: number) => formatMetricValue(metric, value, totals.currency);
  const previous = compare ? totals.previousSeries : null;
  const firstProvisional = times.find((time) => isProvisional(time, provisionalFrom));

  const series: LineSeriesOption[] = [
    {
      name: metricLabels[metric],
      type: 'line',
      data: totals.series.map((point) => metricValue(point.metrics, metric)),
      color: currentColor,
      showSymbol: times.length <= 31,
      ...(firstProvisional !== undefined && {
        markArea: {
          silent: true,
          itemStyle: { color: provisionalFill },
          // From the area's right edge leftwards: the last days of a long range are a strip at
          // the chart's edge, and a label centred on it would run past the chart.
          label: { show: true, position: 'insideTopRight', color: '#93370d', formatter: 'Provisional' },
          data: [[{ name: 'Provisional', xAxis: firstProvisional }, { xAxis: times.at(-1)! }]],
        },
      }),
    },
  ];
  if (previous) {
    series.push({
      name: previousSeriesName(metric),
      type: 'line',
      data: times.map((_, index) => {
        const point = previous[index];
        return point ? metricValue(point.metrics, metric) : null;
      }),
      color: previousColor,
      lineStyle: { type: 'dashed' },
      showSymbol: false,
    });
  }

  return {
    animation: false,
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0 },
    tooltip: {
      trigger: 'axis',
      // The previous period's points are named by their own day, not the day they are drawn under.
      formatter: (parameters) => {
        const items = Array.isArray(parameters) ? parameters : [parameters];
        const index = items[0]?.dataIndex ?? 0;
        const time = times[index] ?? '';
        const lines = items.map((item) => {
          const value = typeof item.value === 'number' ? format(item.value) : noValue;
          const isPrevious = item.seriesIndex === 1;
          const when = isPrevious && previous?.[index] ? ` (${formatPointTime(previous[index].time)})` : '';
          return `${escapeHtml(String(item.seriesName))}${when}: ${escapeHtml(value)}`;
        });
        const note = isProvisional(time, provisionalFrom) ? ' · provisional' : '';
        return [`<strong>${escapeHtml(formatPointTime(time))}${note}</strong>`, ...lines].join('<br>');
      },
    },
    // The raw times are the categories (a 366-day range has two "Mar 9"); labels are formatted.
    xAxis: { type: 'category', data: times, boundaryGap: false, ...axisLabelsOf(times) },
    yAxis: { type: 'value', axisLabel: { formatter: (value: number) => format(value) } },
    series,
  };
}

/**
 * Days label themselves (ECharts spaces them out). Hours are labelled on round hours, a step the
 * range's length decides (every 6 hours over two days, every midnight over a week), not on every
 * 20th hour from the first, which would wander through the day.
 */
function axisLabelsOf(times: readonly string[]) {
  if (!times.some(isHourTime)) return { axisLabel: { formatter: (time: string) => formatPointTime(time) } };
  const step = hourStepOf(times.length);
  const isTick = (_index: number, time: string) => isHourTick(time, step);
  return {
    // Still hidden where labels would overlap: a phone has room for fewer.
    axisLabel: { interval: isTick, hideOverlap: true, formatter: (time: string) => formatHourTick(time) },
    axisTick: { interval: isTick },
  };
}

/** Tooltips are HTML; names come from the contract's words, but a currency code is the server's. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
