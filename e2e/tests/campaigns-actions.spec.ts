import { expect, test, type Locator, type Page, type Request } from '@playwright/test';
import { emulatorApp } from '@whathead/tiktok-emulator';
import { signUp } from '../support/sign-up.js';
import {
  accountChooser,
  alex,
  businessCenters,
  chooseAccounts,
  connectThroughPopup,
  emulatorUrl,
  northwindAccounts,
  northwindUs,
  openIntegrations,
  tiktokCard,
} from '../support/tiktok.js';
import { uniqueEmail } from '../support/unique-email.js';

// Issue 11, item 3 and 4: acting on the Campaigns table. The emulator is shared by every journey
// of the run, and campaigns.spec.ts reads Northwind US's sample campaigns, so these journeys turn
// off and edit campaigns they create themselves (named with this run's tag); the sample ad groups
// are only ever given a bigger budget, which no other journey reads.

test.describe.configure({ mode: 'serial' });

const northwind = businessCenters.northwind;
const advertiserId = '7200000000000000011';
const tag = Date.now().toString(36);
const turnOffNames = ['A', 'B', 'C'].map((letter) => `Actions ${tag} turn off ${letter}`);
const conflictName = `Actions ${tag} edited in Ads Manager`;

let page: Page;
let token: string;
const campaignIds = new Map<string, string>();

/**
 * A token of Alex's own, as TikTok Ads Manager would hold it: issued by the emulator's control API
 * and exchanged as any app would, so no other journey's sign-in is mistaken for it.
 */
async function adsManagerToken(): Promise<string> {
  const issued = await fetch(`${emulatorUrl}/control/authorization-codes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: alex.email, advertiser_ids: [advertiserId] }),
  });
  expect(issued.ok).toBe(true);
  const { auth_code } = (await issued.json()) as { auth_code: string };
  const exchanged = await fetch(`${emulatorUrl}/open_api/v1.3/oauth2/access_token/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ app_id: emulatorApp.appId, secret: emulatorApp.secret, auth_code }),
  });
  const answer = (await exchanged.json()) as { code: number; data: { access_token: string } };
  expect(answer.code).toBe(0);
  return answer.data.access_token;
}

/** A call to the emulator as someone working in TikTok Ads Manager would make it. */
async function atTikTok(path: string, body: object): Promise<Record<string, unknown>> {
  for (let attempt = 0; ; attempt += 1) {
    const response = await fetch(`${emulatorUrl}/open_api/v1.3${path}`, {
      method: 'POST',
      headers: { 'access-token': token, 'content-type': 'application/json' },
      body: JSON.stringify({ advertiser_id: advertiserId, ...body }),
    });
    // Ids are 16 digits: read them as text, never as JS numbers.
    const text = await response.text();
    const answer = JSON.parse(text) as { code: number; message: string; data: Record<string, unknown> };
    // Whathead's own sync shares the emulator's app limit: a 40100 waits and tries again.
    if (answer.code === 40100 && attempt < 20) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    expect(answer.code, answer.message).toBe(0);
    const id = /"campaign_id":\s*"?(\d+)"?/.exec(text)?.[1];
    return { ...answer.data, campaign_id: id };
  }
}

const table = (level = 'Campaigns') => page.getByRole('table', { name: level });
const rowOf = (name: string, level?: string): Locator =>
  table(level)
    .getByRole('row')
    .filter({ has: page.getByRole('checkbox', { name: `Select ${name}`, exact: true }) });
const cellIn = (row: Locator, index: number) => row.getByRole('cell').nth(index);
/** The column's index among the table's headers, to read a row's cell under it. */
async function columnIndex(heading: string, level?: string): Promise<number> {
  await expect(table(level).getByRole('columnheader', { name: heading, exact: true })).toBeVisible();
  const headings = await table(level).getByRole('columnheader').allTextContents();
  return headings.findIndex((text) => text === heading);
}

