import type { ReportStatusResponse } from '@whathead/contracts';
import { breakdownCsvUrl, useReportBreakdown, type ReportBreakdownParams } from '../api/get-report-breakdown';
import { useReportOverview, type ReportOverviewParams } from '../api/get-report-overview';
import { useReportView } from '../hooks/use-report-view';
import { granularityOf, rangeOf, scopeOf, selectedAccounts } from '../lib/report-request';
import { AccountStatuses } from './account-statuses';
import { BreakdownSection } from './breakdown-section';
import { PerformanceChart } from './performance-chart';
import { ReportToolbar } from './report-toolbar';
import { ReportTotals } from './report-totals';

/** The report of the accounts and days the URL names: totals, the chart and the breakdown. */
export function ReportBody({ workspaceId, status }: { workspaceId: string; status: ReportStatusResponse }) {
  const { view, changeView } = useReportView();
  const chosen = selectedAccounts(view, status);
  const { range, problem } = rangeOf(view, chosen[0]!.today);
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
      <ReportTotals overview={overview} hasRange={range !== null} compare={view.compare} chosen={chosen} />
      <PerformanceChart
        overview={overview}
        view={view}
        changeView={changeView}
        range={range}
        isHourlyTooLong={isHourlyTooLong}
        granularity={granularity}
        chosen={chosen}
        hourlyRetentionDays={status.hourlyRetentionDays}
      />
      <BreakdownSection
        breakdown={breakdown}
        view={view}
        changeView={changeView}
        chosen={chosen}
        csvUrl={breakdownParams && breakdownCsvUrl(workspaceId, breakdownParams)}
      />
    </div>
  );
}
