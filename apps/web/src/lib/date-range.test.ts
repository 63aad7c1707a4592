import { describe, expect, it } from 'vitest';
import {
  addDays,
  browserToday,
  customDayProblem,
  daysIn,
  formatPointTime,
  isIsoDate,
  presetRange,
  previousPeriod,
  rangeChoiceIn,
  rangeOf,
  writeRangeChoice,
} from './date-range';

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

describe('a range in a URL', () => {
  const choiceOf = (search: string) => rangeChoiceIn(new URLSearchParams(search));
  const written = (search: string) => {
    const params = new URLSearchParams();
    writeRangeChoice(params, choiceOf(search));
    return params.toString();
  };

  it('is a preset by name, or Custom with both its days, and the default otherwise', () => {
    expect(choiceOf('range=last-30-days')).toEqual({ range: 'last-30-days', from: null, to: null });
    expect(choiceOf('from=2026-03-01&to=2026-03-05')).toEqual({
      range: 'custom',
      from: '2026-03-01',
      to: '2026-03-05',
    });
    expect(choiceOf('range=custom&from=2026-03-01')).toEqual({ range: 'last-7-days', from: null, to: null });
    expect(choiceOf('range=forever')).toEqual({ range: 'last-7-days', from: null, to: null });
  });

  it('is written only where it differs from the default', () => {
    expect(written('')).toBe('');
    expect(written('range=this-month&from=2026-03-01&to=2026-03-05')).toBe('range=this-month');
    expect(written('from=2026-03-01&to=2026-03-05')).toBe('range=custom&from=2026-03-01&to=2026-03-05');
  });

  it('covers the days of its preset, or its own days when they are a range of at most the limit', () => {
    expect(rangeOf({ range: 'yesterday', from: null, to: null }, '2026-03-09', 31)).toEqual({
      range: { from: '2026-03-08', to: '2026-03-08' },
      problem: null,
    });
    expect(
      rangeOf({ range: 'custom', from: '2026-03-01', to: '2026-03-31' }, '2026-03-09', 31).problem,
    ).toBeNull();
    expect(rangeOf({ range: 'custom', from: '2026-03-01', to: '2026-04-01' }, '2026-03-09', 31).problem).toBe(
      'A range covers at most 31 days. Choose a shorter range.',
    );
    expect(rangeOf({ range: 'custom', from: null, to: null }, '2026-03-09', 31).problem).toBe(
      'Choose the first and last day.',
    );
  });

  it('takes a custom day only when it is a whole day, and a last day only up to today', () => {
    expect(customDayProblem('from', '2026-03-01', '2026-03-09')).toBeNull();
    expect(customDayProblem('to', '2026-03-09', '2026-03-09')).toBeNull();
    expect(customDayProblem('to', '2026-03-10', '2026-03-09')).toBe(
      'The range ends after today. Choose today or an earlier day.',
    );
    // Today unknown (still loading): no day is known to be in the future.
    expect(customDayProblem('to', '2026-03-10', undefined)).toBeNull();
    expect(customDayProblem('from', '', '2026-03-09')).toBe('Choose the first and last day.');
    expect(customDayProblem('to', '2026-02-30', '2026-03-09')).toBe('Choose the first and last day.');
  });

  it('stands in with the browser’s own calendar day, not the UTC one', () => {
    expect(browserToday(new Date(2026, 2, 9, 23, 59))).toBe('2026-03-09');
    expect(browserToday(new Date(2026, 0, 1, 0, 0))).toBe('2026-01-01');
  });
});
