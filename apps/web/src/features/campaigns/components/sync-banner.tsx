import type { CampaignSyncResponse, MirrorAccount } from '@whathead/contracts';
import { Link } from 'react-router';
import { AlertIcon } from '../../../components/ui/icons';
import { Spinner } from '../../../components/ui/spinner';
import { isSyncRunning } from '../api/get-campaign-sync';

const numberFormat = new Intl.NumberFormat();
const listFormat = new Intl.ListFormat(undefined, { type: 'conjunction' });
/** Beyond this many names a sentence stops being read; the rest is a count. */
const namesShown = 3;

/**
 * The mirror's news above the table: the first import's progress (polled every 2 s), ad accounts
 * whose last sync failed and why, and accounts whose rows remain but no longer sync (waiting for
 * Reconnect, or no longer chosen).
 */
export function SyncBanner({ sync }: { sync: CampaignSyncResponse | undefined }) {
  if (!sync) return null;
  const isImporting = isSyncRunning(sync) && sync.imported < sync.importing;
  const failed = sync.accounts.filter((account) => account.state === 'failed');
  const notSyncing = sync.accounts.filter((account) => !account.syncing && hasRows(account));
  // Still chosen, but their connection needs Reconnect (the server says so as their error); the
  // others were deselected or their connection removed.
  const waiting = notSyncing.filter((account) => account.error !== null);
  const stopped = notSyncing.filter((account) => account.error === null);
  if (!isImporting && failed.length === 0 && notSyncing.length === 0) return null;
  return (
    <div className="sync-banner">
      {isImporting && (
        <div className="notice sync-banner__progress">
          <Spinner />
          <p>
            <strong>{importingSentence(sync)}</strong> Campaigns appear in the table as each ad account
            finishes.
          </p>
        </div>
      )}
      {failed.length > 0 && (
        <div className="notice notice--warning sync-banner__failures">
          <AlertIcon />
          <ul>
            {failed.map((account) => (
              <li key={account.advertiserId}>
                <strong>{account.name}</strong> couldn’t be synced:{' '}
                {account.error ?? 'TikTok didn’t say why.'} Its rows show what TikTok last said; Refresh tries
                again.
              </li>
            ))}
          </ul>
        </div>
      )}
      {waiting.length > 0 && (
        <p className="notice notice--warning">
          <AlertIcon />
          Not syncing: {names(waiting)}. {waiting[0]!.error} <Link to="/integrations">Open Integrations</Link>
        </p>
      )}
      {stopped.length > 0 && (
        <p className="notice">
          Not syncing: {names(stopped)} {stopped.length === 1 ? 'is' : 'are'} no longer used by this
          workspace, so {stopped.length === 1 ? 'its rows show' : 'their rows show'} what TikTok last said and
          can’t be changed. <Link to="/integrations">Choose ad accounts in Integrations</Link>
        </p>
      )}
    </div>
  );
}

/** "Importing 3 of 7 ad accounts: 12,400 ads". */
export function importingSentence(sync: CampaignSyncResponse): string {
  const ads = sync.accounts.reduce((sum, account) => sum + account.ads, 0);
  return `Importing ${sync.imported} of ${sync.importing} ad accounts: ${numberFormat.format(ads)} ${ads === 1 ? 'ad' : 'ads'}`;
}

function hasRows(account: MirrorAccount): boolean {
  return account.campaigns + account.adGroups + account.ads > 0;
}

function names(accounts: MirrorAccount[]): string {
  const shown = accounts.slice(0, namesShown).map((account) => account.name);
  const rest = accounts.length - shown.length;
  return listFormat.format(rest > 0 ? [...shown, `${rest} more`] : shown);
}
