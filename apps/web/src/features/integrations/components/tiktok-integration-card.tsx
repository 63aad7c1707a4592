import { useQueryClient } from '@tanstack/react-query';
import { canManageMembers, type TikTokConnection, type WorkspaceSummary } from '@whathead/contracts';
import { useCallback, useId, useRef, useState } from 'react';
import { FormAlert } from '../../../components/ui/form-alert';
import { MusicNoteIcon } from '../../../components/ui/icons';
import { messageForError } from '../../../lib/error-messages';
import { queryKeys } from '../../../lib/query-keys';
import { useTikTokConnections } from '../api/get-tiktok-connections';
import { TikTokAppSetup } from './tiktok-app-setup';
import { TikTokCardBadge } from './tiktok-card-badge';
import { TikTokCardDialogs } from './tiktok-card-dialogs';
import { savedText, TikTokCardNotices } from './tiktok-card-notices';
import { TikTokConnectFooter } from './tiktok-connect-footer';
import { TikTokConnectionList } from './tiktok-connection-list';
import { TikTokGrantOffer } from './tiktok-grant-offer';
import { TikTokPopupWaiting } from './tiktok-popup-waiting';
import type { TikTokConnectLabel } from './tiktok-callback-messages';
import { useDefaultAccountWatch } from './use-default-account-watch';
import { useFocusRescue } from './use-focus-rescue';
import { useTikTokCardState, type ReconnectContext } from './use-tiktok-card-state';
import { useTikTokConnect, type TikTokConnectOutcome } from './use-tiktok-connect';
import { canBeDefault } from './use-account-selection';

/**
 * TikTok's card, always in one of three states: Not connected (Connect), Connected (its Business
 * Centers), or Needs attention (the cause and the fix, per Business Center). Render it keyed by
 * the workspace id, so no message or dialog of one workspace shows in another.
 */
export function TikTokIntegrationCard({ workspace }: { workspace: WorkspaceSummary }) {
  const headingId = useId();
  const cardRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const connectButtonRef = useRef<HTMLButtonElement>(null);
  const queryClient = useQueryClient();
  const connections = useTikTokConnections(workspace.id);
  const canManage = canManageMembers(workspace.role);
  const card = useTikTokCardState(connections.data, connections.dataUpdatedAt);
  const defaults = useDefaultAccountWatch(connections.data);
  const reconnecting = useRef<TikTokConnection | undefined>(undefined);
  const rescueFocus = useFocusRescue();
  // The sign-in whose "Select your Business Center" was cancelled: its offer takes the focus.
  const [offerToFocus, setOfferToFocus] = useState<string | null>(null);
  const clearOfferToFocus = useCallback(() => setOfferToFocus(null), []);
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
      const connection = reconnecting.current;
      // The list as it was before this answer: the chooser waits for the one after it.
      const answeredAt =
        queryClient.getQueryState(queryKeys.tiktokConnections(workspace.id))?.dataUpdatedAt ?? 0;
      const reconnect: ReconnectContext | undefined = connection ? { connection, answeredAt } : undefined;
      handleOutcome(outcome, reconnect);
    },
    [fallbackFocus, handleOutcome, queryClient, workspace.id],
  );
  const flow = useTikTokConnect(workspace.id, onOutcome);
  const list = needingAttentionFirst(connections.data?.connections ?? []);
  const connect = (reconnectConnectionId?: string) => {
    // While TikTok's window is open, every Connect brings that window back instead of a second one.
    if (flow.waiting) {
      flow.showWindow();
      return;
    }
    card.setNotice(null);
    setOfferToFocus(null);
    reconnecting.current = list.find((connection) => connection.id === reconnectConnectionId);
    flow.connect(reconnectConnectionId);
  };
  // Opening a chooser is the next action: the last outcome's message goes.
  const openChooser = (connectionId: string) => {
    card.setNotice(null);
    card.openDialog({ kind: 'accounts', connectionId });
  };
  const defaultAdvertiserId = connections.data?.defaultAdvertiserId ?? null;
  const chooserForDefault = defaultChooser(list);
  const needsDefault =
    defaultAdvertiserId === null &&
    list.some((connection) =>
      connection.accounts.some((account) => account.selected && canBeDefault(account)),
    );

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
        focusNotice={card.dialog === null}
        connections={list}
        label={connectLabel(list, flow.reconnectingId)}
        lostDefault={defaults.lost}
        needsDefault={canManage && needsDefault}
        onChooseDefault={canManage && chooserForDefault ? () => openChooser(chooserForDefault.id) : undefined}
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
        onManage={openChooser}
        onActivity={() => card.setNotice(null)}
        onDisconnected={(connection) => {
          fallbackFocus();
          card.setNotice({ kind: 'disconnected', name: connection.businessCenterName });
        }}
      />
      {connections.isSuccess && canManage && (
        <TikTokGrantOffer
          workspaceId={workspace.id}
          hasConnections={list.length > 0}
          onChoose={(grantId) => card.openDialog({ kind: 'grant', grantId })}
          focusGrantId={offerToFocus}
          onFocused={clearOfferToFocus}
        />
      )}
      {connections.isSuccess &&
        (canManage ? (
          <TikTokConnectFooter
            hasConnections={list.length > 0}
            isStarting={flow.isStarting}
            waiting={flow.waiting}
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
          defaultAdvertiserId={defaultAdvertiserId}
          justConnected={card.notice?.kind === 'connected' ? card.notice : undefined}
          onGrantConnected={(connectionId) => handleOutcome({ connected: connectionId })}
          onSaving={defaults.expectDefault}
          onSaved={(response, connectionId) =>
            card.setNotice({ kind: 'saved', text: savedText(response, connectionId) })
          }
          onClose={(connectionId) => {
            fallbackFocus(connectionId);
            if (card.dialog?.kind === 'grant') setOfferToFocus(card.dialog.grantId);
            card.openDialog(null);
          }}
        />
      )}
    </section>
  );
}

/** The chooser where a default can be picked: one with a usable account in use, else any usable one. */
function defaultChooser(connections: TikTokConnection[]): TikTokConnection | undefined {
  return (
    connections.find((connection) =>
      connection.accounts.some((account) => account.selected && canBeDefault(account)),
    ) ?? connections.find((connection) => connection.accounts.some(canBeDefault))
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
