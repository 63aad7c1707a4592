import { useEffect, useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { CloseIcon } from './icons';

const firstFieldSelector =
  'input:not([type="hidden"]):not(:disabled), select:not(:disabled), textarea:not(:disabled)';

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
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', ''); // jsdom has no showModal.
    // The browser focuses the first focusable element, the Close button; a dialog that asks for
    // something starts on its first field instead.
    dialog.querySelector<HTMLElement>(firstFieldSelector)?.focus();
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
