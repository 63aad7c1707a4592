import { expect, test, type Page } from '@playwright/test';
import { createEmulator, emulatorApp, whatheadRedirectUri, type Emulator } from '@whathead/tiktok-emulator';

// Walks the emulator's TikTok authorization pages by their labels, as a person would, for each
// user of the default scenario, and checks where the browser lands (issue 3 "Done when").

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

async function chooseBusinessCenter(page: Page, name: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Select a Business Center' })).toBeVisible();
  await page.getByRole('group', { name: 'Business Center' }).getByLabel(name).check();
  await page.getByRole('button', { name: 'Continue' }).click();
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

test('Alex (admin of two Business Centers) authorizes Northwind Retail and unticks Ad Level Report', async ({
  page,
}) => {
  await openAuthorization(page, 'alex-northwind');
  await logIn(page, 'alex.admin@example.com', 'alex-password');
  await chooseBusinessCenter(page, 'Northwind Retail');
  await expect(page.getByRole('heading', { level: 1, name: 'Authorize Whathead' })).toBeVisible();
  for (const group of ['Ad Account Management', 'Ads Management', 'Reporting', 'Creative Management']) {
    await expect(page.getByRole('group', { name: group })).toBeVisible();
  }
  await page.getByRole('group', { name: 'Reporting' }).getByLabel('Ad Level Report').uncheck();
  await page.getByRole('button', { name: 'Confirm' }).click();
  await page.waitForURL(`${callback}**`);
  const url = landing(page);
  expect(url.searchParams.get('state')).toBe('alex-northwind');
  const code = url.searchParams.get('auth_code') ?? '';
  expect(url.searchParams.get('code')).toBe(code);
  const token = await exchange(code);
  expect(token.advertiser_ids).toEqual([
    '7200000000000000011',
    '7200000000000000012',
    '7200000000000000013',
    '7200000000000000014',
  ]);
  expect(token.scope).not.toContain(43);
  expect(token.scope).toContain(41);
});

test('Alex authorizes Bluebird Agency, his second Business Center', async ({ page }) => {
  await openAuthorization(page, 'alex-bluebird');
  await logIn(page, 'alex.admin@example.com', 'alex-password');
  await chooseBusinessCenter(page, 'Bluebird Agency');
  await page.getByRole('button', { name: 'Confirm' }).click();
  await page.waitForURL(`${callback}**`);
  const token = await exchange(landing(page).searchParams.get('auth_code') ?? '');
  expect(token.advertiser_ids).toEqual(['7200000000000000021', '7200000000000000022']);
});

test('Alex connects Harbor Holdings, where he reaches no ad account', async ({ page }) => {
  await openAuthorization(page, 'alex-harbor');
  await logIn(page, 'alex.admin@example.com', 'alex-password');
  await chooseBusinessCenter(page, 'Harbor Holdings');
  await expect(
    page.getByText('None of the ad accounts in Harbor Holdings are available to you.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Confirm' }).click();
  await page.waitForURL(`${callback}**`);
  expect(landing(page).searchParams.get('state')).toBe('alex-harbor');
  const token = await exchange(landing(page).searchParams.get('auth_code') ?? '');
  expect(token.advertiser_ids).toEqual([]);
});

test('Olivia (operator) authorizes only the account she operates', async ({ page }) => {
  await openAuthorization(page, 'olivia');
  await logIn(page, 'olivia.operator@example.com', 'olivia-password');
  await chooseBusinessCenter(page, 'Northwind Retail');
  await page.getByRole('button', { name: 'Confirm' }).click();
  await page.waitForURL(`${callback}**`);
  const token = await exchange(landing(page).searchParams.get('auth_code') ?? '');
  expect(token.advertiser_ids).toEqual(['7200000000000000011']);
});

test('Wendy (analyst) is told permission is denied and returns with that error', async ({ page }) => {
  await openAuthorization(page, 'wendy');
  await logIn(page, 'wendy.analyst@example.com', 'wendy-password');
  await chooseBusinessCenter(page, 'Bluebird Agency');
  await expect(page.getByRole('heading', { level: 1, name: 'Permission denied' })).toBeVisible();
  await page.getByRole('button', { name: 'Return to Whathead' }).click();
  await page.waitForURL(`${callback}**`);
  const url = landing(page);
  expect(url.searchParams.get('error')).toBe('permission_denied');
  expect(url.searchParams.get('state')).toBe('wendy');
  expect(url.searchParams.get('auth_code')).toBeNull();
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
