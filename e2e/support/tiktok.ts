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
export const hugo: TikTokUser = { email: 'hugo.harbor@example.com', password: 'hugo-password' };
export const ivan: TikTokUser = { email: 'ivan.individual@example.com', password: 'ivan-password' };

/** The name Whathead gives the ad accounts a TikTok user owns outside every Business Center. */
export const outsideBusinessCenter = 'Ad accounts outside a Business Center';

export const businessCenters = {
  northwind: { id: '7100000000000000001', name: 'Northwind Retail' },
  bluebird: { id: '7100000000000000002', name: 'Bluebird Agency' },
  harbor: { id: '7100000000000000003', name: 'Harbor Holdings' },
} as const;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The checkbox and radio label Whathead gives an ad account. */
export const accountLabel = (name: string, advertiserId: string) => `${name} (${advertiserId})`;

export const northwindUs = accountLabel('Northwind US', '7200000000000000011');
export const northwindOutlet = accountLabel('Northwind Outlet', '7200000000000000012');
export const northwindCanada = accountLabel('Northwind Canada', '7200000000000000013');
export const northwindLegacy = accountLabel('Northwind Legacy', '7200000000000000014');
export const cafeLumen = accountLabel('Café Lumen', '7200000000000000021');
export const verdeGym = accountLabel('Verde Gym', '7200000000000000022');
export const ivansBakery = accountLabel("Ivan's Bakery", '7200000000000000041');
export const ivansFoodTruck = accountLabel("Ivan's Food Truck", '7200000000000000042');

/** Alex's accounts of one Business Center, to grant only those on TikTok's consent page. */
export const northwindAccounts = [northwindUs, northwindOutlet, northwindCanada, northwindLegacy];
export const bluebirdAccounts = [cafeLumen, verdeGym];

export const tiktokCard = (page: Page): Locator => page.getByRole('region', { name: 'TikTok', exact: true });

/**
 * The card while a dialog is open on top of it: a modal dialog hides the page behind it from
 * assistive technology, so role locators need `includeHidden` to read the card there.
 */
export const tiktokCardBehindDialog = (page: Page): Locator =>
  page.getByRole('region', { name: 'TikTok', exact: true, includeHidden: true });

/** One connected Business Center inside the card. */
export const businessCenterPanel = (page: Page, name: string): Locator =>
  tiktokCard(page).getByRole('region', { name });

/** "Select your Business Center": the groups of one TikTok sign-in that touched several. */
export const businessCenterChoice = (page: Page): Locator =>
  page.getByRole('dialog', { name: 'Select your Business Center' });

/**
 * The account chooser of one connection (help page, "Selecting Ad Accounts"): "Choose ad accounts
 * from Northwind Retail", or for the accounts outside any Business Center "Choose ad accounts
 * outside a Business Center".
 */
export const accountChooser = (page: Page, businessCenter: string): Locator =>
  page.getByRole('dialog', {
    name: new RegExp(`^Choose (ad accounts from )?${escapeRegExp(businessCenter)}$`, 'i'),
  });

/** The card's offer to connect the rest of a held sign-in without signing in at TikTok again. */
export const connectAnotherButton = (page: Page): Locator =>
  tiktokCard(page).getByRole('button', { name: 'Connect another Business Center from this sign-in' });

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

/** What the person does on TikTok's pages besides logging in. */
export interface TikTokAuthorization {
  /**
   * The ad accounts left ticked on the consent page (labels as `accountLabel` makes them); every
   * other offered account is unticked. Left out: every offered account stays ticked (TikTok's default).
   */
  accounts?: readonly string[];
  /** The Business Center to pick; only under the emulator's `businessCenterStep: 'pick'` reading. */
  businessCenter?: string;
}

