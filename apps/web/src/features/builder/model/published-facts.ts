import type { DraftDocument, DraftNode } from '@whathead/contracts';

/**
 * What TikTok has, taken from the server's newer version into this tab's: each node's TikTok id
 * and its settings as published, where they changed on the server since this tab's base (a
 * publish wrote them back) and this tab left them as they were. These are facts about TikTok,
 * not edits: "Keep mine" after a publish must not drop them, or the next publish would create
 * again what TikTok already has. A node this tab changed them on (a reparent clears its id) keeps
 * this tab's.
 */
export function withPublishedFacts(
  mine: DraftDocument,
  base: DraftDocument | undefined,
  theirs: DraftDocument,
): DraftDocument {
  const baseNodes = new Map((base?.nodes ?? []).map((node) => [node.key, node]));
  const theirNodes = new Map(theirs.nodes.map((node) => [node.key, node]));
  let changed = false;
  const nodes = mine.nodes.map((node) => {
    const their = theirNodes.get(node.key);
    if (!their || their.level !== node.level) return node;
    const was = baseNodes.get(node.key);
    const taken: Partial<DraftNode> = {};
    if (their.tiktokId !== (was?.tiktokId ?? null) && node.tiktokId === (was?.tiktokId ?? null))
      taken.tiktokId = their.tiktokId;
    if (!same(their.published, was?.published ?? null) && same(node.published, was?.published ?? null))
      taken.published = their.published;
    if (Object.keys(taken).length === 0) return node;
    changed = true;
    return { ...node, ...taken } as DraftNode;
  });
  return changed ? { ...mine, nodes } : mine;
}

const same = (left: unknown, right: unknown) => JSON.stringify(left) === JSON.stringify(right);

/**
 * Whether a publish wrote `theirs`: it holds a TikTok id, or settings as published, that `base`
 * did not have for its node. Only a publish writes these (a person's edit can only clear them).
 */
export function publishedSince(base: DraftDocument | undefined, theirs: DraftDocument): boolean {
  const before = new Map((base?.nodes ?? []).map((node) => [node.key, node]));
  return theirs.nodes.some((node) => {
    const was = before.get(node.key);
    return (
      (node.tiktokId !== null && node.tiktokId !== (was?.tiktokId ?? null)) ||
      (node.published !== null && !same(node.published, was?.published ?? null))
    );
  });
}
