import type { ReportAccountStatus } from '@whathead/contracts';
import { Link } from 'react-router';
import { AlertIcon } from '../../../components/ui/icons';
import { Spinner } from '../../../components/ui/spinner';
import { formatRelativeTime } from '../../../lib/format-relative-time';
import { useNow } from '../../../lib/use-now';
import { isBackfilling, listWords, stoppedGroups } from '../lib/sync-state';
import { backfillStoredWords } from './report-notices';

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const numberFormat = new Intl.NumberFormat();

/**
 * Where each chosen ad account's figures stand: when they last synced, how far the backfill of its
 * past year got (the figures shown so far stay on the page meanwhile), why a sync failed, and why
 * an account does not sync at all and what fixes it.
 */
export function AccountStatuses({ accounts }: { accounts: readonly ReportAccountStatus[] }) {
  const now = useNow(30_000);
  return (
    <ul className="report-accounts" aria-label="Ad account syncs">
      {accounts.map((account) => (
        <li key={account.advertiserId} className="report-accounts__item">
          <p className="report-accounts__line">
            <span className="report-accounts__name">{account.name}</span>
            <span className="report-accounts__state">
              <SyncState account={account} now={now} />
            </span>
          </p>
          {isBackfilling(account) && <BackfillProgress account={account} />}
          {account.state === 'failed' && (
            <p className="notice notice--warning report-accounts__problem">
              <AlertIcon />
              <span>
                {account.name} couldn’t be synced: {account.error ?? 'TikTok didn’t say why.'} The figures
                show what was stored before; Sync now tries again.
              </span>
            </p>
          )}
        </li>
      ))}
      {stoppedGroups(accounts).map((group) => (
        <li key={group.names.join('\n')} className="report-accounts__item">
          <StoppedNotice {...group} />
        </li>
      ))}
    </ul>
  );
}

/**
 * Why accounts do not sync and the one action that fixes it, once for all the accounts it stops:
 * every fix is made in Integrations (Reconnect, a permission kept ticked, the account selected
 * again), so the link is always there. A connection that needs attention is a warning; an account
 * no longer selected is only news.
 */
function StoppedNotice({ names, message, isWarning }: ReturnType<typeof stoppedGroups>[number]) {
  const one = names.length === 1;
  return (
    <p className={`notice report-accounts__problem${isWarning ? ' notice--warning' : ''}`}>
      {isWarning && <AlertIcon />}
      <span>
        {listWords(names)} {one ? 'doesn’t' : 'don’t'} sync.{' '}
        {message ??
          (one
            ? 'It is no longer selected in Integrations.'
            : 'They are no longer selected in Integrations.')}{' '}
        The figures shown are those stored before. <Link to="/integrations">Open Integrations</Link>
      </span>
    </p>
  );
}

function SyncState({ account, now }: { account: ReportAccountStatus; now: number }) {
  // Each piece one flex item: the gap between them is the only space (a text space as well
  // would double it).
  if (account.state === 'syncing' || account.state === 'queued') {
    return (
      <>
        <Spinner />
        <span>{account.state === 'syncing' ? 'Syncing…' : 'Waiting to sync…'}</span>
      </>
    );
  }
  if (account.lastSyncedAt === null) return <span>Not synced yet</span>;
  return (
    <span>
      Synced{' '}
      <time dateTime={account.lastSyncedAt} title={dateTimeFormat.format(new Date(account.lastSyncedAt))}>
        {formatRelativeTime(account.lastSyncedAt, now)}
      </time>
    </span>
  );
}

/** "Backfilling Northwind US: 120 of 365 days", and a bar. */
export function backfillSentence(account: ReportAccountStatus): string {
  const { storedDays, totalDays } = account.backfill!;
  return `Backfilling ${account.name}: ${numberFormat.format(storedDays)} of ${numberFormat.format(totalDays)} days`;
}

function BackfillProgress({ account }: { account: ReportAccountStatus }) {
  const backfill = account.backfill!;
  return (
    <div className="report-backfill">
      <p className="report-backfill__text">
        <strong>{backfillSentence(account)}</strong>
        {/* What the range shown still waits for is said once, above the tiles (ImportingNotice). */}
        {backfill.storedFrom !== null && <> · {backfillStoredWords(backfill.storedFrom)}</>}
      </p>
      <progress
        className="report-backfill__bar"
        max={backfill.totalDays}
        value={backfill.storedDays}
        aria-label={`Backfill of ${account.name}`}
      />
    </div>
  );
}
