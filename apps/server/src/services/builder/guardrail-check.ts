import {
  indexDraft,
  nodeTitle,
  type DraftDocument,
  type DraftNode,
  type Guardrails,
  type PublishPlan,
} from '@whathead/contracts';

/**
 * The workspace's guardrails against a publish's plan: what it would do that a second owner or
 * admin must approve first, each in a sentence naming the item and the amounts. The preview shows
 * them; the publish holds for approval on the same list.
 *
 *   - An ad group's daily budget above `maxAdGroupDailyBudget`: an ad group created with it, or
 *     updated to it. An update that leaves the budget alone is not held for what TikTok already
 *     spends. Under campaign budget optimisation TikTok spends the campaign's budget through its
 *     ad groups, so the campaign's daily budget is held to the same limit.
 *   - A budget raised by more than `maxBudgetIncreasePercent` over what TikTok has now.
 *
 * Lifetime budgets are not a daily amount, and are not compared with the daily limit.
 */
export function guardrailBreaches(
  document: DraftDocument,
  plan: PublishPlan,
  guardrails: Guardrails,
): string[] {
  const { maxAdGroupDailyBudget: dailyLimit, maxBudgetIncreasePercent: increaseLimit } = guardrails;
  if (dailyLimit === null && increaseLimit === null) return [];
  const tree = indexDraft(document);
  const breaches: string[] = [];
  for (const item of plan.items) {
    if (item.action === 'skip' || item.level === 'ad') continue;
    const node = tree.byKey.get(item.key);
    if (!node || node.level === 'ad') continue;
    const budgetChanged =
      item.action === 'create' || item.changes.some((change) => change.field === 'budget');
    if (!budgetChanged) continue;
    const { budgetMode, budget } = node.settings;

    if (dailyLimit !== null && budgetMode === 'BUDGET_MODE_DAY' && budget !== null && budget > dailyLimit) {
      if (node.level === 'adgroup' && !tree.campaignOf(node)?.settings.budgetOptimization)
        breaches.push(
          `Ad group “${nodeTitle(node)}” would spend ${amount(budget)} a day; the workspace's limit is ${amount(dailyLimit)}.`,
        );
      if (node.level === 'campaign' && node.settings.budgetOptimization)
        breaches.push(
          `Campaign “${nodeTitle(node)}” would share ${amount(budget)} a day among its ad groups; the workspace's limit for an ad group is ${amount(dailyLimit)}.`,
        );
    }

    const before = publishedBudget(node);
    if (increaseLimit !== null && item.action === 'update' && before !== null && budget !== null) {
      const increase = ((budget - before) / before) * 100;
      if (increase > increaseLimit)
        breaches.push(
          `${levelName(node)} “${nodeTitle(node)}” budget would rise from ${amount(before)} to ${amount(budget)} (+${percent(increase)}%); the workspace's limit is +${percent(increaseLimit)}%.`,
        );
    }
  }
  return breaches;
}

function publishedBudget(node: Exclude<DraftNode, { level: 'ad' }>): number | null {
  const budget = node.published?.budget ?? null;
  return budget !== null && budget > 0 ? budget : null;
}

const levelName = (node: DraftNode) => (node.level === 'campaign' ? 'Campaign' : 'Ad group');

const amount = (value: number) =>
  value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Whole per cent, or one decimal below 10 (a 2.5% limit must not read as 3%). */
const percent = (value: number) =>
  value.toLocaleString('en-US', { maximumFractionDigits: Math.abs(value) < 10 ? 1 : 0 });

/**
 * The draft with what TikTok has as each budget taken from Whathead's own records (the campaign
 * mirror, the last confirmed publish), not from the browser's copy: a raise is measured against
 * what is really there.
 */
export function withKnownBudgets(document: DraftDocument, known: ReadonlyMap<string, number>): DraftDocument {
  return {
    nodes: document.nodes.map((node) => {
      const budget = node.tiktokId ? known.get(node.tiktokId) : undefined;
      if (budget === undefined || !node.published || node.level === 'ad') return node;
      return { ...node, published: { ...node.published, budget } } as DraftNode;
    }),
  };
}

/** The TikTok ids whose budgets a raise is measured from. */
export const budgetedIds = (document: DraftDocument): string[] =>
  document.nodes.flatMap((node) =>
    node.tiktokId && node.published && node.level !== 'ad' ? [node.tiktokId] : [],
  );
