import type { TikTokConnection } from '@whathead/contracts';
import { useId, useState } from 'react';
import { Badge } from '../../../components/ui/badge';
import { hasVisibleAccounts } from './tiktok-card-badge';
import { TikTokBusinessCenterDetails, type BusinessCenterHandlers } from './tiktok-business-center-details';

/**
 * One connection. With several on the card, each is one summary line (name, accounts in use,
 * default) beside its state badge, expanding to its details; those needing attention, and those
 * where TikTok shows no ad accounts, start expanded, with the reason and the way out.
 */
export function TikTokBusinessCenter({
  connection,
  defaultAdvertiserId,
  collapsible,
  ...handlers
}: {
  connection: TikTokConnection;
  defaultAdvertiserId: string | null;
  collapsible: boolean;
} & BusinessCenterHandlers) {
  const headingId = useId();
  const detailsId = useId();
  const needsAttention = connection.status === 'needs_attention';
  const [expanded, setExpanded] = useState(needsAttention || connection.accounts.length === 0);
  const open = !collapsible || expanded;
  return (
    <section
      className={needsAttention ? 'business-center business-center--attention' : 'business-center'}
      aria-labelledby={headingId}
    >
      <header className="business-center__header">
        <h3 id={headingId} className="business-center__title">
          {collapsible ? (
            <button
              type="button"
              className="business-center__toggle"
              aria-expanded={expanded}
              aria-controls={detailsId}
              data-connection-heading={connection.id}
              onClick={() => setExpanded(!expanded)}
            >
              {connection.businessCenterName}
            </button>
          ) : (
            <span tabIndex={-1} data-connection-heading={connection.id}>
              {connection.businessCenterName}
            </span>
          )}
        </h3>
        <ConnectionState connection={connection} />
      </header>
      {collapsible && (
        <p className="business-center__summary">{summaryLine(connection, defaultAdvertiserId)}</p>
      )}
      {open && (
        <div id={detailsId} className="business-center__details">
          <TikTokBusinessCenterDetails
            connection={connection}
            defaultAdvertiserId={defaultAdvertiserId}
            {...handlers}
          />
        </div>
      )}
    </section>
  );
}

function ConnectionState({ connection }: { connection: TikTokConnection }) {
  if (connection.checking) return <Badge>Checking…</Badge>;
  if (connection.status === 'needs_attention') return <Badge tone="warning">Needs attention</Badge>;
  // Connected, but nothing to run campaigns on: not a success (help page, "Can't see my ad accounts").
  if (!hasVisibleAccounts(connection)) return <Badge tone="warning">No ad accounts visible</Badge>;
  return <Badge tone="success">Connected</Badge>;
}

/** What the row holds; its state is the badge beside it, so it is not repeated here. */
function summaryLine(connection: TikTokConnection, defaultAdvertiserId: string | null): string {
  if (connection.accounts.length === 0) return 'No ad accounts in use';
  const inUse = connection.accounts.filter((account) => account.selected).length;
  const defaultAccount = connection.accounts.find((account) => account.advertiserId === defaultAdvertiserId);
  return [
    inUse === 1 ? '1 ad account in use' : `${inUse} ad accounts in use`,
    defaultAccount ? `Default: ${defaultAccount.name}` : 'No default here',
  ].join(' · ');
}
