import {
  canManageMembers,
  tiktokCallbackErrorSchema,
  type TikTokConnection,
  type WorkspaceSummary,
} from '@whathead/contracts';
import { useCallback, useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { FormAlert } from '../../../components/ui/form-alert';
import { CheckIcon, MusicNoteIcon, PlusIcon } from '../../../components/ui/icons';
import { Spinner } from '../../../components/ui/spinner';
import { messageForError } from '../../../lib/error-messages';
import { useTikTokConnections } from '../api/get-tiktok-connections';
import { TikTokAppSetup } from './tiktok-app-setup';
import { TikTokBusinessCenter } from './tiktok-business-center';
import { tiktokCallbackMessages } from './tiktok-callback-messages';
import type { TikTokConnectResult } from './tiktok-connect-channel';
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
  const fullPage = useFullPageResult();
  const outcome = flow.result ?? fullPage.result;
  const connect = (reconnectConnectionId?: string) => {
    fullPage.clear();
    flow.connect(reconnectConnectionId);
  };
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
        <ConnectedNotice
          key={outcome.connected}
          connection={list.find((connection) => connection.id === outcome.connected)}
        />
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
      {list.length > 0 && (
        <div className="integration__connections">
          {list.map((connection) => (
            <TikTokBusinessCenter
              key={connection.id}
              workspaceId={workspace.id}
              connection={connection}
              defaultAdvertiserId={connections.data?.defaultAdvertiserId ?? null}
              canManage={canManage}
              onReconnect={connect}
            />
          ))}
        </div>
      )}
      {connections.isSuccess &&
        (canManage ? (
          <div className="integration__footer">
            <Button
              variant={list.length === 0 ? 'primary' : 'secondary'}
              icon={list.length === 0 ? undefined : <PlusIcon size={16} />}
              isLoading={flow.isStarting}
              onClick={() => connect()}
            >
              {list.length === 0 ? 'Connect' : 'Add Another Account'}
            </Button>
            <p className="integration__footnote">
              {list.length === 0
                ? 'Opens TikTok in a new window. You need Admin or Operator access to the ad accounts.'
                : 'Connect another Business Center, for another client or brand.'}
            </p>
          </div>
        ) : (
          <p className="integration__status">Only workspace owners and admins can connect TikTok.</p>
        ))}
      {connections.isSuccess && canManage && <TikTokAppSetup tiktokApp={connections.data.tiktokApp} />}
    </section>
  );
}

/**
 * After Connect or Reconnect: which Business Center, and what to do next. Whether the choices were
 * kept is decided once, from the first answer that holds the connection, so picking accounts
 * afterwards does not turn a first connect into "kept". Hidden once the connection needs attention.
 */
function ConnectedNotice({ connection }: { connection: TikTokConnection | undefined }) {
  const [kept, setKept] = useState<boolean | undefined>();
  if (connection && kept === undefined) setKept(connection.accounts.some((account) => account.selected));
  if (connection?.status === 'needs_attention') return null;
  return (
    <p className="notice notice--success" role="status">
      <CheckIcon size={16} />
      <span>
        {connection?.businessCenterName ?? 'TikTok'} is connected.{' '}
        {kept
          ? 'Your ad account choices and default are kept.'
          : 'Choose the ad accounts to use with Manage accounts.'}
      </span>
    </p>
  );
}

/**
 * The result the callback page left in the address after a full-page (no popup) connect. It is
 * read once, then the address is cleaned at once, so a reload or a shared link never repeats it.
 */
function useFullPageResult(): { result: TikTokConnectResult | undefined; clear: () => void } {
  const [searchParams, setSearchParams] = useSearchParams();
  const [result, setResult] = useState(() => readResult(searchParams));
  const hasResult = readResult(searchParams) !== undefined;
  useEffect(() => {
    if (hasResult) setSearchParams({}, { replace: true });
  }, [hasResult, setSearchParams]);
  return { result, clear: useCallback(() => setResult(undefined), []) };
}

function readResult(searchParams: URLSearchParams): TikTokConnectResult | undefined {
  const connected = searchParams.get('connected');
  if (connected) return { connected };
  const error = tiktokCallbackErrorSchema.safeParse(searchParams.get('tiktok_error'));
  return error.success ? { error: error.data } : undefined;
}
