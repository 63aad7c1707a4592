import type { TikTokConnection } from '@whathead/contracts';
import { Button } from '../../../components/ui/button';
import { AlertIcon } from '../../../components/ui/icons';

/**
 * Why a connection needs attention and its one fix. "Permission denied" gets the help page's own
 * title; the server's message states only the situation (where, the roles, what is needed), so
 * the fix is said here once: what to ask the Business Center admin, and where they do it.
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
  const message = connection.attention?.message ?? '';
  return (
    <div className="notice notice--warning business-center__attention">
      <AlertIcon />
      <div className="stack stack--small">
        {denied ? (
          <>
            <h4 className="business-center__attention-title">Permission denied</h4>
            <p>{withoutTitle(message)}</p>
            <ol className="business-center__steps" aria-label="How to fix it">
              <li>
                Ask your Business Center admin to give you the Admin or Operator role on these ad accounts (in
                TikTok Business Center: Users → your name → Assign assets).
              </li>
              <li>Then click Connect.</li>
            </ol>
            {!/reporting/i.test(message) && <p>Until then these accounts can be used for reporting only.</p>}
          </>
        ) : (
          <p>{message}</p>
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

/** The server's message may open with "Permission denied.", which the heading already says. */
function withoutTitle(message: string): string {
  return message.replace(/^permission denied[.:]?\s*/i, '');
}
