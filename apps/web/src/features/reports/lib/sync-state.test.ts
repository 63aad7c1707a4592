import type { ReportAccountStatus } from '@whathead/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-error';
import { europeAccount, reportAccount, reportStatusAnswer } from '../../../testing/report-status';
import {
  accountsArriving,
  accountsMissingHours,
  accountsStoredAfter,
  hasNewFigures,
  isBackfilling,
  isRangeArriving,
  stoppedGroups,
  syncAnswerWords,
  syncRefusalWords,
} from './sync-state';

describe('new figures after a sync', () => {
  it('come when an account finishes, or synced again between two looks', () => {
    const syncing = reportStatusAnswer([reportAccount({ state: 'syncing' }), europeAccount()]);
    const finished = reportStatusAnswer([
      reportAccount({ state: 'ready', lastSyncedAt: '2026-03-09T11:00:00.000Z' }),
      europeAccount(),
    ]);
    expect(hasNewFigures(syncing, finished)).toBe(true);
    expect(hasNewFigures(reportStatusAnswer(), finished)).toBe(true);
    expect(hasNewFigures(reportStatusAnswer(), reportStatusAnswer())).toBe(false);
    expect(hasNewFigures(reportStatusAnswer(), syncing)).toBe(false);
  });

  it('come while a sync runs, as soon as it stored more days or hours', () => {
    const firstSync = (backfill: ReportAccountStatus['backfill'], hoursFrom: string | null = null) =>
      reportStatusAnswer([reportAccount({ state: 'syncing', lastSyncedAt: null, backfill, hoursFrom })]);
    const nothing = firstSync({ storedDays: 0, totalDays: 365, storedFrom: null });
    const lastMonth = firstSync({ storedDays: 30, totalDays: 365, storedFrom: '2026-02-08' });
    const lastMonthWithHours = firstSync(
      { storedDays: 30, totalDays: 365, storedFrom: '2026-02-08' },
      '2026-02-08',
    );
    const more = firstSync({ storedDays: 60, totalDays: 365, storedFrom: '2026-01-09' });
    expect(hasNewFigures(nothing, lastMonth)).toBe(true);
    expect(hasNewFigures(lastMonth, lastMonthWithHours)).toBe(true);
    expect(hasNewFigures(lastMonthWithHours, more)).toBe(true);
    expect(hasNewFigures(lastMonth, lastMonth)).toBe(false);
  });
});

describe('the range’s figures still arriving', () => {
  const range = { from: '2026-03-02', to: '2026-03-08' };
  const halfway = { storedDays: 5, totalDays: 365, storedFrom: '2026-03-05' };

  it('while a first sync has not stored the range’s first day', () => {
    expect(isRangeArriving(reportAccount({ state: 'syncing', backfill: halfway }), range)).toBe(true);
    expect(isRangeArriving(reportAccount({ state: 'queued', backfill: null }), range)).toBe(true);
    expect(
      isRangeArriving(
        reportAccount({ state: 'syncing', backfill: { storedDays: 0, totalDays: 365, storedFrom: null } }),
        range,
      ),
    ).toBe(true);
    expect(
      isRangeArriving(reportAccount({ state: 'syncing', backfill: halfway }), {
        ...range,
        from: '2026-03-05',
      }),
    ).toBe(false);
  });

  it('not once the sync stopped, nor before the days of a finished backfill (those never come)', () => {
    expect(isRangeArriving(reportAccount({ state: 'failed', backfill: halfway }), range)).toBe(false);
    expect(
      isRangeArriving(reportAccount({ state: 'syncing' }), { from: '2025-01-01', to: '2025-01-31' }),
    ).toBe(false);
  });

  it('are those of the chosen accounts that wait for them; none without a range', () => {
    const arriving = europeAccount({ state: 'queued', backfill: null });
    expect(accountsArriving([reportAccount(), arriving], range)).toEqual([arriving]);
    expect(accountsArriving([arriving], null)).toEqual([]);
  });
});

describe('days before the stored ones', () => {
  it('are said of accounts whose finished backfill starts after the range, not of those still reading', () => {
    const done = { storedDays: 365, totalDays: 365, storedFrom: '2025-03-09' };
    const finished = reportAccount({ backfill: done });
    const reading = europeAccount({ state: 'syncing', backfill: { ...done, storedDays: 100 } });
    const before = { from: '2025-02-01', to: '2025-02-28' };
    expect(accountsStoredAfter([finished, reading], before)).toEqual([finished]);
    expect(accountsStoredAfter([finished], { from: '2025-03-09', to: '2025-03-31' })).toEqual([]);
    expect(accountsStoredAfter([finished], null)).toEqual([]);
  });
});

