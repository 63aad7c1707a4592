import { nodeTitle, type DraftTree } from '@whathead/contracts';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { ChevronDownIcon } from '../../../components/ui/icons';
import { classNames } from '../../../lib/class-names';
import { levelTitle } from '../model/level-words';
import { stateBadges, type NodeState } from '../model/node-states';
import { outlineRows, type OutlineRow } from '../model/outline-rows';
import './draft-outline.css';

interface DraftOutlineProps {
  tree: DraftTree;
  states: ReadonlyMap<string, NodeState>;
  selection: readonly string[];
  onSelect(keys: string[]): void;
  /** Enter or a double click: the node's form in the side panel. */
  onOpen(key: string): void;
}

/**
 * The draft as a tree (WAI-ARIA tree view, multi-select, selection following focus): one tab stop;
 * Up and Down move and select the item moved to, Right opens a branch or goes into it, Left
 * closes it or goes to the parent, Home and End; with Ctrl they move without selecting, with
 * Shift they extend the selection; Space adds or removes the item, Ctrl+A selects everything
 * shown; Enter opens the node's form. The builder's other keys (Delete, Ctrl+C…) work here too,
 * on the selection, which is where the keys have taken the user.
 */
export function DraftOutline({ tree, states, selection, onSelect, onOpen }: DraftOutlineProps) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => outlineRows(tree, collapsed), [tree, collapsed]);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [anchorKey, setAnchorKey] = useState<string | null>(null);
  const moved = useRef(false);
  const baseId = useId();
  const itemId = (key: string) => `${baseId}-${key}`;
  const selected = useMemo(() => new Set(selection), [selection]);

  // The tab stop: the item last focused, else the first selected, else the first.
  const focusIndex = Math.max(
    0,
    [focusKey, ...selection].reduce<number>(
      (found, key) => (found >= 0 ? found : rows.findIndex((row) => row.node.key === key)),
      -1,
    ),
  );
  const focused = rows[focusIndex];

  useEffect(() => {
    if (!moved.current || !focused) return;
    moved.current = false;
    document.getElementById(itemId(focused.node.key))?.focus();
  });

  /** `how`: `select` the item moved to alone, `extend` the selection to it, or only `focus` it. */
  const moveTo = (from: OutlineRow, to: OutlineRow | undefined, how: 'select' | 'extend' | 'focus') => {
    if (!to) return;
    moved.current = true;
    setFocusKey(to.node.key);
    if (how === 'extend') onSelect(unique([...selection, from.node.key, to.node.key]));
    if (how === 'select') {
      onSelect([to.node.key]);
      setAnchorKey(to.node.key);
    }
  };
  const setExpanded = (key: string, expanded: boolean) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (expanded) next.delete(key);
      else next.add(key);
      return next;
    });

  const onKeyDown = (event: KeyboardEvent) => {
    // The item that has focus, whatever the tab stop says: a key acts where the user is.
    const key = (event.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]')?.dataset.key;
    const index = rows.findIndex((row) => row.node.key === key);
    if (index < 0) return;
    if (handleKey(event, index)) {
      event.preventDefault();
      event.stopPropagation();
    }
  };
  const handleKey = (event: KeyboardEvent, index: number): boolean => {
    const row = rows[index]!;
    const key = row.node.key;
    const command = event.ctrlKey || event.metaKey;
    const how = event.shiftKey ? 'extend' : command ? 'focus' : 'select';
    switch (event.key) {
      case 'ArrowDown':
        moveTo(row, rows[index + 1], how);
        return true;
      case 'ArrowUp':
        moveTo(row, rows[index - 1], how);
        return true;
      case 'Home':
        moveTo(row, rows[0], how === 'extend' ? 'select' : how);
        return true;
      case 'End':
        moveTo(row, rows.at(-1), how === 'extend' ? 'select' : how);
        return true;
      case 'ArrowRight':
        if (row.hasChildren && !row.expanded) setExpanded(key, true);
        else if (row.hasChildren) moveTo(row, rows[index + 1], how === 'extend' ? 'select' : how);
        return true;
      case 'ArrowLeft':
        if (row.hasChildren && row.expanded) setExpanded(key, false);
        else
          moveTo(
            row,
            rows.find((candidate) => candidate.node.key === row.parentKey),
            how === 'extend' ? 'select' : how,
          );
        return true;
      case 'Enter':
        onOpen(key);
        return true;
      case ' ':
        onSelect(selected.has(key) ? selection.filter((other) => other !== key) : [...selection, key]);
        setAnchorKey(key);
        return true;
      case 'a':
      case 'A':
        if (!command) return false;
        onSelect(rows.map((row) => row.node.key));
        return true;
      default:
        return false;
    }
  };

  const onClick = (event: MouseEvent, row: OutlineRow) => {
    const key = row.node.key;
    setFocusKey(key);
    if (event.shiftKey && anchorKey) {
      const from = rows.findIndex((candidate) => candidate.node.key === anchorKey);
      const to = rows.indexOf(row);
      const [start, end] = from < to ? [from, to] : [to, from];
      onSelect(rows.slice(Math.max(0, start), end + 1).map((candidate) => candidate.node.key));
      return;
    }
    setAnchorKey(key);
    if (event.ctrlKey || event.metaKey) {
      onSelect(selected.has(key) ? selection.filter((other) => other !== key) : [...selection, key]);
    } else {
      onSelect([key]);
    }
  };

  if (rows.length === 0) {
    return (
      <p className="draft-outline__empty">
        Nothing in this draft yet. Add a campaign, or select existing ones.
      </p>
    );
  }
  return (
    <ul
      role="tree"
      aria-label="Draft outline"
      aria-multiselectable="true"
      className="draft-outline"
      onKeyDown={onKeyDown}
    >
      {rows.map((row, index) => {
        const key = row.node.key;
        const badges = stateBadges(states.get(key) ?? fallbackState);
        return (
          <li
            key={key}
            id={itemId(key)}
            data-key={key}
            role="treeitem"
            aria-level={row.depth}
            aria-posinset={row.position}
            aria-setsize={row.siblings}
            aria-expanded={row.hasChildren ? row.expanded : undefined}
            aria-selected={selected.has(key)}
            tabIndex={index === focusIndex ? 0 : -1}
            className={classNames('draft-outline__item', `draft-outline__item--${row.node.level}`)}
            style={{ paddingInlineStart: `calc(${row.depth - 1} * 1.25rem + 0.25rem)` }}
            onClick={(event) => onClick(event, row)}
            onDoubleClick={() => onOpen(key)}
            onFocus={() => setFocusKey(key)}
          >
            <span
              className={classNames(
                'draft-outline__toggle',
                !row.expanded && 'draft-outline__toggle--closed',
              )}
              aria-hidden="true"
              onClick={(event) => {
                if (!row.hasChildren) return;
                event.stopPropagation();
                setExpanded(key, !row.expanded);
              }}
            >
              {row.hasChildren && <ChevronDownIcon size={14} />}
            </span>
            <span className="draft-outline__text">
              <span className="draft-outline__level">{levelTitle(row.node.level)}</span>{' '}
              <span className="draft-outline__name">{nodeTitle(row.node)}</span>
            </span>
            <span className="draft-outline__badges">
              {badges.map((badge) => (
                <span key={badge.text} className={`state-badge state-badge--${badge.tone}`}>
                  <span className="visually-hidden">,</span> {badge.text}
                </span>
              ))}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

const fallbackState: NodeState = { issues: [], errors: 0, warnings: 0, paused: false, lifecycle: 'new' };

const unique = (keys: string[]) => [...new Set(keys)];
