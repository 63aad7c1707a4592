import {
  functionalUpdate,
  useTable,
  type ColumnVisibilityState,
  type Header,
  type ReactTable,
  type RowSelectionState,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import type { CampaignLevel, CampaignRow, CampaignSortColumn } from '@whathead/contracts';
import { useMemo, useState } from 'react';
import { ArrowDownIcon, ArrowUpIcon } from '../../../components/ui/icons';
import { SideScrollFrame, useSideScrollEdges } from '../../../components/ui/side-scroll';
import { StatusMessage } from '../../../components/ui/status-message';
import { useNow } from '../../../lib/use-now';
import {
  cellClassName,
  columnInfo,
  columnsFor,
  sortableColumnIds,
  type CampaignColumnId,
  type ColumnInfo,
} from './campaign-columns';
import { CampaignTableBody } from './campaign-table-body';
import { CampaignTableContext } from './campaign-table-context';
import { campaignTableFeatures, type CampaignTableFeatures } from './campaign-table-features';
import { levelNouns } from './campaign-words';
import type { SortDirection } from './use-campaign-view';

export type CampaignReactTable = ReactTable<CampaignTableFeatures, CampaignRow>;

interface CampaignTableProps {
  level: CampaignLevel;
  rows: CampaignRow[];
  columnVisibility: ColumnVisibilityState;
  sort: CampaignSortColumn;
  direction: SortDirection;
  onSort: (sort: CampaignSortColumn, direction: SortDirection) => void;
  selectedIds: readonly string[];
  /** Receives the table's change, to apply to the latest selection (see selectedIdsAfter). */
  onSelect: (change: Updater<RowSelectionState>) => void;
  /** Whether every row of the view is loaded, so the row count is known. */
  isComplete: boolean;
  /** Rows of the previous filters, shown while the new ones load. */
  isUpdating: boolean;
  /** Called when the user scrolls near the last loaded row. */
  onNearEnd: () => void;
}

/**
 * The virtualised table: only the rows in and near the viewport are in the DOM, so 100,000 rows
 * scroll like 100. Sorting is the server's (the header buttons change the URL), and so is paging.
 * Render it keyed by the view, so a new filter or order starts at the top.
 */
export function CampaignTable(props: CampaignTableProps) {
  const { level, rows, isComplete, isUpdating } = props;
  // State, not a ref: the rows (a child) set up their virtualiser before a parent's ref is attached.
  const [scrollElement, setScrollElement] = useState<HTMLDivElement | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const now = useNow(60_000);
  const context = useMemo(() => ({ now, announce: setAnnouncement }), [now]);
  const table = useCampaignTable(props);
  const nouns = levelNouns[level];
  // The columns are wider than a laptop's screen: the frame says so, and which side is cut off.
  const edges = useSideScrollEdges(scrollElement);

  return (
    <CampaignTableContext value={context}>
      <SideScrollFrame edges={edges}>
        <div
          ref={setScrollElement}
          className="campaign-table__scroll"
          role="region"
          aria-label={`${nouns.title} table`}
          tabIndex={0}
        >
          {/* Explicit roles: the table is laid out with CSS grid for virtualisation, which makes
            some browsers drop the implicit table semantics. */}
          <table
            role="table"
            className="campaign-table"
            aria-label={nouns.title}
            aria-rowcount={isComplete ? rows.length + 1 : -1}
            aria-busy={isUpdating || undefined}
            style={{ width: table.getTotalSize() }}
          >
            <thead role="rowgroup" className="campaign-table__head">
              <tr role="row" aria-rowindex={1} className="campaign-table__row">
                {table
                  .getFlatHeaders()
                  .filter((header) => header.column.getIsVisible())
                  .map((header) => (
                    <HeaderCell key={header.id} header={header} table={table} noun={nouns.many} />
                  ))}
              </tr>
            </thead>
            <CampaignTableBody table={table} scrollElement={scrollElement} onNearEnd={props.onNearEnd} />
          </table>
        </div>
      </SideScrollFrame>
      <StatusMessage tone="neutral" className="visually-hidden">
        {announcement}
      </StatusMessage>
    </CampaignTableContext>
  );
}

/** The ids selected after a change from the table, applied to `ids`, in the order they were ticked. */
export function selectedIdsAfter(change: Updater<RowSelectionState>, ids: readonly string[]): string[] {
  return Object.keys(functionalUpdate(change, selectionOf(ids)));
}

function selectionOf(ids: readonly string[]): RowSelectionState {
  return Object.fromEntries(ids.map((id) => [id, true as const]));
}

function useCampaignTable(props: CampaignTableProps): CampaignReactTable {
  const { level, rows, columnVisibility, sort, direction, selectedIds, onSort, onSelect } = props;
  const sorting = useMemo<SortingState>(
    () => [{ id: sortableColumnIds[sort], desc: direction === 'desc' }],
    [sort, direction],
  );
  const rowSelection = useMemo(() => selectionOf(selectedIds), [selectedIds]);
  return useTable({
    features: campaignTableFeatures,
    data: rows,
    columns: columnsFor(level),
    getRowId: (row) => row.id,
    state: { sorting, rowSelection, columnVisibility },
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    onSortingChange: (updater) => {
      const [next] = functionalUpdate(updater, sorting);
      const column: ColumnInfo | undefined = next && columnInfo[next.id as CampaignColumnId];
      if (next && column?.sort) onSort(column.sort, next.desc ? 'desc' : 'asc');
    },
    // Shift-click ticks every row between the last ticked one and this one, as in Ads Manager.
    enableRowRangeSelection: true,
    enableRowSelection: (row) => !row.original.readOnly,
    onRowSelectionChange: onSelect,
  });
}

function HeaderCell({
  header,
  table,
  noun,
}: {
  header: Header<CampaignTableFeatures, CampaignRow, unknown>;
  table: CampaignReactTable;
  noun: string;
}) {
  const { column } = header;
  const id = column.id as CampaignColumnId;
  const info: ColumnInfo = columnInfo[id];
  const sorted = column.getIsSorted();
  let content;
  if (id === 'select') content = <SelectAllCheckbox table={table} noun={noun} />;
  else if (id === 'open') content = <span className="visually-hidden">{info.label}</span>;
  else if (info.sort) {
    // toggleSorting, not the toggle handler: TanStack Table sorts only accessor columns itself,
    // and these are display columns whose order is the server's.
    content = (
      <button
        type="button"
        className="sort-button campaign-table__sort"
        onClick={() => column.toggleSorting()}
      >
        {info.label}
        {sorted === 'asc' && <ArrowUpIcon />}
        {sorted === 'desc' && <ArrowDownIcon />}
      </button>
    );
  } else content = info.label;
  return (
    <th
      role="columnheader"
      scope="col"
      className={cellClassName(id)}
      style={{ width: header.getSize() }}
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
    >
      {content}
    </th>
  );
}

/**
 * Ticks every loaded row that can be ticked (read-only rows stay out); with any row ticked, it
 * clears the selection instead, which is also the way out when the campaign cap stops "all".
 * It shows the rows loaded here: a selection from the URL may also name rows this view lacks.
 */
function SelectAllCheckbox({ table, noun }: { table: CampaignReactTable; noun: string }) {
  const rows = table.getRowModel().rows.filter((row) => row.getCanSelect());
  const ticked = rows.filter((row) => row.getIsSelected()).length;
  const all = ticked > 0 && ticked === rows.length;
  const some = ticked > 0;
  return (
    <input
      type="checkbox"
      className="campaign-table__checkbox"
      aria-label={`Select all loaded ${noun}`}
      checked={all}
      ref={(input) => {
        if (input) input.indeterminate = some && !all;
      }}
      onChange={() => (all || some ? table.setRowSelection({}) : table.toggleAllRowsSelected(true))}
    />
  );
}
