import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  signedInSession,
  tiktokConnectionsAnswer,
  tiktokGrant,
  workspaceIds,
} from '../../../testing/fixtures';
import { jsonResponse, mockApi } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';
import {
  isTikTokConnectMessage,
  tiktokConnectChannel,
  type TikTokConnectMessage,
} from './tiktok-connect-channel';

const connectionId = '6f1d2c3b-4a59-4e68-8d7c-9b0a1f2e3d4c';
const grantId = '3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d';
const noConnections = tiktokConnectionsAnswer([]);

describe('the TikTok callback page', () => {
  const listeners: BroadcastChannel[] = [];

  /** The Integrations tab that opened the popup: records what the callback page says, and answers. */
  function listenAsOpener(): TikTokConnectMessage[] {
    const opener = new BroadcastChannel(tiktokConnectChannel);
    listeners.push(opener);
    const received: TikTokConnectMessage[] = [];
    opener.onmessage = (event: MessageEvent<unknown>) => {
      if (!isTikTokConnectMessage(event.data)) return;
      received.push(event.data);
      if (event.data.type === 'result') opener.postMessage({ type: 'popup-acknowledged' });
    };
    return received;
  }
  afterEach(() => {
    for (const channel of listeners.splice(0)) channel.close();
    vi.restoreAllMocks();
  });

  it('announces the result and closes once the tab that opened the popup answers', async () => {
    const close = vi.spyOn(window, 'close').mockImplementation(() => {});
    const received = listenAsOpener();
    await renderApp(`/integrations/tiktok/done?connected=${connectionId}`, signedInSession());
    await waitFor(() => expect(close).toHaveBeenCalled());
    expect(received).toEqual([{ type: 'result', result: { connected: connectionId } }]);
  });

  it('continues to Integrations with the result when no popup opener answers (a full-page connect)', async () => {
    vi.spyOn(window, 'close').mockImplementation(() => {});
    mockApi({
      [`GET /api/workspaces/${workspaceIds.acme}/tiktok/connections`]: () => jsonResponse(noConnections),
      [`GET /api/workspaces/${workspaceIds.acme}/tiktok/grants`]: () => jsonResponse({ grants: [] }),
    });
    const { router } = await renderApp('/integrations/tiktok/done?tiktok_error=cancelled', signedInSession());
    expect(await screen.findByText(/You cancelled on TikTok’s page/)).toBeTruthy();
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(router.state.location.pathname).toBe('/integrations');
    expect(window.close).not.toHaveBeenCalled();
  });

  it('announces a grant whose Business Centers the user chooses from', async () => {
    vi.spyOn(window, 'close').mockImplementation(() => {});
    const received = listenAsOpener();
    await renderApp(`/integrations/tiktok/done?grant=${grantId}`, signedInSession());
    await waitFor(() => expect(window.close).toHaveBeenCalled());
    expect(received).toEqual([{ type: 'result', result: { grant: grantId } }]);
  });

  it('in a full-page connect, opens “Select your Business Center” on Integrations', async () => {
    vi.spyOn(window, 'close').mockImplementation(() => {});
    mockApi({
      [`GET /api/workspaces/${workspaceIds.acme}/tiktok/connections`]: () => jsonResponse(noConnections),
      [`GET /api/workspaces/${workspaceIds.acme}/tiktok/grants`]: () => jsonResponse({ grants: [] }),
      [`GET /api/workspaces/${workspaceIds.acme}/tiktok/grants/${grantId}`]: () =>
        jsonResponse(tiktokGrant({ id: grantId })),
    });
    const { router } = await renderApp(`/integrations/tiktok/done?grant=${grantId}`, signedInSession());
    expect(await screen.findByRole('dialog', { name: 'Select your Business Center' })).toBeTruthy();
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('treats an error it does not know as a failure, not as nothing', async () => {
    vi.spyOn(window, 'close').mockImplementation(() => {});
    mockApi({
      [`GET /api/workspaces/${workspaceIds.acme}/tiktok/connections`]: () => jsonResponse(noConnections),
      [`GET /api/workspaces/${workspaceIds.acme}/tiktok/grants`]: () => jsonResponse({ grants: [] }),
    });
    await renderApp('/integrations/tiktok/done?tiktok_error=something_new', signedInSession());
    expect(await screen.findByText(/TikTok couldn’t finish the connection/)).toBeTruthy();
  });
});
