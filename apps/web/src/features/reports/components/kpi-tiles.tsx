import type { ReportAccountStatus, ReportCurrencyTotals, ReportMetricKey } from '@whathead/contracts';
import { classNames } from '../../../lib/class-names';
import { changeDirection, changeWords, formatChange, periodChange } from '../lib/period-change';
import { changeTone, formatMetric, metricLabels, noValue, tileMetricKeys } from '../lib/report-metrics';

interface KpiTilesProps {
  totals: readonly ReportCurrencyTotals[];
  compare: boolean;
  accounts: readonly ReportAccountStatus[];
  /** Whether the range's figures are still arriving from TikTok (then none is no delivery). */
  isArriving: boolean;
}

/**
 * The range's totals, one row of tiles per currency: money of two currencies never adds up, so an
 * agency's USD and EUR accounts get a row each, labelled with the currency.
 */
export function KpiTiles({ totals, compare, accounts, isArriving }: KpiTilesProps) {
  if (totals.length === 0) {
    return (
      <div className="report-currency">
        {/* While the range's days are still arriving, the notice just above says so. */}
        {!isArriving && <p className="report-currency__empty">Nothing was delivered in this range.</p>}
        <TileRow totals={null} compare={false} />
      </div>
    );
  }
  const isMixed = totals.length > 1;
  return (
    <>
      {totals.map((currencyTotals) => (
        <section
          key={currencyTotals.currency}
          className="report-currency"
          aria-label={isMixed ? `Totals in ${currencyTotals.currency}` : 'Totals'}
        >
          {isMixed && (
            <h3 className="report-currency__title">
              {currencyTotals.currency}{' '}
              <span className="report-currency__accounts">{accountNames(currencyTotals, accounts)}</span>
            </h3>
          )}
          <TileRow totals={currencyTotals} compare={compare} />
        </section>
      ))}
    </>
  );
}

/** A tile each metric: a group named after it, so it is found (and read) by its name. */
function TileRow({ totals, compare }: { totals: ReportCurrencyTotals | null; compare: boolean }) {
  return (
    <div className="report-tiles">
      {tileMetricKeys.map((key) => (
        <div key={key} className="report-tile" role="group" aria-label={metricLabels[key]}>
          <dl className="report-tile__terms">
            <dt className="report-tile__label">{metricLabels[key]}</dt>
            <dd className="report-tile__value">
              {totals ? formatMetric(totals.current, key, totals.currency) : '—'}
            </dd>
            {compare && totals && <TileChange totals={totals} metric={key} />}
          </dl>
        </div>
      ))}
    </div>
  );
}

function TileChange({ totals, metric }: { totals: ReportCurrencyTotals; metric: ReportMetricKey }) {
  const change = periodChange(metric, totals.current, totals.previous, totals.currency);
  const previous = totals.previous ? formatMetric(totals.previous, metric, totals.currency) : null;
  const tone = changeTone(metric, changeDirection(change));
  return (
    <dd
      className={classNames('report-tile__change', `report-tile__change--${tone}`)}
      title={`Previous period: ${previous ?? noValue}`}
    >
      <span aria-hidden="true">{formatChange(change)}</span>
      <span className="visually-hidden">{changeWords(metric, change)}</span>
      {previous !== null && <span className="report-tile__previous"> vs {previous}</span>}
    </dd>
  );
}

function accountNames(totals: ReportCurrencyTotals, accounts: readonly ReportAccountStatus[]): string {
  return totals.advertiserIds
    .map((id) => accounts.find((account) => account.advertiserId === id)?.name ?? id)
    .join(', ');
}
