import { describe, expect, it } from 'vitest';
import { europeAccount, reportAccount, statusAnswer } from '../components/reports.testing';
import { hasNewFigures, isBackfilling } from './sync-state';

describe('new figures after a sync', () => {
  it('come when an account finishes, or synced again between two looks', () => {
    const syncing = statusAnswer([reportAccount({ state: 'syncing' }), europeAccount()]);
    const finished = statusAnswer([
      reportAccount({ state: 'ready', lastSyncedAt: '2026-03-09T11:00:00.000Z' }),
      europeAccount(),
    ]);
    expect(hasNewFigures(syncing, finished)).toBe(true);
    expect(hasNewFigures(statusAnswer(), finished)).toBe(true);
    expect(hasNewFigures(statusAnswer(), statusAnswer())).toBe(false);
    expect(hasNewFigures(statusAnswer(), syncing)).toBe(false);
  });
});

describe('a backfill', () => {
  it('runs until every day is stored, unless the account stopped syncing', () => {
    const halfway = { storedDays: 120, totalDays: 365, storedFrom: '2025-11-10' };
    expect(isBackfilling(reportAccount({ backfill: halfway }))).toBe(true);
    expect(isBackfilling(reportAccount())).toBe(false);
    expect(isBackfilling(reportAccount({ backfill: null, state: 'queued' }))).toBe(false);
    expect(isBackfilling(reportAccount({ backfill: halfway, state: 'stopped' }))).toBe(false);
  });
});
