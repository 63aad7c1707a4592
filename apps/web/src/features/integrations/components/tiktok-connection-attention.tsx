import type { TikTokConnection } from '@whathead/contracts';
import { Button } from '../../../components/ui/button';
import { AlertIcon } from '../../../components/ui/icons';

/**
 * Why a connection needs attention and its one fix. "Permission denied" gets the help page's own
 * title and resolution steps; the server's message names the Business Center and the roles.
 */
export function TikTokConnectionAttention({
  connection,
  canManage,
  onReconnect,
}: {
  connection: TikTokConnection;
  canManage: boolean;
  onReconnect: (connectionId: string) => void;
}) {
  if (connection.status !== 'needs_attention') return null;
  const denied = connection.attention?.cause === 'permission_denied';
  return (
    <div className="notice notice--warning business-center__attention">
      <AlertIcon />
      <div className="stack stack--small">
        {denied && <h4 className="business-center__attention-title">Permission denied</h4>}
        <p>{connection.attention?.message}</p>
        {denied && (
          <ol className="business-center__steps" aria-label="How to fix it">
            <li>Verify you have admin or advertiser access in TikTok Ads Manager.</li>
            <li>Ask your Business Center admin to grant you the necessary permissions.</li>
            <li>Try connecting again after permissions are updated.</li>
          </ol>
        )}
        {denied && (
          <p>Until then, the accounts you can view stay listed here and can still be used for reporting.</p>
        )}
        {canManage && (
          <div>
            <Button size="small" onClick={() => onReconnect(connection.id)}>
              {denied ? 'Connect' : 'Reconnect'}
            </Button>
          </div>
        )}
      </div>
    </div>
  );
}