const dollars = (amount: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(amount);

async function openCampaigns(search = ''): Promise<void> {
  await page.goto(`/campaigns${search}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Campaigns' })).toBeVisible();
}

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  await signUp(page, {
    name: 'Carla Actions',
    email: uniqueEmail('carla-actions'),
    password: 'a long enough password',
    workspaceName: 'Carla Actions Media',
  });
  await openIntegrations(page);
  await connectThroughPopup(page, tiktokCard(page).getByRole('button', { name: 'Connect' }), alex, {
    accounts: northwindAccounts,
  });
  token = await adsManagerToken();
  // Made before the account is chosen, so the first import brings them.
  for (const name of [...turnOffNames, conflictName]) {
    const created = await atTikTok('/campaign/create/', {
      campaign_name: name,
      objective_type: 'TRAFFIC',
      budget_mode: 'BUDGET_MODE_DAY',
      budget: 100,
    });
    campaignIds.set(name, String(created.campaign_id));
  }
  await expect(accountChooser(page, northwind.name)).toBeVisible();
  await chooseAccounts(page, northwind.name, [northwindUs], northwindUs);
  await page.getByRole('navigation').getByRole('link', { name: 'Campaigns' }).first().click();
  // The import runs in the background; the page fills in when it ends.
  await expect(rowOf(conflictName)).toBeVisible({ timeout: 30_000 });
});

test.afterAll(async () => {
  await page?.close();
});

test('selecting 3 campaigns and turning them off at once pauses all three, also after a reload', async () => {
  await openCampaigns(`?q=${encodeURIComponent(`Actions ${tag} turn off`)}`);
  for (const name of turnOffNames) await expect(rowOf(name)).toContainText('Active');
  for (const name of turnOffNames) await page.getByRole('checkbox', { name: `Select ${name}` }).check();
  const selection = page.getByRole('group', { name: 'Selected campaigns', exact: true });
  await expect(selection).toContainText('3 campaigns selected');

  await selection.getByRole('button', { name: 'Turn off' }).click();
  const status = await columnIndex('Status');
  for (const name of turnOffNames) await expect(cellIn(rowOf(name), status)).toHaveText('Paused');
  // Done, said on the page, not only in the rows.
  await expect(page.getByRole('group', { name: 'Result of the last change' })).toHaveText(
    '3 campaigns turned off.',
  );

  await page.reload();
  for (const name of turnOffNames) await expect(cellIn(rowOf(name), status)).toHaveText('Paused');
});

test('raising an ad group’s budget in the table saves it, also after a reload', async () => {
  await openCampaigns('?tab=ad-groups&q=Sample+ad+group+2.2');
  const row = rowOf('Sample ad group 2.2', 'Ad groups');
  const budget = cellIn(row, await columnIndex('Budget', 'Ad groups'));
  const before = Number(
    (await budget.locator('.campaign-cell__amount').textContent())!.replace(/[^\d.]/g, ''),
  );
  const raised = before + 25;

  await row.getByRole('button', { name: 'Edit the budget of Sample ad group 2.2' }).click();
  const input = page.getByRole('textbox', { name: 'Daily budget of Sample ad group 2.2, in USD' });
  await expect(input).toBeFocused();
  await input.fill(String(raised));
  await input.press('Enter');
  await expect(budget).toHaveText(`${dollars(raised)}Daily`);

  await page.reload();
  await expect(budget).toHaveText(`${dollars(raised)}Daily`);
});

test('a budget under TikTok’s minimum is refused in the browser, naming the minimum, with no request sent', async () => {
  await openCampaigns('?tab=ad-groups&q=Sample+ad+group+1.1');
  const edits: string[] = [];
  const recordEdit = (request: Request) => {
    if (request.method() === 'PATCH') edits.push(request.url());
  };
  page.on('request', recordEdit);
  const row = rowOf('Sample ad group 1.1', 'Ad groups');
  await row.getByRole('button', { name: 'Edit the budget of Sample ad group 1.1' }).click();
  const input = page.getByRole('textbox', { name: 'Daily budget of Sample ad group 1.1, in USD' });
  await input.fill('5');
  await input.press('Enter');

  await expect(page.getByRole('alert')).toHaveText(
    'TikTok’s minimum daily budget for an ad group is $20.00.',
  );
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await input.press('Escape');
  await expect(input).toHaveCount(0);
  page.off('request', recordEdit);
  expect(edits).toEqual([]);
});

test('a campaign changed in TikTok since the page loaded it shows both values, and Apply my change anyway saves', async () => {
  await openCampaigns(`?q=${encodeURIComponent(conflictName)}`);
  // The last sync has ended: what the table shows is what Whathead last read from TikTok.
  await expect(page.getByText(/Last synced/)).toBeVisible({ timeout: 30_000 });
  const row = rowOf(conflictName);
  const budget = cellIn(row, await columnIndex('Budget'));
  await expect(budget).toHaveText('$100.00Daily');

  await atTikTok('/campaign/update/', { campaign_id: campaignIds.get(conflictName), budget: 140 });

  await row.getByRole('button', { name: `Edit the budget of ${conflictName}` }).click();
  const input = page.getByRole('textbox', { name: `Daily budget of ${conflictName}, in USD` });
  await input.fill('180');
  await input.press('Enter');

  const dialog = page.getByRole('dialog', { name: `${conflictName} changed in TikTok` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('columnheader')).toHaveText(['Field', 'When you loaded it', 'In TikTok now']);
  await expect(dialog.getByRole('row').filter({ hasText: 'Budget' })).toHaveText('Budget$100.00$140.00');
  await expect(dialog).toContainText('Your change: Budget to $180.00');
  await dialog.getByRole('button', { name: 'Apply my change anyway' }).click();

  await expect(dialog).toHaveCount(0);
  await expect(budget).toHaveText('$180.00Daily');
  await page.reload();
  await expect(budget).toHaveText('$180.00Daily');
});
