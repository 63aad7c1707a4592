import { editCampaignEntityInputSchema, type CampaignRow } from '@whathead/contracts';
import { budgetMinimumSentence } from './campaign-action-rules';
import type { AmountField } from './campaign-actions-context';

/** What to type, when what was typed isn't an amount at all. */
export const notANumber = 'Enter a number like 25 or 25.50.';

/**
 * Reads an amount as typed, with the contract's own rules (the server's words) and TikTok's
 * minimum budget, so what TikTok would refuse is refused before anything is sent. What people
 * type for money is taken as they mean it: a currency sign ("$25", "25 €"), spaces and commas
 * between groups of three digits ("1,000.50"); a comma anywhere else ("1,5") is ambiguous and
 * refused, as is anything else that isn't a plain decimal ("1e9", "0x20").
 */
export function readAmount(
  text: string,
  row: CampaignRow,
  field: AmountField,
  now: number,
): { amount: number } | { error: string } {
  const typed = text.replace(/\s/g, '').replace(/^\p{Sc}|\p{Sc}$/gu, '');
  if (typed === '') return { error: 'Enter an amount.' };
  const decimal = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(typed) ? typed.replaceAll(',', '') : typed;
  if (!/^-?\d+(\.\d+)?$/.test(decimal)) return { error: notANumber };
  const parsed = editCampaignEntityInputSchema.safeParse({ [field]: decimal });
  if (!parsed.success) {
    const issue = parsed.error.issues.find((each) => each.path[0] === field);
    return { error: issue?.message ?? notANumber };
  }
  const amount = parsed.data[field]!;
  if (field === 'budget') {
    const minimum = budgetMinimumSentence(row, now);
    if (amount < minimum.amount) return { error: minimum.sentence };
  }
  return { amount };
}
