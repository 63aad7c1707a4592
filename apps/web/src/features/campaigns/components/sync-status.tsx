import type { CampaignSyncResponse } from '@whathead/contracts';
import { useId, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { FormAlert } from '../../../components/ui/form-alert';
import { RefreshIcon } from '../../../components/ui/icons';
import { Spinner } from '../../../components/ui/spinner';
import { StatusMessage } from '../../../components/ui/status-message';
import { messageForError } from '../../../lib/error-messages';
import { formatRelativeTime } from '../../../lib/format-relative-time';
import { useNow } from '../../../lib/use-now';
import { isSyncRunning } from '../api/get-campaign-sync';
import { useRefreshCampaigns } from '../api/refresh-campaigns';

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * How fresh the table is and the Refresh button, which syncs every selected ad account now. It
 * does nothing while a sync runs; screen readers hear when a sync starts and ends, not each poll.
 */
export function SyncStatus({
  workspaceId,
  sync,
}: {
  workspaceId: string;
  sync: CampaignSyncResponse | undefined;
}) {
  const refresh = useRefreshCampaigns(workspaceId);
  const now = useNow(30_000);
  const textId = useId();
  const isRunning = isSyncRunning(sync);
  const [wasRunning, setWasRunning] = useState(isRunning);
  const [announcement, setAnnouncement] = useState('');
  if (wasRunning !== isRunning) {
    setWasRunning(isRunning);
    setAnnouncement(
      isRunning ? 'Syncing with TikTok…' : 'Sync finished: the table shows what TikTok says now.',
    );
  }
  const lastSynced = leastRecentSync(sync);

  return (
    <div className="header-actions sync-status">
      <p id={textId} className="sync-status__text">
        {isRunning ? (
          <>
            <Spinner />
            <span>Syncing with TikTok…</span>
          </>
        ) : (
          lastSynced && (
            <span>
              Last synced{' '}
              <time dateTime={lastSynced} title={dateTimeFormat.format(new Date(lastSynced))}>
                {formatRelativeTime(lastSynced, now)}
              </time>
            </span>
          )
        )}
      </p>
      <Button
        variant="secondary"
        size="small"
        icon={<RefreshIcon />}
        isLoading={refresh.isPending}
        aria-disabled={isRunning || undefined}
        aria-describedby={textId}
        onClick={() => refresh.mutate()}
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

/**
 * The oldest last sync of the accounts that still sync: "Last synced 3 minutes ago" then holds for
 * every row in the table, not only the freshest account's.
 */
function leastRecentSync(sync: CampaignSyncResponse | undefined): string | null {
  const times = (sync?.accounts ?? [])
    .filter((account) => account.syncing && account.lastSyncedAt !== null)
    .map((account) => account.lastSyncedAt!);
  if (times.length === 0) return null;
  return times.reduce((oldest, time) => (Date.parse(time) < Date.parse(oldest) ? time : oldest));
}
