import { ButtonLink } from '../../../components/ui/button-link';
import { EmptyState } from '../../../components/ui/empty-state';
import { IntegrationsIcon, ReportsIcon } from '../../../components/ui/icons';

const previewMetrics = ['Spend', 'Impressions', 'Clicks', 'Conversions'];

/** No TikTok connection, or no ad account chosen: nothing to report on until Integrations has one. */
export function ReportsEmptyState() {
  return (
    <EmptyState
      icon={<ReportsIcon size={28} />}
      title="No performance data yet"
      action={
        <ButtonLink to="/integrations" variant="secondary" icon={<IntegrationsIcon size={18} />}>
          Go to Integrations
        </ButtonLink>
      }
      preview={<ReportsPreview />}
    >
      <p>
        Performance (spend, impressions, clicks and conversions) of the campaigns in the TikTok ad accounts
        this workspace uses will appear here once they start delivering.
      </p>
      <p className="empty-state__hint">Connect TikTok or choose ad accounts in Integrations.</p>
    </EmptyState>
  );
}

/** Metric tiles without numbers, to show what the report will measure. */
function ReportsPreview() {
  return (
    <div className="sketch-metrics">
      {previewMetrics.map((metric) => (
        <div key={metric} className="sketch-metric">
          <span className="sketch-metric__label">{metric}</span>
          <span className="sketch-metric__value">—</span>
        </div>
      ))}
    </div>
  );
}
