import { ButtonLink } from '../../../components/ui/button-link';
import { EmptyState } from '../../../components/ui/empty-state';
import { IntegrationsIcon, MediaIcon } from '../../../components/ui/icons';

export function NotConnected() {
  return (
    <EmptyState
      icon={<MediaIcon size={28} />}
      title="TikTok isn’t connected"
      action={
        <ButtonLink to="/integrations" icon={<IntegrationsIcon size={18} />}>
          Go to Integrations
        </ButtonLink>
      }
      preview={<MediaSketch />}
    >
      <p>
        The images and videos of your TikTok ad accounts appear here, ready to reuse in new ads. Connect a
        TikTok Business Center in Integrations and choose its ad accounts.
      </p>
    </EmptyState>
  );
}

export function NoAccountsChosen() {
  return (
    <EmptyState
      icon={<IntegrationsIcon size={28} />}
      title="No ad accounts chosen"
      action={
        <ButtonLink to="/integrations" icon={<IntegrationsIcon size={18} />}>
          Choose ad accounts
        </ButtonLink>
      }
      preview={<MediaSketch />}
    >
      <p>
        TikTok is connected, but this workspace doesn’t use any of its ad accounts yet. Choose them in
        Integrations: their images and videos appear here.
      </p>
    </EmptyState>
  );
}

/** Faded portrait tiles, the 9:16 shape of TikTok video creatives. */
function MediaSketch() {
  return (
    <div className="sketch-tiles">
      {['first', 'second', 'third', 'fourth'].map((tile) => (
        <span key={tile} className="sketch-tile" />
      ))}
    </div>
  );
}
