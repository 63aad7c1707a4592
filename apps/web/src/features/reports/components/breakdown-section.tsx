import {
  reportLevels,
  type ReportAccountStatus,
  type ReportBreakdownResponse,
  type ReportLevel,
} from '@whathead/contracts';
import type { UseQueryResult } from '@tanstack/react-query';
import { useCallback, useId, type RefObject } from 'react';
import { buttonClassName } from '../../../components/ui/button-class-name';
import { LevelTabs } from '../../../components/ui/level-tabs';
import { SearchField } from '../../../components/ui/search-field';
import type { ChangeView } from '../hooks/use-report-view';
import { crumbsOf, switchLevel, type DrillNames } from '../lib/drill-down';
import { levelNouns } from '../lib/level-words';
import type { ReportView } from '../lib/report-view';
import { arrivingSentence } from '../lib/sync-state';
import { BreakdownBreadcrumbs } from './breakdown-breadcrumbs';
import { BreakdownTable } from './breakdown-table';
import { ReportError } from './report-error';
import { BlockSkeleton } from './report-skeleton';

const rowFormat = new Intl.NumberFormat();

interface BreakdownSectionProps {
  breakdown: UseQueryResult<ReportBreakdownResponse>;
  view: ReportView;
  changeView: ChangeView;
  chosen: readonly ReportAccountStatus[];
  /** The drilled-into campaign's and ad group's names, for the breadcrumbs. */
  drillNames: DrillNames;
  /** Called as a drill-down link (a row's name, a crumb) is followed, with the view it leads to. */
  onDrill: (target: Partial<ReportView>) => void;
  /** The current crumb and the heading: where focus goes after a drill-down (use-drill-focus.ts). */
  crumbRef: RefObject<HTMLElement | null>;
  headingRef: RefObject<HTMLHeadingElement | null>;
  /** Whether the range's figures are still arriving from TikTok (then no rows is no delivery). */
  isArriving: boolean;
  /** The CSV of the same rows, all of them; null while the view has no valid range. */
  csvUrl: string | null;
}

/** The range's figures per campaign, ad group or ad: sorted, searched, drilled into, exported. */
export function BreakdownSection(props: BreakdownSectionProps) {
  const { breakdown, view, changeView, chosen, drillNames, isArriving, csvUrl } = props;
  const { onDrill, crumbRef, headingRef } = props;
  const titleId = useId();
  const baseId = useId();
  const tabId = (level: ReportLevel) => `${baseId}-${level}`;
  const panelId = `${baseId}-panel`;
  const nouns = levelNouns[view.level];
  const rows = breakdown.data?.rows ?? [];
  const currencies = new Set(chosen.map((account) => account.currency));
  const search = useCallback((q: string) => changeView({ q }, { replace: true }), [changeView]);

  return (
    <section
      className="card report-section"
      aria-labelledby={titleId}
      aria-busy={breakdown.isPlaceholderData || undefined}
    >
      <div className="report-section__header">
        <h2 id={titleId} ref={headingRef} className="report-section__title" tabIndex={-1}>
          Breakdown
        </h2>
        {csvUrl && (
          <a className={buttonClassName({ variant: 'secondary', size: 'small' })} href={csvUrl} download>
            Export CSV
          </a>
        )}
      </div>
      <LevelTabs
        levels={reportLevels}
        level={view.level}
        onChange={(level) => changeView(switchLevel(view, level))}
        titleOf={(level) => levelNouns[level].title}
        panelId={panelId}
        tabId={tabId}
      />
      <div id={panelId} role="tabpanel" aria-labelledby={tabId(view.level)} className="report-breakdown">
        <BreakdownBreadcrumbs
          crumbs={crumbsOf(view, drillNames)}
          view={view}
          onFollow={onDrill}
          currentRef={crumbRef}
        />
        <SearchField
          value={view.q}
          label={`Search ${nouns.many}`}
          onSearch={search}
          className="report-search"
        />
        {csvUrl === null ? (
          <p className="report-section__empty">Choose a range to see the {nouns.many}.</p>
        ) : breakdown.isPending ? (
          <BlockSkeleton className="report-table-skeleton" />
        ) : breakdown.isError && !breakdown.data ? (
          <ReportError
            what={`The ${nouns.many}`}
            error={breakdown.error}
            onRetry={() => void breakdown.refetch()}
          />
        ) : rows.length === 0 ? (
          <p className="report-section__empty">
            {view.q.trim() !== ''
              ? `No ${nouns.many} match “${view.q.trim()}” in this range.${isArriving ? ` ${arrivingSentence}` : ''}`
              : isArriving
                ? arrivingSentence
                : `No ${nouns.many} delivered in this range.`}
          </p>
        ) : (
          <>
            <BreakdownTable
              rows={rows}
              view={view}
              onSort={(sort, direction) => changeView({ sort, direction })}
              onDrill={onDrill}
              showAccount={chosen.length > 1}
              showCurrency={currencies.size > 1}
            />
            {breakdown.data?.truncated && (
              <p className="notice">
                Only the first {rowFormat.format(1000)} {nouns.many} are shown. Export CSV has them all.
              </p>
            )}
          </>
        )}
      </div>
    </section>
  );
}
