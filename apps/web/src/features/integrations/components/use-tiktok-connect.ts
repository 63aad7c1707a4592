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

/**
 * Connect, Add Another Account and Reconnect: opens TikTok's page in a popup, or, when the browser
 * blocks popups, in this tab. The popup is opened before the request so the click still counts
 * as the user's gesture.
 */
export function useTikTokConnect(workspaceId: string) {
  const queryClient = useQueryClient();
  const start = useStartTikTokConnect(workspaceId);
  const [result, setResult] = useState<TikTokConnectResult | undefined>();
  const awaitingPopup = useRef(false);

  useEffect(() => {
    const channel = new BroadcastChannel(tiktokConnectChannel);
    channel.onmessage = (event: MessageEvent<unknown>) => {
      if (!isTikTokConnectMessage(event.data) || event.data.type !== 'result') return;
      void queryClient.invalidateQueries({ queryKey: queryKeys.tiktokConnections(workspaceId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.tiktokAudit(workspaceId) });
      // Only the tab that opened the popup claims the result, and tells the popup to close.
      if (!awaitingPopup.current) return;
      awaitingPopup.current = false;
      channel.postMessage({ type: 'popup-acknowledged' } satisfies TikTokConnectMessage);
      setResult(event.data.result);
    };
    return () => channel.close();
  }, [queryClient, workspaceId]);

  const connect = useCallback(
    (reconnectConnectionId?: string) => {
      setResult(undefined);
      const popup = window.open('', tiktokPopupName, popupFeatures);
      awaitingPopup.current = popup !== null;
      start.mutate(reconnectConnectionId, {
        onSuccess: ({ authorizationUrl }) => {
          if (popup && !popup.closed) popup.location.href = authorizationUrl;
          else window.location.assign(authorizationUrl);
        },
        onError: () => {
          awaitingPopup.current = false;
          popup?.close();
        },
      });
    },
    [start],
  );

  return {
    connect,
    isStarting: start.isPending,
    startError: start.error,
    result,
    clearResult: () => setResult(undefined),
  };
}
