import type { CampaignChange, CampaignRow } from '@whathead/contracts';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { FormAlert } from '../../../components/ui/form-alert';
import { Spinner } from '../../../components/ui/spinner';
import { messageForError } from '../../../lib/error-messages';
import { useCampaignChanges } from '../api/get-campaign-changes';
import { describeChange } from './change-words';

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

interface HistoryDialogProps {
  workspaceId: string;
  row: CampaignRow;
  onClose: () => void;
}

/** The changes made to a row from Whathead, newest first: what, who, when, and TikTok's request id. */
export function HistoryDialog({ workspaceId, row, onClose }: HistoryDialogProps) {
  const changes = useCampaignChanges(workspaceId, row);
  let content;
  if (changes.isPending)
    content = (
      <p className="loading-line" role="status">
        <Spinner /> Loading history…
      </p>
    );
  else if (changes.isError)
    content = (
      <div className="stack">
        <FormAlert>{messageForError(changes.error)}</FormAlert>
        <div>
          <Button variant="secondary" size="small" onClick={() => void changes.refetch()}>
            Try again
          </Button>
        </div>
      </div>
    );
  else if (changes.data.changes.length === 0)
    content = (
      <p className="change-history__empty">
        No changes made from Whathead yet. Changes made in TikTok Ads Manager show in the row after the next
        sync.
      </p>
    );
  else
    content = (
      <ol className="change-history">
        {changes.data.changes.map((change) => (
          <ChangeEntry key={change.id} change={change} currency={row.currency} />
        ))}
      </ol>
    );
  return (
    <Dialog
      title={`History of ${row.name}`}
      description="Changes made from Whathead, newest first."
      onClose={onClose}
    >
      {content}
    </Dialog>
  );
}

function ChangeEntry({ change, currency }: { change: CampaignChange; currency: string | null }) {
  return (
    <li className="change-history__entry">
      <span className="change-history__what">{describeChange(change, currency)}</span>
      <span className="change-history__meta">
        {change.actor ? (
          <span>
            {change.actor.name} ({change.actor.email})
          </span>
        ) : (
          <span>Someone whose account was deleted</span>
        )}
        <span aria-hidden="true"> · </span>
        <time dateTime={change.occurredAt}>{dateTimeFormat.format(new Date(change.occurredAt))}</time>
      </span>
      {change.tiktokRequestId && (
        <span className="change-history__request">
          TikTok request ID <code>{change.tiktokRequestId}</code>
        </span>
      )}
    </li>
  );
}
