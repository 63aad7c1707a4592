import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { budgetMinimum, hasOwnBudget, type BudgetTarget } from './campaign-budget-rules.js';

const now = Date.parse('2026-11-20T12:00:00Z');
const day = 24 * 60 * 60 * 1000;
const target = (overrides: Partial<BudgetTarget>): BudgetTarget => ({
  level: 'adgroup',
  budgetMode: 'BUDGET_MODE_DAY',
  currency: 'USD',
  scheduleStart: null,
  scheduleEnd: null,
  ...overrides,
});

describe('TikTok’s minimum budgets', () => {
  it('asks 50 USD of a campaign and 20 USD a day of an ad group', () => {
    assert.deepEqual(budgetMinimum(target({ level: 'campaign' }), now), {
      amount: 50,
      currency: 'USD',
      per: 'day',
      days: 1,
    });
    assert.equal(
      budgetMinimum(target({ level: 'campaign', budgetMode: 'BUDGET_MODE_TOTAL' }), now)?.amount,
      50,
    );
    assert.equal(budgetMinimum(target({}), now)?.amount, 20);
  });

  it('asks 20 USD for each day still to run of an ad group’s lifetime budget', () => {
    const lifetime = target({
      budgetMode: 'BUDGET_MODE_TOTAL',
      scheduleStart: now - 5 * day,
      scheduleEnd: now + 10 * day,
    });
    assert.deepEqual(budgetMinimum(lifetime, now), {
      amount: 200,
      currency: 'USD',
      per: 'schedule',
      days: 10,
    });
    const later = target({
      budgetMode: 'BUDGET_MODE_TOTAL',
      scheduleStart: now + 3 * day,
      scheduleEnd: now + 5 * day,
    });
    assert.equal(budgetMinimum(later, now)?.amount, 40);
    assert.equal(budgetMinimum(target({ budgetMode: 'BUDGET_MODE_TOTAL' }), now)?.amount, 20);
  });

  it('knows no minimum for other currencies, nor for rows without a budget of their own', () => {
    assert.equal(budgetMinimum(target({ currency: 'EUR' }), now), null);
    assert.equal(budgetMinimum(target({ budgetMode: 'BUDGET_MODE_INFINITE' }), now), null);
    assert.equal(budgetMinimum(target({ level: 'ad' }), now), null);
    assert.equal(hasOwnBudget('adgroup', null), false);
    assert.equal(hasOwnBudget('campaign', 'BUDGET_MODE_DYNAMIC_DAILY_BUDGET'), true);
  });
});
