import { editCampaignEntityInputSchema, type CampaignRow } from '@whathead/contracts';
import { budgetMinimumSentence } from './campaign-action-rules';
import type { AmountField } from './campaign-actions-context';

/**
 * Reads an amount as typed, with the contract's own rules (the server's words) and TikTok's
 * minimum budget, so what TikTok would refuse is refused before anything is sent.
 */
export function readAmount(
  text: string,
  row: CampaignRow,
  field: AmountField,
  now: number,
): { amount: number } | { error: string } {
  const typed = text.replace(/\s/g, '');
  if (typed === '') return { error: 'Enter an amount.' };
  const parsed = editCampaignEntityInputSchema.safeParse({ [field]: typed });
  if (!parsed.success) {
    const issue = parsed.error.issues.find((each) => each.path[0] === field);
    return { error: issue?.message ?? 'Enter an amount.' };
  }
  const amount = parsed.data[field]!;
  if (field === 'budget') {
    const minimum = budgetMinimumSentence(row, now);
    if (amount < minimum.amount) return { error: minimum.sentence };
  }
  return { amount };
}
