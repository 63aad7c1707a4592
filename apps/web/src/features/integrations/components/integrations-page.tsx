import { PageHeader } from '../../../components/ui/page-header';
import { TikTokIntegrationCard } from './tiktok-integration-card';

export function IntegrationsPage() {
  return (
    <>
      <PageHeader
        title="Integrations"
        description="Connect the ad platforms your workspace runs campaigns on."
      />
      <div className="integration-grid">
        <TikTokIntegrationCard />
      </div>
    </>
  );
}