describe('hours missing', () => {
  it('for accounts whose hours start after the range does, or that have none', () => {
    const range = { from: '2026-03-02', to: '2026-03-08' };
    const late = reportAccount({ hoursFrom: '2026-03-05' });
    const none = europeAccount({ hoursFrom: null });
    expect(accountsMissingHours([late, none, reportAccount()], range)).toEqual([late, none]);
    expect(accountsMissingHours([late], null)).toEqual([]);
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

describe('Sync now’s answer in words', () => {
  const waiting = {
    advertiserId: '1',
    reason: 'queued' as const,
    message: 'A sync of A is already waiting to start.',
  };
  const fresh = {
    advertiserId: '2',
    reason: 'cooldown' as const,
    message:
      'B synced moments ago, so TikTok would answer the same figures. Sync now can read it again in 5 minutes.',
  };

  it('says nothing more when it left no account out', () => {
    expect(syncAnswerWords({ queued: ['1', '2'], skipped: [] })).toBeNull();
    expect(syncAnswerWords({ queued: [], skipped: [] })).toBeNull();
  });

  it('says nothing new was queued, or how many were, and each reason', () => {
    expect(syncAnswerWords({ queued: [], skipped: [waiting, fresh] })).toEqual({
      summary: 'Nothing new to sync now:',
      reasons: [waiting.message, fresh.message],
    });
    expect(syncAnswerWords({ queued: ['3'], skipped: [fresh] })?.summary).toBe(
      'Syncing 1 ad account. Not synced now:',
    );
    expect(syncAnswerWords({ queued: ['3', '4'], skipped: [fresh] })?.summary).toBe(
      'Syncing 2 ad accounts. Not synced now:',
    );
  });

  it('says once, naming them all, why the accounts of one revoked connection cannot sync', () => {
    const revoked = {
      cause: 'reconnect_required' as const,
      message: 'TikTok no longer accepts its access. Reconnect it in Integrations.',
    };
    const accounts = [
      reportAccount({ advertiserId: '1', name: 'US', state: 'stopped', stopReason: revoked }),
      europeAccount({ advertiserId: '2', name: 'EU', state: 'stopped', stopReason: revoked }),
      reportAccount({ advertiserId: '3', name: 'Canada', state: 'stopped', stopReason: revoked }),
    ];
    const skipped = accounts.map((account) => ({
      advertiserId: account.advertiserId,
      reason: 'stopped' as const,
      message: `${account.name}: ${revoked.message}`,
    }));
    expect(syncAnswerWords({ queued: [], skipped }, accounts)).toEqual({
      summary: 'Nothing can sync now:',
      reasons: [`US, EU and Canada: ${revoked.message}`],
    });
    expect(stoppedGroups(accounts)).toEqual([
      { names: ['US', 'EU', 'Canada'], message: revoked.message, isWarning: true },
    ]);
    expect(syncAnswerWords({ queued: [], skipped: [fresh, skipped[0]!] }, accounts)).toEqual({
      summary: 'Nothing new to sync now:',
      reasons: [fresh.message, `US: ${revoked.message}`],
    });
  });

  it('says when Sync now can be pressed again after too many presses', () => {
    const refused = (retryAfterSeconds?: number) =>
      new ApiError({
        code: 'too_many_attempts',
        message: 'Server says too_many_attempts.',
        status: 429,
        details: retryAfterSeconds === undefined ? {} : { retryAfterSeconds },
      });
    const words = (wait: string) =>
      `Sync now was pressed too often. Try again in ${wait}: the reports also sync by themselves every hour.`;
    expect(syncRefusalWords(refused(240))).toBe(words('4 minutes'));
    expect(syncRefusalWords(refused(61))).toBe(words('2 minutes'));
    expect(syncRefusalWords(refused(60))).toBe(words('1 minute'));
    expect(syncRefusalWords(refused(1))).toBe(words('1 second'));
    expect(syncRefusalWords(refused(45))).toBe(words('45 seconds'));
    expect(syncRefusalWords(refused())).toBe(words('a few minutes'));
    expect(
      syncRefusalWords(new ApiError({ code: 'internal', message: 'Server says internal.', status: 500 })),
    ).toBe('Something went wrong on our side. Try again in a moment.');
  });
});
