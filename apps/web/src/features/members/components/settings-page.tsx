import { canManageMembers, type WorkspaceSummary } from '@whathead/contracts';
import type { ReactNode } from 'react';
import { SettingsSection } from '../../../components/layout/settings-section';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { FormAlert } from '../../../components/ui/form-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { messageForError } from '../../../lib/error-messages';
import { roleDescriptions, roleLabels } from '../../../lib/role-labels';
import { useActiveWorkspace, useSession } from '../../../lib/session';
import { useMembers } from '../api/get-members';
import { InviteForm } from './invite-form';
import { MembersTable } from './members-table';
import { PendingInvitations } from './pending-invitations';
import { TikTokActivity } from './tiktok-activity';
import { TikTokUsage } from './tiktok-usage';

interface SettingsPageProps {
  /** Sections about the workspace that other features provide; the router puts them in. */
  workspaceSections?: ReactNode;
  /** Sections about the user's own account that other features provide; the router puts them in. */
  accountSections?: ReactNode;
}

export function SettingsPage({ workspaceSections, accountSections }: SettingsPageProps) {
  const workspace = useActiveWorkspace();
  if (!workspace) return null;
  return (
    <WorkspaceSettings
      workspace={workspace}
      workspaceSections={workspaceSections}
      accountSections={accountSections}
    />
  );
}

function WorkspaceSettings({
  workspace,
  workspaceSections,
  accountSections,
}: SettingsPageProps & { workspace: WorkspaceSummary }) {
  const { user } = useSession();
  const members = useMembers(workspace.id);
  const canManage = canManageMembers(workspace.role);

  return (
    <>
      <PageHeader title="Settings" description={`Manage ${workspace.name} and the people who work in it.`} />
      <div className="stack stack--large">
        <SettingsSection title="Workspace">
          <dl className="details">
            <div className="details__item">
              <dt>Workspace name</dt>
              <dd>{workspace.name}</dd>
            </div>
            <div className="details__item">
              <dt>Your role</dt>
              <dd>
                <Badge tone="accent">{roleLabels[workspace.role]}</Badge>
                <span className="details__note">{roleDescriptions[workspace.role]}</span>
              </dd>
            </div>
          </dl>
        </SettingsSection>

        <SettingsSection title="Members" description="Everyone who can work in this workspace.">
          {members.isPending && (
            <p className="loading-line" role="status">
              <Spinner /> Loading members…
            </p>
          )}
          {members.isError && (
            <div className="stack">
              <FormAlert>{messageForError(members.error)}</FormAlert>
              <div>
                <Button variant="secondary" onClick={() => void members.refetch()}>
                  Try again
                </Button>
              </div>
            </div>
          )}
          {members.isSuccess && (
            <MembersTable
              members={members.data.members}
              currentUserId={user?.id}
              caption={`Members of ${workspace.name}`}
            />
          )}
        </SettingsSection>

        {canManage ? (
          <SettingsSection
            title="Invite a teammate"
            description="Invitations aren’t emailed: create a link for your teammate’s address, copy it and send it to them yourself."
          >
            <InviteForm workspaceId={workspace.id} />
          </SettingsSection>
        ) : (
          <p className="notice">
            Only owners and admins can invite teammates. Ask one of them to send you a link for a colleague.
          </p>
        )}

        {members.isSuccess && (
          <SettingsSection title="Pending invitations" description="Invite links that haven’t been used yet.">
            <PendingInvitations
              workspaceId={workspace.id}
              invitations={members.data.invitations}
              canRevoke={canManage}
            />
          </SettingsSection>
        )}

        <SettingsSection
          title="TikTok activity"
          description="Who connected, changed or disconnected TikTok, and what Whathead’s checks found. Quote the TikTok request id to TikTok support."
        >
          <TikTokActivity workspaceId={workspace.id} />
        </SettingsSection>

        {canManage ? (
          <SettingsSection
            title="TikTok usage"
            description="Whether TikTok is limiting Whathead, and this workspace’s calls to TikTok today."
          >
            <TikTokUsage workspaceId={workspace.id} />
          </SettingsSection>
        ) : (
          <p className="notice">Only owners and admins see TikTok usage.</p>
        )}

        {workspaceSections}

        {accountSections}
      </div>
    </>
  );
}
