import { describe, expect, it } from 'vitest';
import { addDays, daysIn, formatPointTime, isIsoDate, presetRange, previousPeriod } from './date-range';

describe('range presets', () => {
  // An account in Los Angeles whose today is 2026-03-09, whatever the browser's clock says.
  const today = '2026-03-09';

  it('count whole days back from the account’s today, ending yesterday', () => {
    expect(presetRange('today', today)).toEqual({ from: '2026-03-09', to: '2026-03-09' });
    expect(presetRange('yesterday', today)).toEqual({ from: '2026-03-08', to: '2026-03-08' });
    expect(presetRange('last-7-days', today)).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(presetRange('last-14-days', today)).toEqual({ from: '2026-02-23', to: '2026-03-08' });
    expect(presetRange('last-30-days', today)).toEqual({ from: '2026-02-07', to: '2026-03-08' });
    expect(daysIn(presetRange('last-30-days', today))).toBe(30);
  });

  it('take this month to today, and last month whole, across a year and a leap day', () => {
    expect(presetRange('this-month', today)).toEqual({ from: '2026-03-01', to: '2026-03-09' });
    expect(presetRange('last-month', today)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetRange('last-month', '2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetRange('last-month', '2024-03-31')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  it('step over daylight saving without losing or doubling a day', () => {
    // Los Angeles moves its clocks on 2026-03-08; calendar days don't.
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
    expect(daysIn({ from: '2026-03-01', to: '2026-03-31' })).toBe(31);
  });
});

describe('the previous period', () => {
  it('is as long as the range and ends the day before it starts', () => {
    expect(previousPeriod({ from: '2026-03-02', to: '2026-03-08' })).toEqual({
      from: '2026-02-23',
      to: '2026-03-01',
    });
    expect(previousPeriod({ from: '2026-03-09', to: '2026-03-09' })).toEqual({
      from: '2026-03-08',
      to: '2026-03-08',
    });
  });
});

describe('dates', () => {
  it('are real calendar days only', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-3-1')).toBe(false);
  });

  it('label a chart point by its day, and its hour when it has one', () => {
    expect(formatPointTime('2026-03-09')).toMatch(/Mar 9/);
    expect(formatPointTime('2026-03-09 14:00')).toMatch(/Mar 9, 14:00/);
  });
});
