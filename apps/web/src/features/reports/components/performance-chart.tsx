import {
  hourlyMetricKeys,
  reportMetricKeys,
  type ReportAccountStatus,
  type ReportMetricKey,
  type ReportOverviewResponse,
} from '@whathead/contracts';
import type { UseQueryResult } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/select-field';
import type { ChangeView } from '../hooks/use-report-view';
import { daysIn, formatDay, type DateRange } from '../../../lib/date-range';
import { metricLabels } from '../lib/report-metrics';
import { hourlyMostDays, hourlyTooLongMessage } from '../lib/report-request';
import { chartMetricOf, type Granularity, type ReportView } from '../lib/report-view';
import { accountsMissingHours, arrivingSentence } from '../lib/sync-state';
import { CurrencyChart } from './currency-chart';
import { ReportError } from './report-error';
import { BlockSkeleton } from './report-skeleton';

interface PerformanceChartProps {
  overview: UseQueryResult<ReportOverviewResponse>;
  view: ReportView;
  changeView: ChangeView;
  range: DateRange | null;
  /** The granularity asked for is hours, but the range is longer than hours are drawn for. */
  isHourlyTooLong: boolean;
  granularity: Granularity;
  chosen: readonly ReportAccountStatus[];
  /** Whether the range's figures are still arriving from TikTok (then none is no delivery). */
  isArriving: boolean;
}

/** The chosen metric over the range, per currency, with its controls and a table to read it as. */
export function PerformanceChart(props: PerformanceChartProps) {
  const { overview, view, changeView, range, isHourlyTooLong, granularity, chosen, isArriving } = props;
  const titleId = useId();
  const [showTable, setShowTable] = useState(false);
  const metric = chartMetricOf(view, granularity);
  const offered: readonly ReportMetricKey[] = granularity === 'hour' ? hourlyMetricKeys : reportMetricKeys;
  // Each account stores hours from its own first day of them (the retention, or its first sync).
  const missingHours = granularity === 'hour' ? accountsMissingHours(chosen, range) : [];

  return (
    <section
      className="card report-section"
      aria-labelledby={titleId}
      aria-busy={overview.isPlaceholderData || undefined}
    >
      <div className="report-section__header">
        <h2 id={titleId} className="report-section__title">
          Performance over time
        </h2>
        <div className="report-chart-controls">
          <SelectField
            inline
            label="Metric"
            value={metric}
            onChange={(event) =>
              changeView({ metric: event.target.value as ReportMetricKey }, { replace: true })
            }
          >
            {offered.map((key) => (
              <option key={key} value={key}>
                {metricLabels[key]}
              </option>
            ))}
          </SelectField>
          <GranularityToggle
            granularity={granularity}
            isHourAllowed={range !== null && daysIn(range) <= hourlyMostDays}
            onChange={(next) => changeView({ granularity: next })}
          />
          <Button
            variant="secondary"
            size="small"
            aria-pressed={showTable}
            onClick={() => setShowTable(!showTable)}
          >
            Show as table
          </Button>
        </div>
      </div>
      {isHourlyTooLong && <p className="notice notice--warning">{hourlyTooLongMessage}</p>}
      {missingHours.length > 0 && (
        <div className="notice">
          {missingHours.map((account) => (
            <p key={account.advertiserId}>{missingHoursSentence(account)}</p>
          ))}
        </div>
      )}
      <ChartContent
        overview={overview}
        metric={metric}
        compare={view.compare}
        showTable={showTable}
        range={range}
        granularity={granularity}
        isArriving={isArriving}
      />
    </section>
  );
}

interface ChartContentProps {
  overview: UseQueryResult<ReportOverviewResponse>;
  metric: ReportMetricKey;
  compare: boolean;
  showTable: boolean;
  range: DateRange | null;
  granularity: Granularity;
  isArriving: boolean;
}

function ChartContent(props: ChartContentProps) {
  const { overview, metric, compare, showTable, range, granularity, isArriving } = props;
  if (range === null) return <p className="report-section__empty">Choose a range to see the chart.</p>;
  if (overview.isPending) return <BlockSkeleton className="report-chart" />;
  if (overview.isError && !overview.data) {
    return <ReportError what="The chart" error={overview.error} onRetry={() => void overview.refetch()} />;
  }
  const data = overview.data!;
  if (data.totals.length === 0) {
    return (
      <p className="report-section__empty">
        {isArriving ? arrivingSentence : 'Nothing was delivered in this range.'}
      </p>
    );
  }
  return (
    <div className="report-charts">
      {data.totals.map((totals) => (
        <CurrencyChart
          key={totals.currency}
          totals={totals}
          provisionalFrom={data.provisionalFrom}
          metric={metric}
          compare={compare}
          showTable={showTable}
          isMixed={data.totals.length > 1}
          granularity={granularity}
          isArriving={isArriving}
        />
      ))}
    </div>
  );
}

interface GranularityToggleProps {
  granularity: Granularity;
  isHourAllowed: boolean;
  onChange: (granularity: Granularity) => void;
}

/** Days or hours; hours only for ranges the server reads by the hour, and the toggle says so. */
function GranularityToggle({ granularity, isHourAllowed, onChange }: GranularityToggleProps) {
  const hintId = useId();
  return (
    <div className="report-granularity" role="group" aria-label="Granularity">
      <Button
        variant="secondary"
        size="small"
        aria-pressed={granularity === 'day'}
        onClick={() => onChange('day')}
      >
        By day
      </Button>
      <Button
        variant="secondary"
        size="small"
        aria-pressed={granularity === 'hour'}
        aria-disabled={!isHourAllowed || undefined}
        aria-describedby={isHourAllowed ? undefined : hintId}
        onClick={() => onChange('hour')}
      >
        By hour
      </Button>
      {!isHourAllowed && (
        <span id={hintId} className="report-granularity__hint">
          Hours: {hourlyMostDays} days at most
        </span>
      )}
    </div>
  );
}

/** "Hours are stored from Mar 5, 2026 for Northwind US; earlier hours show as gaps." */
export function missingHoursSentence(account: ReportAccountStatus): string {
  return account.hoursFrom === null
    ? `No hours are stored yet for ${account.name}; its hours show as gaps.`
    : `Hours are stored from ${formatDay(account.hoursFrom)} for ${account.name}; earlier hours show as gaps.`;
}
