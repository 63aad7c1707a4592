import type { DraftNode } from '@whathead/contracts';
import { describe, expect, it } from 'vitest';
import { ad, adGroup, campaign, documentOf, springAndAutumn } from '../testing/draft-fixtures';
import { layoutDraft, nodeSize } from './tree-layout';

function overlaps(positions: Map<string, { x: number; y: number }>): string[] {
  const boxes = [...positions];
  const found: string[] = [];
  for (const [index, [key, a]] of boxes.entries()) {
    for (const [other, b] of boxes.slice(index + 1)) {
      const apart =
        a.x + nodeSize.width <= b.x ||
        b.x + nodeSize.width <= a.x ||
        a.y + nodeSize.height <= b.y ||
        b.y + nodeSize.height <= a.y;
      if (!apart) found.push(`${key}/${other}`);
    }
  }
  return found;
}

describe('the tree layout', () => {
  it('puts each level in its own column, a parent beside the middle of its children', () => {
    const positions = layoutDraft(springAndAutumn());
    const spring = positions.get('spring')!;
    const group = positions.get('spring-group')!;
    const first = positions.get('spring-ad-1')!;
    const second = positions.get('spring-ad-2')!;
    expect(spring.x).toBeLessThan(group.x);
    expect(group.x).toBeLessThan(first.x);
    expect(group.y).toBe((first.y + second.y) / 2);
    expect(positions.get('autumn')!.y).toBeGreaterThan(second.y);
  });

  it('never overlaps two nodes, however uneven the tree', () => {
    const nodes: DraftNode[] = [campaign('lonely')];
    for (let index = 0; index < 4; index += 1) {
      nodes.push(campaign(`c${index}`));
      for (let group = 0; group <= index; group += 1) {
        nodes.push(adGroup(`c${index}g${group}`, `c${index}`));
        for (let count = 0; count < (index * group) % 4; count += 1)
          nodes.push(ad(`c${index}g${group}a${count}`, `c${index}g${group}`));
      }
    }
    nodes.push(adGroup('orphan', 'missing'), ad('orphan-ad', 'orphan'));
    const positions = layoutDraft(documentOf(...nodes));
    expect(positions.size).toBe(nodes.length);
    expect(overlaps(positions)).toEqual([]);
  });

  it('keeps a dragged node where it was put, and places the others as before', () => {
    const document = springAndAutumn();
    const before = layoutDraft(document);
    const pinned = {
      nodes: document.nodes.map((node) =>
        node.key === 'spring-group' ? { ...node, position: { x: 900, y: 5 } } : node,
      ),
    } as typeof document;
    const after = layoutDraft(pinned);
    expect(after.get('spring-group')).toEqual({ x: 900, y: 5 });
    expect(after.get('spring-ad-1')).toEqual(before.get('spring-ad-1'));
  });
});
