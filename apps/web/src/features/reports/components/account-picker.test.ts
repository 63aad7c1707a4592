import { describe, expect, it } from 'vitest';
import { europeAccount, reportAccount } from '../../../testing/report-status';
import { pickerSummary } from './account-picker';

describe('the account picker’s button', () => {
  const us = reportAccount();
  const eu = europeAccount();

  it('names the account shown, and whether others are in use beside it', () => {
    expect(pickerSummary([us], 1)).toBe('Northwind US');
    expect(pickerSummary([us], 3)).toBe('Northwind US (default) · 3 in use');
    expect(pickerSummary([eu], 3)).toBe('Northwind EU · 3 in use');
  });

  it('counts several accounts, and says when they are not all of them', () => {
    expect(pickerSummary([us, eu], 2)).toBe('2 ad accounts');
    expect(pickerSummary([us, eu], 3)).toBe('2 ad accounts · 3 in use');
  });
});
