import { guardrailsSchema, type Guardrails } from '@whathead/contracts';
import type { InputSchema } from '../../../../lib/form-errors';

type Limit = keyof Guardrails;
type Issue = { path: PropertyKey[]; message: string };

/** The highest each limit may be: the contract's own caps, said in words. */
const limitRules: Record<Limit, { most: number; tooHigh: string; notNumber: string }> = {
  maxAdGroupDailyBudget: {
    most: 1e9,
    tooHigh: 'Enter at most 1,000,000,000, or leave it blank for no limit.',
    notNumber: 'Enter an amount such as 500, or leave it blank for no limit.',
  },
  maxBudgetIncreasePercent: {
    most: 100_000,
    tooHigh: 'Enter at most 100,000 per cent, or leave it blank for no limit.',
    notNumber: 'Enter a percentage such as 50, or leave it blank for no limit.',
  },
};

const decimal = /^\d+(\.\d+)?$/;

/**
 * The Publishing limits form as typed (text, from FormData) read into the contract's guardrails:
 * a blank field is no limit, anything else a number above 0 within the contract's cap. What the
 * form accepts, the contract's schema then checks again, so the two cannot drift apart.
 */
export const guardrailsFormInput: InputSchema<Guardrails> = {
  safeParse(input) {
    const values = (input ?? {}) as Record<string, unknown>;
    const issues: Issue[] = [];
    const read = (limit: Limit): number | null => {
      const text = String(values[limit] ?? '').trim();
      if (text === '') return null;
      const rule = limitRules[limit];
      const amount = decimal.test(text) ? Number(text) : Number.NaN;
      if (Number.isNaN(amount)) issues.push({ path: [limit], message: rule.notNumber });
      else if (amount <= 0)
        issues.push({ path: [limit], message: 'Enter a number above 0, or leave it blank for no limit.' });
      else if (amount > rule.most) issues.push({ path: [limit], message: rule.tooHigh });
      return amount;
    };
    const typed = {
      maxAdGroupDailyBudget: read('maxAdGroupDailyBudget'),
      maxBudgetIncreasePercent: read('maxBudgetIncreasePercent'),
    };
    if (issues.length > 0) return { success: false, error: { issues } };
    const checked = guardrailsSchema.safeParse(typed);
    return checked.success
      ? { success: true, data: checked.data }
      : { success: false, error: { issues: checked.error.issues } };
  },
};

/** A saved limit as the form shows it: blank for none. */
export const limitText = (limit: number | null) => (limit === null ? '' : String(limit));
