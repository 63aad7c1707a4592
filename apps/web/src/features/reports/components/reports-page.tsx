import { canManageMembers } from '@whathead/contracts';
import type { ReactNode } from 'react';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { useActiveWorkspace } from '../../../lib/session';
import { useReportStatus } from '../api/get-report-status';
import { ReportError } from './report-error';
import { ReportBody } from './report-body';
import { ReportSettingsButton } from './report-settings-button';
import { TileSkeleton } from './report-skeleton';
import { ReportsEmptyState } from './reports-empty-state';
import { SyncNowButton } from './sync-now-button';
import './reports.css';

export function ReportsPage() {
  const workspace = useActiveWorkspace();
  if (!workspace) return null;
  // Keyed: one workspace's accounts and figures never show in another.
  return (
    <WorkspaceReports
      key={workspace.id}
      workspaceId={workspace.id}
      canChangeSettings={canManageMembers(workspace.role)}
    />
  );
}

function WorkspaceReports({
  workspaceId,
  canChangeSettings,
}: {
  workspaceId: string;
  canChangeSettings: boolean;
}) {
  const status = useReportStatus(workspaceId);
  const header = (actions?: ReactNode) => (
    <PageHeader title="Reports" description="How your campaigns perform, day by day." actions={actions} />
  );

  if (status.isPending) {
    return (
      <>
        {header()}
        <p className="loading-line" role="status">
          <Spinner /> Loading reports…
        </p>
        <TileSkeleton />
      </>
    );
  }
  if (status.isError) {
    return (
      <>
        {header()}
        <ReportError what="Reports" error={status.error} onRetry={() => void status.refetch()} />
      </>
    );
  }
  const hasAccounts = status.data.accounts.length > 0;
  // One tree with accounts or without, so an open settings dialog stays open when the first arrives.
  const headerActions = (
    <div className="header-actions">
      <ReportSettingsButton workspaceId={workspaceId} settings={status.data} canChange={canChangeSettings} />
      {hasAccounts && <SyncNowButton workspaceId={workspaceId} status={status.data} />}
    </div>
  );
  if (!hasAccounts) {
    return (
      <>
        {header(headerActions)}
        <ReportsEmptyState />
      </>
    );
  }
  return (
    <>
      {header(headerActions)}
      <ReportBody workspaceId={workspaceId} status={status.data} />
    </>
  );
}
