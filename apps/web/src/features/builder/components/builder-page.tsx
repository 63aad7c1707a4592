import type { Draft } from '@whathead/contracts';
import { useMemo, useState, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { Button } from '../../../components/ui/button';
import { ButtonLink } from '../../../components/ui/button-link';
import { FormAlert } from '../../../components/ui/form-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { isApiError } from '../../../lib/api-error';
import { messageForError } from '../../../lib/error-messages';
import { useActiveWorkspace } from '../../../lib/session';
import { useTikTokConnections } from '../../../lib/tiktok-connections';
import { useDraft } from '../api/get-draft';
import { builderAccounts } from '../model/builder-accounts';
import { DraftBuilder } from './draft-builder';

/** `/campaigns/drafts/:draftId`: the builder over one draft. */
export function BuilderPage() {
  const workspace = useActiveWorkspace();
  const { draftId } = useParams();
  if (!workspace || !draftId) return null;
  // Keyed: another draft, or another workspace's, starts a builder of its own.
  return <WorkspaceBuilder key={`${workspace.id}:${draftId}`} workspaceId={workspace.id} draftId={draftId} />;
}

function WorkspaceBuilder({ workspaceId, draftId }: { workspaceId: string; draftId: string }) {
  const draft = useDraft(workspaceId, draftId);
  const connections = useTikTokConnections(workspaceId);
  const accounts = useMemo(
    () => (connections.data ? builderAccounts(connections.data) : null),
    [connections.data],
  );
  // Editing starts from the first version read; later reads only tell the builder about publishes.
  const [first, setFirst] = useState<Draft | null>(null);
  if (first === null && draft.data) setFirst(draft.data);

  const page = (body: ReactNode) => (
    <>
      <PageHeader title="Draft" />
      {body}
    </>
  );
  if (draft.isError || connections.isError) {
    const error = draft.error ?? connections.error;
    const gone = isApiError(error) && error.code === 'not_found';
    return page(
      <div className="stack">
        <FormAlert>
          {gone ? 'This draft doesn’t exist any more: it may have been deleted.' : messageForError(error)}
        </FormAlert>
        <div className="button-row">
          {!gone && (
            <Button
              variant="secondary"
              onClick={() => void Promise.all([draft.refetch(), connections.refetch()])}
            >
              Try again
            </Button>
          )}
          <ButtonLink to="/campaigns/drafts" variant="secondary">
            All drafts
          </ButtonLink>
        </div>
      </div>,
    );
  }
  if (!first || !draft.data || !accounts) {
    return page(
      <p className="loading-line" role="status">
        <Spinner /> Loading the draft…
      </p>,
    );
  }
  return (
    <DraftBuilder
      workspaceId={workspaceId}
      draft={first}
      server={draft.data}
      accounts={accounts.accounts}
      defaultAdvertiserId={accounts.defaultAdvertiserId}
    />
  );
}
