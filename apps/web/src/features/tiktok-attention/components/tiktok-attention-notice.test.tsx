import type { TikTokConnection, TikTokConnectionsResponse } from '@whathead/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { queryClient } from '../../../lib/query-client';
import { signedInSession, tiktokConnection, workspaceIds } from '../../../testing/fixtures';
import { jsonResponse, mockApi } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';

const connectionsPath = `/api/workspaces/${workspaceIds.acme}/tiktok/connections`;

function connection(overrides: Partial<TikTokConnection>): TikTokConnection {
  return tiktokConnection({
    permissions: [],
    accounts: [],
    lastCheckedAt: '2026-11-25T16:00:00.000Z',
    ...overrides,
  });
}

const answer = (connections: TikTokConnection[]): TikTokConnectionsResponse => ({
  connections,
  defaultAdvertiserId: null,
  tiktokApp: { redirectUri: 'http://localhost:3000/api/integrations/tiktok/callback', usingEmulator: true },
});

const revoked = connection({
  status: 'needs_attention',
  attention: { cause: 'token_revoked', message: 'The access Whathead had was removed at TikTok.' },
  lastCheckResult: 'needs_attention',
});

describe('TikTok needs-attention notice in the app shell', () => {
  it('tells any member, on any page, which connection needs attention, with a link to Integrations', async () => {
    mockApi({
      [`GET ${connectionsPath}`]: () =>
        jsonResponse(
          answer([
            revoked,
            connection({ id: '1e2d3c4b-5a69-4f78-8e9d-0a1b2c3d4e5f', businessCenterName: 'Bluebird Agency' }),
          ]),
        ),
      [`GET /api/workspaces/${workspaceIds.acme}/tiktok/audit`]: () => jsonResponse({ events: [] }),
    });
    const { router } = await renderApp('/reports', signedInSession('member'));

    const notice = (await screen.findByText(/needs? attention/)).closest<HTMLElement>('[role="status"]')!;
    expect(notice.textContent).toContain('The TikTok connection to Northwind Retail needs attention');
    expect(notice.textContent).not.toContain('Bluebird');
    fireEvent.click(within(notice).getByRole('link', { name: 'Go to Integrations to reconnect' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/integrations'));
  });

  it('counts several connections that need attention', async () => {
    mockApi({
      [`GET ${connectionsPath}`]: () =>
        jsonResponse(
          answer([
            revoked,
            connection({
              id: '1e2d3c4b-5a69-4f78-8e9d-0a1b2c3d4e5f',
              businessCenterName: 'Bluebird Agency',
              status: 'needs_attention',
              attention: { cause: 'token_expired', message: 'Expired.' },
            }),
          ]),
        ),
    });
    await renderApp('/campaigns', signedInSession('owner'));

    const notice = (await screen.findByText(/needs? attention/)).closest<HTMLElement>('[role="status"]')!;
    expect(notice.textContent).toContain(
      '2 TikTok connections need attention (Northwind Retail, Bluebird Agency)',
    );
  });

  it('tells a user whose role only lets them view the accounts what still works, not to reconnect', async () => {
    mockApi({
      [`GET ${connectionsPath}`]: () =>
        jsonResponse(
          answer([
            connection({
              businessCenterName: 'Bluebird Agency',
              status: 'needs_attention',
              attention: { cause: 'permission_denied', message: 'Your role is Analyst.' },
            }),
          ]),
        ),
    });
    await renderApp('/reports', signedInSession('member'));

    const notice = (await screen.findByText(/only lets you view/)).closest<HTMLElement>('[role="status"]')!;
    expect(notice.textContent).toContain(
      "Your TikTok role in Bluebird Agency only lets you view its ad accounts: campaigns can't be created or changed there, reports still work.",
    );
    expect(notice.textContent).not.toContain('reconnect');
    expect(notice.textContent).not.toContain('may stop working');
    expect(
      within(notice).getByRole('link', { name: 'See Integrations for what to ask your admin' }),
    ).toBeTruthy();
    expect(notice.classList).toContain('app-attention-notice');
  });

  it('shows nothing while every connection is healthy', async () => {
    const { requests } = mockApi({
      [`GET ${connectionsPath}`]: () => jsonResponse(answer([connection({})])),
    });
    await renderApp('/campaigns', signedInSession('member'));

    // Absence means something only once the answer is in and rendered.
    await waitFor(() => {
      expect(requests.map((request) => request.path)).toContain(connectionsPath);
      expect(queryClient.isFetching()).toBe(0);
    });
    expect(screen.queryByText(/needs attention/)).toBeNull();
  });
});
