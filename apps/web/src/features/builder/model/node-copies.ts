import type { DraftNode } from '@whathead/contracts';

export const copySuffix = ' (copy)';

/**
 * A node as a new one: its own key and parent, nothing of TikTok's (a copy is created, never an
 * update of the original), no pinned position, and settings of its own so no two nodes share an
 * array. `named` adds " (copy)" to the name (the roots of what was copied).
 */
export function freshCopy(node: DraftNode, key: string, parentKey: string | null, named: boolean): DraftNode {
  const settings = structuredClone(node.settings);
  if (named) settings.name = `${settings.name}${copySuffix}`;
  const common = { key, position: null, tiktokId: null, published: null };
  switch (node.level) {
    case 'campaign':
      return { ...node, ...common, parentKey: null, settings: settings as typeof node.settings };
    case 'adgroup':
      return { ...node, ...common, parentKey, settings: settings as typeof node.settings };
    case 'ad':
      return { ...node, ...common, parentKey, settings: settings as typeof node.settings };
  }
}

/** The nodes of a set whose parent is not in it: the tops of the copied subtrees. */
export function rootsOf(nodes: readonly DraftNode[]): DraftNode[] {
  const keys = new Set(nodes.map((node) => node.key));
  return nodes.filter((node) => node.parentKey === null || !keys.has(node.parentKey));
}

/**
 * Copies `roots` and their descendants among `nodes` (parents before children) as new nodes,
 * each root under `parentKey`. Returns the copies, roots first of their subtrees.
 */
export function copySubtrees(
  nodes: readonly DraftNode[],
  roots: readonly DraftNode[],
  parentKey: string | null,
  newKey: () => string,
): DraftNode[] {
  const childrenOf = new Map<string, DraftNode[]>();
  for (const node of nodes) {
    if (node.parentKey === null) continue;
    childrenOf.set(node.parentKey, [...(childrenOf.get(node.parentKey) ?? []), node]);
  }
  const copies: DraftNode[] = [];
  const visit = (node: DraftNode, newParentKey: string | null, isRoot: boolean) => {
    const copy = freshCopy(node, newKey(), newParentKey, isRoot);
    copies.push(copy);
    for (const child of childrenOf.get(node.key) ?? []) visit(child, copy.key, false);
  };
  for (const root of roots) visit(root, root.level === 'campaign' ? null : parentKey, true);
  return copies;
}
