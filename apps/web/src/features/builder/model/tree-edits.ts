import {
  indexDraft,
  newAd,
  newAdGroup,
  newCampaign,
  subtree,
  type DraftDocument,
  type DraftNode,
  type DraftTree,
} from '@whathead/contracts';
import { refuse, type EditOutcome } from './edit-outcome';
import type { KeyMaker } from './node-keys';

type ParentLevel = 'campaign' | 'adgroup';

/** The node of `level` a selected node stands for: itself, or its nearest ancestor of that level. */
export function ownerOf(tree: DraftTree, node: DraftNode, level: ParentLevel): DraftNode | undefined {
  let current: DraftNode | undefined = node;
  for (let step = 0; step < 3 && current; step += 1) {
    if (current.level === level) return current;
    current = tree.parentOf(current);
  }
  return undefined;
}

/** Each distinct owner of `level` among the selected nodes, in the order they were selected. */
export function ownersOf(tree: DraftTree, keys: readonly string[], level: ParentLevel): DraftNode[] {
  const owners = new Map<string, DraftNode>();
  for (const key of keys) {
    const node = tree.byKey.get(key);
    const owner = node && ownerOf(tree, node, level);
    if (owner) owners.set(owner.key, owner);
  }
  return [...owners.values()];
}

/** A new campaign on `advertiserId` (the workspace's default account), selected. */
export function addCampaign(document: DraftDocument, advertiserId: string, newKey: KeyMaker): EditOutcome {
  const campaign = newCampaign(newKey(), advertiserId);
  return { ok: true, document: { nodes: [...document.nodes, campaign] }, selection: [campaign.key] };
}

/** A new ad group under each selected campaign (or the campaign of each selected ad group or ad). */
export function addAdGroups(
  document: DraftDocument,
  selection: readonly string[],
  newKey: KeyMaker,
): EditOutcome {
  const campaigns = ownersOf(indexDraft(document), selection, 'campaign');
  if (campaigns.length === 0) return refuse('Select a campaign to add an ad group to.');
  const added = campaigns.map((campaign) =>
    newAdGroup(newKey(), campaign.key, campaign.level === 'campaign' ? campaign.settings.objective : null),
  );
  return {
    ok: true,
    document: { nodes: [...document.nodes, ...added] },
    selection: added.map((node) => node.key),
  };
}

/** A new ad under each selected ad group (or the ad group of each selected ad). */
export function addAds(document: DraftDocument, selection: readonly string[], newKey: KeyMaker): EditOutcome {
  const adGroups = ownersOf(indexDraft(document), selection, 'adgroup');
  if (adGroups.length === 0) return refuse('Select an ad group to add an ad to.');
  const added = adGroups.map((adGroup) => newAd(newKey(), adGroup.key));
  return {
    ok: true,
    document: { nodes: [...document.nodes, ...added] },
    selection: added.map((node) => node.key),
  };
}

/** The selected nodes and everything under them, each once, parents before children. */
export function withDescendants(tree: DraftTree, keys: readonly string[]): DraftNode[] {
  const found = new Map<string, DraftNode>();
  for (const key of keys) {
    if (found.has(key)) continue;
    for (const node of subtree(tree, key)) found.set(node.key, node);
  }
  return [...found.values()];
}

/**
 * Removes the nodes and their descendants from the draft. Nothing is deleted at TikTok: a node
 * TikTok has simply stops being part of this draft.
 */
export function deleteNodes(document: DraftDocument, keys: readonly string[]): EditOutcome {
  const removed = new Set(withDescendants(indexDraft(document), keys).map((node) => node.key));
  if (removed.size === 0) return refuse('Select what to delete.');
  return {
    ok: true,
    document: { nodes: document.nodes.filter((node) => !removed.has(node.key)) },
    selection: [],
  };
}

/** Replaces nodes by key, keeping their place in the document. */
export function replaceNodes(document: DraftDocument, nodes: readonly DraftNode[]): DraftDocument {
  const replacements = new Map(nodes.map((node) => [node.key, node]));
  return { nodes: document.nodes.map((node) => replacements.get(node.key) ?? node) };
}

export interface Position {
  x: number;
  y: number;
}

/** Pins nodes where they were dragged to; the layout leaves them there. */
export function moveNodes(document: DraftDocument, positions: ReadonlyMap<string, Position>): DraftDocument {
  return {
    nodes: document.nodes.map((node) => {
      const position = positions.get(node.key);
      return position ? { ...node, position: { x: position.x, y: position.y } } : node;
    }),
  };
}

/** Tidy up: every node back to where the layout puts it. */
export function clearPositions(document: DraftDocument): DraftDocument {
  return {
    nodes: document.nodes.map((node) => (node.position === null ? node : { ...node, position: null })),
  };
}
