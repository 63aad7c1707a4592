import type { ReportCurrencyTotals, ReportMetricKey } from '@whathead/contracts';
import { lazy, Suspense, useMemo } from 'react';
import { chartOption } from '../lib/chart-option';
import { formatDay } from '../../../lib/date-range';
import { isProvisional, provisionalExplanation, provisionalStart } from '../lib/provisional';
import { metricLabels } from '../lib/report-metrics';
import type { Granularity } from '../lib/report-view';
import { arrivingSentence } from '../lib/sync-state';
import { BlockSkeleton } from './report-skeleton';
import { SeriesTable } from './series-table';

// ECharts is most of a chart's weight: it loads with the first chart, not with the app or the page.
const ReportChart = lazy(async () => ({ default: (await import('./report-chart')).ReportChart }));

interface CurrencyChartProps {
  totals: ReportCurrencyTotals;
  provisionalFrom: Readonly<Record<string, string>>;
  metric: ReportMetricKey;
  compare: boolean;
  showTable: boolean;
  /** Whether the report has several currencies, each with a chart named after it. */
  isMixed: boolean;
  granularity: Granularity;
  /** Whether the range's figures are still arriving from TikTok. */
  isArriving: boolean;
}

/** One currency's chart (or its table), and which of its days TikTok may still revise. */
export function CurrencyChart(props: CurrencyChartProps) {
  const { totals, metric, compare, showTable, isMixed, granularity, isArriving } = props;
  const provisionalFrom = provisionalStart(props.provisionalFrom, totals.advertiserIds);
  const option = useMemo(
    () => chartOption({ totals, metric, compare, provisionalFrom }),
    [totals, metric, compare, provisionalFrom],
  );
  // No figures yet while the range's days are still arriving: empty axes would read as no delivery.
  const isAwaiting = isArriving && totals.series.every((point) => point.metrics[metric] === null);
  const hasProvisional =
    !isAwaiting && totals.series.some((point) => isProvisional(point.time, provisionalFrom));
  const label = `${metricLabels[metric]} by ${granularity}${isMixed ? ` in ${totals.currency}` : ''}`;

  return (
    <div className="report-chart-block">
      {isMixed && <h3 className="report-currency__title">{totals.currency}</h3>}
      {isAwaiting ? (
        <p className="report-section__empty">{arrivingSentence}</p>
      ) : totals.series.length === 0 ? (
        <p className="report-section__empty">No figures in this range.</p>
      ) : showTable ? (
        <SeriesTable
          totals={totals}
          metric={metric}
          compare={compare}
          provisionalFrom={provisionalFrom}
          caption={label}
        />
      ) : (
        <Suspense fallback={<BlockSkeleton className="report-chart" />}>
          <ReportChart option={option} label={label} />
        </Suspense>
      )}
      {hasProvisional && provisionalFrom !== null && (
        <p className="report-provisional-note">
          <span className="report-provisional-note__swatch" aria-hidden="true" />
          From {formatDay(provisionalFrom)} the figures are provisional: {provisionalExplanation}
        </p>
      )}
    </div>
  );
}
