import { budgetMinimum, hasOwnBudget, type CampaignRow } from '@whathead/contracts';
import type { CampaignOperation } from '../api/change-campaign-status';
import { levelNouns } from './campaign-words';
import { formatMoney } from '../../../lib/format-money';

/** The server's own reasons (campaign-action.service.ts), said before the user tries. */
const notSyncingReason =
  'Its ad account no longer syncs with Whathead: change it in TikTok Ads Manager, or select the account again in Integrations.';
const deletedReason = 'Deleted at TikTok: it can no longer be changed.';

/** Why Whathead can't change this row at all; null when it can. */
export function whyUnchangeable(row: CampaignRow): string | null {
  if (row.readOnly) return notSyncingReason;
  if (row.delivery.state === 'deleted' || row.operationStatus === 'DELETE') return deletedReason;
  return null;
}

export const canEditBudget = (row: CampaignRow) =>
  whyUnchangeable(row) === null && hasOwnBudget(row.level, row.budgetMode);

/** Only an ad group that bids a custom price (cost cap) has a bid to edit. */
export const canEditBid = (row: CampaignRow) =>
  whyUnchangeable(row) === null && row.level === 'adgroup' && row.bidStrategy === 'BID_TYPE_CUSTOM';

/** Why the row can't be renamed here; null when it can. */
export function whyNotRenamable(row: CampaignRow): string | null {
  if (row.level === 'ad') return 'Ads are renamed in TikTok Ads Manager for now.';
  return whyUnchangeable(row);
}

export const operationWords: Record<CampaignOperation, { action: string; done: string }> = {
  ENABLE: { action: 'Turn on', done: 'turned on' },
  DISABLE: { action: 'Turn off', done: 'turned off' },
  DELETE: { action: 'Delete', done: 'deleted' },
};

const timeOf = (at: string | null) => (at === null ? null : Date.parse(at));

/**
 * TikTok's smallest budget for the row, in a sentence ("TikTok's minimum daily budget for an ad
 * group is $20.00."); for a currency whose minimum isn't known, what happens instead.
 */
export function budgetMinimumSentence(row: CampaignRow, now: number): { sentence: string; amount: number } {
  const minimum = budgetMinimum(
    {
      level: row.level,
      budgetMode: row.budgetMode,
      currency: row.currency,
      scheduleStart: timeOf(row.scheduleStart),
      scheduleEnd: timeOf(row.scheduleEnd),
    },
    now,
  );
  if (!minimum)
    return {
      sentence: `TikTok checks its minimum for ${row.currency ?? 'this currency'} when you save.`,
      amount: 0,
    };
  const money = (amount: number) => formatMoney(amount.toFixed(2), minimum.currency);
  const noun = levelNouns[row.level].one;
  if (minimum.per === 'schedule')
    return {
      sentence: `TikTok’s minimum lifetime budget for this ${noun} is ${money(minimum.amount)}: ${money(minimum.amount / minimum.days)} for each of its ${minimum.days} scheduled days.`,
      amount: minimum.amount,
    };
  const kind = row.budgetMode === 'BUDGET_MODE_TOTAL' ? 'lifetime' : 'daily';
  return {
    sentence: `TikTok’s minimum ${kind} budget for ${noun === 'ad group' ? 'an' : 'a'} ${noun} is ${money(minimum.amount)}.`,
    amount: minimum.amount,
  };
}
