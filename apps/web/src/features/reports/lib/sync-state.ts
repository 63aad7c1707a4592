import type { ReportAccountStatus, ReportStatusResponse } from '@whathead/contracts';

export function isAccountSyncing(account: Pick<ReportAccountStatus, 'state'>): boolean {
  return account.state === 'queued' || account.state === 'syncing';
}

/** Whether any ad account is waiting for, or in, a report sync. */
export function isSyncRunning(status: ReportStatusResponse | undefined): boolean {
  return status?.accounts.some(isAccountSyncing) ?? false;
}

/**
 * Whether the figures shown may be out of date since `before`: an account finished a sync (its
 * run ended, or it synced again between two polls). A backfill stores days as it goes, so each
 * finished run brings more of them.
 */
export function hasNewFigures(before: ReportStatusResponse, after: ReportStatusResponse): boolean {
  const previous = new Map(before.accounts.map((account) => [account.advertiserId, account]));
  return after.accounts.some((account) => {
    const earlier = previous.get(account.advertiserId);
    if (!earlier) return false;
    const finished = isAccountSyncing(earlier) && !isAccountSyncing(account);
    return finished || earlier.lastSyncedAt !== account.lastSyncedAt;
  });
}

/** Whether the account is still bringing in its past days (TikTok's last 365 of them). */
export function isBackfilling(account: Pick<ReportAccountStatus, 'backfill' | 'state'>): boolean {
  if (account.state === 'stopped') return false;
  return account.backfill !== null && account.backfill.storedDays < account.backfill.totalDays;
}
