import { settingChanges, type FieldChange } from './draft-fields.js';
import type { DraftDocument, DraftLevel } from './draft-nodes.js';
import { indexDraft, nodeTitle } from './draft-tree.js';

/**
 * What a publish would do to each node, before anything is sent: CREATE what TikTok does not
 * have, UPDATE what differs from what TikTok has (only the changed editable fields), SKIP the
 * rest. Parents come before their children. Nodes whose chain of parents is broken are left out:
 * validation already blocks the publish for them.
 */
export const publishActions = ['create', 'update', 'skip'] as const;
export type PublishAction = (typeof publishActions)[number];

export interface PlanItem {
  key: string;
  level: DraftLevel;
  name: string;
  advertiserId: string;
  parentKey: string | null;
  action: PublishAction;
  /** For an update: each changed editable field, before → after. */
  changes: FieldChange[];
}

export interface PublishPlan {
  items: PlanItem[];
  counts: Record<PublishAction, number>;
}

const levelOrder: Record<DraftLevel, number> = { campaign: 0, adgroup: 1, ad: 2 };

export function planPublish(document: DraftDocument): PublishPlan {
  const tree = indexDraft(document);
  const items: PlanItem[] = [];
  for (const node of tree.nodes) {
    const campaign = tree.campaignOf(node);
    if (!campaign) continue;
    const changes = node.tiktokId ? settingChanges(node).editable : [];
    const action: PublishAction = !node.tiktokId ? 'create' : changes.length > 0 ? 'update' : 'skip';
    items.push({
      key: node.key,
      level: node.level,
      name: nodeTitle(node),
      advertiserId: campaign.advertiserId,
      parentKey: node.parentKey,
      action,
      changes,
    });
  }
  items.sort((left, right) => levelOrder[left.level] - levelOrder[right.level]);
  const counts = { create: 0, update: 0, skip: 0 };
  for (const item of items) counts[item.action] += 1;
  return { items, counts };
}
