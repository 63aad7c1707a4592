import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { queryKeys } from '../../../lib/query-keys';
import { tiktokConnectionsQueryOptions } from '../api/get-tiktok-connections';
import { tiktokGrantsQueryOptions } from '../api/get-tiktok-grants';
import { useStartTikTokConnect } from '../api/start-tiktok-connect';
import { resultSince, snapshotOf, type TikTokAttemptSnapshot } from './tiktok-attempt-snapshot';
import {
  isTikTokConnectMessage,
  tiktokConnectChannel,
  tiktokPopupName,
  type TikTokConnectMessage,
  type TikTokConnectResult,
} from './tiktok-connect-channel';

const popupFeatures = 'popup,width=560,height=760';
const popupClosedPollMilliseconds = 500;
/** How long after the server showed an attempt's result its window's own message is still answered. */
const lateMessageMilliseconds = 30_000;

/** How long after its window closes an attempt may still show a result on the server or the channel. */
export const popupClosedGraceMilliseconds = 6000;

/** What one Connect attempt ended with: TikTok's answer, or its window closed without one. */
export type TikTokConnectOutcome = TikTokConnectResult | { windowClosed: true };

/**
 * Connect, Add Another Account and Reconnect: opens TikTok's page in a popup, or, when the browser
 * blocks popups, in this tab. The popup is opened before the request so the click still counts
 * as the user's gesture. While the popup is open the hook says so (`waiting`), can bring it to
 * the front, stop waiting, and notices when it closes without an answer.
 */
export function useTikTokConnect(workspaceId: string, onOutcome: (outcome: TikTokConnectOutcome) => void) {
  const queryClient = useQueryClient();
  const start = useStartTikTokConnect(workspaceId);
  const [waiting, setWaiting] = useState(false);
  const [reconnectingId, setReconnectingId] = useState<string | undefined>();
  const popupRef = useRef<Window | null>(null);
  const snapshotRef = useRef<TikTokAttemptSnapshot>(snapshotOf(undefined, undefined));
  const awaitingPopup = useRef(false);
  const settledByServerAt = useRef(0);
  const outcomeRef = useRef(onOutcome);
  useEffect(() => {
    outcomeRef.current = onOutcome;
  }, [onOutcome]);

  /** What an attempt's end may have changed: connections, the activity log, held sign-ins. */
  const refreshAfterAttempt = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.tiktokConnections(workspaceId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.tiktokAudit(workspaceId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.tiktokGrants(workspaceId), exact: true });
  }, [queryClient, workspaceId]);

  const finish = useCallback((outcome: TikTokConnectOutcome) => {
    awaitingPopup.current = false;
    popupRef.current = null;
    setWaiting(false);
    outcomeRef.current(outcome);
  }, []);

  useEffect(() => {
    const channel = new BroadcastChannel(tiktokConnectChannel);
    channel.onmessage = (event: MessageEvent<unknown>) => {
      if (!isTikTokConnectMessage(event.data) || event.data.type !== 'result') return;
      refreshAfterAttempt();
      // Only the tab that opened the popup claims the result, and tells the popup to close; also
      // when the server told it first (the window's message came late), so the window still closes.
      const settledLately = Date.now() - settledByServerAt.current < lateMessageMilliseconds;
      if (!awaitingPopup.current && !settledLately) return;
      channel.postMessage({ type: 'popup-acknowledged' } satisfies TikTokConnectMessage);
      settledByServerAt.current = 0;
      if (awaitingPopup.current) finish(event.data.result);
    };
    return () => channel.close();
  }, [refreshAfterAttempt, finish]);

  // The window reads as closed both when the user closes it and when TikTok sends it back to us
  // (the callback page's Cross-Origin-Opener-Policy severs our handle) before its answer arrives,
  // which on a busy machine takes seconds. So a closed window is first asked of the server: what
  // this attempt made shows there, whatever became of the window's message.
  useEffect(() => {
    if (!waiting) return;
    let settling = false;
    let cancelled = false;
    const settle = async () => {
      settling = true;
      const deadline = Date.now() + popupClosedGraceMilliseconds;
      while (!cancelled && awaitingPopup.current) {
        const [connections, grants] = await Promise.all([
          queryClient.fetchQuery({ ...tiktokConnectionsQueryOptions(workspaceId), staleTime: 0 }),
          queryClient.fetchQuery({ ...tiktokGrantsQueryOptions(workspaceId), staleTime: 0 }),
        ]).catch(() => [undefined, undefined] as const);
        if (cancelled || !awaitingPopup.current) return;
        const made =
          connections && grants ? resultSince(snapshotRef.current, connections, grants) : undefined;
        // The same refresh as a message from the window: the card waits for an answer read after it.
        if (made) {
          refreshAfterAttempt();
          settledByServerAt.current = Date.now();
          return finish(made);
        }
        if (Date.now() >= deadline) return finish({ windowClosed: true });
        await new Promise((resolve) => window.setTimeout(resolve, popupClosedPollMilliseconds * 2));
      }
    };
    const poll = window.setInterval(() => {
      if (!settling && popupRef.current?.closed) void settle();
    }, popupClosedPollMilliseconds);
    return () => {
      cancelled = true;
      window.clearInterval(poll);
    };
  }, [waiting, finish, refreshAfterAttempt, queryClient, workspaceId]);

  const connect = useCallback(
    (reconnectConnectionId?: string) => {
      snapshotRef.current = snapshotOf(
        queryClient.getQueryData(tiktokConnectionsQueryOptions(workspaceId).queryKey),
        queryClient.getQueryData(tiktokGrantsQueryOptions(workspaceId).queryKey),
      );
      const popup = window.open('', tiktokPopupName, popupFeatures);
      popupRef.current = popup;
      awaitingPopup.current = popup !== null;
      setWaiting(popup !== null);
      setReconnectingId(reconnectConnectionId);
      start.mutate(reconnectConnectionId, {
        onSuccess: ({ authorizationUrl }) => {
          if (popup && !popup.closed) popup.location.href = authorizationUrl;
          else window.location.assign(authorizationUrl);
        },
        onError: () => {
          awaitingPopup.current = false;
          setWaiting(false);
          popup?.close();
        },
      });
    },
    [start, queryClient, workspaceId],
  );

  const showWindow = useCallback(() => popupRef.current?.focus(), []);
  const stopWaiting = useCallback(() => {
    awaitingPopup.current = false;
    popupRef.current?.close();
    popupRef.current = null;
    setWaiting(false);
  }, []);

  return {
    connect,
    isStarting: start.isPending,
    startError: start.error,
    waiting,
    /** The connection the current or last attempt reconnects; undefined for Connect / Add Another Account. */
    reconnectingId,
    showWindow,
    stopWaiting,
  };
}
