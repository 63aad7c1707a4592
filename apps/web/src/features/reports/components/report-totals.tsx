import type { ReportAccountStatus, ReportOverviewResponse } from '@whathead/contracts';
import type { UseQueryResult } from '@tanstack/react-query';
import { KpiTiles } from './kpi-tiles';
import { ReportError } from './report-error';
import { TileSkeleton } from './report-skeleton';

interface ReportTotalsProps {
  overview: UseQueryResult<ReportOverviewResponse>;
  hasRange: boolean;
  compare: boolean;
  chosen: readonly ReportAccountStatus[];
  /** Whether some of the range's days are still to come from TikTok (a first sync runs). */
  isArriving: boolean;
}

/** The tiles, or why they are not there yet. */
export function ReportTotals({ overview, hasRange, compare, chosen, isArriving }: ReportTotalsProps) {
  const body = !hasRange ? (
    <p className="report-section__empty">Choose a range to see the totals.</p>
  ) : overview.isPending ? (
    <TileSkeleton />
  ) : overview.isError && !overview.data ? (
    <ReportError what="The totals" error={overview.error} onRetry={() => void overview.refetch()} />
  ) : (
    // The figures shown are those asked for: compare as the answer was asked, not as ticked since.
    <KpiTiles
      totals={overview.data!.totals}
      compare={compare && overview.data!.previousFrom !== null}
      accounts={chosen}
      isArriving={isArriving}
    />
  );
  return (
    <div className="report-totals" aria-busy={overview.isPlaceholderData || undefined}>
      {body}
    </div>
  );
}
