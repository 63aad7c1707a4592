import type { CampaignMetricColumn, CampaignRow } from '@whathead/contracts';
import { formatMoney } from '../../../lib/format-money';
import { formatCount, formatPercent } from '../../../lib/format-number';

/** Said in the column chooser: what the performance columns count. */
export const performanceNote = 'Over the date range chosen above, from the reports Whathead has stored.';
/** Nothing is stored for the row's ad account over these days: not the same as no activity (0). */
export const noReportNote = 'No report stored for this range yet';
/** The rows came without metrics: a custom range still being chosen. */
const noRangeNote = 'Choose a date range to see performance';

/** Money in the row's currency; CTR as a percentage (TikTok's convention); counts grouped. */
function formatMetric(metric: CampaignMetricColumn, value: string | number, currency: string | null): string {
  switch (metric) {
    case 'spend':
    case 'cpc':
    case 'costPerConversion':
      return formatMoney(value, currency);
    case 'ctr':
      return formatPercent(Number(value));
    case 'impressions':
    case 'clicks':
    case 'conversions':
      return formatCount(Number(value));
  }
}

/** Why a ratio has no value though the reports are stored: nothing to divide by. */
const nothingToDivideBy: Partial<Record<CampaignMetricColumn, string>> = {
  ctr: 'No impressions in this range',
  cpc: 'No clicks in this range',
  costPerConversion: 'No conversions in this range',
};

/**
 * A metric over the range; 0 where the account's reports are stored and the row had no activity,
 * "—" with why where there is no figure.
 */
export function MetricCell({ row, metric }: { row: CampaignRow; metric: CampaignMetricColumn }) {
  const { metrics } = row;
  const value = metrics?.[metric];
  if (value === null || value === undefined) {
    // The sums are null only where nothing is stored; a ratio also where it divides by zero.
    let note = noRangeNote;
    if (metrics) note = metrics.spend === null ? noReportNote : (nothingToDivideBy[metric] ?? noReportNote);
    return (
      <span className="campaign-cell__none" title={note}>
        —<span className="visually-hidden">{note}</span>
      </span>
    );
  }
  return <span className="campaign-cell__amount">{formatMetric(metric, value, row.currency)}</span>;
}
