import type { Publish, WorkspaceSummary } from '@whathead/contracts';
import { useId } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../../components/ui/button';
import { FormAlert } from '../../../../components/ui/form-alert';
import { Spinner } from '../../../../components/ui/spinner';
import { messageForError } from '../../../../lib/error-messages';
import { formatRelativeTime } from '../../../../lib/format-relative-time';
import { usePublish } from '../../api/publish-progress';
import type { PublishSummary } from '../../api/publishes-list';
import { PublishReviewActions } from './publish-review-actions';
import { PublishStatus } from './publish-status';
import { useAccountCurrency } from './use-account-currency';

interface AwaitingPublishProps {
  workspace: WorkspaceSummary;
  userId: string | undefined;
  summary: PublishSummary;
  onReviewed(publish: Publish, verdict: 'approved' | 'rejected'): void;
}

/** A publish held by a guardrail: why, what it would change item by item, and the review. */
export function AwaitingPublish({ workspace, userId, summary, onReviewed }: AwaitingPublishProps) {
  const publish = usePublish(workspace.id, summary.id);
  const currencyOf = useAccountCurrency(workspace.id);
  const headingId = useId();
  return (
    <section className="card card--padded publish-review" aria-labelledby={headingId}>
      <header className="publish-review__header">
        <h3 id={headingId} className="section__title">
          <Link to={`/campaigns/drafts/${summary.draftId}`}>{summary.draftName}</Link>
        </h3>
        <span className="table__muted">
          Asked for{summary.requestedBy ? ` by ${summary.requestedBy.name}` : ''}{' '}
          <time dateTime={summary.createdAt}>{formatRelativeTime(summary.createdAt)}</time>
        </span>
      </header>
      {publish.isPending && (
        <p className="loading-line" role="status">
          <Spinner /> Loading what it would change…
        </p>
      )}
      {publish.isError && (
        <div className="stack">
          <FormAlert>{messageForError(publish.error)}</FormAlert>
          <div>
            <Button variant="secondary" onClick={() => void publish.refetch()}>
              Try again
            </Button>
          </div>
        </div>
      )}
      {publish.isSuccess && (
        <PublishStatus
          publish={publish.data}
          currencyOf={currencyOf}
          review={
            <PublishReviewActions
              workspace={workspace}
              userId={userId}
              publish={publish.data}
              onReviewed={onReviewed}
            />
          }
        />
      )}
    </section>
  );
}
