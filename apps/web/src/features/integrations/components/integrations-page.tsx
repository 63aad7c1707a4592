import { PageHeader } from '../../../components/ui/page-header';
import { useActiveWorkspace } from '../../../lib/session';
import { TikTokIntegrationCard } from './tiktok-integration-card';

export function IntegrationsPage() {
  const workspace = useActiveWorkspace();
  return (
    <>
      <PageHeader
        title="Integrations"
        description="Connect the ad platforms your workspace runs campaigns on."
      />
      <div className="integration-grid">
        {/* Keyed: a message about one workspace's TikTok never shows in another. */}
        {workspace && <TikTokIntegrationCard key={workspace.id} workspace={workspace} />}
      </div>
    </>
  );
}
