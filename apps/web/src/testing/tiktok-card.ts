import { fireEvent, screen } from '@testing-library/react';
import type { TikTokConnection } from '@whathead/contracts';
import { afterEach } from 'vitest';
import {
  tiktokConnectChannel,
  type TikTokConnectMessage,
  type TikTokConnectResult,
} from '../features/integrations/components/tiktok-connect-channel';
import { signedInSession, tiktokConnectionsAnswer, workspaceIds } from './fixtures';
import { jsonResponse, mockApi, type MockHandler } from './mock-api';
import { renderApp } from './render-app';

/** The TikTok card's routes in the Acme workspace. */
export const tiktok = `/api/workspaces/${workspaceIds.acme}/tiktok`;
export const connectionsRoute = `GET ${tiktok}/connections`;
export const accountsRoute = (id: string) => `PUT ${tiktok}/connections/${id}/accounts`;
export const noGrants = { [`GET ${tiktok}/grants`]: () => jsonResponse({ grants: [] }) };
export const authorizationUrl = 'https://business-api.tiktok.com/portal/auth?app_id=1&state=s';

/** The card's API: these connections (or a handler answering them), Connect, no activity, no grants. */
export function mockCard(
  connections: TikTokConnection[] | MockHandler,
  handlers: Record<string, MockHandler> = {},
) {
  return mockApi({
    [connectionsRoute]:
      typeof connections === 'function'
        ? connections
        : () => jsonResponse(tiktokConnectionsAnswer(connections)),
    [`POST ${tiktok}/connect`]: () => jsonResponse({ authorizationUrl }),
    [`GET ${tiktok}/audit`]: () => jsonResponse({ events: [] }),
    ...noGrants,
    ...handlers,
  });
}

/** The Integrations page of Acme, resolved to the TikTok card. */
export async function openCard() {
  await renderApp('/integrations', signedInSession());
  return screen.findByRole('region', { name: 'TikTok' });
}

/** What the callback page in TikTok's popup says on the shared channel. */
const channels: BroadcastChannel[] = [];
export function announce(result: TikTokConnectResult) {
  const channel = new BroadcastChannel(tiktokConnectChannel);
  channels.push(channel);
  channel.postMessage({ type: 'result', result } satisfies TikTokConnectMessage);
}
afterEach(() => {
  for (const channel of channels.splice(0)) channel.close();
});

export const pressEscape = (dialog: HTMLElement) =>
  fireEvent(dialog, new Event('cancel', { cancelable: true }));
