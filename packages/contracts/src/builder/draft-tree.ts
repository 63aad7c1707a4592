import type { CampaignNode, DraftDocument, DraftLevel, DraftNode } from './draft-nodes.js';

/** The level each level hangs under: campaign → ad group → ad, one parent each. */
export const parentLevel: Record<DraftLevel, DraftLevel | null> = {
  campaign: null,
  adgroup: 'campaign',
  ad: 'adgroup',
};
export const childLevel: Record<DraftLevel, DraftLevel | null> = {
  campaign: 'adgroup',
  adgroup: 'ad',
  ad: null,
};

/** One pass over the nodes, so the rules and the plan look parents and children up in O(1). */
export interface DraftTree {
  nodes: readonly DraftNode[];
  byKey: ReadonlyMap<string, DraftNode>;
  children(key: string): readonly DraftNode[];
  /** The campaign a node belongs to, or undefined when its chain of parents is broken. */
  campaignOf(node: DraftNode): CampaignNode | undefined;
  parentOf(node: DraftNode): DraftNode | undefined;
}

export function indexDraft(document: DraftDocument): DraftTree {
  const byKey = new Map(document.nodes.map((node) => [node.key, node]));
  const childrenByKey = new Map<string, DraftNode[]>();
  for (const node of document.nodes) {
    if (node.parentKey === null) continue;
    const siblings = childrenByKey.get(node.parentKey) ?? [];
    siblings.push(node);
    childrenByKey.set(node.parentKey, siblings);
  }
  const parentOf = (node: DraftNode) => (node.parentKey === null ? undefined : byKey.get(node.parentKey));
  const campaignOf = (node: DraftNode): CampaignNode | undefined => {
    let current: DraftNode | undefined = node;
    // Levels only go down one step per parent, so three steps reach the campaign or prove a break.
    for (let step = 0; step < 3 && current; step += 1) {
      if (current.level === 'campaign') return current;
      current = parentOf(current);
    }
    return undefined;
  };
  return {
    nodes: document.nodes,
    byKey,
    children: (key) => childrenByKey.get(key) ?? [],
    campaignOf,
    parentOf,
  };
}

/** A node and everything under it, parents before children. */
export function subtree(tree: DraftTree, key: string): DraftNode[] {
  const root = tree.byKey.get(key);
  if (!root) return [];
  const found: DraftNode[] = [root];
  for (let index = 0; index < found.length; index += 1) found.push(...tree.children(found[index]!.key));
  return found;
}

/** A name for messages: the node's own, or "Untitled ad group". */
export function nodeTitle(node: DraftNode): string {
  const name = node.settings.name.trim();
  if (name) return name;
  return node.level === 'campaign'
    ? 'Untitled campaign'
    : node.level === 'adgroup'
      ? 'Untitled ad group'
      : 'Untitled ad';
}
