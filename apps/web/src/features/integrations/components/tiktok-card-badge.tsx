import type { TikTokConnection } from '@whathead/contracts';
import { Badge } from '../../../components/ui/badge';

/** The card's state in one badge; when some connections need attention, it names them. */
export function TikTokCardBadge({ connections }: { connections: TikTokConnection[] }) {
  if (connections.length === 0) return <Badge>Not connected</Badge>;
  const attention = connections.filter((connection) => connection.status === 'needs_attention');
  if (attention.length === 0) {
    // Connected, but TikTok shows nothing to run campaigns on: not a success.
    if (!connections.some(hasVisibleAccounts)) return <Badge tone="warning">No ad accounts visible</Badge>;
    return <Badge tone="success">Connected</Badge>;
  }
  return (
    <Badge tone="warning">
      Needs attention: {attention.map((connection) => connection.businessCenterName).join(', ')}
    </Badge>
  );
}

/** Whether TikTok lists at least one ad account of the connection that the user can still reach. */
export function hasVisibleAccounts(connection: TikTokConnection): boolean {
  return connection.accounts.some((account) => account.accessible);
}
