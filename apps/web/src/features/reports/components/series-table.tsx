import type { ReportCurrencyTotals, ReportMetricKey } from '@whathead/contracts';
import { Badge } from '../../../components/ui/badge';
import { formatPointTime } from '../../../lib/date-range';
import { isProvisional } from '../lib/provisional';
import { formatMetric, metricLabels, noValue } from '../lib/report-metrics';

interface SeriesTableProps {
  totals: ReportCurrencyTotals;
  metric: ReportMetricKey;
  compare: boolean;
  provisionalFrom: string | null;
  caption: string;
}

/** The chart's points as a table: what a screen reader reads, and what one copies numbers from. */
export function SeriesTable({ totals, metric, compare, provisionalFrom, caption }: SeriesTableProps) {
  const previous = compare ? totals.previousSeries : null;
  const label = metricLabels[metric];
  return (
    <div className="report-scroll">
      <table className="table report-series-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">{label}</th>
            {previous && <th scope="col">Previous period</th>}
          </tr>
        </thead>
        <tbody>
          {totals.series.map((point, index) => {
            const before = previous?.[index];
            return (
              <tr key={point.time}>
                <th scope="row">
                  {formatPointTime(point.time)}{' '}
                  {isProvisional(point.time, provisionalFrom) && <Badge tone="warning">provisional</Badge>}
                </th>
                <td>{formatMetric(point.metrics, metric, totals.currency)}</td>
                {previous && (
                  <td>
                    {before ? (
                      <>
                        {formatMetric(before.metrics, metric, totals.currency)}{' '}
                        <span className="table__muted">({formatPointTime(before.time)})</span>
                      </>
                    ) : (
                      noValue
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
