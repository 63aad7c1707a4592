import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import type {
  CampaignLevel,
  CampaignMetricColumn,
  CampaignRow,
  CampaignSortColumn,
} from '@whathead/contracts';
import { classNames } from '../../../lib/class-names';
import { BidCell, BudgetCell } from './amount-cells';
import {
  AccountCell,
  DateCell,
  DeliveryCell,
  IdCell,
  NameCell,
  OpenCell,
  SelectCell,
  WordsCell,
} from './campaign-cells';
import type { CampaignTableFeatures } from './campaign-table-features';
import { objectiveLabels, optimizationGoalLabels } from './campaign-words';
import { MetricCell } from './metric-cell';

export interface ColumnInfo {
  label: string;
  /** The server's sort key, for the columns the server can sort by. */
  sort?: CampaignSortColumn;
  /** Whether the column chooser offers it; the checkbox, the name and the link always show. */
  hideable: boolean;
  /** A performance metric over the view's range: the column chooser groups them. */
  performance?: boolean;
  /** Numbers, right-aligned so their digits line up. */
  numeric?: boolean;
  size: number;
  /** The levels that have this column; all when not given. */
  levels?: readonly CampaignLevel[];
}

/**
 * The performance metrics TikTok reports (reference §6), over the view's range, from the stored
 * reports; each sorts on the server by its metric. Sized to their uppercase headings.
 */
const metrics = {
  spend: { label: 'Spend', metric: 'spend', size: 128 },
  impressions: { label: 'Impressions', metric: 'impressions', size: 144 },
  clicks: { label: 'Clicks', metric: 'clicks', size: 112 },
  ctr: { label: 'CTR', metric: 'ctr', size: 96 },
  cpc: { label: 'CPC', metric: 'cpc', size: 112 },
  conversions: { label: 'Conversions', metric: 'conversions', size: 144 },
  cpa: { label: 'CPA', metric: 'costPerConversion', size: 112 },
} as const satisfies Record<string, { label: string; metric: CampaignMetricColumn; size: number }>;

const metricColumns = Object.fromEntries(
  Object.entries(metrics).map(([id, { label, metric, size }]) => [
    id,
    { label, sort: metric, hideable: true, performance: true, numeric: true, size } satisfies ColumnInfo,
  ]),
) as Record<keyof typeof metrics, ColumnInfo>;

export const columnInfo = {
  select: { label: 'Select', hideable: false, size: 44 },
  name: { label: 'Name', sort: 'name', hideable: false, size: 300 },
  delivery: { label: 'Status', sort: 'status', hideable: true, size: 180 },
  ...metricColumns,
  budget: { label: 'Budget', sort: 'budget', hideable: true, size: 150, levels: ['campaign', 'adgroup'] },
  bid: { label: 'Bid', hideable: true, size: 150, levels: ['adgroup'] },
  optimizationGoal: { label: 'Optimisation goal', hideable: true, size: 160, levels: ['adgroup'] },
  objective: { label: 'Objective', hideable: true, size: 170 },
  account: { label: 'Ad account', hideable: true, size: 200 },
  id: { label: 'TikTok ID', hideable: true, size: 210 },
  created: { label: 'Created', sort: 'created', hideable: true, size: 130 },
  modified: { label: 'Modified', sort: 'modified', hideable: true, size: 130 },
  open: { label: 'Open in TikTok Ads Manager', hideable: false, size: 64 },
} satisfies Record<string, ColumnInfo>;

export type CampaignColumnId = keyof typeof columnInfo;

export const sortableColumnIds = Object.fromEntries(
  Object.entries(columnInfo).flatMap(([id, info]) => ('sort' in info ? [[info.sort, id]] : [])),
) as Record<CampaignSortColumn, CampaignColumnId>;

type CampaignColumn = ColumnDef<CampaignTableFeatures, CampaignRow>;

const helper = createColumnHelper<CampaignTableFeatures, CampaignRow>();

function display(id: CampaignColumnId, cell: CampaignColumn['cell']): CampaignColumn {
  const info: ColumnInfo = columnInfo[id];
  return helper.display({
    id,
    header: info.label,
    cell,
    size: info.size,
    enableSorting: info.sort !== undefined,
    // Names read A to Z first; statuses, budgets and dates biggest or newest first.
    sortDescFirst: id !== 'name',
    enableHiding: info.hideable,
  });
}

const allColumns: CampaignColumn[] = [
  display('select', ({ row }) => <SelectCell row={row} />),
  display('name', ({ row }) => <NameCell row={row.original} />),
  display('delivery', ({ row }) => <DeliveryCell row={row.original} />),
  // The performance right after the status: what a marketer looks for first, in view on a laptop
  // (the details after it scroll into view, and the table says that it scrolls).
  ...Object.entries(metrics).map(([id, { metric }]) =>
    display(id as CampaignColumnId, ({ row }) => <MetricCell row={row.original} metric={metric} />),
  ),
  display('budget', ({ row }) => <BudgetCell row={row.original} />),
  display('bid', ({ row }) => <BidCell row={row.original} />),
  display('optimizationGoal', ({ row }) => (
    <WordsCell labels={optimizationGoalLabels} value={row.original.optimizationGoal} />
  )),
  display('objective', ({ row }) => <WordsCell labels={objectiveLabels} value={row.original.objective} />),
  display('account', ({ row }) => <AccountCell row={row.original} />),
  display('id', ({ row }) => <IdCell row={row.original} />),
  display('created', ({ row }) => <DateCell at={row.original.createdAt} />),
  display('modified', ({ row }) => <DateCell at={row.original.modifiedAt} />),
  display('open', ({ row }) => <OpenCell row={row.original} />),
];

const columnsByLevel = new Map<CampaignLevel, CampaignColumn[]>();

/** A header's or cell's classes: the column's own, and right-aligned for numbers. */
export function cellClassName(id: CampaignColumnId): string {
  const info: ColumnInfo = columnInfo[id];
  return classNames(
    'campaign-table__cell',
    `campaign-table__cell--${id}`,
    info.numeric && 'campaign-table__cell--numeric',
  );
}

/** The columns of a level, built once: the table recomputes everything when its columns change. */
export function columnsFor(level: CampaignLevel): CampaignColumn[] {
  let columns = columnsByLevel.get(level);
  if (!columns) {
    columns = allColumns.filter((column) => {
      const levels = (columnInfo[column.id as CampaignColumnId] as ColumnInfo).levels;
      return !levels || levels.includes(level);
    });
    columnsByLevel.set(level, columns);
  }
  return columns;
}

/** The columns the chooser offers for a level, in table order. */
export function hideableColumnsFor(level: CampaignLevel): CampaignColumnId[] {
  return columnsFor(level)
    .map((column) => column.id as CampaignColumnId)
    .filter((id) => columnInfo[id].hideable);
}
