import type { WorkspaceSummary } from '@whathead/contracts';
import { useId, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Badge } from '../../../../components/ui/badge';
import { Button } from '../../../../components/ui/button';
import { ButtonLink } from '../../../../components/ui/button-link';
import { EmptyState } from '../../../../components/ui/empty-state';
import { FormAlert } from '../../../../components/ui/form-alert';
import { CampaignsIcon } from '../../../../components/ui/icons';
import { PageHeader } from '../../../../components/ui/page-header';
import { Spinner } from '../../../../components/ui/spinner';
import { StatusMessage } from '../../../../components/ui/status-message';
import { messageForError } from '../../../../lib/error-messages';
import { formatRelativeTime } from '../../../../lib/format-relative-time';
import { useActiveWorkspace, useSession } from '../../../../lib/session';
import { usePublishes, type PublishSummary } from '../../api/publishes-list';
import { AwaitingPublish } from './awaiting-publish';
import { PublishDetailsDialog } from './publish-details-dialog';
import { publishStateLabels, publishStateTones } from './publish-words';
import './publish.css';

/**
 * `/campaigns/publishes`: the workspace's latest publishes, and above them those a guardrail holds
 * for a second owner or admin, each with what it would change and Approve / Reject.
 */
export function PublishesPage() {
  const workspace = useActiveWorkspace();
  if (!workspace) return null;
  return <WorkspacePublishes key={workspace.id} workspace={workspace} />;
}

function WorkspacePublishes({ workspace }: { workspace: WorkspaceSummary }) {
  const { user } = useSession();
  const publishes = usePublishes(workspace.id);
  const [opened, setOpened] = useState<PublishSummary | null>(null);
  const [reviewed, setReviewed] = useState<string | null>(null);
  const awaitingId = useId();
  const recentId = useId();

  const page = (body: ReactNode) => (
    <>
      <PageHeader
        title="Publishes"
        description="What was published from the workspace’s drafts, and what waits for a second owner or admin."
        actions={
          <ButtonLink to="/campaigns/drafts" variant="secondary">
            Drafts
          </ButtonLink>
        }
      />
      <StatusMessage>{reviewed}</StatusMessage>
      {body}
    </>
  );

  if (publishes.isPending) {
    return page(
      <p className="loading-line" role="status">
        <Spinner /> Loading publishes…
      </p>,
    );
  }
  if (publishes.isError) {
    return page(
      <div className="stack">
        <FormAlert>{messageForError(publishes.error)}</FormAlert>
        <div>
          <Button variant="secondary" onClick={() => void publishes.refetch()}>
            Try again
          </Button>
        </div>
      </div>,
    );
  }
  const all = publishes.data.publishes;
  if (all.length === 0) {
    return page(
      <EmptyState
        icon={<CampaignsIcon size={28} />}
        title="Nothing published yet"
        action={
          <ButtonLink to="/campaigns/drafts" variant="secondary">
            Go to Drafts
          </ButtonLink>
        }
      >
        <p>Each publish of a draft is listed here with how it went, and any waiting for approval.</p>
      </EmptyState>,
    );
  }
  const awaiting = all.filter((publish) => publish.state === 'awaiting_approval');
  return page(
    <div className="stack stack--large">
      {awaiting.length > 0 && (
        <section className="stack" aria-labelledby={awaitingId}>
          <h2 id={awaitingId} className="section__title">
            Waiting for approval
          </h2>
          {awaiting.map((publish) => (
            <AwaitingPublish
              key={publish.id}
              workspace={workspace}
              userId={user?.id}
              summary={publish}
              onReviewed={(next, verdict) =>
                setReviewed(
                  verdict === 'approved'
                    ? `Approved “${next.draftName}”: it is being published.`
                    : `Rejected “${next.draftName}”: nothing was sent to TikTok.`,
                )
              }
            />
          ))}
        </section>
      )}
      <section className="stack" aria-labelledby={recentId}>
        <h2 id={recentId} className="section__title">
          Recent publishes
        </h2>
        <div className="card publishes-table">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Draft</th>
                <th scope="col">State</th>
                <th scope="col">Asked for</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {all.map((publish) => (
                <PublishRow key={publish.id} publish={publish} onOpen={() => setOpened(publish)} />
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {opened && (
        <PublishDetailsDialog workspaceId={workspace.id} summary={opened} onClose={() => setOpened(null)} />
      )}
    </div>,
  );
}

function PublishRow({ publish, onOpen }: { publish: PublishSummary; onOpen(): void }) {
  return (
    <tr>
      <td>
        <Link to={`/campaigns/drafts/${publish.draftId}`} className="publishes-table__name">
          {publish.draftName}
        </Link>
      </td>
      <td>
        <Badge tone={publishStateTones[publish.state]}>{publishStateLabels[publish.state]}</Badge>
        {publish.reviewedBy && (
          <span className="table__muted">
            {' '}
            {publish.state === 'rejected' ? 'by' : 'approved by'} {publish.reviewedBy.name}
          </span>
        )}
      </td>
      <td>
        <time dateTime={publish.createdAt} title={new Date(publish.createdAt).toLocaleString()}>
          {formatRelativeTime(publish.createdAt)}
        </time>
        {publish.requestedBy && <span className="table__muted"> by {publish.requestedBy.name}</span>}
      </td>
      <td>
        <Button variant="ghost" size="small" aria-label={`Details of ${publish.draftName}`} onClick={onOpen}>
          Details
        </Button>
      </td>
    </tr>
  );
}
