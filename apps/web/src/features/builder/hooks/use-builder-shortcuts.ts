import { useEffect } from 'react';
import type { BuilderAction, BuilderActionId } from './use-builder-actions';

/** Keys that do what a toolbar button does, with Ctrl (or ⌘ on a Mac) unless said. */
const shortcuts: { matches(event: KeyboardEvent): boolean; action: BuilderActionId }[] = [
  { matches: (event) => command(event) && !event.shiftKey && key(event) === 'z', action: 'undo' },
  { matches: (event) => command(event) && event.shiftKey && key(event) === 'z', action: 'redo' },
  { matches: (event) => command(event) && key(event) === 'y', action: 'redo' },
  { matches: (event) => command(event) && key(event) === 'c', action: 'copy' },
  { matches: (event) => command(event) && key(event) === 'v', action: 'paste' },
  { matches: (event) => command(event) && key(event) === 'd', action: 'duplicate' },
  {
    matches: (event) => !command(event) && (event.key === 'Delete' || event.key === 'Backspace'),
    action: 'delete',
  },
];

const command = (event: KeyboardEvent) => event.ctrlKey || event.metaKey;
const key = (event: KeyboardEvent) => event.key.toLowerCase();

/**
 * The builder's keys, heard on the whole page so they work wherever focus is in the outline or
 * on the canvas; never in a field (its own undo and copy stay), a dialog or a menu.
 */
export function useBuilderShortcuts(actions: Record<BuilderActionId, BuilderAction>) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event.target)) return;
      const shortcut = shortcuts.find((candidate) => candidate.matches(event));
      const action = shortcut && actions[shortcut.action];
      // What the builder can't do now is left to the browser (copying text selected on the page).
      if (!action || action.disabledReason !== null) return;
      event.preventDefault();
      action.run();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [actions]);
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('dialog, [role="menu"], [role="dialog"]')) return true;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
