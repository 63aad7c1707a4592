import { canManageMembers, tiktokCallbackErrorSchema, type WorkspaceSummary } from '@whathead/contracts';
import { useEffect, useId } from 'react';
import { useSearchParams } from 'react-router';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { FormAlert } from '../../../components/ui/form-alert';
import { MusicNoteIcon } from '../../../components/ui/icons';
import { Spinner } from '../../../components/ui/spinner';
import { messageForError } from '../../../lib/error-messages';
import { useTikTokConnections } from '../api/get-tiktok-connections';
import { TikTokBusinessCenter } from './tiktok-business-center';
import { tiktokCallbackMessages, type TikTokConnectResult } from './tiktok-callback-messages';
import { useTikTokConnect } from './use-tiktok-connect';

/**
 * TikTok's card, always in one of three states: Not connected (Connect), Connected (its Business
 * Centers), or Needs attention (the cause and Reconnect, per Business Center).
 */
export function TikTokIntegrationCard({ workspace }: { workspace: WorkspaceSummary }) {
  const headingId = useId();
  const connections = useTikTokConnections(workspace.id);
  const flow = useTikTokConnect(workspace.id);
  const canManage = canManageMembers(workspace.role);
  const outcome = useFullPageResult() ?? flow.result;
  const list = connections.data?.connections ?? [];
  const needsAttention = list.some((connection) => connection.status === 'needs_attention');

  return (
    <section className="integration card" aria-labelledby={headingId}>
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
        {connections.isSuccess &&
          (list.length === 0 ? (
            <Badge>Not connected</Badge>
          ) : needsAttention ? (
            <Badge tone="warning">Needs attention</Badge>
          ) : (
            <Badge tone="success">Connected</Badge>
          ))}
      </div>
      {outcome && 'error' in outcome && <FormAlert>{tiktokCallbackMessages[outcome.error]}</FormAlert>}
      {outcome && 'connected' in outcome && (
        <p className="notice" role="status">
          TikTok is connected. Choose the ad accounts to use with Manage accounts.
        </p>
      )}
      <FormAlert>{flow.startError ? messageForError(flow.startError) : undefined}</FormAlert>
      {connections.isPending && (
        <p className="loading-line" role="status">
          <Spinner /> Loading TikTok connections…
        </p>
      )}
      {connections.isError && (
        <div className="stack">
          <FormAlert>{messageForError(connections.error)}</FormAlert>
          <div>
            <Button variant="secondary" onClick={() => void connections.refetch()}>
              Try again
            </Button>
          </div>
        </div>
      )}
      {connections.isSuccess && list.length === 0 && (
        <p className="integration__description">
          Connect a TikTok Ads Manager Business Center so your team can run its ad accounts from Whathead.
        </p>
      )}
      {list.map((connection) => (
        <TikTokBusinessCenter
          key={connection.id}
          workspaceId={workspace.id}
          connection={connection}
          defaultAdvertiserId={connections.data?.defaultAdvertiserId ?? null}
          canManage={canManage}
          onReconnect={flow.connect}
        />
      ))}
      {connections.isSuccess &&
        (canManage ? (
          <div>
            <Button isLoading={flow.isStarting} onClick={() => flow.connect()}>
              {list.length === 0 ? 'Connect' : 'Add Another Account'}
            </Button>
          </div>
        ) : (
          <p className="integration__status">Only workspace owners and admins can connect TikTok.</p>
        ))}
    </section>
  );
}

/** The result the callback page left in the address after a full-page (no popup) connect; then a clean URL. */
function useFullPageResult(): TikTokConnectResult | undefined {
  const [searchParams, setSearchParams] = useSearchParams();
  const connected = searchParams.get('connected');
  const error = tiktokCallbackErrorSchema.safeParse(searchParams.get('tiktok_error'));
  const hasResult = connected !== null || error.success;
  useEffect(() => {
    if (hasResult) setSearchParams({}, { replace: true });
  }, [hasResult, setSearchParams]);
  if (connected) return { connected };
  return error.success ? { error: error.data } : undefined;
}
