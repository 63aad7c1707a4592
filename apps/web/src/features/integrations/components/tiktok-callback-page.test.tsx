import { screen, waitFor } from '@testing-library/react';
import type { TikTokConnectionsResponse } from '@whathead/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signedInSession, workspaceIds } from '../../../testing/fixtures';
import { jsonResponse, mockApi } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';
import {
  isTikTokConnectMessage,
  tiktokConnectChannel,
  type TikTokConnectMessage,
} from './tiktok-connect-channel';

const connectionId = '6f1d2c3b-4a59-4e68-8d7c-9b0a1f2e3d4c';
const noConnections: TikTokConnectionsResponse = {
  connections: [],
  defaultAdvertiserId: null,
  tiktokApp: { redirectUri: 'http://localhost:3000/api/integrations/tiktok/callback', usingEmulator: true },
};

describe('the TikTok callback page', () => {
  const listeners: BroadcastChannel[] = [];
  afterEach(() => {
    for (const channel of listeners.splice(0)) channel.close();
    vi.restoreAllMocks();
  });

  it('announces the result and closes once the tab that opened the popup answers', async () => {
    const close = vi.spyOn(window, 'close').mockImplementation(() => {});
    const opener = new BroadcastChannel(tiktokConnectChannel);
    listeners.push(opener);
    const received: TikTokConnectMessage[] = [];
    opener.onmessage = (event: MessageEvent<unknown>) => {
      if (!isTikTokConnectMessage(event.data)) return;
      received.push(event.data);
      if (event.data.type === 'result') opener.postMessage({ type: 'popup-acknowledged' });
    };
    await renderApp(`/integrations/tiktok/done?connected=${connectionId}`, signedInSession());
    await waitFor(() => expect(close).toHaveBeenCalled());
    expect(received).toEqual([{ type: 'result', result: { connected: connectionId } }]);
  });

  it('continues to Integrations with the result when no popup opener answers (a full-page connect)', async () => {
    vi.spyOn(window, 'close').mockImplementation(() => {});
    mockApi({
      [`GET /api/workspaces/${workspaceIds.acme}/tiktok/connections`]: () => jsonResponse(noConnections),
    });
    const { router } = await renderApp('/integrations/tiktok/done?tiktok_error=cancelled', signedInSession());
    expect(await screen.findByText(/You cancelled on TikTok’s page/)).toBeTruthy();
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(router.state.location.pathname).toBe('/integrations');
    expect(window.close).not.toHaveBeenCalled();
  });
});
