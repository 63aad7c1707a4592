import type { CampaignTableRow } from '../repositories/campaign-table.repository.js';

/**
 * TikTok's smallest budgets (reference, facts 20): 50 USD a day for a campaign, 20 USD a day for an
 * ad group, and 20 USD for each day of an ad group's schedule for a lifetime budget. Other
 * currencies follow a table of TikTok's that no public source gives, so only USD is checked here;
 * for other currencies TikTok's own refusal is shown, in its words.
 */
const dailyMinimumsUsd = { campaign: 50, adgroup: 20 } as const;

const day = 24 * 60 * 60 * 1000;

export function budgetProblem(
  row: Pick<CampaignTableRow, 'level' | 'budget_mode' | 'currency' | 'schedule_start' | 'schedule_end'>,
  budget: number,
  now: Date,
): { path: string; message: string } | undefined {
  if (row.level === 'ad') return { path: 'budget', message: 'Ads have no budget: edit their ad group’s.' };
  const mode = row.budget_mode;
  if (
    mode !== 'BUDGET_MODE_DAY' &&
    mode !== 'BUDGET_MODE_TOTAL' &&
    mode !== 'BUDGET_MODE_DYNAMIC_DAILY_BUDGET'
  )
    return {
      path: 'budget',
      message:
        row.level === 'campaign'
          ? 'This campaign has no budget of its own (its ad groups have theirs).'
          : 'This ad group has no budget of its own (its campaign’s budget applies).',
    };
  if (row.currency !== 'USD') return undefined;
  let minimum: number = dailyMinimumsUsd[row.level];
  if (mode === 'BUDGET_MODE_TOTAL' && row.level === 'adgroup') {
    const start = Math.max(row.schedule_start?.getTime() ?? now.getTime(), now.getTime());
    const end = row.schedule_end?.getTime();
    const days = end === undefined ? 1 : Math.max(1, Math.ceil((end - start) / day));
    minimum = dailyMinimumsUsd.adgroup * days;
  }
  if (budget >= minimum) return undefined;
  const perDay =
    mode === 'BUDGET_MODE_TOTAL' && row.level === 'adgroup' ? ' for its scheduled days' : ' a day';
  return { path: 'budget', message: `TikTok needs at least ${minimum.toFixed(2)} USD${perDay}.` };
}
