import {
  reportBreakdownMetricKeys,
  type ReportBreakdownRow,
  type ReportSortColumn,
} from '@whathead/contracts';
import { Link } from 'react-router';
import { ArrowDownIcon, ArrowUpIcon } from '../../../components/ui/icons';
import { SideScroll } from '../../../components/ui/side-scroll';
import { drillInto } from '../lib/drill-down';
import { levelNouns } from '../lib/level-words';
import { formatMetric, metricLabels } from '../lib/report-metrics';
import { firstDirection, searchParamsOf, type ReportView } from '../lib/report-view';

interface BreakdownTableProps {
  rows: readonly ReportBreakdownRow[];
  view: ReportView;
  onSort: (sort: ReportSortColumn, direction: ReportView['direction']) => void;
  /** Called as a row's name is followed, with the view it leads to. */
  onDrill: (target: Partial<ReportView>) => void;
  /** Whether the rows come from several ad accounts (a column names each row's). */
  showAccount: boolean;
  /** Whether the accounts have several currencies (a column names each row's). */
  showCurrency: boolean;
}

/**
 * The rows the server sorted; a header's click asks it for another order. Amounts of two
 * currencies don't compare: with several, the rows go in a group per currency (in the order the
 * first of each comes), each group in the server's order.
 */
export function BreakdownTable({
  rows,
  view,
  onSort,
  onDrill,
  showAccount,
  showCurrency,
}: BreakdownTableProps) {
  const sortBy = (column: ReportSortColumn) =>
    onSort(
      column,
      view.sort === column ? (view.direction === 'asc' ? 'desc' : 'asc') : firstDirection(column),
    );
  const groups = currencyGroups(rows);
  const columnCount = 1 + (showAccount ? 1 : 0) + (showCurrency ? 1 : 0) + reportBreakdownMetricKeys.length;
  const nouns = levelNouns[view.level];
  return (
    <SideScroll label={`${nouns.title} table`}>
      <table className="table report-breakdown-table">
        <caption className="visually-hidden">
          {nouns.title} in the range{groups.length > 1 && ', by currency'}
        </caption>
        <thead>
          <tr>
            <SortHeader column="name" label="Name" view={view} onSort={sortBy} />
            {showAccount && <th scope="col">Ad account</th>}
            {showCurrency && <th scope="col">Currency</th>}
            {reportBreakdownMetricKeys.map((key) => (
              <SortHeader key={key} column={key} label={metricLabels[key]} view={view} onSort={sortBy} />
            ))}
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.currency}>
            {groups.length > 1 && (
              <tr className="report-breakdown-table__group">
                <th scope="rowgroup" colSpan={columnCount}>
                  <span className="report-breakdown-table__group-label">
                    {group.currency}{' '}
                    <span className="report-breakdown-table__group-accounts">
                      {accountNamesOf(group.rows)}
                    </span>
                  </span>
                </th>
              </tr>
            )}
            {group.rows.map((row) => (
              <tr key={`${row.advertiserId}:${row.id}`}>
                <th scope="row" className="report-breakdown-table__name">
                  <RowName row={row} view={view} onDrill={onDrill} />
                </th>
                {showAccount && <td className="table__muted">{row.advertiserName}</td>}
                {showCurrency && <td>{row.currency}</td>}
                {reportBreakdownMetricKeys.map((key) => (
                  <td key={key} className="report-number">
                    {formatMetric(row.metrics, key, row.currency)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </SideScroll>
  );
}

/** The rows a group per currency, in the order each currency first comes; each in the rows' order. */
export function currencyGroups(
  rows: readonly ReportBreakdownRow[],
): { currency: string; rows: ReportBreakdownRow[] }[] {
  const groups = new Map<string, ReportBreakdownRow[]>();
  for (const row of rows) {
    const group = groups.get(row.currency);
    if (group) group.push(row);
    else groups.set(row.currency, [row]);
  }
  return [...groups].map(([currency, rows]) => ({ currency, rows }));
}

function accountNamesOf(rows: readonly ReportBreakdownRow[]): string {
  return [...new Set(rows.map((row) => row.advertiserName))].join(', ');
}

interface SortHeaderProps {
  column: ReportSortColumn;
  label: string;
  view: ReportView;
  onSort: (column: ReportSortColumn) => void;
}

function SortHeader({ column, label, view, onSort }: SortHeaderProps) {
  const isSorted = view.sort === column;
  const ariaSort = isSorted ? (view.direction === 'asc' ? 'ascending' : 'descending') : undefined;
  return (
    <th scope="col" aria-sort={ariaSort} className={column === 'name' ? undefined : 'report-number'}>
      <button type="button" className="sort-button" onClick={() => onSort(column)}>
        {label}
        {isSorted && (view.direction === 'asc' ? <ArrowUpIcon /> : <ArrowDownIcon />)}
      </button>
    </th>
  );
}

/** A campaign's or ad group's name leads to what is inside it; its parents are named below it. */
function RowName({
  row,
  view,
  onDrill,
}: {
  row: ReportBreakdownRow;
  view: ReportView;
  onDrill: (target: Partial<ReportView>) => void;
}) {
  const target = drillInto(row);
  const parents = [
    row.level !== 'campaign' && view.campaign === null ? row.campaignName : null,
    row.level === 'ad' && view.adgroup === null ? row.adgroupName : null,
  ].filter((name) => name !== null);
  return (
    <>
      {target ? (
        <Link
          to={{ search: `?${searchParamsOf({ ...view, ...target })}` }}
          preventScrollReset
          onClick={() => onDrill(target)}
        >
          {row.name}
        </Link>
      ) : (
        <span>{row.name}</span>
      )}
      {parents.length > 0 && <span className="report-breakdown-table__parents">{parents.join(' › ')}</span>}
    </>
  );
}
