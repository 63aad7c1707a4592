import { objectiveLabels, optimizationGoalLabels, type DraftNode, type DraftTree } from '@whathead/contracts';
import { formatMoney } from '../../../lib/format-money';

const budgetWords: Record<string, string> = {
  BUDGET_MODE_DAY: 'a day',
  BUDGET_MODE_TOTAL: 'lifetime',
};

function budgetText(mode: string, budget: number | null, currency: string | null): string {
  if (mode === 'BUDGET_MODE_INFINITE') return 'No budget limit';
  if (budget === null) return 'No budget yet';
  return `${formatMoney(budget.toFixed(2), currency)} ${budgetWords[mode] ?? ''}`.trim();
}

/**
 * A node's key settings in a line or two, as the canvas and the outline show them: a campaign's
 * objective and budget; an ad group's goal, budget and locations; an ad's format and creative.
 */
export function nodeSummary(
  node: DraftNode,
  tree: DraftTree,
  currencyOf: (advertiserId: string) => string | null,
): string[] {
  const currency = currencyOf(tree.campaignOf(node)?.advertiserId ?? '');
  switch (node.level) {
    case 'campaign': {
      const { objective, budgetMode, budget, budgetOptimization } = node.settings;
      return [
        objective ? objectiveLabels[objective] : 'No objective yet',
        `${budgetText(budgetMode, budget, currency)}${budgetOptimization ? ' · shared' : ''}`,
      ];
    }
    case 'adgroup': {
      const { optimizationGoal, budgetMode, budget, locations } = node.settings;
      const campaign = tree.campaignOf(node);
      const budgetLine = campaign?.settings.budgetOptimization
        ? 'Campaign budget'
        : budgetText(budgetMode, budget, currency);
      return [
        optimizationGoal ? optimizationGoalLabels[optimizationGoal] : 'No goal yet',
        `${budgetLine} · ${locations.length === 1 ? '1 location' : `${locations.length} locations`}`,
      ];
    }
    case 'ad': {
      const { format, creative } = node.settings;
      return [
        format === 'SINGLE_VIDEO' ? 'Video ad' : 'Image ad',
        creative ? creative.fileName : 'No creative yet',
      ];
    }
  }
}
