import { flexRender, type Cell, type Row } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { CampaignRow } from '@whathead/contracts';
import { memo, useCallback, useEffect } from 'react';
import { classNames } from '../../../lib/class-names';
import { cellClassName, type CampaignColumnId } from './campaign-columns';
import type { CampaignReactTable } from './campaign-table';
import type { CampaignTableFeatures } from './campaign-table-features';

/** Every row is one height (two lines of text at most), so no row is measured while scrolling. */
export const rowHeight = 60;
/** Rows drawn beyond the viewport, so a quick flick doesn't show blank space. */
const overscan = 12;
/** Ask for the next page this many rows before the last loaded one comes into view. */
const loadAheadRows = 60;

interface CampaignTableBodyProps {
  table: CampaignReactTable;
  scrollElement: HTMLDivElement | null;
  onNearEnd: () => void;
}

/** The rows near the viewport, placed where they would be in the whole table. */
export function CampaignTableBody({ table, scrollElement, onNearEnd }: CampaignTableBodyProps) {
  const { rows } = table.getRowModel();
  // Stable between scroll frames: a new key function makes the virtualiser measure every row again.
  const getItemKey = useCallback((index: number) => rows[index]?.id ?? index, [rows]);
  // useVirtualizer re-renders this component, and only this one, as the table scrolls. It hands
  // back functions the React Compiler can't memoise; this app doesn't use the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollElement,
    estimateSize: () => rowHeight,
    overscan,
    getItemKey,
  });
  const items = virtualizer.getVirtualItems();
  const lastShown = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (lastShown >= rows.length - 1 - loadAheadRows) onNearEnd();
  }, [lastShown, rows.length, onNearEnd]);

  return (
    <tbody role="rowgroup" className="campaign-table__body" style={{ height: virtualizer.getTotalSize() }}>
      {items.map((item) => {
        const row = rows[item.index]!;
        return (
          <CampaignTableRow
            key={row.id}
            row={row}
            cells={row.getVisibleCells()}
            index={item.index}
            start={item.start}
            isSelected={row.getIsSelected()}
          />
        );
      })}
    </tbody>
  );
}

interface CampaignTableRowProps {
  row: Row<CampaignTableFeatures, CampaignRow>;
  cells: Cell<CampaignTableFeatures, CampaignRow, unknown>[];
  index: number;
  start: number;
  isSelected: boolean;
}

/** Memoised: while scrolling, rows already drawn only move; their cells don't render again. */
const CampaignTableRow = memo(function CampaignTableRow({
  row,
  cells,
  index,
  start,
  isSelected,
}: CampaignTableRowProps) {
  return (
    <tr
      role="row"
      aria-rowindex={index + 2}
      className={classNames(
        'campaign-table__row',
        row.original.readOnly && 'campaign-table__row--read-only',
        isSelected && 'campaign-table__row--selected',
      )}
      style={{ transform: `translateY(${start}px)` }}
    >
      {cells.map((cell) => (
        <td
          key={cell.id}
          role="cell"
          className={cellClassName(cell.column.id as CampaignColumnId)}
          style={{ width: cell.column.getSize() }}
        >
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </td>
      ))}
    </tr>
  );
});
