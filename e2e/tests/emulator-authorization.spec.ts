import { expect, test, type Page } from '@playwright/test';
import { createEmulator, emulatorApp, whatheadRedirectUri, type Emulator } from '@whathead/tiktok-emulator';

// Walks the emulator's TikTok authorization pages by their labels, as a person would, for each
// user of the default scenario, and checks where the browser lands and what the grant holds
// (correction 14: a set of ad accounts, no Business Center picker unless a setting asks for one).

const callback = whatheadRedirectUri('http://localhost:3000');
let emulator: Emulator;
let server: { url: string; close(): Promise<void> };

test.beforeAll(async () => {
  emulator = createEmulator({ scenario: 'default', seed: 1 });
  server = await emulator.listen({ port: 0, host: '127.0.0.1' });
});

test.afterAll(async () => {
  await server.close();
});

/** Answers the callback in the browser so no Whathead server is needed. */
async function openAuthorization(page: Page, state: string): Promise<void> {
  await page.route(`${callback}**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>Callback</h1>' }),
  );
  const query = new URLSearchParams({ app_id: emulatorApp.appId, state, redirect_uri: callback });
  await page.goto(`${server.url}/portal/auth?${query.toString()}`);
}

async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

/** TikTok's consent page: every account the user can grant is listed, ticked (correction 14). */
async function expectConsentPage(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Authorize Whathead' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Ad accounts' })).toBeVisible();
}

async function confirmAndExchange(
  page: Page,
  state: string,
): Promise<{ advertiser_ids: string[]; scope: number[] }> {
  await page.getByRole('button', { name: 'Confirm' }).click();
  await page.waitForURL(`${callback}**`);
  const url = landing(page);
  expect(url.searchParams.get('state')).toBe(state);
  const code = url.searchParams.get('auth_code') ?? '';
  expect(url.searchParams.get('code')).toBe(code);
  return exchange(code);
}

async function exchange(code: string): Promise<{ advertiser_ids: string[]; scope: number[] }> {
  const response = await fetch(`${server.url}/open_api/v1.3/oauth2/access_token/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ app_id: emulatorApp.appId, secret: emulatorApp.secret, auth_code: code }),
  });
  const body = (await response.json()) as {
    code: number;
    data: { advertiser_ids: string[]; scope: number[] };
  };
  expect(body.code).toBe(0);
  return body.data;
}

const landing = (page: Page) => new URL(page.url());

test('Alex grants the accounts of both his Business Centers and unticks Ad Level Report', async ({
  page,
}) => {
  await openAuthorization(page, 'alex-all');
  await logIn(page, 'alex.admin@example.com', 'alex-password');
  await expectConsentPage(page);
  for (const group of ['Ad Account Management', 'Ads Management', 'Reporting', 'Creative Management']) {
    await expect(page.getByRole('group', { name: group })).toBeVisible();
  }
  await expect(page.getByRole('group', { name: 'Ad accounts' }).getByRole('checkbox')).toHaveCount(6);
  await page.getByRole('group', { name: 'Reporting' }).getByLabel('Ad Level Report').uncheck();
  const token = await confirmAndExchange(page, 'alex-all');
  expect(token.advertiser_ids).toEqual([
    '7200000000000000011',
    '7200000000000000012',
    '7200000000000000013',
    '7200000000000000014',
    '7200000000000000021',
    '7200000000000000022',
  ]);
  expect(token.scope).not.toContain(43);
  expect(token.scope).toContain(41);
});

test('Alex unticks every account but Café Lumen', async ({ page }) => {
  await openAuthorization(page, 'alex-one');
  await logIn(page, 'alex.admin@example.com', 'alex-password');
  await expectConsentPage(page);
  const accounts = page.getByRole('group', { name: 'Ad accounts' });
  for (const name of [
    'Northwind US',
    'Northwind Outlet',
    'Northwind Canada',
    'Northwind Legacy',
    'Verde Gym',
  ]) {
    await accounts.getByLabel(name).uncheck();
  }
  const token = await confirmAndExchange(page, 'alex-one');
  expect(token.advertiser_ids).toEqual(['7200000000000000021']);
});

test('Hugo, who reaches no ad account, gets an empty grant', async ({ page }) => {
  await openAuthorization(page, 'hugo');
  await logIn(page, 'hugo.harbor@example.com', 'hugo-password');
  await expectConsentPage(page);
  await expect(page.getByText('You have no ad accounts to authorize.')).toBeVisible();
  const token = await confirmAndExchange(page, 'hugo');
  expect(token.advertiser_ids).toEqual([]);
});

test('Olivia (operator of one account, analyst of another) grants both', async ({ page }) => {
  await openAuthorization(page, 'olivia');
  await logIn(page, 'olivia.operator@example.com', 'olivia-password');
  await expectConsentPage(page);
  const token = await confirmAndExchange(page, 'olivia');
  expect(token.advertiser_ids).toEqual(['7200000000000000011', '7200000000000000012']);
});

test('Wendy (analyst only) is granted a token too', async ({ page }) => {
  await openAuthorization(page, 'wendy');
  await logIn(page, 'wendy.analyst@example.com', 'wendy-password');
  await expectConsentPage(page);
  await expect(page.getByText('Bluebird Agency · Analyst').first()).toBeVisible();
  const token = await confirmAndExchange(page, 'wendy');
  expect(token.advertiser_ids).toEqual(['7200000000000000021', '7200000000000000022']);
});

test('Ivan grants the accounts he owns outside any Business Center', async ({ page }) => {
  await openAuthorization(page, 'ivan');
  await logIn(page, 'ivan.individual@example.com', 'ivan-password');
  await expectConsentPage(page);
  await expect(page.getByText('Owned by you · Admin').first()).toBeVisible();
  const token = await confirmAndExchange(page, 'ivan');
  expect(token.advertiser_ids).toEqual(['7200000000000000041', '7200000000000000042']);
});

test('a wrong password is announced; cancelling returns with error=access_denied', async ({ page }) => {
  await openAuthorization(page, 'cancelled');
  await logIn(page, 'alex.admin@example.com', 'not-the-password');
  await expect(page.getByRole('alert')).toHaveText('Incorrect email or password.');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.waitForURL(`${callback}**`);
  expect(landing(page).searchParams.get('error')).toBe('access_denied');
  expect(landing(page).searchParams.get('state')).toBe('cancelled');
});

test("under businessCenterStep 'pick', Alex picks Bluebird Agency and is offered its accounts only", async ({
  page,
}) => {
  const response = await fetch(`${server.url}/control/settings`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ businessCenterStep: 'pick' }),
  });
  expect(response.ok).toBe(true);
  try {
    await openAuthorization(page, 'alex-pick');
    await logIn(page, 'alex.admin@example.com', 'alex-password');
    await expect(page.getByRole('heading', { level: 1, name: 'Select a Business Center' })).toBeVisible();
    await page.getByRole('group', { name: 'Business Center' }).getByLabel('Bluebird Agency').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectConsentPage(page);
    await expect(page.getByRole('group', { name: 'Ad accounts' }).getByRole('checkbox')).toHaveCount(2);
    const token = await confirmAndExchange(page, 'alex-pick');
    expect(token.advertiser_ids).toEqual(['7200000000000000021', '7200000000000000022']);
  } finally {
    await fetch(`${server.url}/control/settings`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ businessCenterStep: 'none' }),
    });
  }
});
