import { Button } from '../../../../components/ui/button';
import { ButtonLink } from '../../../../components/ui/button-link';
import { Dialog } from '../../../../components/ui/dialog';
import { FormAlert } from '../../../../components/ui/form-alert';
import { Spinner } from '../../../../components/ui/spinner';
import { messageForError } from '../../../../lib/error-messages';
import { usePublish } from '../../api/publish-progress';
import type { PublishSummary } from '../../api/publishes-list';
import { PublishStatus } from './publish-status';
import { useAccountCurrency } from './use-account-currency';

interface PublishDetailsDialogProps {
  workspaceId: string;
  summary: PublishSummary;
  onClose(): void;
}

/** One publish of the list, item by item; followed live while it runs. Retrying is the builder's. */
export function PublishDetailsDialog({ workspaceId, summary, onClose }: PublishDetailsDialogProps) {
  const publish = usePublish(workspaceId, summary.id);
  const currencyOf = useAccountCurrency(workspaceId);
  return (
    <Dialog title={`Publish of “${summary.draftName}”`} onClose={onClose}>
      <div className="publish-dialog">
        {publish.isPending && (
          <p className="loading-line" role="status">
            <Spinner /> Loading the publish…
          </p>
        )}
        {publish.isError && <FormAlert>{messageForError(publish.error)}</FormAlert>}
        {publish.isSuccess && <PublishStatus publish={publish.data} currencyOf={currencyOf} />}
        {publish.data?.state === 'failed' && (
          <p className="form__note">Open the draft to fix what failed, or to publish it again.</p>
        )}
        <div className="form__actions">
          <ButtonLink to={`/campaigns/drafts/${summary.draftId}`} variant="secondary">
            Open the draft
          </ButtonLink>
          <Button onClick={onClose}>Done</Button>
        </div>
      </div>
    </Dialog>
  );
}
