import type { DraftNode, DraftTree } from '@whathead/contracts';

export interface OutlineRow {
  node: DraftNode;
  /** aria-level: 1 for the top of the tree. */
  depth: number;
  parentKey: string | null;
  hasChildren: boolean;
  expanded: boolean;
  /** aria-posinset and aria-setsize, among its siblings. */
  position: number;
  siblings: number;
}

/**
 * The outline's visible rows, in reading order: campaigns (then anything whose parent is
 * missing) at the top, each followed by its children unless it is collapsed.
 */
export function outlineRows(tree: DraftTree, collapsed: ReadonlySet<string>): OutlineRow[] {
  const rows: OutlineRow[] = [];
  const seen = new Set<string>();
  const visit = (nodes: readonly DraftNode[], depth: number, parentKey: string | null) => {
    const fresh = nodes.filter((node) => !seen.has(node.key));
    fresh.forEach((node, index) => {
      seen.add(node.key);
      const children = tree.children(node.key);
      const expanded = !collapsed.has(node.key);
      rows.push({
        node,
        depth,
        parentKey,
        hasChildren: children.length > 0,
        expanded,
        position: index + 1,
        siblings: fresh.length,
      });
      if (expanded) visit(children, depth + 1, node.key);
    });
  };
  const roots = tree.nodes.filter((node) => node.parentKey === null || !tree.byKey.has(node.parentKey));
  visit(
    [
      ...roots.filter((node) => node.level === 'campaign'),
      ...roots.filter((node) => node.level !== 'campaign'),
    ],
    1,
    null,
  );
  return rows;
}
