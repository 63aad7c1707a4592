import { describe, expect, it } from 'vitest';
import { campaignRow } from '../../../testing/fixtures';
import { readAmount } from './amount-input';

const now = Date.parse('2026-11-20T12:00:00Z');
const adGroup = campaignRow({
  level: 'adgroup',
  budgetMode: 'BUDGET_MODE_DAY',
  bidStrategy: 'BID_TYPE_CUSTOM',
});

describe('an amount as typed', () => {
  it('takes two-decimal amounts that float error used to refuse', () => {
    for (const text of ['20.01', '20.15', '20.17', '1234567.89'])
      expect(readAmount(text, adGroup, 'budget', now)).toEqual({ amount: Number(text) });
    expect(readAmount('0.07', adGroup, 'bid', now)).toEqual({ amount: 0.07 });
    expect(readAmount(' 1 000.50 ', adGroup, 'budget', now)).toEqual({ amount: 1000.5 });
  });

  it('takes a currency sign and commas between thousands, as people type money', () => {
    expect(readAmount('$25', adGroup, 'budget', now)).toEqual({ amount: 25 });
    expect(readAmount('25 €', adGroup, 'budget', now)).toEqual({ amount: 25 });
    expect(readAmount('1,000', adGroup, 'budget', now)).toEqual({ amount: 1000 });
    expect(readAmount('$1,234,567.89', adGroup, 'budget', now)).toEqual({ amount: 1234567.89 });
  });

  it('says what to type for what is not a plain decimal, and the server’s words for the rest', () => {
    for (const text of [
      '0x20',
      '1e2',
      '1e9',
      'abc',
      '1,5',
      '1,00',
      '12,3456',
      'Infinity',
      '50_',
      '$$5',
      '.5',
    ])
      expect(readAmount(text, adGroup, 'bid', now), text).toEqual({
        error: 'Enter a number like 25 or 25.50.',
      });
    expect(readAmount('', adGroup, 'bid', now)).toEqual({ error: 'Enter an amount.' });
    expect(readAmount('$', adGroup, 'bid', now)).toEqual({ error: 'Enter an amount.' });
    expect(readAmount('0', adGroup, 'bid', now)).toEqual({ error: 'Enter an amount above zero.' });
    expect(readAmount('1.234', adGroup, 'bid', now)).toEqual({ error: 'Use at most two decimals.' });
    expect(readAmount('1000000000.01', adGroup, 'budget', now)).toEqual({
      error: 'Enter at most 1,000,000,000.',
    });
  });

  it('still refuses a budget under TikTok’s minimum', () => {
    expect(readAmount('19.99', adGroup, 'budget', now)).toEqual({
      error: 'TikTok’s minimum daily budget for an ad group is $20.00.',
    });
  });
});
