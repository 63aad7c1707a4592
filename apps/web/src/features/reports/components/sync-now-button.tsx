import type { ReportStatusResponse } from '@whathead/contracts';
import { useId, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { FormAlert } from '../../../components/ui/form-alert';
import { RefreshIcon } from '../../../components/ui/icons';
import { Spinner } from '../../../components/ui/spinner';
import { StatusMessage } from '../../../components/ui/status-message';
import { messageForError } from '../../../lib/error-messages';
import { useSyncReports } from '../api/sync-reports';
import { isSyncRunning } from '../lib/sync-state';

/**
 * Sync now: reads the recent days of every ad account from TikTok. It does nothing while a sync is
 * queued or running; screen readers hear when a sync starts and ends, not each poll.
 */
export function SyncNowButton({
  workspaceId,
  status,
}: {
  workspaceId: string;
  status: ReportStatusResponse;
}) {
  const sync = useSyncReports(workspaceId);
  const textId = useId();
  const isRunning = isSyncRunning(status);
  const [wasRunning, setWasRunning] = useState(isRunning);
  const [announcement, setAnnouncement] = useState('');
  if (wasRunning !== isRunning) {
    setWasRunning(isRunning);
    setAnnouncement(
      isRunning ? 'Syncing reports with TikTok…' : 'Sync finished: the report shows what TikTok says now.',
    );
  }
  return (
    <div className="header-actions sync-status">
      <p id={textId} className="sync-status__text">
        {isRunning && (
          <>
            <Spinner />
            <span>Syncing with TikTok…</span>
          </>
        )}
      </p>
      <Button
        variant="secondary"
        size="small"
        icon={<RefreshIcon />}
        isLoading={sync.isPending}
        aria-disabled={isRunning || undefined}
        aria-describedby={textId}
        onClick={() => sync.mutate()}
      >
        Sync now
      </Button>
      <StatusMessage tone="neutral" className="visually-hidden">
        {announcement}
      </StatusMessage>
      <FormAlert>{sync.isError ? messageForError(sync.error) : undefined}</FormAlert>
    </div>
  );
}
