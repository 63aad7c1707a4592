import { tiktokCallbackErrorSchema } from '@whathead/contracts';
import { useEffect } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { FullPageLoading } from '../../../components/layout/full-page-status';
import { tiktokPopupName, tiktokResultChannel, type TikTokConnectResult } from './tiktok-callback-messages';

/**
 * Where the server's TikTok callback lands (its URL carries no code or state). In the popup it
 * tells the Integrations page and closes; opened as a full page, it continues to Integrations.
 */
export function TikTokCallbackPage() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  useEffect(() => {
    const connected = searchParams.get('connected');
    const error = tiktokCallbackErrorSchema.safeParse(searchParams.get('tiktok_error'));
    const result: TikTokConnectResult = connected
      ? { connected }
      : { error: error.success ? error.data : 'failed' };
    const channel = new BroadcastChannel(tiktokResultChannel);
    channel.postMessage(result);
    channel.close();
    const opener = window.opener as Window | null;
    opener?.postMessage({ type: tiktokResultChannel, result }, window.location.origin);
    if (opener || window.name === tiktokPopupName) {
      window.close();
      return;
    }
    const next = new URLSearchParams(
      'connected' in result ? { connected: result.connected } : { tiktok_error: result.error },
    );
    void navigate(`/integrations?${next.toString()}`, { replace: true });
  }, [searchParams, navigate]);
  return <FullPageLoading />;
}
