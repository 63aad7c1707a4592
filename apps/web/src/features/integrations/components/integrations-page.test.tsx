import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { TikTokConnection, TikTokConnectionsResponse } from '@whathead/contracts';
import { describe, expect, it } from 'vitest';
import { signedInSession, workspaceIds } from '../../../testing/fixtures';
import { jsonResponse, mockApi } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';

const connectionsPath = `GET /api/workspaces/${workspaceIds.acme}/tiktok/connections`;
const permissions = [
  'Ad Account Management',
  'Ad Account Read',
  'Business Center Access',
  'Creative Management',
  'Reporting',
];

function connection(overrides: Partial<TikTokConnection> = {}): TikTokConnection {
  return {
    id: '6f1d2c3b-4a59-4e68-8d7c-9b0a1f2e3d4c',
    businessCenterId: '7100000000000000001',
    businessCenterName: 'Northwind Retail',
    status: 'connected',
    attention: null,
    permissions: permissions.map((name, index) => ({
      key: (
        [
          'ad_account_management',
          'ad_account_read',
          'business_center_access',
          'creative_management',
          'reporting',
        ] as const
      )[index]!,
      name,
      enables: 'Things',
      granted: true,
    })),
    connectedAt: '2026-11-25T12:00:00.000Z',
    lastCheckedAt: '2026-11-25T12:00:00.000Z',
    lastCheckResult: 'ok',
    newAccountsAvailable: 0,
    accounts: [
      {
        advertiserId: '7200000000000000011',
        name: 'Northwind US',
        status: 'STATUS_ENABLE',
        statusLabel: 'Active',
        usable: true,
        unusableReason: null,
        currency: 'USD',
        timezone: 'America/New_York',
        role: 'ADMIN',
        selected: false,
        isDefault: false,
        accessible: true,
        isNew: false,
      },
    ],
    ...overrides,
  };
}

const answer = (connections: TikTokConnection[]): TikTokConnectionsResponse => ({
  connections,
  defaultAdvertiserId: null,
  tiktokApp: { redirectUri: 'http://localhost:3000/api/integrations/tiktok/callback', usingEmulator: true },
});

describe('the TikTok card', () => {
  it('says when accounts appeared, were lost, or a permission is missing, and what stops working', async () => {
    const base = connection();
    const lost = { ...base.accounts[0]!, selected: true, accessible: false, usable: false };
    const fresh = {
      ...base.accounts[0]!,
      advertiserId: '7200000000000000015',
      name: 'Northwind Pop-up',
      isNew: true,
    };
    const permissions = base.permissions.map((permission) =>
      permission.key === 'creative_management'
        ? { ...permission, granted: false, enables: 'Upload and manage creative assets in the media library' }
        : permission,
    );
    mockApi({
      [connectionsPath]: () =>
        jsonResponse(answer([{ ...base, accounts: [lost, fresh], newAccountsAvailable: 1, permissions }])),
    });
    await renderApp('/integrations', signedInSession());
    const card = await screen.findByRole('region', { name: 'TikTok' });
    expect(await within(card).findByText(/1 new ad account available/)).toBeTruthy();
    expect(within(card).getByText('No longer accessible')).toBeTruthy();
    expect(
      within(card).getByText(/needed to upload and manage creative assets in the media library/),
    ).toBeTruthy();
  });

  it('offers Connect when nothing is connected', async () => {
    mockApi({ [connectionsPath]: () => jsonResponse(answer([])) });
    await renderApp('/integrations', signedInSession());
    const card = await screen.findByRole('region', { name: 'TikTok' });
    expect(await within(card).findByRole('button', { name: 'Connect' })).toBeTruthy();
    expect(within(card).getByText('Not connected')).toBeTruthy();
    expect(within(card).getByText('http://localhost:3000/api/integrations/tiktok/callback')).toBeTruthy();
  });

  it('shows a connected Business Center and lets its accounts be ticked and made default', async () => {
    const { requests } = mockApi({
      [connectionsPath]: () => jsonResponse(answer([connection()])),
      [`PUT /api/workspaces/${workspaceIds.acme}/tiktok/connections/${connection().id}/accounts`]: () =>
        jsonResponse(answer([connection()])),
    });
    await renderApp('/integrations', signedInSession());
    const card = await screen.findByRole('region', { name: 'TikTok' });
    expect(await within(card).findByRole('button', { name: 'Add Another Account' })).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Check connection' })).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Disconnect' })).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: 'Manage accounts' }));
    const firstAccount = within(card).getByRole('checkbox', { name: 'Northwind US (7200000000000000011)' });
    expect(document.activeElement, 'the form takes the focus of the button it replaced').toBe(firstAccount);
    fireEvent.click(firstAccount);
    fireEvent.click(within(card).getByRole('radio', { name: 'Northwind US (7200000000000000011)' }));
    fireEvent.click(within(card).getByRole('button', { name: 'Save accounts' }));
    const manage = await screen.findByRole('button', { name: 'Manage accounts' });
    await waitFor(() => expect(document.activeElement, 'and gives it back once saved').toBe(manage));
    expect(requests.find((request) => request.method === 'PUT')?.body).toEqual({
      selectedAdvertiserIds: ['7200000000000000011'],
      defaultAdvertiserId: '7200000000000000011',
    });
  });

  it('explains a connection that needs attention and offers Reconnect', async () => {
    mockApi({
      [connectionsPath]: () =>
        jsonResponse(
          answer([
            connection({
              status: 'needs_attention',
              attention: {
                cause: 'token_revoked',
                message: 'The access Whathead had was removed at TikTok.',
              },
            }),
          ]),
        ),
    });
    await renderApp('/integrations', signedInSession());
    const card = await screen.findByRole('region', { name: 'TikTok' });
    expect(await within(card).findByText('The access Whathead had was removed at TikTok.')).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Reconnect' })).toBeTruthy();
  });
});
