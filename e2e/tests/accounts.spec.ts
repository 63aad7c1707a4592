import { expect, test } from '@playwright/test';
import { signUp } from '../support/sign-up.js';
import { uniqueEmail } from '../support/unique-email.js';

test('sign up, log out, log back in, create a second workspace and switch to it', async ({ page }) => {
  const person = {
    name: 'Maya Marketer',
    email: uniqueEmail('maya'),
    password: 'a long enough password',
    workspaceName: 'Maya Media',
  };
  await signUp(page, person);
  await expect(page).toHaveURL(/\/campaigns$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Campaigns' })).toBeVisible();
  await expect(page.getByLabel('Workspace')).toHaveValue(/.+/);
  await expect(page.getByLabel('Workspace').locator('option:checked')).toHaveText('Maya Media');

  for (const section of ['Media', 'Reports', 'Integrations', 'Settings']) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: section }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  await page.getByRole('button', { name: 'Log out', exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/campaigns');
  await expect(page).toHaveURL(/\/login/);

  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  // The button stayed focusable while it waited, so the focus is still on it, not lost to the page.
  await expect(page.getByRole('button', { name: 'Log in' })).toBeFocused();

  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

  await page.getByRole('button', { name: 'Create workspace' }).first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Workspace name')).toBeFocused();
  await dialog.getByLabel('Workspace name').fill('Second Client');
  await dialog.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByLabel('Workspace').locator('option:checked')).toHaveText('Second Client');

  await page.getByLabel('Workspace').selectOption({ label: 'Maya Media' });
  await expect(page.getByLabel('Workspace').locator('option:checked')).toHaveText('Maya Media');
  await page.reload();
  await expect(page.getByLabel('Workspace').locator('option:checked')).toHaveText('Maya Media');
});

test("a member of one workspace gets 404 for another workspace's resources", async ({ browser }) => {
  const alice = await browser.newContext();
  const bob = await browser.newContext();
  const alicePage = await alice.newPage();
  const bobPage = await bob.newPage();
  await signUp(alicePage, {
    name: 'Alice',
    email: uniqueEmail('alice'),
    password: 'a long enough password',
    workspaceName: 'Alice Agency',
  });
  await signUp(bobPage, {
    name: 'Bob',
    email: uniqueEmail('bob'),
    password: 'a long enough password',
    workspaceName: 'Bob Brand',
  });

  const aliceSession = await (await alicePage.request.get('/api/session')).json();
  const aliceWorkspace = aliceSession.activeWorkspaceId as string;

  const foreign = await bobPage.request.get(`/api/workspaces/${aliceWorkspace}/members`);
  expect(foreign.status()).toBe(404);
  expect((await foreign.json()).error.code).toBe('not_found');
  const own = await alicePage.request.get(`/api/workspaces/${aliceWorkspace}/members`);
  expect(own.status()).toBe(200);

  await expect(bobPage.getByLabel('Workspace').locator('option')).toHaveText(['Bob Brand']);
  await alice.close();
  await bob.close();
});

test('an owner invites a teammate by link, who signs up through it and joins the workspace', async ({
  browser,
}) => {
  const owner = await browser.newContext();
  const ownerPage = await owner.newPage();
  await signUp(ownerPage, {
    name: 'Olga Owner',
    email: uniqueEmail('olga'),
    password: 'a long enough password',
    workspaceName: 'Olga Growth',
  });
  await ownerPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const teammateEmail = uniqueEmail('teo');
  await ownerPage.getByLabel('Email').fill(teammateEmail);
  await ownerPage.getByRole('button', { name: 'Create invite link' }).click();
  const link = await ownerPage.getByLabel('Invite link').inputValue();
  expect(link).toMatch(/\/invite\/[\w-]{43}$/);

  const teammate = await browser.newContext();
  const teammatePage = await teammate.newPage();
  await teammatePage.goto(new URL(link).pathname);
  await expect(teammatePage.getByText('Olga Growth').first()).toBeVisible();
  await teammatePage.getByLabel('Name', { exact: true }).fill('Teo Teammate');
  await teammatePage.getByLabel('Password').fill('a long enough password');
  await teammatePage.getByRole('button', { name: 'Sign up' }).click();
  await expect(teammatePage.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(teammatePage.getByLabel('Workspace').locator('option:checked')).toHaveText('Olga Growth');

  await ownerPage.reload();
  await expect(ownerPage.getByRole('cell', { name: teammateEmail })).toBeVisible();
  await owner.close();
  await teammate.close();
});
