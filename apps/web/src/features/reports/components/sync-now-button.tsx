import type { ReportStatusResponse } from '@whathead/contracts';
import { useEffect, useId, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { FormAlert } from '../../../components/ui/form-alert';
import { RefreshIcon } from '../../../components/ui/icons';
import { Spinner } from '../../../components/ui/spinner';
import { StatusMessage } from '../../../components/ui/status-message';
import { useSyncReports } from '../api/sync-reports';
import { isSyncRunning, syncAnswerWords, syncRefusalWords } from '../lib/sync-state';

/**
 * How long what Sync now left out stays on the page: its words ("synced 2 minutes ago") are of
 * the moment they were said, and the account list below keeps saying how each account stands.
 */
const answerShownMilliseconds = 60_000;

/**
 * Sync now: reads the recent days of every ad account from TikTok. It does nothing while a sync is
 * queued or running; screen readers hear when a sync starts and ends, not each poll. The server
 * leaves out accounts that synced minutes ago or cannot sync, and limits how often one person
 * presses: what it left out, and why, is said under the button.
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
  const { data: answered, reset } = sync;
  const answer = answered ? syncAnswerWords(answered, status.accounts) : null;
  useEffect(() => {
    if (!answered) return undefined;
    const timeout = window.setTimeout(reset, answerShownMilliseconds);
    return () => window.clearTimeout(timeout);
  }, [answered, reset]);
  if (wasRunning !== isRunning) {
    setWasRunning(isRunning);
    const failed = status.accounts.filter((account) => account.state === 'failed').length;
    setAnnouncement(
      isRunning
        ? 'Syncing reports with TikTok…'
        : failed > 0
          ? `Sync finished, but ${failed === 1 ? 'one ad account' : `${failed} ad accounts`} couldn’t be synced: each says why.`
          : 'Sync finished: the report shows what TikTok says now.',
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
      <StatusMessage tone="neutral" className="sync-status__answer">
        {answer && (
          <>
            <span>{answer.summary}</span>
            <ul>
              {answer.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </>
        )}
      </StatusMessage>
      <FormAlert>{sync.isError ? syncRefusalWords(sync.error) : undefined}</FormAlert>
    </div>
  );
}
