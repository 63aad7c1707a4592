import { budgetMinimum, hasOwnBudget } from '@whathead/contracts';
import type { CampaignTableRow } from '../repositories/campaign-table.repository.js';

/**
 * Why TikTok would refuse this budget, before any call: the row has no budget of its own, or the
 * amount is under TikTok's minimum (the rule is shared with the web app, in the contracts).
 */
export function budgetProblem(
  row: Pick<CampaignTableRow, 'level' | 'budget_mode' | 'currency' | 'schedule_start' | 'schedule_end'>,
  budget: number,
  now: Date,
): { path: string; message: string } | undefined {
  if (row.level === 'ad') return { path: 'budget', message: 'Ads have no budget: edit their ad group’s.' };
  if (!hasOwnBudget(row.level, row.budget_mode))
    return {
      path: 'budget',
      message:
        row.level === 'campaign'
          ? 'This campaign has no budget of its own (its ad groups have theirs).'
          : 'This ad group has no budget of its own (its campaign’s budget applies).',
    };
  const minimum = budgetMinimum(
    {
      level: row.level,
      budgetMode: row.budget_mode,
      currency: row.currency,
      scheduleStart: row.schedule_start === null ? null : Date.parse(row.schedule_start),
      scheduleEnd: row.schedule_end === null ? null : Date.parse(row.schedule_end),
    },
    now.getTime(),
  );
  if (!minimum || budget >= minimum.amount) return undefined;
  const per = minimum.per === 'schedule' ? ' for its scheduled days' : ' a day';
  return {
    path: 'budget',
    message: `TikTok needs at least ${minimum.amount.toFixed(2)} ${minimum.currency}${per}.`,
  };
}
