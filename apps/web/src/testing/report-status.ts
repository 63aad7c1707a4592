import type { ReportAccountStatus, ReportStatusResponse } from '@whathead/contracts';
import { advertiserIds } from './fixtures';

// The report state of Northwind's accounts: Reports shows it, and Campaigns counts its metric
// columns' days from each account's today.

/** Northwind US: the default account, in Los Angeles, whose today is 2026-03-09. */
export function reportAccount(overrides: Partial<ReportAccountStatus> = {}): ReportAccountStatus {
  return {
    advertiserId: advertiserIds.us,
    name: 'Northwind US',
    currency: 'USD',
    timeZone: 'America/Los_Angeles',
    isDefault: true,
    state: 'ready',
    backfill: { storedDays: 365, totalDays: 365, storedFrom: '2025-03-10' },
    // Hours are kept 30 days (reportStatusAnswer's hourlyRetentionDays).
    hoursFrom: '2026-02-08',
    today: '2026-03-09',
    provisionalFrom: '2026-03-03',
    lastSyncedAt: '2026-03-09T10:00:00.000Z',
    error: null,
    ...overrides,
  };
}

/** Northwind EU: in Berlin, already a day ahead, and paying in euros. */
export function europeAccount(overrides: Partial<ReportAccountStatus> = {}): ReportAccountStatus {
  return reportAccount({
    advertiserId: advertiserIds.eu,
    name: 'Northwind EU',
    currency: 'EUR',
    timeZone: 'Europe/Berlin',
    isDefault: false,
    today: '2026-03-10',
    provisionalFrom: '2026-03-04',
    ...overrides,
  });
}

export function reportStatusAnswer(
  accounts: ReportAccountStatus[] = [reportAccount(), europeAccount()],
): ReportStatusResponse {
  return { accounts, restatementDays: 7, hourlyRetentionDays: 30 };
}
