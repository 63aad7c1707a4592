import type { CampaignLevel } from './campaigns.js';

/**
 * TikTok's smallest budgets (reference, facts 20): 50 USD for a campaign, 20 USD a day for an ad
 * group, and 20 USD for each day of an ad group's schedule for a lifetime budget. Other
 * currencies follow a table of TikTok's that no public source gives, so only USD is known here;
 * for other currencies TikTok's own refusal is shown, in its words. Shared, so the browser refuses
 * what the server would refuse, before a round trip.
 */
const minimumsUsd = { campaign: 50, adgroup: 20 } as const;

/** The budget modes that carry an amount of the row's own (the others: no limit, or the parent's). */
export const budgetModesWithAmount: readonly string[] = [
  'BUDGET_MODE_DAY',
  'BUDGET_MODE_TOTAL',
  'BUDGET_MODE_DYNAMIC_DAILY_BUDGET',
];

const millisecondsPerDay = 24 * 60 * 60 * 1000;

/** What the rule reads of a campaign or ad group; times in milliseconds since the epoch. */
export interface BudgetTarget {
  level: CampaignLevel;
  budgetMode: string | null;
  currency: string | null;
  scheduleStart: number | null;
  scheduleEnd: number | null;
}

export interface BudgetMinimum {
  /** In the row's currency. */
  amount: number;
  currency: string;
  /** A day's minimum, or (an ad group's lifetime budget) the minimum for all its scheduled days. */
  per: 'day' | 'schedule';
  /** The scheduled days the amount covers when `per` is 'schedule'. */
  days: number;
}

/** Whether a campaign or ad group has a budget of its own to edit. */
export function hasOwnBudget(level: CampaignLevel, budgetMode: string | null): boolean {
  return level !== 'ad' && budgetMode !== null && budgetModesWithAmount.includes(budgetMode);
}

/** TikTok's smallest budget for the row, or null when it has no budget or the currency's is unknown. */
export function budgetMinimum(target: BudgetTarget, now: number): BudgetMinimum | null {
  if (!hasOwnBudget(target.level, target.budgetMode) || target.currency !== 'USD') return null;
  const level = target.level === 'campaign' ? 'campaign' : 'adgroup';
  if (target.budgetMode !== 'BUDGET_MODE_TOTAL' || level === 'campaign')
    return { amount: minimumsUsd[level], currency: 'USD', per: 'day', days: 1 };
  // A lifetime budget pays for the days still to run, from now or from a later start.
  const start = Math.max(target.scheduleStart ?? now, now);
  const days =
    target.scheduleEnd === null
      ? 1
      : Math.max(1, Math.ceil((target.scheduleEnd - start) / millisecondsPerDay));
  return { amount: minimumsUsd.adgroup * days, currency: 'USD', per: 'schedule', days };
}
