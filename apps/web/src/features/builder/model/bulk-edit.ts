import type {
  AdGroupNode,
  AdGroupSettings,
  AdIdentity,
  AdNode,
  AdSettings,
  CampaignNode,
  DraftLevel,
  DraftNode,
  DraftTree,
} from '@whathead/contracts';

/**
 * One change made to many nodes of one level at once (the builder's multi-select). Each node
 * keeps every other value of its own: a budget raised by 10% is each node's budget raised, not
 * one budget copied onto all. A node the change cannot apply to comes back as it was, and
 * `skippedByChange` says which, so the form can say so instead of pretending.
 */

type Location = AdGroupSettings['locations'][number];
type OperationStatus = AdSettings['status'];
type CallToAction = NonNullable<AdSettings['callToAction']>;

export type BudgetChange = { how: 'set' | 'increase' | 'decrease'; amount: number };

export type BulkChange =
  | { field: 'budget'; change: BudgetChange }
  | { field: 'status'; status: OperationStatus }
  | { field: 'callToAction'; callToAction: CallToAction }
  | { field: 'landingPageUrl'; url: string }
  | { field: 'adText'; text: string }
  | { field: 'scheduleEnd'; end: string }
  | { field: 'locations'; how: 'add' | 'replace'; locations: readonly Location[] }
  | { field: 'identity'; identity: AdIdentity };

export type BulkField = BulkChange['field'];

/** What a bulk edit offers per level: only what makes sense for many at once. */
export const bulkFields: Record<DraftLevel, readonly BulkField[]> = {
  campaign: ['budget', 'status'],
  adgroup: ['budget', 'status', 'scheduleEnd', 'locations'],
  ad: ['callToAction', 'landingPageUrl', 'adText', 'status', 'identity'],
};

/**
 * A budget set, or raised or lowered by a percentage, rounded to cents and never below 0.
 * Null when there is no budget to take a percentage of.
 */
export function changedBudget(budget: number | null, change: BudgetChange): number | null {
  const amount = Math.max(0, change.amount);
  if (change.how === 'set') return toCents(amount);
  if (budget === null) return null;
  const factor = change.how === 'increase' ? 1 + amount / 100 : 1 - amount / 100;
  return Math.max(0, toCents(budget * factor));
}

function toCents(amount: number): number {
  // Scaled to whole cents first so 1.005 rounds the way people expect, not the way binary does.
  return Math.round(Number((amount * 100).toFixed(6))) / 100;
}

/** The locations with those added that are not there yet, in the order they came. */
export function addedLocations(current: readonly Location[], added: readonly Location[]): Location[] {
  const ids = new Set(current.map((location) => location.id));
  const fresh = added.filter((location) => !ids.has(location.id) && ids.add(location.id));
  return [...current, ...fresh];
}

/** Whether a node's budget is one a bulk budget change can touch. */
function hasOwnBudget(node: CampaignNode | AdGroupNode, tree: DraftTree): boolean {
  if (node.level === 'campaign') return node.settings.budgetMode !== 'BUDGET_MODE_INFINITE';
  // Under campaign budget optimisation the campaign's budget is spent, not the ad group's.
  return !(tree.campaignOf(node)?.settings.budgetOptimization ?? false);
}

function changeCampaign(node: CampaignNode, change: BulkChange, tree: DraftTree): CampaignNode {
  if (change.field === 'status') return withSettings(node, { status: change.status });
  if (change.field === 'budget' && hasOwnBudget(node, tree)) {
    const budget = changedBudget(node.settings.budget, change.change);
    if (budget !== null) return withSettings(node, { budget });
  }
  return node;
}

function changeAdGroup(node: AdGroupNode, change: BulkChange, tree: DraftTree): AdGroupNode {
  switch (change.field) {
    case 'status':
      return withSettings(node, { status: change.status });
    case 'budget': {
      const budget = hasOwnBudget(node, tree) ? changedBudget(node.settings.budget, change.change) : null;
      return budget === null ? node : withSettings(node, { budget });
    }
    case 'scheduleEnd':
      // An end date needs the start-and-end schedule; the start stays (null: when published).
      return withSettings(node, { scheduleType: 'SCHEDULE_START_END', scheduleEnd: change.end });
    case 'locations':
      return withSettings(node, {
        locations:
          change.how === 'replace'
            ? addedLocations([], change.locations)
            : addedLocations(node.settings.locations, change.locations),
      });
    default:
      return node;
  }
}

function changeAd(node: AdNode, change: BulkChange): AdNode {
  switch (change.field) {
    case 'status':
      return withSettings(node, { status: change.status });
    case 'callToAction':
      return withSettings(node, { callToAction: change.callToAction });
    case 'landingPageUrl':
      return withSettings(node, { landingPageUrl: change.url });
    case 'adText':
      return withSettings(node, { adText: change.text });
    case 'identity':
      return withSettings(node, { identity: change.identity });
    default:
      return node;
  }
}

function withSettings<Node extends DraftNode>(node: Node, changes: Partial<Node['settings']>): Node {
  return { ...node, settings: { ...node.settings, ...changes } };
}

/** Every node with the change made; a node it does not apply to is returned as it was (same object). */
export function applyBulkChange(
  nodes: readonly DraftNode[],
  change: BulkChange,
  tree: DraftTree,
): DraftNode[] {
  return nodes.map((node) => {
    if (node.level === 'campaign') return changeCampaign(node, change, tree);
    if (node.level === 'adgroup') return changeAdGroup(node, change, tree);
    return changeAd(node, change);
  });
}

/** The nodes the change leaves as they were because it cannot apply to them (no budget of their own). */
export function skippedByChange(
  nodes: readonly DraftNode[],
  change: BulkChange,
  tree: DraftTree,
): DraftNode[] {
  const changed = applyBulkChange(nodes, change, tree);
  return nodes.filter(
    (node, index) => changed[index] === node && bulkFields[node.level].includes(change.field),
  );
}
