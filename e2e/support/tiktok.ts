import { expect, type Locator, type Page } from '@playwright/test';

// Drives TikTok's authorization pages (the emulator's, by label) from Whathead's TikTok card, and
// reads the emulator's control API. The emulator is shared by every journey of a run, so a
// journey only ever touches what it created itself.

/** The emulator of this run, on the free port playwright.config.ts chose. */
export const emulatorUrl = `http://localhost:${process.env.E2E_EMULATOR_PORT}`;

export interface TikTokUser {
  email: string;
  password: string;
}

export const alex: TikTokUser = { email: 'alex.admin@example.com', password: 'alex-password' };
export const olivia: TikTokUser = { email: 'olivia.operator@example.com', password: 'olivia-password' };
export const wendy: TikTokUser = { email: 'wendy.analyst@example.com', password: 'wendy-password' };

export const businessCenters = {
  northwind: { id: '7100000000000000001', name: 'Northwind Retail' },
  bluebird: { id: '7100000000000000002', name: 'Bluebird Agency' },
  harbor: { id: '7100000000000000003', name: 'Harbor Holdings' },
} as const;

/** The checkbox and radio label Whathead gives an ad account. */
export const accountLabel = (name: string, advertiserId: string) => `${name} (${advertiserId})`;

export const northwindUs = accountLabel('Northwind US', '7200000000000000011');
export const northwindOutlet = accountLabel('Northwind Outlet', '7200000000000000012');
export const northwindCanada = accountLabel('Northwind Canada', '7200000000000000013');
export const northwindLegacy = accountLabel('Northwind Legacy', '7200000000000000014');
export const cafeLumen = accountLabel('Café Lumen', '7200000000000000021');

export const tiktokCard = (page: Page): Locator => page.getByRole('region', { name: 'TikTok', exact: true });

/** One connected Business Center inside the card. */
export const businessCenterPanel = (page: Page, name: string): Locator =>
  tiktokCard(page).getByRole('region', { name });

export async function openIntegrations(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Integrations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Integrations' })).toBeVisible();
  await expect(tiktokCard(page).getByText(/Loading TikTok connections/)).toHaveCount(0);
}

/** Clicks a card button that opens TikTok's page, and answers the popup it opens. */
export async function openTikTokPopup(page: Page, button: Locator): Promise<Page> {
  const popupOpened = page.waitForEvent('popup');
  await button.click();
  const popup = await popupOpened;
  await popup.waitForURL(`${emulatorUrl}/portal/auth**`);
  return popup;
}

/** TikTok's log-in, Business Center and consent pages, as a person fills them in. */
export async function authorizeOnTikTok(
  tiktok: Page,
  user: TikTokUser,
  businessCenter: string,
): Promise<void> {
  await logInToTikTok(tiktok, user);
  await expect(tiktok.getByRole('heading', { level: 1, name: 'Select a Business Center' })).toBeVisible();
  await tiktok.getByRole('group', { name: 'Business Center' }).getByLabel(businessCenter).check();
  await tiktok.getByRole('button', { name: 'Continue' }).click();
  await expect(tiktok.getByRole('heading', { level: 1, name: 'Authorize Whathead' })).toBeVisible();
  await tiktok.getByRole('button', { name: 'Confirm' }).click();
}

export async function logInToTikTok(tiktok: Page, user: TikTokUser): Promise<void> {
  await expect(
    tiktok.getByRole('heading', { level: 1, name: 'Log in to TikTok for Business' }),
  ).toBeVisible();
  await tiktok.getByLabel('Email').fill(user.email);
  await tiktok.getByLabel('Password').fill(user.password);
  await tiktok.getByRole('button', { name: 'Log in' }).click();
}

/** Connect / Add Another Account / Reconnect through the popup, until the popup has closed itself. */
export async function connectThroughPopup(
  page: Page,
  button: Locator,
  user: TikTokUser,
  businessCenter: string,
): Promise<void> {
  const popup = await openTikTokPopup(page, button);
  await authorizeOnTikTok(popup, user, businessCenter);
  await popup.waitForEvent('close');
  await expect(businessCenterPanel(page, businessCenter)).toBeVisible();
}

/** Manage accounts → tick these (on top of those already ticked) → choose the default (or none) → Save accounts. */
export async function chooseAccounts(
  page: Page,
  businessCenter: string,
  selected: string[],
  defaultAccount: string | null,
): Promise<void> {
  const panel = businessCenterPanel(page, businessCenter);
  await panel.getByRole('button', { name: 'Manage accounts' }).click();
  for (const account of selected) await panel.getByRole('checkbox', { name: account }).check();
  if (defaultAccount !== null) await panel.getByRole('radio', { name: defaultAccount }).check();
  await panel.getByRole('button', { name: 'Save accounts' }).click();
  await expect(panel.getByRole('button', { name: 'Manage accounts' })).toBeVisible();
}

interface TokenSummary {
  access_token: string;
  user_email: string;
  bc_id: string;
  state: 'active' | 'revoked' | 'expired';
}

export async function emulatorTokens(): Promise<TokenSummary[]> {
  const response = await fetch(`${emulatorUrl}/control/tokens`);
  expect(response.ok).toBe(true);
  return ((await response.json()) as { tokens: TokenSummary[] }).tokens;
}

/**
 * The one token the given step made for this TikTok user and Business Center: the difference of
 * the emulator's token list around it. Fails if the step made none or several, so a journey never
 * touches another journey's token.
 */
export async function tokenMadeBy(
  user: TikTokUser,
  businessCenterId: string,
  step: () => Promise<void>,
): Promise<string> {
  const before = new Set((await emulatorTokens()).map((token) => token.access_token));
  await step();
  const made = (await emulatorTokens()).filter(
    (token) =>
      !before.has(token.access_token) && token.user_email === user.email && token.bc_id === businessCenterId,
  );
  expect(made, 'exactly one new token for this user and Business Center').toHaveLength(1);
  return made[0]!.access_token;
}

export async function revokeAtTikTok(accessToken: string): Promise<void> {
  const response = await fetch(`${emulatorUrl}/control/tokens/revoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ access_token: accessToken }),
  });
  expect(response.ok).toBe(true);
}

export interface ConnectionsAnswer {
  connections: {
    id: string;
    businessCenterName: string;
    status: string;
    accounts: { advertiserId: string; selected: boolean; isDefault: boolean }[];
  }[];
  defaultAdvertiserId: string | null;
}

/** What the API says about the active workspace's connections, to check what the screen can't show. */
export async function connectionsOfActiveWorkspace(page: Page): Promise<ConnectionsAnswer> {
  const session = (await (await page.request.get('/api/session')).json()) as { activeWorkspaceId: string };
  const response = await page.request.get(`/api/workspaces/${session.activeWorkspaceId}/tiktok/connections`);
  expect(response.status()).toBe(200);
  return (await response.json()) as ConnectionsAnswer;
}

export async function tokenState(accessToken: string): Promise<string | undefined> {
  return (await emulatorTokens()).find((token) => token.access_token === accessToken)?.state;
}
