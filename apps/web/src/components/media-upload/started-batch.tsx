import { Button } from '../ui/button';
import { FormAlert } from '../ui/form-alert';
import { Spinner } from '../ui/spinner';
import { messageForError } from '../../lib/error-messages';
import { useMediaBatch } from '../../lib/media-batches';
import { BatchProgress } from './batch-progress';

interface StartedBatchProps {
  workspaceId: string;
  batchId: string;
  accountName: (advertiserId: string) => string;
}

/** The batch just confirmed, polled until every upload has landed or failed. */
export function StartedBatch({ workspaceId, batchId, accountName }: StartedBatchProps) {
  const batch = useMediaBatch(workspaceId, batchId);
  if (batch.isPending) {
    return (
      <p className="loading-line" role="status">
        <Spinner /> Loading the uploads…
      </p>
    );
  }
  if (batch.isError) {
    return (
      <div className="stack">
        <FormAlert>{messageForError(batch.error)}</FormAlert>
        <div>
          <Button variant="secondary" size="small" onClick={() => void batch.refetch()}>
            Try again
          </Button>
        </div>
      </div>
    );
  }
  return <BatchProgress workspaceId={workspaceId} batch={batch.data} accountName={accountName} />;
}
