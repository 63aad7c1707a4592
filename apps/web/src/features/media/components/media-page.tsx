import { ButtonLink } from '../../../components/ui/button-link';
import { EmptyState } from '../../../components/ui/empty-state';
import { IntegrationsIcon, MediaIcon } from '../../../components/ui/icons';
import { PageHeader } from '../../../components/ui/page-header';

export function MediaPage() {
  return (
    <>
      <PageHeader title="Media" description="The videos and images your ads are made of." />
      <EmptyState
        icon={<MediaIcon size={28} />}
        title="No creatives yet"
        action={
          <ButtonLink to="/integrations" variant="secondary" icon={<IntegrationsIcon size={18} />}>
            Go to Integrations
          </ButtonLink>
        }
        preview={<MediaPreview />}
      >
        <p>
          Creatives in the media library of the TikTok ad accounts this workspace uses will appear here, ready
          to reuse in new ads.
        </p>
        <p className="empty-state__hint">Connect TikTok or choose ad accounts in Integrations.</p>
      </EmptyState>
    </>
  );
}

/** Faded portrait tiles, the 9:16 shape of TikTok video creatives. */
function MediaPreview() {
  return (
    <div className="sketch-tiles">
      {['first', 'second', 'third', 'fourth'].map((tile) => (
        <span key={tile} className="sketch-tile" />
      ))}
    </div>
  );
}
