import { canManageMembers, type TikTokConnection, type WorkspaceSummary } from '@whathead/contracts';
import { useCallback, useId, useRef } from 'react';
import { FormAlert } from '../../../components/ui/form-alert';
import { MusicNoteIcon } from '../../../components/ui/icons';
import { messageForError } from '../../../lib/error-messages';
import { useTikTokConnections } from '../api/get-tiktok-connections';
import { TikTokAppSetup } from './tiktok-app-setup';
import { TikTokCardBadge } from './tiktok-card-badge';
import { TikTokCardDialogs } from './tiktok-card-dialogs';
import { TikTokCardNotices } from './tiktok-card-notices';
import { TikTokConnectFooter } from './tiktok-connect-footer';
import { TikTokConnectionList } from './tiktok-connection-list';
import { TikTokGrantOffer } from './tiktok-grant-offer';
import { TikTokPopupWaiting } from './tiktok-popup-waiting';
import type { TikTokConnectLabel } from './tiktok-callback-messages';
import { useDefaultAccountWatch } from './use-default-account-watch';
import { useFocusRescue } from './use-focus-rescue';
import { useTikTokCardState } from './use-tiktok-card-state';
import { useTikTokConnect, type TikTokConnectOutcome } from './use-tiktok-connect';
import { canBeDefault } from './use-account-selection';

/**
 * TikTok's card, always in one of three states: Not connected (Connect), Connected (its Business
 * Centers), or Needs attention (the cause and the fix, per Business Center).
 */
export function TikTokIntegrationCard({ workspace }: { workspace: WorkspaceSummary }) {
  const headingId = useId();
  const cardRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const connectButtonRef = useRef<HTMLButtonElement>(null);
  const connections = useTikTokConnections(workspace.id);
  const canManage = canManageMembers(workspace.role);
  const card = useTikTokCardState();
  const defaults = useDefaultAccountWatch(connections.data);
  const rescueFocus = useFocusRescue();
  const fallbackFocus = useCallback(
    (connectionId?: string) =>
      rescueFocus(() => [
        connectionId
          ? cardRef.current?.querySelector<HTMLElement>(`[data-manage-accounts="${connectionId}"]`)
          : null,
        connectionId
          ? cardRef.current?.querySelector<HTMLElement>(`[data-connection-heading="${connectionId}"]`)
          : null,
        connectButtonRef.current,
        headingRef.current,
      ]),
    [rescueFocus],
  );
  const { handleOutcome } = card;
  const onOutcome = useCallback(
    (outcome: TikTokConnectOutcome) => {
      // The "window is open" panel, which may hold the focus, goes away with the answer.
      fallbackFocus();
      handleOutcome(outcome);
    },
    [fallbackFocus, handleOutcome],
  );
  const flow = useTikTokConnect(workspace.id, onOutcome);
  const list = needingAttentionFirst(connections.data?.connections ?? []);
  const connect = (reconnectConnectionId?: string) => {
    card.setNotice(null);
    flow.connect(reconnectConnectionId);
  };
  const defaultCandidate = list.find((connection) => connection.accounts.some(canBeDefault));

  return (
    <section ref={cardRef} className="integration card" aria-labelledby={headingId}>
      <div className="integration__header">
        <span className="integration__logo" aria-hidden="true">
          <MusicNoteIcon size={26} />
        </span>
        <div className="integration__title-group">
          <h2 ref={headingRef} id={headingId} className="integration__title" tabIndex={-1}>
            TikTok
          </h2>
          <p className="integration__subtitle">TikTok Ads Manager</p>
        </div>
        {connections.isSuccess && <TikTokCardBadge connections={list} />}
      </div>
      <TikTokCardNotices
        notice={card.notice}
        connections={list}
        label={connectLabel(list, flow.reconnectingId)}
        lostDefault={defaults.lost}
        onChooseDefault={
          canManage && defaultCandidate
            ? () => card.openDialog({ kind: 'accounts', connectionId: defaultCandidate.id })
            : undefined
        }
      />
      <FormAlert>{flow.startError ? messageForError(flow.startError) : undefined}</FormAlert>
      {flow.waiting && (
        <TikTokPopupWaiting
          onShow={flow.showWindow}
          onStop={() => {
            fallbackFocus();
            flow.stopWaiting();
          }}
        />
      )}
      <TikTokConnectionList
        query={connections}
        connections={list}
        workspaceId={workspace.id}
        canManage={canManage}
        onReconnect={connect}
        onManage={(connectionId) => card.openDialog({ kind: 'accounts', connectionId })}
        onActivity={() => card.setNotice(null)}
        onDisconnected={(connection) => {
          fallbackFocus();
          card.setNotice({ kind: 'disconnected', name: connection.businessCenterName });
        }}
      />
      {connections.isSuccess && canManage && (
        <TikTokGrantOffer
          workspaceId={workspace.id}
          onChoose={(grantId) => card.openDialog({ kind: 'grant', grantId })}
        />
      )}
      {connections.isSuccess &&
        (canManage ? (
          <TikTokConnectFooter
            hasConnections={list.length > 0}
            isStarting={flow.isStarting}
            onConnect={() => connect()}
            buttonRef={connectButtonRef}
          />
        ) : (
          <p className="integration__status">Only workspace owners and admins can connect TikTok.</p>
        ))}
      {connections.isSuccess && canManage && <TikTokAppSetup tiktokApp={connections.data.tiktokApp} />}
      {canManage && (
        <TikTokCardDialogs
          workspaceId={workspace.id}
          dialog={card.dialog}
          connections={list}
          defaultAdvertiserId={connections.data?.defaultAdvertiserId ?? null}
          onGrantConnected={(connectionId) => handleOutcome({ connected: connectionId })}
          onSaving={defaults.expectDefault}
          onSaved={() => card.setNotice(null)}
          onClose={(connectionId) => {
            fallbackFocus(connectionId);
            card.openDialog(null);
          }}
        />
      )}
    </section>
  );
}

function needingAttentionFirst(connections: TikTokConnection[]): TikTokConnection[] {
  const rank = (connection: TikTokConnection) => (connection.status === 'needs_attention' ? 0 : 1);
  return [...connections].sort((first, second) => rank(first) - rank(second));
}

/** The button that starts over, as it reads on screen now. */
function connectLabel(
  connections: TikTokConnection[],
  reconnectingId: string | undefined,
): TikTokConnectLabel {
  const reconnecting = connections.find((connection) => connection.id === reconnectingId);
  if (reconnecting) return reconnecting.attention?.cause === 'permission_denied' ? 'Connect' : 'Reconnect';
  return connections.length === 0 ? 'Connect' : 'Add Another Account';
}
