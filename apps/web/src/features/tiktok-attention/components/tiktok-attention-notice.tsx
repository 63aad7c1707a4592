import { Link } from 'react-router';
import { AlertIcon } from '../../../components/ui/icons';
import { useTikTokConnectionsNeedingAttention } from '../api/get-tiktok-connection-health';

/** Where the TikTok card lives, and with it the Reconnect button. */
const integrationsPath = '/integrations';

/**
 * Tells every member of the workspace, on every page, that a TikTok connection needs attention
 * (revoked, expired, a permission or the Business Center lost), with the way to fix it. Renders
 * nothing when every connection is healthy.
 */
export function TikTokAttentionNotice({ workspaceId }: { workspaceId: string }) {
  const connections = useTikTokConnectionsNeedingAttention(workspaceId);
  if (connections.length === 0) return null;
  const what =
    connections.length === 1
      ? `The TikTok connection to ${connections[0]!.name} needs attention`
      : `${connections.length} TikTok connections need attention (${connections.map((connection) => connection.name).join(', ')})`;
  return (
    <div className="notice notice--warning" role="status">
      <AlertIcon />
      <p>
        {what}: campaigns, media and reports that use it may stop working.{' '}
        <Link to={integrationsPath}>Go to Integrations to reconnect</Link>
      </p>
    </div>
  );
}
