import type { ReactNode } from 'react';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { useActiveWorkspace } from '../../../lib/session';
import { useReportStatus } from '../api/get-report-status';
import { ReportError } from './report-error';
import { ReportBody } from './report-body';
import { TileSkeleton } from './report-skeleton';
import { ReportsEmptyState } from './reports-empty-state';
import { SyncNowButton } from './sync-now-button';
import './reports.css';

export function ReportsPage() {
  const workspace = useActiveWorkspace();
  if (!workspace) return null;
  // Keyed: one workspace's accounts and figures never show in another.
  return <WorkspaceReports key={workspace.id} workspaceId={workspace.id} />;
}

function WorkspaceReports({ workspaceId }: { workspaceId: string }) {
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
  if (status.data.accounts.length === 0) {
    return (
      <>
        {header()}
        <ReportsEmptyState />
      </>
    );
  }
  return (
    <>
      {header(<SyncNowButton workspaceId={workspaceId} status={status.data} />)}
      <ReportBody workspaceId={workspaceId} status={status.data} />
    </>
  );
}
