import type { MediaBatch } from '@whathead/contracts';
import { useId, useState } from 'react';
import { BatchProgress, batchCounts } from '../../../components/media-upload/batch-progress';
import { Button } from '../../../components/ui/button';
import { Spinner } from '../../../components/ui/spinner';
import { formatRelativeTime } from '../../../lib/format-relative-time';
import { isBatchUnfinished, useMediaBatches } from '../../../lib/media-batches';
import { useNow } from '../../../lib/use-now';

interface UploadBatchesProps {
  workspaceId: string;
  accountName: (advertiserId: string) => string;
}

/**
 * The workspace's latest upload batches, every unfinished one among them: a person who closed the
 * upload dialog, or left the page, finds here how far each got and can retry what failed.
 */
export function UploadBatches({ workspaceId, accountName }: UploadBatchesProps) {
  const batches = useMediaBatches(workspaceId);
  const titleId = useId();
  // The panel is news, not the page: without it (none yet, or unreadable) the library still shows.
  if (!batches.data || batches.data.batches.length === 0) return null;
  return (
    <section className="card upload-batches" aria-labelledby={titleId}>
      <h2 id={titleId} className="section__title">
        Uploads
      </h2>
      <ul className="upload-batches__list">
        {batches.data.batches.map((batch) => (
          <BatchEntry key={batch.batchId} workspaceId={workspaceId} batch={batch} accountName={accountName} />
        ))}
      </ul>
    </section>
  );
}

function BatchEntry({
  workspaceId,
  batch,
  accountName,
}: { workspaceId: string; batch: MediaBatch } & Pick<UploadBatchesProps, 'accountName'>) {
  // A batch with failures opens (as the page loads, or as the first failure comes in): its reasons
  // and Retry failed are what the person is back for, not to be hidden behind "Show each upload".
  const hasFailures = batch.counts.failed > 0;
  const [isOpen, setIsOpen] = useState(hasFailures);
  const [hadFailures, setHadFailures] = useState(hasFailures);
  if (hadFailures !== hasFailures) {
    setHadFailures(hasFailures);
    if (hasFailures) setIsOpen(true);
  }
  const detailsId = useId();
  const lineId = useId();
  const now = useNow(30_000);
  const isUnfinished = isBatchUnfinished(batch);
  return (
    <li className="upload-batch">
      <div className="upload-batch__line">
        <p id={lineId} className="upload-batch__text">
          {isUnfinished && <Spinner />}
          <span>
            <time dateTime={batch.createdAt}>Started {formatRelativeTime(batch.createdAt, now)}</time>
            {batch.createdBy && <> by {batch.createdBy}</>}
            {' · '}
            {batchCounts(batch)}
          </span>
        </p>
        <Button
          variant="ghost"
          size="small"
          aria-expanded={isOpen}
          aria-controls={detailsId}
          aria-describedby={lineId}
          onClick={() => setIsOpen(!isOpen)}
        >
          {isOpen ? 'Hide each upload' : 'Show each upload'}
        </Button>
      </div>
      <div id={detailsId} hidden={!isOpen}>
        {isOpen && (
          <BatchProgress
            workspaceId={workspaceId}
            batch={batch}
            accountName={accountName}
            showCounts={false}
          />
        )}
      </div>
    </li>
  );
}
