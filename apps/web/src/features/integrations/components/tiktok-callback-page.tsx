import { useEffect } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { FullPageLoading } from '../../../components/layout/full-page-status';
import {
  isTikTokConnectMessage,
  popupAcknowledgementMilliseconds,
  readTikTokConnectResult,
  tiktokConnectChannel,
  tiktokConnectResultParams,
  tiktokPopupName,
  type TikTokConnectMessage,
} from './tiktok-connect-channel';

/**
 * Where the server's TikTok callback lands (its URL carries no code or state). It announces the
 * result to the Integrations tab; in the popup it then closes, and opened as a full page (the
 * browser blocked the popup) it continues to Integrations with the result.
 */
export function TikTokCallbackPage() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  useEffect(() => {
    const result = readTikTokConnectResult(searchParams) ?? { error: 'failed' };
    const channel = new BroadcastChannel(tiktokConnectChannel);
    const showHere = () =>
      void navigate(`/integrations?${tiktokConnectResultParams(result).toString()}`, { replace: true });
    channel.onmessage = (event: MessageEvent<unknown>) => {
      if (isTikTokConnectMessage(event.data) && event.data.type === 'popup-acknowledged') window.close();
    };
    channel.postMessage({ type: 'result', result } satisfies TikTokConnectMessage);
    if (window.name === tiktokPopupName) window.close();
    // Still here: no tab opened a popup (a full-page connect), or the browser kept the window open.
    const fallback = window.setTimeout(showHere, popupAcknowledgementMilliseconds);
    return () => {
      window.clearTimeout(fallback);
      channel.close();
    };
  }, [searchParams, navigate]);
  return <FullPageLoading />;
}
