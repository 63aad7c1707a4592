import type { MediaAccount } from '@whathead/contracts';
import { useId, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { FormAlert } from '../../../components/ui/form-alert';
import { RefreshIcon } from '../../../components/ui/icons';
import { Spinner } from '../../../components/ui/spinner';
import { StatusMessage } from '../../../components/ui/status-message';
import { messageForError } from '../../../lib/error-messages';
import { formatRelativeTime } from '../../../lib/format-relative-time';
import { countOf } from '../../../lib/media-words';
import { useNow } from '../../../lib/use-now';
import { isImporting } from '../api/get-media-accounts';
import { useRefreshMedia } from '../api/refresh-media';

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Where the account's library stands (importing, last synced, why the last refresh failed) and
 * Refresh, which reads it from TikTok again. Screen readers hear when an import starts and ends.
 */
export function LibraryStatus({ workspaceId, account }: { workspaceId: string; account: MediaAccount }) {
  const refresh = useRefreshMedia(workspaceId);
  const textId = useId();
  const running = isImporting(account);
  const [wasRunning, setWasRunning] = useState(running);
  const [announcement, setAnnouncement] = useState('');
  if (wasRunning !== running) {
    setWasRunning(running);
    setAnnouncement(running ? 'Importing the library from TikTok…' : importEndWords(account));
  }
  return (
    <div className="library-status">
      <p id={textId} className="library-status__text">
        <StateWords account={account} />
      </p>
      <Button
        variant="secondary"
        size="small"
        icon={<RefreshIcon />}
        isLoading={refresh.isPending}
        aria-disabled={running || undefined}
        aria-describedby={textId}
        onClick={() => refresh.mutate([account.advertiserId])}
      >
        Refresh
      </Button>
      <StatusMessage tone="neutral" className="visually-hidden">
        {announcement}
      </StatusMessage>
      <FormAlert>{refresh.isError ? messageForError(refresh.error) : undefined}</FormAlert>
    </div>
  );
}

function StateWords({ account }: { account: MediaAccount }) {
  const now = useNow(30_000);
  if (account.state === 'queued' || account.state === 'importing') {
    return (
      <>
        <Spinner />
        <span>
          {account.state === 'queued' ? 'Waiting to import from TikTok…' : 'Importing from TikTok…'}
        </span>
      </>
    );
  }
  const synced = account.lastSyncedAt && (
    <>
      Last synced{' '}
      <time dateTime={account.lastSyncedAt} title={dateTimeFormat.format(new Date(account.lastSyncedAt))}>
        {formatRelativeTime(account.lastSyncedAt, now)}
      </time>
    </>
  );
  if (account.state === 'failed') {
    return (
      <span className="library-status__problem">
        The last refresh failed{account.error ? `: ${account.error}` : '.'} {synced}
      </span>
    );
  }
  if (account.state === 'stopped') {
    return (
      <span className="library-status__problem">
        Not syncing: {account.error ?? 'Whathead no longer reads this ad account’s library.'}
      </span>
    );
  }
  return (
    <span>
      {countOf(account.images, 'image')}, {countOf(account.videos, 'video')}
      {synced ? <> · {synced}</> : ' · Not synced yet'}
    </span>
  );
}

function importEndWords(account: MediaAccount): string {
  if (account.state === 'failed') return `The refresh failed${account.error ? `: ${account.error}` : '.'}`;
  return `Library up to date: ${countOf(account.images, 'image')}, ${countOf(account.videos, 'video')}.`;
}
