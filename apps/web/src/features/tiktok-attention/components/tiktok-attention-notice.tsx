import { Link } from 'react-router';
import { AlertIcon } from '../../../components/ui/icons';
import {
  useTikTokConnectionsNeedingAttention,
  type TikTokConnectionNeedingAttention,
} from '../api/get-tiktok-connection-health';

/** Where the TikTok card lives, with the Reconnect button and what to ask an admin. */
const integrationsPath = '/integrations';

/**
 * Tells every member of the workspace, on every page, that a TikTok connection needs attention,
 * with the way to fix it. A broken connection (revoked, expired, a permission or the Business
 * Center lost) is fixed by reconnecting; a role that only lets the user view the ad accounts
 * (`permission_denied`) is not, so that one says what still works and points to what to ask an
 * admin. Renders nothing when every connection is healthy.
 */
export function TikTokAttentionNotice({ workspaceId }: { workspaceId: string }) {
  const connections = useTikTokConnectionsNeedingAttention(workspaceId);
  if (connections.length === 0) return null;
  const viewOnly = connections.filter((connection) => connection.cause === 'permission_denied');
  const broken = connections.filter((connection) => connection.cause !== 'permission_denied');
  return (
    <div className="notice notice--warning app-attention-notice" role="status">
      <AlertIcon />
      <div>
        {broken.length > 0 && (
          <p>
            {brokenSummary(broken)}: campaigns, media and reports that use{' '}
            {broken.length === 1 ? 'it' : 'them'} may stop working.{' '}
            <Link to={integrationsPath}>Go to Integrations to reconnect</Link>
          </p>
        )}
        {viewOnly.length > 0 && (
          <p>
            Your TikTok role in {names(viewOnly)} only lets you view {viewOnly.length === 1 ? 'its' : 'their'}{' '}
            ad accounts: campaigns can&apos;t be created or changed there, reports still work.{' '}
            <Link to={integrationsPath}>See Integrations for what to ask your admin</Link>
          </p>
        )}
      </div>
    </div>
  );
}

function brokenSummary(connections: TikTokConnectionNeedingAttention[]): string {
  return connections.length === 1
    ? `The TikTok connection to ${connections[0]!.name} needs attention`
    : `${connections.length} TikTok connections need attention (${names(connections)})`;
}

function names(connections: TikTokConnectionNeedingAttention[]): string {
  return connections.map((connection) => connection.name).join(', ');
}
