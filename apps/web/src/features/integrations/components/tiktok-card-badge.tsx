import type { TikTokConnection } from '@whathead/contracts';
import { Badge } from '../../../components/ui/badge';

/** The card's state in one badge; when some connections need attention, it names them. */
export function TikTokCardBadge({ connections }: { connections: TikTokConnection[] }) {
  if (connections.length === 0) return <Badge>Not connected</Badge>;
  const attention = connections.filter((connection) => connection.status === 'needs_attention');
  if (attention.length === 0) return <Badge tone="success">Connected</Badge>;
  return (
    <Badge tone="warning">
      Needs attention: {attention.map((connection) => connection.businessCenterName).join(', ')}
    </Badge>
  );
}
