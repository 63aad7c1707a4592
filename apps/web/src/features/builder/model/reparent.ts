import {
  indexDraft,
  nodeTitle,
  parentLevel,
  subtree,
  type DraftDocument,
  type DraftNode,
  type DraftTree,
} from '@whathead/contracts';
import { refuse, type EditOutcome } from './edit-outcome';
import { withArticle } from './level-words';

/**
 * The hierarchy's rules for moving a node: an ad group goes under a campaign, an ad under an ad
 * group, one parent each and never under itself or its own descendants. Returns why not, or null.
 */
export function reparentRefusal(
  tree: DraftTree,
  child: DraftNode,
  parent: DraftNode | undefined,
): string | null {
  const wanted = parentLevel[child.level];
  if (wanted === null) return 'Campaigns sit at the top: a campaign can’t go under anything.';
  if (!parent) return `Choose ${withArticle(wanted)} to move it under.`;
  if (parent.key === child.key) return `${capitalised(withArticle(child.level))} can’t go under itself.`;
  if (subtree(tree, child.key).some((node) => node.key === parent.key)) {
    return `${capitalised(withArticle(child.level))} can’t go under something inside it.`;
  }
  if (parent.level !== wanted) {
    return `${capitalised(withArticle(child.level))} goes under ${withArticle(wanted)}, not under ${withArticle(parent.level)}.`;
  }
  return null;
}

const capitalised = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;

/** Where the selected nodes can move to: every node each of them may go under, apart from where all already are. */
export function validParents(tree: DraftTree, keys: readonly string[]): DraftNode[] {
  const nodes = keys.flatMap((key) => tree.byKey.get(key) ?? []);
  if (nodes.length === 0) return [];
  return tree.nodes.filter(
    (candidate) =>
      nodes.every((node) => reparentRefusal(tree, node, candidate) === null) &&
      !nodes.every((node) => node.parentKey === candidate.key),
  );
}

/**
 * Moves the nodes under `parentKey`. TikTok can't move an ad group to another campaign or an ad
 * to another ad group, so a moved node and everything under it lose their TikTok ids: they are
 * published as new ones (and the originals stay at TikTok as they are).
 */
export function reparentNodes(
  document: DraftDocument,
  keys: readonly string[],
  parentKey: string,
): EditOutcome {
  const tree = indexDraft(document);
  const parent = tree.byKey.get(parentKey);
  const nodes = keys.flatMap((key) => tree.byKey.get(key) ?? []);
  if (nodes.length === 0) return refuse('Select what to move.');
  for (const node of nodes) {
    const refusal = reparentRefusal(tree, node, parent);
    if (refusal) return refuse(refusal);
  }
  const moving = nodes.filter((node) => node.parentKey !== parentKey);
  if (moving.length === 0) return refuse(`Already under “${nodeTitle(parent!)}”.`);
  const moved = new Set(moving.map((node) => node.key));
  const cleared = new Set(moving.flatMap((node) => subtree(tree, node.key)).map((node) => node.key));
  const published = moving.flatMap((node) => subtree(tree, node.key)).filter((node) => node.tiktokId);
  const next = document.nodes.map((node): DraftNode => {
    if (!cleared.has(node.key)) return node;
    const fresh = { ...node, tiktokId: null, published: null };
    return moved.has(node.key) && fresh.level !== 'campaign' ? { ...fresh, parentKey } : fresh;
  });
  return {
    ok: true,
    document: { nodes: next },
    selection: moving.map((node) => node.key),
    note:
      published.length > 0
        ? 'TikTok can’t move what it already has: what you moved will be published as new, and the originals stay in TikTok as they are.'
        : undefined,
  };
}
