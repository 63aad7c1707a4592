import {
  indexDraft,
  type DraftDocument,
  type DraftLevel,
  type DraftNode,
  type DraftTree,
  type ExistingNodesQuery,
} from '@whathead/contracts';
import type { EditOutcome } from './edit-outcome';
import { countOfLevel } from './level-words';
import type { KeyMaker } from './node-keys';

const levelOrder: Record<DraftLevel, number> = { campaign: 0, adgroup: 1, ad: 2 };
const identity = (node: Pick<DraftNode, 'level' | 'tiktokId'>) => `${node.level}:${node.tiktokId}`;

/**
 * Brings nodes loaded from the campaigns mirror into the draft, with keys of the draft's own.
 *
 * Select existing (no `under`): each campaign the draft already has (by TikTok id) is left as it
 * is, with what was loaded under it. Expand (`under`, the node whose children were asked for):
 * what the draft already has is matched by TikTok id, the rest added under it.
 */
export function insertExisting(
  document: DraftDocument,
  loaded: readonly DraftNode[],
  newKey: KeyMaker,
  { under }: { under?: string } = {},
): EditOutcome {
  const present = new Map(
    document.nodes.filter((node) => node.tiktokId).map((node) => [identity(node), node.key]),
  );
  // Loaded key → the key the node has in the draft; null: left out with everything under it.
  const keys = new Map<string, string | null>();
  const added: DraftNode[] = [];
  let skippedCampaigns = 0;
  const ordered = [...loaded].sort((left, right) => levelOrder[left.level] - levelOrder[right.level]);
  for (const node of ordered) {
    const existing = node.tiktokId ? present.get(identity(node)) : undefined;
    const loadedParent = node.parentKey === null ? undefined : keys.get(node.parentKey);
    if (loadedParent === null) {
      keys.set(node.key, null);
    } else if (existing !== undefined) {
      if (under === undefined && node.level === 'campaign') skippedCampaigns += 1;
      keys.set(node.key, under === undefined && node.level === 'campaign' ? null : existing);
    } else {
      const key = newKey();
      keys.set(node.key, key);
      const parentKey = node.parentKey === null ? null : (loadedParent ?? under ?? null);
      added.push(
        node.level === 'campaign'
          ? { ...node, key, position: null }
          : { ...node, key, parentKey, position: null },
      );
    }
  }
  return {
    ok: true,
    document: { nodes: [...document.nodes, ...added] },
    // Expand keeps the node expanded selected; Select existing selects the campaigns it brought.
    selection:
      under !== undefined
        ? [under]
        : added
            .filter((node) => !added.some((other) => other.key === node.parentKey))
            .map((node) => node.key),
    note: insertedNote(added, skippedCampaigns),
  };
}

function insertedNote(added: readonly DraftNode[], skippedCampaigns: number): string {
  const counts = (['campaign', 'adgroup', 'ad'] as const)
    .map((level) => ({ level, amount: added.filter((node) => node.level === level).length }))
    .filter(({ amount }) => amount > 0)
    .map(({ level, amount }) => countOfLevel(amount, level));
  const what =
    counts.length === 0
      ? 'Nothing new to add.'
      : `Added ${counts.length > 1 ? `${counts.slice(0, -1).join(', ')} and ${counts.at(-1)}` : counts[0]}.`;
  if (skippedCampaigns === 0) return what;
  return `${what} ${countOfLevel(skippedCampaigns, 'campaign')} ${skippedCampaigns === 1 ? 'was' : 'were'} already in the draft and ${skippedCampaigns === 1 ? 'is' : 'are'} left as ${skippedCampaigns === 1 ? 'it is' : 'they are'}.`;
}

/**
 * What to ask the mirror for to load what is under a node loaded without its children: a
 * campaign with its ad groups and ads, or an ad group's ads. Null when there is nothing to load.
 */
export function expandQuery(tree: DraftTree, node: DraftNode): ExistingNodesQuery | null {
  if (!node.tiktokId || node.level === 'ad' || tree.children(node.key).length > 0) return null;
  const campaign = tree.campaignOf(node);
  if (!campaign) return null;
  return node.level === 'campaign'
    ? { advertiserId: campaign.advertiserId, campaigns: node.tiktokId, children: 'true' }
    : { advertiserId: campaign.advertiserId, adGroups: node.tiktokId, children: 'true' };
}

/** The TikTok ids of the draft's campaigns on an account, for leaving them out of Select existing. */
export function campaignIdsInDraft(document: DraftDocument, advertiserId: string): Set<string> {
  const tree = indexDraft(document);
  return new Set(
    tree.nodes
      .filter((node) => node.level === 'campaign' && node.advertiserId === advertiserId && node.tiktokId)
      .map((node) => node.tiktokId!),
  );
}
