import { ButtonLink } from '../../../components/ui/button-link';
import { EmptyState } from '../../../components/ui/empty-state';
import { CampaignsIcon, IntegrationsIcon } from '../../../components/ui/icons';
import { PageHeader } from '../../../components/ui/page-header';

const previewColumns = ['Campaign', 'Status', 'Budget', 'Spend'];

export function CampaignsPage() {
  return (
    <>
      <PageHeader title="Campaigns" description="Plan, launch and keep an eye on your TikTok campaigns." />
      <EmptyState
        icon={<CampaignsIcon size={28} />}
        title="No campaigns yet"
        action={
          <ButtonLink to="/integrations" icon={<IntegrationsIcon size={18} />}>
            Go to Integrations
          </ButtonLink>
        }
        preview={<CampaignsPreview />}
      >
        <p>
          Campaigns from the TikTok ad accounts this workspace uses will appear here, with each campaign’s
          status, budget and spend.
        </p>
        <p className="empty-state__hint">Connect TikTok or choose ad accounts in Integrations.</p>
      </EmptyState>
    </>
  );
}

/** A faded sketch of the campaign table to come. */
function CampaignsPreview() {
  return (
    <div className="sketch-table">
      <div className="sketch-table__row sketch-table__row--head">
        {previewColumns.map((column) => (
          <span key={column}>{column}</span>
        ))}
      </div>
      {['first', 'second', 'third'].map((row) => (
        <div key={row} className="sketch-table__row">
          <span className="sketch-bar sketch-bar--name" />
          <span className="sketch-pill" />
          <span className="sketch-bar sketch-bar--short" />
          <span className="sketch-bar sketch-bar--short" />
        </div>
      ))}
    </div>
  );
}
