import type { TikTokConnectionsResponse } from '@whathead/contracts';
import type { ReactNode } from 'react';
import { Button } from '../../../components/ui/button';
import { FormAlert } from '../../../components/ui/form-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { messageForError } from '../../../lib/error-messages';
import { useActiveWorkspace } from '../../../lib/session';
import { useTikTokConnections } from '../../../lib/tiktok-connections';
import { useMediaAccounts } from '../api/get-media-accounts';
import { NoAccountsChosen, NotConnected } from './media-empty-states';
import { MediaLibrary, pageDescription } from './media-library';

export function MediaPage() {
  const workspace = useActiveWorkspace();
  if (!workspace) return null;
  // Keyed: one workspace's view, uploads and dialogs never show in another.
  return <WorkspaceMedia key={workspace.id} workspaceId={workspace.id} />;
}

function WorkspaceMedia({ workspaceId }: { workspaceId: string }) {
  // The connections first (the shell has them already): they tell "not connected" from "no
  // accounts chosen", and a workspace without accounts has no library to ask for.
  const connections = useTikTokConnections(workspaceId);
  const usesAccounts = connections.data ? usesAnyAccount(connections.data) : false;
  const accounts = useMediaAccounts(workspaceId, usesAccounts);
  const page = (body: ReactNode) => (
    <>
      <PageHeader title="Media" description={pageDescription} />
      {body}
    </>
  );

  if (connections.isPending || (usesAccounts && accounts.isPending)) {
    return page(
      <p className="loading-line" role="status">
        <Spinner /> Loading the media library…
      </p>,
    );
  }
  if (connections.isError)
    return page(<LoadError error={connections.error} onRetry={() => void connections.refetch()} />);
  if (accounts.isError)
    return page(<LoadError error={accounts.error} onRetry={() => void accounts.refetch()} />);
  if (connections.data.connections.length === 0) return page(<NotConnected />);
  if (!usesAccounts || !accounts.data || accounts.data.accounts.length === 0)
    return page(<NoAccountsChosen />);
  return <MediaLibrary workspaceId={workspaceId} accounts={accounts.data.accounts} />;
}

function usesAnyAccount(connections: TikTokConnectionsResponse): boolean {
  return connections.connections.some((connection) =>
    connection.accounts.some((account) => account.selected),
  );
}

function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <div className="stack">
      <FormAlert>{messageForError(error)}</FormAlert>
      <div>
        <Button variant="secondary" onClick={onRetry}>
          Try again
        </Button>
      </div>
    </div>
  );
}
