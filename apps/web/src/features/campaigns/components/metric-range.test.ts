import { describe, expect, it, vi } from 'vitest';
import { advertiserIds } from '../../../testing/fixtures';
import { reportAccount, reportStatusAnswer } from '../../../testing/report-status';
import { presetDayOf } from './metric-range';

describe('the day the range presets count from', () => {
  it('is the default account’s today when it is shown, else the first shown account’s', () => {
    expect(presetDayOf(reportStatusAnswer(), 'all')).toEqual({
      today: '2026-03-09',
      note: 'Each ad account’s days are in its own time zone; the presets follow Northwind US (America/Los_Angeles).',
    });
    expect(presetDayOf(reportStatusAnswer(), [advertiserIds.eu])).toEqual({
      today: '2026-03-10',
      note: 'Days are in Europe/Berlin, Northwind EU’s time zone.',
    });
    expect(presetDayOf(reportStatusAnswer(), [advertiserIds.eu, advertiserIds.us])?.today).toBe('2026-03-09');
  });

  it('waits while the report status loads, and is the browser’s today when it can’t be read', () => {
    vi.useFakeTimers({ now: new Date(2026, 2, 9, 23, 30) });
    try {
      expect(presetDayOf(undefined, 'all')).toBeUndefined();
      expect(presetDayOf(null, 'all')?.today).toBe('2026-03-09');
      expect(presetDayOf(reportStatusAnswer([]), 'all')?.today).toBe('2026-03-09');
      // An account the status doesn't know (no longer in use): the workspace's default stands in.
      const tokyo = reportAccount({ timeZone: 'Asia/Tokyo', today: '2026-03-10' });
      expect(presetDayOf(reportStatusAnswer([tokyo]), ['7200000000000000099'])?.today).toBe('2026-03-10');
    } finally {
      vi.useRealTimers();
    }
  });
});
