import { useEffect, useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { CloseIcon } from './icons';

const firstFieldSelector =
  'input:not([type="hidden"]):not(:disabled), select:not(:disabled), textarea:not(:disabled)';

const focusableSelector = [
  'a[href]',
  'button:not(:disabled)',
  'input:not([type="hidden"]):not(:disabled)',
  'select:not(:disabled)',
  'textarea:not(:disabled)',
  '[tabindex]:not([tabindex="-1"])',
].join(', ');

interface DialogProps {
  title: string;
  description?: string;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A modal dialog on the native <dialog> element: the browser traps focus, closes on Escape and
 * makes the page behind it inert. Focus starts on its first field, if it has one. Render it only
 * while open; closing unmounts it.
 */
export function Dialog({ title, description, onClose, children }: DialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const previouslyFocused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const { scrollX, scrollY } = window;
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', ''); // jsdom has no showModal.
    // The browser focuses the first focusable element, the Close button; a dialog that asks for
    // something starts on its first field instead. Opening never moves the page behind it.
    dialog.querySelector<HTMLElement>(firstFieldSelector)?.focus({ preventScroll: true });
    if (window.scrollX !== scrollX || window.scrollY !== scrollY) window.scrollTo(scrollX, scrollY);
    const restoreOthers = hideOthersFromAssistiveTechnology(dialog);
    return () => {
      restoreOthers();
      // Close before refocusing: the page stays inert while a modal dialog is open.
      if (dialog.open) dialog.close?.();
      if (previouslyFocused?.isConnected) previouslyFocused.focus();
    };
  }, []);

  return createPortal(
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => {
        // The browser lets Tab leave a modal dialog for its own toolbar, leaving the page's focus
        // on <body>; keep it going round the dialog instead.
        if (event.key !== 'Tab') return;
        // In document order, whatever order the selector engine answers in.
        const focusable = Array.from(
          event.currentTarget.querySelectorAll<HTMLElement>(focusableSelector),
        ).sort((one, other) =>
          one.compareDocumentPosition(other) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
        );
        const first = focusable[0];
        const last = focusable[focusable.length - 1];
        if (!first || !last) return;
        if (event.shiftKey && document.activeElement === first) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
          event.preventDefault();
          first.focus();
        }
      }}
      onClick={(event) => {
        // A click on the dialog element itself, outside its content box, is a click on the backdrop.
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div className="dialog__content">
        <header className="dialog__header">
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          <button type="button" className="icon-button" onClick={onClose} aria-label="Close">
            <CloseIcon />
          </button>
        </header>
        {description && (
          <p id={descriptionId} className="dialog__description">
            {description}
          </p>
        )}
        {children}
      </div>
    </dialog>,
    document.body,
  );
}

/**
 * `inert` already hides the page behind a modal from assistive technology, but tools that read
 * roles from the DOM (and older screen readers) only honour aria-hidden, so set that too.
 */
function hideOthersFromAssistiveTechnology(dialog: HTMLElement): () => void {
  const hidden = Array.from(document.body.children).filter(
    (element) => element !== dialog && !element.hasAttribute('aria-hidden'),
  );
  for (const element of hidden) element.setAttribute('aria-hidden', 'true');
  return () => {
    for (const element of hidden) element.removeAttribute('aria-hidden');
  };
}
