import type { ReportAccountStatus, ReportStatusResponse, ReportSyncResponse } from '@whathead/contracts';
import { isApiError } from '../../../lib/api-error';
import type { DateRange } from '../../../lib/date-range';
import { messageForError } from '../../../lib/error-messages';

export function isAccountSyncing(account: Pick<ReportAccountStatus, 'state'>): boolean {
  return account.state === 'queued' || account.state === 'syncing';
}

/** Whether any ad account is waiting for, or in, a report sync. */
export function isSyncRunning(status: ReportStatusResponse | undefined): boolean {
  return status?.accounts.some(isAccountSyncing) ?? false;
}

/**
 * Whether the figures shown may be out of date since `before`: an account finished a sync (its
 * run ended, or it synced again between two polls), or stored more days or hours while it runs. A
 * backfill stores the most recent days first, so the days a report shows may be there long before
 * the whole year is.
 */
export function hasNewFigures(before: ReportStatusResponse, after: ReportStatusResponse): boolean {
  const previous = new Map(before.accounts.map((account) => [account.advertiserId, account]));
  return after.accounts.some((account) => {
    const earlier = previous.get(account.advertiserId);
    if (!earlier) return false;
    const finished = isAccountSyncing(earlier) && !isAccountSyncing(account);
    const storedMore =
      earlier.backfill?.storedDays !== account.backfill?.storedDays ||
      earlier.backfill?.storedFrom !== account.backfill?.storedFrom ||
      earlier.hoursFrom !== account.hoursFrom;
    return finished || storedMore || earlier.lastSyncedAt !== account.lastSyncedAt;
  });
}

/** Whether the account is still bringing in its past days (TikTok's last 365 of them). */
export function isBackfilling(account: Pick<ReportAccountStatus, 'backfill' | 'state'>): boolean {
  if (account.state === 'stopped') return false;
  return account.backfill !== null && account.backfill.storedDays < account.backfill.totalDays;
}

/**
 * Whether some of the range's days are still to come for this account: its first sync is queued
 * or running, and it has stored no day yet, or none as early as the range starts. (Days before
 * the stored ones of an account whose backfill is done never come: those are not waited for.)
 */
export function isRangeArriving(
  account: Pick<ReportAccountStatus, 'backfill' | 'state'>,
  range: DateRange,
): boolean {
  if (!isAccountSyncing(account)) return false;
  const { backfill } = account;
  if (backfill === null || backfill.storedFrom === null) return true;
  return backfill.storedDays < backfill.totalDays && range.from < backfill.storedFrom;
}

/** The chosen accounts whose figures for the range are still arriving. */
export function accountsArriving(
  chosen: readonly ReportAccountStatus[],
  range: DateRange | null,
): ReportAccountStatus[] {
  return range === null ? [] : chosen.filter((account) => isRangeArriving(account, range));
}

/**
 * The chosen accounts whose stored days start after the range does and will not reach further
 * back: their backfill is done (365 days, or since the account was created), and nothing before
 * is ever read. Their tiles show "—" there, which wants saying why.
 */
export function accountsStoredAfter(
  chosen: readonly ReportAccountStatus[],
  range: DateRange | null,
): ReportAccountStatus[] {
  if (range === null) return [];
  return chosen.filter((account) => {
    const storedFrom = account.backfill?.storedFrom;
    return (
      typeof storedFrom === 'string' &&
      range.from < storedFrom &&
      !isRangeArriving(account, range) &&
      !isBackfilling(account)
    );
  });
}

/** The chosen accounts whose hours start after the range does (hourly charts show gaps there). */
export function accountsMissingHours(
  chosen: readonly ReportAccountStatus[],
  range: DateRange | null,
): ReportAccountStatus[] {
  if (range === null) return [];
  return chosen.filter((account) => account.hoursFrom === null || range.from < account.hoursFrom);
}

/** What an empty tile row, chart or breakdown says while the range's figures are still arriving. */
export const arrivingSentence = 'Figures for this range are still arriving from TikTok.';

/** "A", "A and B", "A, B and C". */
export function listWords(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}

/**
 * Accounts that do not sync, one group per cause and fix: a revoked connection stops every
 * account it reaches for the same reason, said once with their names, not once each.
 */
export function stoppedGroups(
  accounts: readonly ReportAccountStatus[],
): { names: string[]; message: string | null; isWarning: boolean }[] {
  const groups = new Map<string, { names: string[]; message: string | null; isWarning: boolean }>();
  for (const account of accounts) {
    if (account.state !== 'stopped') continue;
    const message = account.stopReason?.message ?? null;
    const key = message ?? '';
    const group = groups.get(key) ?? {
      names: [],
      message,
      isWarning:
        account.stopReason !== undefined &&
        account.stopReason !== null &&
        account.stopReason.cause !== 'not_selected',
    };
    group.names.push(account.name);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * What Sync now's answer says besides "syncing": the accounts it left out, each with why (already
 * waiting or running, synced minutes ago), and those that cannot sync at all, grouped by what
 * fixes them (the status's own words). Null when it left none out: the spinner then says it all.
 */
export function syncAnswerWords(
  answer: Pick<ReportSyncResponse, 'queued' | 'skipped'>,
  accounts: readonly ReportAccountStatus[] = [],
): { summary: string; reasons: string[] } | null {
  if (answer.skipped.length === 0) return null;
  const count = answer.queued.length;
  const stopped = new Set(
    answer.skipped.filter((skip) => skip.reason === 'stopped').map((skip) => skip.advertiserId),
  );
  const grouped = stoppedGroups(accounts.filter((account) => stopped.has(account.advertiserId)));
  const described = new Set(
    accounts
      .filter((account) => stopped.has(account.advertiserId) && account.stopReason)
      .map((account) => account.advertiserId),
  );
  const reasons = [
    ...answer.skipped.filter((skip) => !described.has(skip.advertiserId)).map((skip) => skip.message),
    ...grouped
      .filter((group) => group.message !== null)
      .map((group) => `${listWords(group.names)}: ${group.message}`),
  ];
  const nothingCanSync = count === 0 && stopped.size === answer.skipped.length;
  return {
    summary: nothingCanSync
      ? 'Nothing can sync now:'
      : count === 0
        ? 'Nothing new to sync now:'
        : `Syncing ${count} ad account${count === 1 ? '' : 's'}. Not synced now:`,
    reasons,
  };
}

/**
 * Why Sync now was refused. Its own limit says when it can be pressed again, and that nothing is
 * lost meanwhile; anything else is said as everywhere else.
 */
export function syncRefusalWords(error: unknown): string {
  if (!isApiError(error) || error.code !== 'too_many_attempts') return messageForError(error);
  const seconds = error.details?.retryAfterSeconds;
  const wait = seconds === undefined ? 'a few minutes' : waitWords(seconds);
  return `Sync now was pressed too often. Try again in ${wait}: the reports also sync by themselves every hour.`;
}

/** "40 seconds", "4 minutes": never less than the wait. */
function waitWords(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.ceil(seconds))} second${seconds <= 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
