import { fireEvent, render, screen } from '@testing-library/react';
import { indexDraft } from '@whathead/contracts';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { nodeStates } from '../model/node-states';
import { springAndAutumn } from '../testing/draft-fixtures';
import { DraftOutline } from './draft-outline';

function renderOutline() {
  const document = springAndAutumn();
  const tree = indexDraft(document);
  const states = nodeStates(document, [], { items: [], counts: { create: 0, update: 0, skip: 0 } });
  const onOpen = vi.fn();
  function Harness() {
    const [selection, setSelection] = useState<string[]>([]);
    return (
      <DraftOutline
        tree={tree}
        states={states}
        selection={selection}
        onSelect={setSelection}
        onOpen={onOpen}
      />
    );
  }
  render(<Harness />);
  return { onOpen };
}

const item = (name: RegExp) => screen.getByRole('treeitem', { name });
const selectedNames = () =>
  screen
    .getAllByRole('treeitem')
    .filter((element) => element.getAttribute('aria-selected') === 'true')
    .map((element) => element.querySelector('.draft-outline__name')?.textContent);

describe('the outline', () => {
  it('is a tree of levels, with each node’s state in words', () => {
    renderOutline();
    const spring = item(/^Campaign Spring/);
    expect(spring.getAttribute('aria-level')).toBe('1');
    expect(spring.getAttribute('aria-expanded')).toBe('true');
    expect(spring.textContent).toContain('Published');
    expect(item(/Ad group spring-group/).getAttribute('aria-level')).toBe('2');
    expect(item(/Ad spring-ad-1/).getAttribute('aria-level')).toBe('3');
    expect(item(/Ad spring-ad-1/).hasAttribute('aria-expanded')).toBe(false);
    expect(item(/^Campaign Autumn/).textContent).toContain('New');
    // One tab stop.
    expect(screen.getAllByRole('treeitem').filter((element) => element.tabIndex === 0)).toHaveLength(1);
  });

  it('selects where the arrows go, moves alone with Ctrl, adds with Space, extends with Shift, opens with Enter', () => {
    const { onOpen } = renderOutline();
    const spring = item(/^Campaign Spring/);
    spring.focus();

    // Selection follows focus: Delete or Copy then act on the item the keys reached.
    fireEvent.keyDown(spring, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(item(/Ad group spring-group/));
    expect(selectedNames()).toEqual(['Ad group spring-group']);

    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown', ctrlKey: true });
    expect(document.activeElement).toBe(item(/Ad spring-ad-1/));
    expect(selectedNames()).toEqual(['Ad group spring-group']);

    fireEvent.keyDown(document.activeElement!, { key: ' ' });
    expect(selectedNames()).toEqual(['Ad group spring-group', 'Ad spring-ad-1']);

    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown', shiftKey: true });
    expect(document.activeElement).toBe(item(/Ad spring-ad-2/));
    expect(selectedNames()).toEqual(['Ad group spring-group', 'Ad spring-ad-1', 'Ad spring-ad-2']);

    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith('spring-ad-2');
  });

  it('closes a branch with Left, goes to the parent with Left again, and opens it with Right', () => {
    renderOutline();
    const group = item(/Ad group spring-group/);
    group.focus();

    fireEvent.keyDown(group, { key: 'ArrowLeft' });
    expect(group.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('treeitem', { name: /Ad spring-ad-1/ })).toBeNull();

    fireEvent.keyDown(group, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(item(/^Campaign Spring/));

    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(item(/Ad group spring-group/).getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(item(/Ad spring-ad-1/));

    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement).toBe(item(/Ad group autumn-group/));
  });

  it('selects one node on a click, adds with Ctrl and a range with Shift', () => {
    renderOutline();
    fireEvent.click(item(/^Campaign Spring/));
    fireEvent.click(item(/Ad spring-ad-2/), { shiftKey: true });
    expect(selectedNames()).toEqual(['Spring', 'Ad group spring-group', 'Ad spring-ad-1', 'Ad spring-ad-2']);
    fireEvent.click(item(/^Campaign Autumn/), { ctrlKey: true });
    expect(selectedNames()).toHaveLength(5);
    fireEvent.click(item(/^Campaign Autumn/));
    expect(selectedNames()).toEqual(['Autumn']);
  });
});
