import { canManageMembers, type Publish, type WorkspaceSummary } from '@whathead/contracts';
import { Button } from '../../../../components/ui/button';
import { FormAlert } from '../../../../components/ui/form-alert';
import { messageForError } from '../../../../lib/error-messages';
import { useApprovePublish } from '../../api/publish-approve';
import { useRejectPublish } from '../../api/publish-reject';

interface PublishReviewActionsProps {
  workspace: WorkspaceSummary;
  /** The user looking at it: who asked for a publish can't review it. */
  userId: string | undefined;
  publish: Publish;
  onReviewed(publish: Publish, verdict: 'approved' | 'rejected'): void;
}

/**
 * Approve or Reject a publish held by a guardrail: for owners and admins other than the one who
 * asked for it (the server holds to the same rule). Everyone else is told who can.
 */
export function PublishReviewActions({ workspace, userId, publish, onReviewed }: PublishReviewActionsProps) {
  const approve = useApprovePublish(workspace.id);
  const reject = useRejectPublish(workspace.id);
  if (publish.state !== 'awaiting_approval') return null;
  const busy = approve.isPending || reject.isPending;
  const error = approve.error ?? reject.error;
  if (publish.requestedBy?.id === userId) {
    // The one who asked may withdraw it (an owner alone in the workspace would be stuck otherwise).
    return (
      <div className="stack">
        <p className="notice">
          Waiting for another owner or admin: you asked for this publish, so someone else reviews it.
        </p>
        <FormAlert>{error ? messageForError(error) : null}</FormAlert>
        {canManageMembers(workspace.role) && (
          <div className="button-row">
            <Button
              variant="secondary"
              isLoading={reject.isPending}
              aria-disabled={busy || undefined}
              onClick={() => reject.mutate(publish.id, { onSuccess: (next) => onReviewed(next, 'rejected') })}
            >
              Withdraw request
            </Button>
          </div>
        )}
      </div>
    );
  }
  if (!canManageMembers(workspace.role)) {
    return (
      <p className="notice">Waiting for an owner or admin: only they can approve or reject a publish.</p>
    );
  }
  return (
    <div className="stack">
      <FormAlert>{error ? messageForError(error) : null}</FormAlert>
      <div className="button-row">
        <Button
          isLoading={approve.isPending}
          aria-disabled={busy || undefined}
          onClick={() => approve.mutate(publish.id, { onSuccess: (next) => onReviewed(next, 'approved') })}
        >
          Approve and publish
        </Button>
        <Button
          variant="secondary"
          isLoading={reject.isPending}
          aria-disabled={busy || undefined}
          onClick={() => reject.mutate(publish.id, { onSuccess: (next) => onReviewed(next, 'rejected') })}
        >
          Reject
        </Button>
      </div>
    </div>
  );
}
