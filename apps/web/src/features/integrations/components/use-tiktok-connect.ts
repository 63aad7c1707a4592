import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { queryKeys } from '../../../lib/query-keys';
import { useStartTikTokConnect } from '../api/start-tiktok-connect';
import {
  isTikTokConnectMessage,
  tiktokConnectChannel,
  tiktokPopupName,
  type TikTokConnectMessage,
  type TikTokConnectResult,
} from './tiktok-connect-channel';

const popupFeatures = 'popup,width=560,height=760';
const popupClosedPollMilliseconds = 500;

/**
 * How long a closed popup may still deliver its answer. A Cross-Origin-Opener-Policy on the way
 * back from TikTok makes the window read as closed to us just before the callback page speaks.
 */
export const popupClosedGraceMilliseconds = 2000;

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
  const awaitingPopup = useRef(false);
  const outcomeRef = useRef(onOutcome);
  useEffect(() => {
    outcomeRef.current = onOutcome;
  }, [onOutcome]);

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
      void queryClient.invalidateQueries({ queryKey: queryKeys.tiktokConnections(workspaceId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.tiktokAudit(workspaceId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.tiktokGrants(workspaceId), exact: true });
      // Only the tab that opened the popup claims the result, and tells the popup to close.
      if (!awaitingPopup.current) return;
      channel.postMessage({ type: 'popup-acknowledged' } satisfies TikTokConnectMessage);
      finish(event.data.result);
    };
    return () => channel.close();
  }, [queryClient, workspaceId, finish]);

  useEffect(() => {
    if (!waiting) return;
    let grace: number | undefined;
    const poll = window.setInterval(() => {
      if (grace !== undefined || !popupRef.current?.closed) return;
      grace = window.setTimeout(() => {
        if (awaitingPopup.current) finish({ windowClosed: true });
      }, popupClosedGraceMilliseconds);
    }, popupClosedPollMilliseconds);
    return () => {
      window.clearInterval(poll);
      window.clearTimeout(grace);
    };
  }, [waiting, finish]);

  const connect = useCallback(
    (reconnectConnectionId?: string) => {
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
    [start],
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
