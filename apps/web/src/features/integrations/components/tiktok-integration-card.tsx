import { useId } from 'react';
import { Badge } from '../../../components/ui/badge';
import { CheckIcon, ClockIcon, MusicNoteIcon } from '../../../components/ui/icons';

const capabilities = [
  'Bring in the advertiser accounts of your Business Centers',
  'Create and manage campaigns, ad groups and ads',
  'Upload creatives to TikTok’s media library',
  'Daily reports on spend, impressions, clicks and conversions',
];

/** TikTok's card. Connecting is not built yet, so the card says so rather than offering a button. */
export function TikTokIntegrationCard() {
  const headingId = useId();
  const statusId = useId();
  return (
    <section className="integration card" aria-labelledby={headingId} aria-describedby={statusId}>
      <div className="integration__header">
        <span className="integration__logo" aria-hidden="true">
          <MusicNoteIcon size={26} />
        </span>
        <div className="integration__title-group">
          <h2 id={headingId} className="integration__title">
            TikTok
          </h2>
          <p className="integration__subtitle">TikTok Ads Manager</p>
        </div>
        <Badge tone="warning">
          <ClockIcon size={14} />
          Coming soon
        </Badge>
      </div>
      <p className="integration__description">
        Connect TikTok Ads Manager Business Centers so your team can run their ad accounts from Whathead.
      </p>
      <ul className="check-list">
        {capabilities.map((capability) => (
          <li key={capability}>
            <CheckIcon size={16} />
            {capability}
          </li>
        ))}
      </ul>
      <p id={statusId} className="integration__status">
        Connecting TikTok is coming soon. Once it’s available, owners and admins will connect Business Centers
        here.
      </p>
    </section>
  );
}
