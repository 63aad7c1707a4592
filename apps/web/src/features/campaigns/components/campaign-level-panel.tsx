import type { CampaignRow, CampaignSortColumn } from '@whathead/contracts';
import { useCallback, useMemo } from 'react';
import { useCampaignTable } from '../api/get-campaigns';
import { useCampaignActions } from '../hooks/use-campaign-actions';
import { useCampaignSelection } from '../hooks/use-campaign-selection';
import { accountsSummary, type AccountOption } from './campaign-accounts';
import { CampaignActionBar } from './campaign-action-bar';
import { CampaignFilters } from './campaign-filters';
import { CampaignRowActions } from './campaign-row-actions';
import { CampaignSelection } from './campaign-selection';
import { CampaignTable } from './campaign-table';
import { CampaignTableFooter } from './campaign-table-footer';
import { TableEmpty, TableError, TableLoading } from './campaign-table-states';
import { ColumnChooser } from './column-chooser';
import { metricRangeOf, type PresetDay } from './metric-range';
import { useColumnVisibility } from './use-column-visibility';
import {
  defaultSort,
  statusFilterShows,
  tableQueryOf,
  type CampaignView,
  type ChangeView,
  type SortDirection,
} from './use-campaign-view';
import './campaign-panel.css';

interface CampaignLevelPanelProps {
  workspaceId: string;
  view: CampaignView;
  changeView: ChangeView;
  accountOptions: readonly AccountOption[];
  /** The accounts shown, the default one filled in. */
  accounts: readonly string[] | 'all';
  /** The day the range presets count from; undefined while it loads. */
  presetDay: PresetDay | undefined;
  isImporting: boolean;
  panelId: string;
  tabId: string;
}

/** One tab's content: its filters, its selection, and its table. Render it keyed by level. */
export function CampaignLevelPanel(props: CampaignLevelPanelProps) {
  const { workspaceId, view, changeView, accountOptions, accounts, presetDay, isImporting } = props;
  const { level } = view;
  const [columnVisibility, setColumnVisibility] = useColumnVisibility(level);
  const selection = useCampaignSelection(view, changeView);
  const today = presetDay?.today;
  const metricRange = useMemo(() => metricRangeOf(view, today), [view, today]);
  const query = useMemo(() => tableQueryOf(view, accounts, metricRange.range), [view, accounts, metricRange]);
  const table = useCampaignTable(workspaceId, query, !metricRange.isWaiting);
  const rows = useMemo(() => table.data?.pages.flatMap((page) => page.rows) ?? [], [table.data]);
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, isPlaceholderData, fetchNextPage } = table;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage && !isFetchNextPageError && !isPlaceholderData) {
      void fetchNextPage();
    }
  }, [hasNextPage, isFetchingNextPage, isFetchNextPageError, isPlaceholderData, fetchNextPage]);

  const selectedRows = useMemo(() => {
    const ids = new Set(selection.ids);
    return rows.filter((row) => ids.has(row.id));
  }, [rows, selection.ids]);
  const { deselect } = selection;
  const { status } = view;
  const deselectHidden = useCallback(
    (changed: readonly CampaignRow[]) => deselect(changed.filter((row) => !statusFilterShows(status, row))),
    [deselect, status],
  );
  const actions = useCampaignActions(workspaceId, { onDeleted: deselect, onStatusChanged: deselectHidden });
  const isFiltered =
    view.status !== 'not_deleted' ||
    view.objective !== '' ||
    view.q.trim() !== '' ||
    (level !== 'campaign' && view.campaigns.length > 0);
  const narrowedTo =
    accounts !== 'all' && accountOptions.length > 1 ? accountsSummary(accounts, accountOptions) : null;
  const clearFilters = () =>
    changeView({
      accounts: 'all',
      status: 'not_deleted',
      objective: '',
      q: '',
      campaigns: level === 'campaign' ? view.campaigns : [],
    });

  let content;
  if (table.isPending) content = <TableLoading level={level} />;
  else if (table.isError && rows.length === 0) {
    content = <TableError error={table.error} onRetry={() => void table.refetch()} />;
  } else if (rows.length === 0) {
    content = (
      <TableEmpty
        level={level}
        isFiltered={isFiltered}
        narrowedTo={narrowedTo}
        isImporting={isImporting}
        onClearFilters={clearFilters}
      />
    );
  } else {
    content = (
      <>
        <CampaignTable
          key={JSON.stringify(query)}
          level={level}
          rows={rows}
          columnVisibility={columnVisibility}
          // The order asked for, which is the view's unless it needs a range there is none of.
          sort={query.sort ?? defaultSort.sort}
          direction={query.direction ?? defaultSort.direction}
          onSort={(sort: CampaignSortColumn, direction: SortDirection) => changeView({ sort, direction })}
          selectedIds={selection.ids}
          onSelect={selection.select}
          isComplete={!hasNextPage}
          isUpdating={isPlaceholderData}
          onNearEnd={loadMore}
        />
        <CampaignTableFooter
          level={level}
          loaded={rows.length}
          hasMore={hasNextPage}
          isLoadingMore={isFetchingNextPage || isPlaceholderData}
          loadError={isFetchNextPageError ? table.error : null}
          onRetry={() => void fetchNextPage()}
        />
      </>
    );
  }

  return (
    <div id={props.panelId} role="tabpanel" aria-labelledby={props.tabId} className="campaign-panel">
      <CampaignFilters
        view={view}
        changeView={changeView}
        accountOptions={accountOptions}
        accounts={accounts}
        metricRange={metricRange}
        presetDay={presetDay}
      >
        <ColumnChooser level={level} visibility={columnVisibility} onChange={setColumnVisibility} />
      </CampaignFilters>
      <CampaignSelection
        level={level}
        campaigns={selection.campaigns}
        selectedHere={selection.here.length}
        onClearHere={selection.clearHere}
        changeView={changeView}
        note={selection.note}
        actions={
          <CampaignActionBar
            level={level}
            rows={selectedRows}
            selectedCount={selection.ids.length}
            actions={actions}
          />
        }
      />
      <CampaignRowActions workspaceId={workspaceId} actions={actions}>
        {content}
      </CampaignRowActions>
    </div>
  );
}
