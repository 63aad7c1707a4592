import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { queryKeys } from '../../../lib/query-keys';
import { useStartTikTokConnect } from '../api/start-tiktok-connect';
import { tiktokPopupName, tiktokResultChannel, type TikTokConnectResult } from './tiktok-callback-messages';

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

  useEffect(() => {
    const settle = (outcome: TikTokConnectResult) => {
      setResult(outcome);
      void queryClient.invalidateQueries({ queryKey: queryKeys.tiktokConnections(workspaceId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.tiktokAudit(workspaceId) });
    };
    const channel = new BroadcastChannel(tiktokResultChannel);
    channel.onmessage = (event: MessageEvent<TikTokConnectResult>) => settle(event.data);
    return () => channel.close();
  }, [queryClient, workspaceId]);

  const connect = useCallback(
    (reconnectConnectionId?: string) => {
      setResult(undefined);
      const popup = window.open('', tiktokPopupName, popupFeatures);
      start.mutate(reconnectConnectionId, {
        onSuccess: ({ authorizationUrl }) => {
          if (popup && !popup.closed) popup.location.href = authorizationUrl;
          else window.location.assign(authorizationUrl);
        },
        onError: () => popup?.close(),
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
