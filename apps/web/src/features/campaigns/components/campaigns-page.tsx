import type { CampaignSyncResponse, TikTokConnectionsResponse } from '@whathead/contracts';
import type { ReactNode } from 'react';
import { Button } from '../../../components/ui/button';
import { ButtonLink } from '../../../components/ui/button-link';
import { EmptyState } from '../../../components/ui/empty-state';
import { FormAlert } from '../../../components/ui/form-alert';
import { IntegrationsIcon, MusicNoteIcon } from '../../../components/ui/icons';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { messageForError } from '../../../lib/error-messages';
import { useActiveWorkspace } from '../../../lib/session';
import { useTikTokConnections } from '../../../lib/tiktok-connections';
import { useCampaignSync } from '../api/get-campaign-sync';
import { useReportStatus } from '../hooks/use-report-status';
import { CampaignBrowser } from './campaign-browser';
import { SyncBanner } from './sync-banner';
import { SyncStatus } from './sync-status';

export function CampaignsPage() {
  const workspace = useActiveWorkspace();
  if (!workspace) return null;
  // Keyed: one workspace's view, selection and sync state never show in another.
  return <WorkspaceCampaigns key={workspace.id} workspaceId={workspace.id} />;
}

function WorkspaceCampaigns({ workspaceId }: { workspaceId: string }) {
  const connections = useTikTokConnections(workspaceId);
  const sync = useCampaignSync(workspaceId);
  // Asked with the others, not after them: the table's range presets wait for its "today".
  const reportStatus = useReportStatus(workspaceId);
  const header = (actions?: ReactNode) => (
    <PageHeader
      title="Campaigns"
      description="Every campaign, ad group and ad of the TikTok ad accounts this workspace uses."
      actions={
        <div className="header-actions">
          <ButtonLink to="/campaigns/drafts" variant="secondary" size="small">
            Drafts
          </ButtonLink>
          {actions}
        </div>
      }
    />
  );

  if (connections.isPending || sync.isPending) {
    return (
      <>
        {header()}
        <p className="loading-line" role="status">
          <Spinner /> Loading campaigns…
        </p>
      </>
    );
  }
  if (connections.isError) {
    return (
      <>
        {header()}
        <div className="stack">
          <FormAlert>{messageForError(connections.error)}</FormAlert>
          <div>
            <Button variant="secondary" onClick={() => void connections.refetch()}>
              Try again
            </Button>
          </div>
        </div>
      </>
    );
  }
  // The sync state is news, not the table: without it the table still shows.
  const empty = emptyReason(connections.data, sync.data);
  if (empty)
    return (
      <>
        {header()}
        {empty === 'not_connected' ? <NotConnected /> : <NoAccountsChosen />}
      </>
    );
  return (
    <>
      {header(<SyncStatus workspaceId={workspaceId} sync={sync.data} />)}
      <SyncBanner sync={sync.data} />
      <CampaignBrowser
        workspaceId={workspaceId}
        connections={connections.data}
        sync={sync.data}
        reportStatus={reportStatus}
      />
    </>
  );
}

/** Why there is nothing to show at all; rows kept from accounts no longer in use still show. */
function emptyReason(
  connections: TikTokConnectionsResponse,
  sync: CampaignSyncResponse | undefined,
): 'not_connected' | 'no_accounts' | null {
  const hasRows = sync?.accounts.some((account) => account.campaigns + account.adGroups + account.ads > 0);
  if (hasRows) return null;
  if (connections.connections.length === 0) return 'not_connected';
  const usesAccounts = connections.connections.some((connection) =>
    connection.accounts.some((account) => account.selected),
  );
  return usesAccounts ? null : 'no_accounts';
}

function NotConnected() {
  return (
    <EmptyState
      icon={<MusicNoteIcon size={28} />}
      title="TikTok isn’t connected"
      action={
        <ButtonLink to="/integrations" icon={<IntegrationsIcon size={18} />}>
          Go to Integrations
        </ButtonLink>
      }
    >
      <p>
        Campaigns come from TikTok Ads Manager. Connect a TikTok Business Center in Integrations and choose
        its ad accounts: their campaigns, ad groups and ads are imported here.
      </p>
    </EmptyState>
  );
}

function NoAccountsChosen() {
  return (
    <EmptyState
      icon={<IntegrationsIcon size={28} />}
      title="No ad accounts chosen"
      action={
        <ButtonLink to="/integrations" icon={<IntegrationsIcon size={18} />}>
          Choose ad accounts
        </ButtonLink>
      }
    >
      <p>
        TikTok is connected, but this workspace doesn’t use any of its ad accounts yet. Choose them in
        Integrations: their campaigns, ad groups and ads are imported here.
      </p>
    </EmptyState>
  );
}
