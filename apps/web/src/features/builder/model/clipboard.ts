import { indexDraft, levelWords, type DraftDocument, type DraftNode } from '@whathead/contracts';
import { refuse, type EditOutcome } from './edit-outcome';
import type { KeyMaker } from './node-keys';
import { copySubtrees, rootsOf } from './node-copies';
import { ownersOf, withDescendants } from './tree-edits';

/** What Copy took: the selected nodes with everything under them, as they were then. */
export interface DraftClipboard {
  nodes: DraftNode[];
}

export function copyNodes(document: DraftDocument, selection: readonly string[]): DraftClipboard | null {
  const nodes = withDescendants(indexDraft(document), selection);
  return nodes.length === 0 ? null : { nodes: structuredClone(nodes) };
}

/**
 * Pastes copies of what was copied: campaigns as new campaigns; ad groups under each selected
 * campaign (or the campaign of a selected ad group or ad), ads under each selected ad group (or
 * the ad group of a selected ad). The copies are new: new keys, no TikTok id, " (copy)" names.
 */
export function pasteNodes(
  document: DraftDocument,
  clipboard: DraftClipboard,
  selection: readonly string[],
  newKey: KeyMaker,
): EditOutcome {
  const tree = indexDraft(document);
  const roots = rootsOf(clipboard.nodes);
  const pasted: DraftNode[] = [];
  const campaigns = roots.filter((root) => root.level === 'campaign');
  pasted.push(...copySubtrees(clipboard.nodes, campaigns, null, newKey));
  for (const level of ['adgroup', 'ad'] as const) {
    const ofLevel = roots.filter((root) => root.level === level);
    if (ofLevel.length === 0) continue;
    const parentLevel = level === 'adgroup' ? 'campaign' : 'adgroup';
    const targets = ownersOf(tree, selection, parentLevel);
    if (targets.length === 0) {
      return refuse(
        `Select ${parentLevel === 'campaign' ? 'a campaign' : 'an ad group'} to paste the ${levelWords[level].many} into.`,
      );
    }
    for (const target of targets) pasted.push(...copySubtrees(clipboard.nodes, ofLevel, target.key, newKey));
  }
  return pastedOutcome(document, pasted);
}

/** Copies of the selected nodes (with everything under them) beside the originals, under the same parents. */
export function duplicateNodes(
  document: DraftDocument,
  selection: readonly string[],
  newKey: KeyMaker,
): EditOutcome {
  const nodes = withDescendants(indexDraft(document), selection);
  if (nodes.length === 0) return refuse('Select what to duplicate.');
  const copies = rootsOf(nodes).flatMap((root) => copySubtrees(nodes, [root], root.parentKey, newKey));
  return pastedOutcome(document, copies);
}

function pastedOutcome(document: DraftDocument, pasted: DraftNode[]): EditOutcome {
  if (pasted.length === 0) return refuse('There is nothing to paste.');
  const roots = rootsOf(pasted);
  return {
    ok: true,
    document: { nodes: [...document.nodes, ...pasted] },
    selection: roots.map((node) => node.key),
  };
}
