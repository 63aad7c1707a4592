import { indexDraft, type DraftDocument, type DraftLevel, type DraftNode } from '@whathead/contracts';
import type { Position } from './tree-edits';

/** The size every node card is drawn at (components/draft-canvas.css uses the same). */
export const nodeSize = { width: 248, height: 112 } as const;
const columnGap = 72;
const rowGap = 16;
/** Extra room between one campaign's tree and the next, so each reads as its own. */
const campaignGap = 40;
const row = nodeSize.height + rowGap;

const column: Record<DraftLevel, number> = { campaign: 0, adgroup: 1, ad: 2 };

/**
 * A tidy tree, left to right: a column per level (campaigns, ad groups, ads), each node's children
 * stacked in the next column, and a parent level with the middle of its children. Leaves take the
 * next free row, and no node of a column starts before the one above it ends, so nothing
 * overlaps. A node the user dragged keeps its pinned position; the rest are placed as if it
 * weren't pinned, so pinning one never moves the others.
 */
export function layoutDraft(document: DraftDocument): Map<string, Position> {
  const tree = indexDraft(document);
  const placed = new Map<string, Position>();
  const columnNext: number[] = [0, 0, 0];
  let leafNext = 0;

  const place = (node: DraftNode): number => {
    placed.set(node.key, { x: 0, y: 0 }); // Marks it seen: a broken document can't loop.
    const children = tree.children(node.key).filter((child) => !placed.has(child.key));
    const level = column[node.level];
    let y: number;
    if (children.length === 0) {
      y = Math.max(leafNext, columnNext[level]!);
      leafNext = y + row;
    } else {
      const childYs = children.map(place);
      y = Math.max((childYs[0]! + childYs.at(-1)!) / 2, columnNext[level]!);
    }
    columnNext[level] = y + row;
    placed.set(node.key, { x: level * (nodeSize.width + columnGap), y });
    return y;
  };

  // Campaigns first, then anything whose parent is missing, in the document's order.
  const roots = tree.nodes.filter((node) => node.parentKey === null || !tree.byKey.has(node.parentKey));
  for (const root of [
    ...roots.filter((node) => node.level === 'campaign'),
    ...roots.filter((node) => node.level !== 'campaign'),
  ]) {
    if (placed.has(root.key)) continue;
    place(root);
    leafNext = Math.max(leafNext, ...columnNext) + campaignGap;
  }
  // Whatever sits in a loop of parents is unreachable from a root: it is still shown.
  for (const node of tree.nodes) if (!placed.has(node.key)) place(node);

  for (const node of tree.nodes) if (node.position) placed.set(node.key, node.position);
  return placed;
}
