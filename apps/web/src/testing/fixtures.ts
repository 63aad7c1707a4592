import type {
  CampaignRow,
  CampaignSyncResponse,
  MirrorAccount,
  SessionResponse,
  TikTokAdAccount,
  TikTokConnection,
  TikTokConnectionsResponse,
  TikTokPendingGrant,
  TikTokPermission,
  WorkspaceSummary,
} from '@whathead/contracts';

export const workspaceIds = {
  acme: '0b6f4d1e-6a0c-4f35-9d2b-6f1f6f3c2a10',
  globex: '5c2a9e7b-1d4f-4c8a-a6b3-2e9d8f7c6b54',
};

export const userId = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

export const anonymousSession: SessionResponse = {
  user: null,
  workspaces: [],
  activeWorkspaceId: null,
  csrfToken: 'anonymous-token',
};

export function signedInSession(role: WorkspaceSummary['role'] = 'owner'): SessionResponse {
  return {
    user: { id: userId, email: 'ada@example.com', name: 'Ada Lovelace' },
    workspaces: [
      { id: workspaceIds.acme, name: 'Acme Agency', role },
      { id: workspaceIds.globex, name: 'Globex', role: 'member' },
    ],
    activeWorkspaceId: workspaceIds.acme,
    csrfToken: 'signed-in-token',
  };
}

/** Northwind's two ad accounts: US, the default one, and EU. */
export const advertiserIds = { us: '7200000000000000011', eu: '7200000000000000012' };

export const tiktokIds = {
  northwind: '6f1d2c3b-4a59-4e68-8d7c-9b0a1f2e3d4c',
  bluebird: '1e2d3c4b-5a69-4f78-8e9d-0a1b2c3d4e5f',
  grant: '3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d',
};

const permissionNames: [TikTokPermission['key'], string][] = [
  ['ad_account_management', 'Ad Account Management'],
  ['ad_account_read', 'Ad Account Read'],
  ['business_center_access', 'Business Center Access'],
  ['creative_management', 'Creative Management'],
  ['reporting', 'Reporting'],
];

export function tiktokAccount(overrides: Partial<TikTokAdAccount> = {}): TikTokAdAccount {
  return {
    advertiserId: '7200000000000000011',
    name: 'Northwind US',
    status: 'STATUS_ENABLE',
    statusLabel: 'Active',
    usable: true,
    unusableReason: null,
    currency: 'USD',
    timezone: 'America/New_York',
    role: 'ADMIN',
    readOnly: false,
    selected: false,
    isDefault: false,
    accessible: true,
    isNew: false,
    ...overrides,
  };
}

/** A healthy Business Center connection with every permission and one active account. */
export function tiktokConnection(overrides: Partial<TikTokConnection> = {}): TikTokConnection {
  return {
    id: tiktokIds.northwind,
    kind: 'business_center',
    businessCenterId: '7100000000000000001',
    businessCenterName: 'Northwind Retail',
    businessCenterRole: 'ADMIN',
    status: 'connected',
    attention: null,
    permissions: permissionNames.map(([key, name]) => ({
      key,
      name,
      enables: 'Create, edit, and publish campaigns',
      granted: true,
    })),
    connectedAt: '2026-11-25T12:00:00.000Z',
    lastCheckedAt: '2026-11-25T12:00:00.000Z',
    lastCheckResult: 'ok',
    checking: false,
    newAccountsAvailable: 0,
    accounts: [tiktokAccount()],
    ...overrides,
  };
}

export function tiktokConnectionsAnswer(
  connections: TikTokConnection[],
  defaultAdvertiserId: string | null = null,
): TikTokConnectionsResponse {
  return {
    connections,
    defaultAdvertiserId,
    tiktokApp: { redirectUri: 'http://localhost:3000/api/integrations/tiktok/callback', usingEmulator: true },
  };
}

/** A TikTok sign-in that reached two Business Centers, neither connected yet, with ten minutes left. */
export function tiktokGrant(overrides: Partial<TikTokPendingGrant> = {}): TikTokPendingGrant {
  return {
    id: tiktokIds.grant,
    expiresAt: new Date(Date.now() + 10 * 60_000).toISOString(),
    groups: [
      {
        key: 'bc-7100000000000000001',
        kind: 'business_center',
        name: 'Northwind Agency',
        grantedAccountCount: 12,
        connectionId: null,
      },
      {
        key: 'bc-7100000000000000002',
        kind: 'business_center',
        name: 'Bluebird Brands',
        grantedAccountCount: 1,
        connectionId: null,
      },
    ],
    ...overrides,
  };
}

/** A campaign of Northwind US, active, with a daily budget in dollars. */
export function campaignRow(overrides: Partial<CampaignRow> = {}): CampaignRow {
  const id = overrides.id ?? '1800000000000000001';
  return {
    level: 'campaign',
    id,
    advertiserId: '7200000000000000011',
    accountName: 'Northwind US',
    currency: 'USD',
    name: 'Summer Sale',
    campaignId: id,
    campaignName: null,
    adGroupId: null,
    adGroupName: null,
    operationStatus: 'ENABLE',
    secondaryStatus: 'CAMPAIGN_STATUS_ENABLE',
    delivery: { state: 'active', label: 'Active', reason: null },
    objective: 'WEB_CONVERSIONS',
    budgetMode: 'BUDGET_MODE_DAY',
    budget: '50.00',
    bidStrategy: null,
    bid: null,
    optimizationGoal: null,
    placements: [],
    scheduleStart: null,
    scheduleEnd: null,
    targeting: null,
    creative: null,
    createdAt: '2026-10-01T09:00:00.000Z',
    modifiedAt: '2026-11-20T15:30:00.000Z',
    readOnly: false,
    ...overrides,
  };
}

/** An ad account whose mirror is imported and up to date. */
export function mirrorAccount(overrides: Partial<MirrorAccount> = {}): MirrorAccount {
  return {
    advertiserId: '7200000000000000011',
    name: 'Northwind US',
    state: 'ready',
    syncing: true,
    campaigns: 12,
    adGroups: 30,
    ads: 120,
    lastSyncedAt: new Date(Date.now() - 3 * 60_000).toISOString(),
    error: null,
    ...overrides,
  };
}

/** The sync state of these accounts; by default those not queued or importing count as imported. */
export function campaignSyncAnswer(
  accounts: MirrorAccount[],
  imported = accounts.filter((account) => account.state !== 'queued' && account.state !== 'importing').length,
): CampaignSyncResponse {
  return { accounts, imported, importing: accounts.length };
}
