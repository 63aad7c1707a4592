import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Menu } from './menu';

/**
 * A browser doesn't focus an element that is hidden (`visibility: hidden`, as a layer is before it
 * is placed); jsdom does. This makes jsdom refuse as a browser would, so focusing too early fails.
 */
function refuseFocusWhileHidden() {
  const focus = HTMLElement.prototype.focus;
  vi.spyOn(HTMLElement.prototype, 'focus').mockImplementation(function (this: HTMLElement, options) {
    if (this.closest('[style*="visibility: hidden"]')) return;
    focus.call(this, options);
  });
}

const chosen: string[] = [];
function renderMenu() {
  render(
    <>
      <Menu
        label="Actions for Summer Sale"
        icon="⋯"
        items={['Rename', 'Duplicate', 'History'].map((label) => ({
          label,
          onSelect: () => chosen.push(label),
        }))}
      />
      <button type="button">Next on the page</button>
    </>,
  );
  return screen.getByRole('button', { name: 'Actions for Summer Sale' });
}
const focusedItem = () => document.activeElement?.textContent;

beforeEach(() => {
  chosen.length = 0;
  refuseFocusWhileHidden();
});

describe('a menu button, by keyboard', () => {
  it('opens on its first item with Enter, Space or Arrow Down, and on its last with Arrow Up', () => {
    const button = renderMenu();
    for (const [key, item] of [
      ['Enter', 'Rename'],
      [' ', 'Rename'],
      ['ArrowDown', 'Rename'],
      ['ArrowUp', 'History'],
    ] as const) {
      button.focus();
      fireEvent.keyDown(button, { key });
      expect(screen.getByRole('menu', { name: 'Actions for Summer Sale' })).toBeTruthy();
      expect(button.getAttribute('aria-expanded')).toBe('true');
      expect(focusedItem(), key).toBe(item);
      fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    }
  });

  it('moves with the arrows (round the ends), Home and End', () => {
    const button = renderMenu();
    button.focus();
    fireEvent.keyDown(button, { key: 'Enter' });
    const press = (key: string) => {
      fireEvent.keyDown(document.activeElement!, { key });
      return focusedItem();
    };
    expect(press('ArrowDown')).toBe('Duplicate');
    expect(press('ArrowDown')).toBe('History');
    expect(press('ArrowDown')).toBe('Rename');
    expect(press('ArrowUp')).toBe('History');
    expect(press('Home')).toBe('Rename');
    expect(press('End')).toBe('History');
  });

  it('closes with Escape, focus back on the button, and with Tab', () => {
    const button = renderMenu();
    button.focus();
    fireEvent.keyDown(button, { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);

    fireEvent.keyDown(button, { key: 'Enter' });
    expect(focusedItem()).toBe('Rename');
    // The browser's Tab then goes on from the button, to what follows it on the page.
    fireEvent.keyDown(document.activeElement!, { key: 'Tab' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(chosen).toEqual([]);
  });

  it('chooses an item (Enter clicks it), closing the menu first', () => {
    const button = renderMenu();
    fireEvent.click(button);
    expect(focusedItem()).toBe('Rename');
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    fireEvent.click(document.activeElement!);
    expect(chosen).toEqual(['History']);
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });
});
