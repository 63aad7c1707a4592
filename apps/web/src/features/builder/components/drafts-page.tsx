import type { DraftSummary } from '@whathead/contracts';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button } from '../../../components/ui/button';
import { ButtonLink } from '../../../components/ui/button-link';
import { EmptyState } from '../../../components/ui/empty-state';
import { FormAlert } from '../../../components/ui/form-alert';
import { CampaignsIcon, PlusIcon, TrashIcon } from '../../../components/ui/icons';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { messageForError } from '../../../lib/error-messages';
import { formatRelativeTime } from '../../../lib/format-relative-time';
import { useActiveWorkspace } from '../../../lib/session';
import { useCreateDraft } from '../api/create-draft';
import { useDrafts } from '../api/get-drafts';
import { DeleteDraftDialog } from './delete-draft-dialog';
import './drafts-page.css';

/** `/campaigns/drafts`: the workspace's drafts, to open, start or delete. */
export function DraftsPage() {
  const workspace = useActiveWorkspace();
  if (!workspace) return null;
  return <WorkspaceDrafts key={workspace.id} workspaceId={workspace.id} />;
}

function WorkspaceDrafts({ workspaceId }: { workspaceId: string }) {
  const drafts = useDrafts(workspaceId);
  const create = useCreateDraft(workspaceId);
  const navigate = useNavigate();
  const [deleting, setDeleting] = useState<DraftSummary | null>(null);
  const newDraft = (
    <Button
      icon={<PlusIcon size={18} />}
      isLoading={create.isPending}
      onClick={() =>
        create.mutate({}, { onSuccess: (draft) => void navigate(`/campaigns/drafts/${draft.id}`) })
      }
    >
      New draft
    </Button>
  );
  const page = (body: ReactNode) => (
    <>
      <PageHeader
        title="Drafts"
        description="Campaigns, ad groups and ads being built or changed before they are published to TikTok."
        actions={
          <div className="header-actions">
            <ButtonLink to="/campaigns" variant="secondary">
              Campaigns
            </ButtonLink>
            <ButtonLink to="/campaigns/publishes" variant="secondary">
              Publishes
            </ButtonLink>
            {newDraft}
          </div>
        }
      />
      <FormAlert>{create.isError ? messageForError(create.error) : null}</FormAlert>
      {body}
    </>
  );

  if (drafts.isPending) {
    return page(
      <p className="loading-line" role="status">
        <Spinner /> Loading drafts…
      </p>,
    );
  }
  if (drafts.isError) {
    return page(
      <div className="stack">
        <FormAlert>{messageForError(drafts.error)}</FormAlert>
        <div>
          <Button variant="secondary" onClick={() => void drafts.refetch()}>
            Try again
          </Button>
        </div>
      </div>,
    );
  }
  if (drafts.data.drafts.length === 0) {
    return page(
      <EmptyState icon={<CampaignsIcon size={28} />} title="No drafts yet" action={newDraft}>
        <p>
          A draft holds campaigns, ad groups and ads while you build them: new ones, or existing ones from
          TikTok to change. Nothing reaches TikTok until you publish.
        </p>
      </EmptyState>,
    );
  }
  return page(
    <>
      <div className="card drafts-table">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col" className="drafts-table__number">
                Campaigns
              </th>
              <th scope="col" className="drafts-table__number">
                Items
              </th>
              <th scope="col">Last edited</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {drafts.data.drafts.map((draft) => (
              <DraftRow key={draft.id} draft={draft} onDelete={() => setDeleting(draft)} />
            ))}
          </tbody>
        </table>
      </div>
      {deleting && (
        <DeleteDraftDialog workspaceId={workspaceId} draft={deleting} onClose={() => setDeleting(null)} />
      )}
    </>,
  );
}

function DraftRow({ draft, onDelete }: { draft: DraftSummary; onDelete(): void }) {
  const publishing = draft.activePublishId !== null;
  return (
    <tr>
      <td>
        <Link to={`/campaigns/drafts/${draft.id}`} className="drafts-table__name">
          {draft.name}
        </Link>
        {publishing && <span className="badge badge--accent drafts-table__state">Publishing…</span>}
      </td>
      <td className="drafts-table__number">{draft.campaigns.toLocaleString()}</td>
      <td className="drafts-table__number">{draft.items.toLocaleString()}</td>
      <td>
        <time dateTime={draft.updatedAt} title={new Date(draft.updatedAt).toLocaleString()}>
          {formatRelativeTime(draft.updatedAt)}
        </time>
        {draft.updatedBy && <span className="table__muted"> by {draft.updatedBy.name}</span>}
      </td>
      <td className="drafts-table__actions">
        <Button
          variant="ghost"
          size="small"
          icon={<TrashIcon size={16} />}
          aria-disabled={publishing || undefined}
          title={publishing ? 'A draft can’t be deleted while it is being published.' : undefined}
          aria-label={`Delete ${draft.name}`}
          onClick={onDelete}
        >
          Delete
        </Button>
      </td>
    </tr>
  );
}
