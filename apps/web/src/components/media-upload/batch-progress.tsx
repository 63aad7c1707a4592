import type { MediaBatch, MediaUpload } from '@whathead/contracts';
import { useState } from 'react';
import { classNames } from '../../lib/class-names';
import { messageForError } from '../../lib/error-messages';
import { isBatchUnfinished } from '../../lib/media-batches';
import { useRetryMediaBatch } from '../../lib/media-upload-actions';
import { countOf, uploadStateWords } from '../../lib/media-words';
import { Button } from '../ui/button';
import { FormAlert } from '../ui/form-alert';
import { AlertIcon, RefreshIcon } from '../ui/icons';
import { StatusMessage } from '../ui/status-message';

interface BatchProgressProps {
  workspaceId: string;
  batch: MediaBatch;
  /** An ad account's name; the batch names accounts by id. */
  accountName: (advertiserId: string) => string;
  /** Whether to say the batch's counts above the table; the Uploads panel says them on the batch's line. */
  showCounts?: boolean;
}

/**
 * Each file in each ad account: where it stands, in words, and Retry failed when any failed.
 * Screen readers hear when the batch finishes, not every percent on the way.
 */
export function BatchProgress({ workspaceId, batch, accountName, showCounts = true }: BatchProgressProps) {
  const retry = useRetryMediaBatch(workspaceId);
  const isUnfinished = isBatchUnfinished(batch);
  const [wasUnfinished, setWasUnfinished] = useState(isUnfinished);
  const [announcement, setAnnouncement] = useState('');
  if (wasUnfinished !== isUnfinished) {
    setWasUnfinished(isUnfinished);
    setAnnouncement(isUnfinished ? 'Uploading again.' : `Uploads finished: ${batchCounts(batch)}.`);
  }
  const sharedReason = sharedFailure(batch);
  return (
    <div className="batch-progress">
      {showCounts && <p className="batch-progress__summary">{batchCounts(batch)}</p>}
      {sharedReason && (
        // Not an alert: the batch's end is announced below; this stays for as long as it is true.
        <div className="alert alert--error batch-progress__reason">
          <AlertIcon />
          <p>
            {batch.counts.failed === batch.uploads.length
              ? 'Every upload failed'
              : `${countOf(batch.counts.failed, 'upload')} failed`}
            : {sharedReason}
          </p>
        </div>
      )}
      <div className="batch-progress__scroll">
        <table className="table table--stacking batch-progress__table">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Ad account</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {batch.uploads.map((upload) => (
              <tr key={`${upload.sha256}-${upload.advertiserId}`}>
                <td data-label="File" className="batch-progress__file">
                  {upload.fileName}
                </td>
                <td data-label="Ad account">{accountName(upload.advertiserId)}</td>
                <td data-label="State" className="batch-progress__state">
                  <UploadState upload={upload} isReasonShared={sharedReason !== null} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {batch.counts.failed > 0 && (
        <div>
          <Button
            variant="secondary"
            size="small"
            icon={<RefreshIcon />}
            isLoading={retry.isPending}
            onClick={() => retry.mutate(batch.batchId)}
          >
            Retry failed
          </Button>
        </div>
      )}
      <FormAlert>{retry.isError ? messageForError(retry.error) : undefined}</FormAlert>
      <StatusMessage tone="neutral" className="visually-hidden">
        {announcement}
      </StatusMessage>
    </div>
  );
}

function UploadState({ upload, isReasonShared }: { upload: MediaUpload; isReasonShared: boolean }) {
  return (
    <span className={classNames('upload-state', `upload-state--${upload.state}`)}>
      {/* A reason every failed upload shares is said once, above the table, not on each row. */}
      {upload.state === 'failed' && isReasonShared ? 'Failed' : uploadStateWords(upload)}
      {upload.state === 'uploading' && upload.bytes > 0 && (
        <progress
          className="upload-state__progress"
          value={upload.bytesSent}
          max={upload.bytes}
          aria-label={`Sent of ${upload.fileName}`}
        />
      )}
    </span>
  );
}

/**
 * The one reason every failed upload of the batch gives, when more than one failed: a connection
 * that needs attention fails every upload alike, and the same long sentence on each row hides
 * which files they are. Null when the reasons differ, or when one upload failed.
 */
function sharedFailure(batch: MediaBatch): string | null {
  const reasons = new Set(
    batch.uploads.filter((upload) => upload.state === 'failed').map((upload) => upload.error?.message ?? ''),
  );
  const [reason] = reasons;
  return batch.counts.failed > 1 && reasons.size === 1 && reason ? reason : null;
}

/** "8 uploads: 5 ready, 2 uploading, 1 failed". */
export function batchCounts(batch: MediaBatch): string {
  const { queued, uploading, processing, ready, failed } = batch.counts;
  const parts = [
    [ready, 'ready'],
    [uploading, 'uploading'],
    [processing, 'processing at TikTok'],
    [queued, 'queued'],
    [failed, 'failed'],
  ] as const;
  const said = parts.filter(([count]) => count > 0).map(([count, words]) => `${count} ${words}`);
  return `${countOf(batch.uploads.length, 'upload')}: ${said.join(', ')}`;
}
