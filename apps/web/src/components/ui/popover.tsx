import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { classNames } from '../../lib/class-names';
import { buttonClassName } from './button-class-name';

interface PopoverProps {
  /** The button's content, which is also its accessible name. */
  trigger: ReactNode;
  /** Names the panel for assistive technology. */
  title: string;
  /** Called as the panel opens, to start from the current values. */
  onOpen?: () => void;
  /** The panel's content; `close` puts focus back on the button. */
  children: (close: () => void) => ReactNode;
  className?: string;
  /** Which edge of the button the panel lines up with. */
  align?: 'start' | 'end';
}

/**
 * A button that shows a panel of controls below it (a disclosure, not a modal): Escape and a click
 * outside close it, and focus moves into it on opening and back to the button on Escape.
 */
export function Popover({ trigger, title, onOpen, children, className, align = 'start' }: PopoverProps) {
  const [isOpen, setIsOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonId = useId();
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!isOpen) return;
    panelRef.current?.querySelector<HTMLElement>('input, button, select, a[href]')?.focus();
    const closeOutside = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setIsOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [isOpen]);

  // Found by id, not a ref: `close` is handed to the panel's content while it renders.
  const close = () => {
    setIsOpen(false);
    document.getElementById(buttonId)?.focus();
  };
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !isOpen) return;
    event.stopPropagation();
    close();
  };

  return (
    <div ref={rootRef} className={classNames('popover', className)} onKeyDown={closeOnEscape}>
      <button
        id={buttonId}
        type="button"
        className={buttonClassName({ variant: 'secondary', size: 'small', className: 'popover__button' })}
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => {
          if (!isOpen) onOpen?.();
          setIsOpen(!isOpen);
        }}
      >
        {trigger}
      </button>
      <div
        ref={panelRef}
        id={panelId}
        className={classNames('popover__panel', align === 'end' && 'popover__panel--end')}
        role="group"
        aria-label={title}
        hidden={!isOpen}
      >
        {isOpen && children(close)}
      </div>
    </div>
  );
}