/** TikTok's log-in, (optional) Business Center and consent pages, as a person fills them in. */
export async function authorizeOnTikTok(
  tiktok: Page,
  user: TikTokUser,
  authorization: TikTokAuthorization = {},
): Promise<void> {
  await logInToTikTok(tiktok, user);
  if (authorization.businessCenter !== undefined) {
    await expect(tiktok.getByRole('heading', { level: 1, name: 'Select a Business Center' })).toBeVisible();
    await tiktok
      .getByRole('group', { name: 'Business Center' })
      .getByLabel(authorization.businessCenter, { exact: true })
      .check();
    await tiktok.getByRole('button', { name: 'Continue' }).click();
  }
  await expect(tiktok.getByRole('heading', { level: 1, name: 'Authorize Whathead' })).toBeVisible();
  if (authorization.accounts !== undefined) {
    const offered = tiktok.getByRole('group', { name: 'Ad accounts' });
    for (const label of await offered.locator('label').allTextContents()) {
      const name = label.trim();
      await offered.getByLabel(name, { exact: true }).setChecked(authorization.accounts.includes(name));
    }
  }
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

/**
 * Connect / Add Another Account / Reconnect through the popup, until the popup has closed itself.
 * What Whathead shows next (the account chooser, or "Select your Business Center") is the
 * caller's to check.
 */
export async function connectThroughPopup(
  page: Page,
  button: Locator,
  user: TikTokUser,
  authorization: TikTokAuthorization = {},
): Promise<void> {
  const popup = await openTikTokPopup(page, button);
  const closed = popup.waitForEvent('close');
  await authorizeOnTikTok(popup, user, authorization);
  await closed;
}

/**
 * The card's success message ("Connected Northwind Retail."), read behind the account chooser
 * that opens with it. Give a pattern for the wordings that name no Business Center.
 */
export async function expectConnectedMessage(page: Page, businessCenter: string | RegExp): Promise<void> {
  const text =
    typeof businessCenter === 'string'
      ? new RegExp(`^Connected ${escapeRegExp(businessCenter)}[.,]`)
      : businessCenter;
  await expect(
    tiktokCardBehindDialog(page).getByRole('status', { includeHidden: true }).filter({ hasText: text }),
  ).toHaveText(text);
}

/** Shows a connection's details when the card lists it as one collapsed summary line. */
export async function expandBusinessCenter(page: Page, name: string): Promise<void> {
  // Collapsible, its heading is a disclosure button (its name carries a ▸/▾ glyph from CSS).
  const toggle = businessCenterPanel(page, name).getByRole('heading', { level: 3 }).getByRole('button');
  if ((await toggle.count()) > 0 && (await toggle.getAttribute('aria-expanded')) === 'false')
    await toggle.click();
}

/**
 * An account's Default radio in the chooser. Its label reads "Default" with ": <account>" hidden
 * for screen readers; Chromium's accessible name puts a space before the colon ("Default : …").
 */
export const defaultRadio = (chooser: Locator, account: string): Locator =>
  chooser.getByRole('radio', { name: new RegExp(`^Default ?: ${escapeRegExp(account)}$`) });

/** Manage accounts on a connection's details: opens its account chooser. */
export async function openAccountChooser(page: Page, businessCenter: string): Promise<Locator> {
  await expandBusinessCenter(page, businessCenter);
  await businessCenterPanel(page, businessCenter).getByRole('button', { name: 'Manage accounts' }).click();
  const chooser = accountChooser(page, businessCenter);
  await expect(chooser).toBeVisible();
  return chooser;
}

/**
 * In the account chooser, open already (right after a connect) or about to: tick these (on top of
 * those already ticked), choose the default (leave it as it is: undefined; no default: null), Save.
 */
export async function chooseAccounts(
  page: Page,
  businessCenter: string,
  selected: readonly string[],
  defaultAccount?: string | null,
): Promise<void> {
  const chooser = accountChooser(page, businessCenter);
  await expect(chooser).toBeVisible();
  for (const account of selected) await chooser.getByRole('checkbox', { name: account }).check();
  if (defaultAccount === null) await chooser.getByRole('radio', { name: /^No default/ }).check();
  else if (defaultAccount !== undefined) await defaultRadio(chooser, defaultAccount).check();
  await chooser.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(chooser).toHaveCount(0);
}

/** Check connection on one connection, and its answer when nothing changed. */
export async function checkConnectionAllGood(page: Page, businessCenter: string): Promise<void> {
  await expandBusinessCenter(page, businessCenter);
  const panel = businessCenterPanel(page, businessCenter);
  await panel.getByRole('button', { name: 'Check connection' }).click();
  const answer = panel.getByRole('status').filter({ hasText: 'All good — checked just now.' });
  await expect(answer).toHaveText('All good — checked just now.');
  await expect(answer).toHaveAttribute('aria-live', 'polite');
}

interface TokenSummary {
  access_token: string;
  user_email: string;
  /** The picked Business Center, else the only one owning the granted accounts, else null. */
  bc_id: string | null;
  bc_ids: string[];
  advertiser_ids: string[];
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

/** The emulator's readings of what TikTok leaves unconfirmed (README, "Settings"). */
export interface EmulatorReadings {
  businessCenterStep: 'none' | 'pick';
  businessCenterVisibility: 'all' | 'authorized';
  tokenIssuance: 'per_grant' | 'per_user';
  advertiserAdCreationEligible: 'absent' | 'enum' | 'boolean';
  cancelRedirect: 'oauth_error' | 'state_only' | 'none';
}

/** Every setting of the shared emulator, to put back after a journey that changed some. */
export async function emulatorSettings(): Promise<Record<string, unknown>> {
  const response = await fetch(`${emulatorUrl}/control/settings`);
  expect(response.ok).toBe(true);
  return (await response.json()) as Record<string, unknown>;
}

/**
 * Changes settings of the emulator every journey of the run shares: only for journeys that run
 * alone (the "readings" project), which put the settings back afterwards.
 */
export async function updateEmulatorSettings(patch: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${emulatorUrl}/control/settings`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(patch),
  });
  expect(response.ok, await response.clone().text()).toBe(true);
}

/** How many API calls the emulator has seen whose path ends so (e.g. the code exchange). */
export async function emulatorCallCount(pathEnd: string): Promise<number> {
  const response = await fetch(`${emulatorUrl}/control/calls`);
  expect(response.ok).toBe(true);
  const { calls } = (await response.json()) as { calls: { path: string }[] };
  return calls.filter((call) => call.path.endsWith(pathEnd)).length;
}
