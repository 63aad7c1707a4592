import { reportMostDays, type ReportStatusResponse } from '@whathead/contracts';
import { rangeOf } from '../../../lib/date-range';
import { breakdownCsvUrl, useReportBreakdown, type ReportBreakdownParams } from '../api/get-report-breakdown';
import { useReportOverview, type ReportOverviewParams } from '../api/get-report-overview';
import { useDrillFocus } from '../hooks/use-drill-focus';
import { useDrillNames } from '../hooks/use-drill-names';
import { useReportView } from '../hooks/use-report-view';
import { wholeAccount } from '../lib/drill-down';
import { granularityOf, scopeOf, selectedAccounts } from '../lib/report-request';
import { accountsArriving, accountsStoredAfter } from '../lib/sync-state';
import { AccountStatuses } from './account-statuses';
import { BreakdownSection } from './breakdown-section';
import { PerformanceChart } from './performance-chart';
import { ImportingNotice, ReportScope, StoredFromNotice } from './report-notices';
import { ReportToolbar } from './report-toolbar';
import { ReportTotals } from './report-totals';

/** The report of the accounts and days the URL names: totals, the chart and the breakdown. */
export function ReportBody({ workspaceId, status }: { workspaceId: string; status: ReportStatusResponse }) {
  const { view, changeView } = useReportView();
  const chosen = selectedAccounts(view, status);
  // The presets follow the first chosen account's calendar.
  const { range, problem } = rangeOf(view, chosen[0]!.today, reportMostDays);
  const { granularity, isHourlyTooLong } = range
    ? granularityOf(view.granularity, range)
    : { granularity: view.granularity, isHourlyTooLong: false };
  const scope = range ? scopeOf(chosen, range, view) : null;
  const overviewParams: ReportOverviewParams | null = scope && {
    ...scope,
    granularity,
    compare: view.compare ? 'true' : 'false',
  };
  const search = view.q.trim();
  const breakdownParams: ReportBreakdownParams | null = scope && {
    ...scope,
    level: view.level,
    ...(search !== '' && { q: search }),
    sort: view.sort,
    direction: view.direction,
  };
  const overview = useReportOverview(workspaceId, overviewParams);
  const breakdown = useReportBreakdown(workspaceId, breakdownParams);
  const drillNames = useDrillNames(view, breakdown.data?.rows);
  const { willGo, crumbRef, headingRef } = useDrillFocus(view);
  // Accounts whose first sync has not reached the range's first day: its figures are partial.
  const arriving = accountsArriving(chosen, range);
  const isArriving = arriving.length > 0;

  return (
    <div className="report">
      <ReportToolbar
        view={view}
        changeView={changeView}
        accounts={status.accounts}
        chosen={chosen}
        range={range}
        rangeProblem={problem}
      />
      <AccountStatuses accounts={chosen} />
      <ImportingNotice arriving={arriving} isOneAccount={chosen.length === 1} />
      <StoredFromNotice accounts={accountsStoredAfter(chosen, range)} />
      <ReportScope
        view={view}
        names={drillNames}
        isSeveralAccounts={chosen.length > 1}
        onClear={() => {
          willGo(wholeAccount);
          changeView(wholeAccount);
        }}
      />
      <ReportTotals
        overview={overview}
        hasRange={range !== null}
        compare={view.compare}
        chosen={chosen}
        isArriving={isArriving}
      />
      <PerformanceChart
        overview={overview}
        view={view}
        changeView={changeView}
        range={range}
        isHourlyTooLong={isHourlyTooLong}
        granularity={granularity}
        chosen={chosen}
        isArriving={isArriving}
      />
      <BreakdownSection
        breakdown={breakdown}
        view={view}
        changeView={changeView}
        chosen={chosen}
        drillNames={drillNames}
        onDrill={willGo}
        crumbRef={crumbRef}
        headingRef={headingRef}
        isArriving={isArriving}
        csvUrl={breakdownParams && breakdownCsvUrl(workspaceId, breakdownParams)}
      />
    </div>
  );
}
