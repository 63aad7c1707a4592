import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
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

/**
 * A menu button (WAI-ARIA menu button pattern): Enter, Space or Arrow Down opens it on its first
 * item, the arrows, Home and End move, Escape and Tab close it and focus goes back to the button.
 * An item chosen closes the menu first, so a dialog it opens gives focus back to the button.
 */
export function Menu({ label, icon, items, align = 'end' }: MenuProps) {
  const [isOpen, setIsOpen] = useState(false);
  const [trigger, setTrigger] = useState<HTMLButtonElement | null>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const menuId = useId();

  const focusItem = (index: number) => {
    const count = items.length;
    itemRefs.current[((index % count) + count) % count]?.focus();
  };
  useEffect(() => {
    if (isOpen) itemRefs.current[0]?.focus();
  }, [isOpen]);

  const close = () => {
    setIsOpen(false);
    trigger?.focus();
  };
  const moveFocus = (event: KeyboardEvent) => {
    const current = itemRefs.current.indexOf(document.activeElement as HTMLButtonElement);
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      Home: 0,
      End: items.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      focusItem(moves[event.key]!);
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
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
        onClick={() => setIsOpen(!isOpen)}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
          event.preventDefault();
          setIsOpen(true);
        }}
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
          onOutsidePointerDown={() => setIsOpen(false)}
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
