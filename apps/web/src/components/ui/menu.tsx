import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { AnchoredLayer } from './anchored-layer';
import './menu.css';

export interface MenuItem {
  label: string;
  onSelect: () => void;
  /** Why the item can't be chosen now, shown under it; null or absent when it can. */
  disabledReason?: string | null;
}

interface MenuProps {
  /** The button's accessible name, e.g. "Actions for Summer Sale"; it also names the menu. */
  label: string;
  /** What the button shows: an icon. */
  icon: ReactNode;
  items: readonly MenuItem[];
  align?: 'start' | 'end';
}

/** Which item takes focus as the menu opens. */
type OpenAt = 'first' | 'last';

/** Keys on the button that open the menu, and where. */
const openingKeys: Record<string, OpenAt> = {
  Enter: 'first',
  ' ': 'first',
  ArrowDown: 'first',
  ArrowUp: 'last',
};

/** Keys that move focus between the items, to the index they lead to. */
const moves: Record<string, (current: number, last: number) => number> = {
  ArrowDown: (current) => current + 1,
  ArrowUp: (current) => current - 1,
  Home: () => 0,
  End: (_current, last) => last,
};

/**
 * A menu button (WAI-ARIA menu button pattern): a click, Enter, Space or Arrow Down opens it on
 * its first item, Arrow Up on its last; the arrows (round the ends), Home and End move; Escape
 * closes it and focus goes back to the button; Tab closes it and goes on from the button. An item
 * chosen closes the menu first, so a dialog it opens gives focus back to the button.
 */
export function Menu({ label, icon, items, align = 'end' }: MenuProps) {
  const [openAt, setOpenAt] = useState<OpenAt | null>(null);
  const [trigger, setTrigger] = useState<HTMLButtonElement | null>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const menuId = useId();
  const isOpen = openAt !== null;

  const focusItem = (index: number) => {
    const count = items.length;
    itemRefs.current[((index % count) + count) % count]?.focus();
  };
  const close = () => {
    setOpenAt(null);
    trigger?.focus();
  };
  const openOnKey = (event: KeyboardEvent) => {
    const at = openingKeys[event.key];
    if (at) {
      // Not a click as well: Enter and Space would otherwise also toggle it.
      event.preventDefault();
      setOpenAt(at);
    } else if (event.key === 'Escape' && isOpen) {
      event.stopPropagation();
      setOpenAt(null);
    }
  };
  const moveFocus = (event: KeyboardEvent) => {
    const current = itemRefs.current.indexOf(document.activeElement as HTMLButtonElement);
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      focusItem(move(current, items.length - 1));
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'Tab') {
      // Focus is put back on the button and the browser's Tab goes on from there: the menu is
      // drawn at the end of the page, and leaving from it would skip everything after the button.
      close();
    }
  };

  return (
    <>
      <button
        ref={setTrigger}
        type="button"
        className="icon-button"
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={isOpen}
        aria-controls={isOpen ? menuId : undefined}
        onClick={() => setOpenAt(isOpen ? null : 'first')}
        onKeyDown={openOnKey}
      >
        {icon}
      </button>
      {isOpen && (
        <AnchoredLayer
          anchor={trigger}
          align={align}
          id={menuId}
          role="menu"
          aria-label={label}
          className="menu"
          onOutsidePointerDown={() => setOpenAt(null)}
          onShown={() => focusItem(openAt === 'last' ? items.length - 1 : 0)}
          onKeyDown={moveFocus}
        >
          {items.map((item, index) => (
            <MenuEntry
              key={item.label}
              item={item}
              ref={(element) => {
                itemRefs.current[index] = element;
              }}
              onChoose={() => {
                close();
                item.onSelect();
              }}
            />
          ))}
        </AnchoredLayer>
      )}
    </>
  );
}

function MenuEntry({
  item,
  ref,
  onChoose,
}: {
  item: MenuItem;
  ref: (element: HTMLButtonElement | null) => void;
  onChoose: () => void;
}) {
  const labelId = useId();
  const reasonId = useId();
  const reason = item.disabledReason ?? null;
  return (
    <button
      ref={ref}
      type="button"
      role="menuitem"
      tabIndex={-1}
      className="menu__item"
      aria-labelledby={labelId}
      aria-describedby={reason ? reasonId : undefined}
      aria-disabled={reason ? true : undefined}
      onClick={() => {
        if (!reason) onChoose();
      }}
    >
      <span id={labelId}>{item.label}</span>
      {reason && (
        <span id={reasonId} className="menu__reason">
          {reason}
        </span>
      )}
    </button>
  );
}
