import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { signUp, type Person } from './sign-up.js';

/** A signed-in browser's cookies and storage, for `test.use({ storageState })`. */
export type SignedIn = Awaited<ReturnType<BrowserContext['storageState']>>;

/**
 * Signs a person up once, for a file whose journeys each start logged in as them and in a
 * workspace of their own (createWorkspace). Whathead allows 20 sign-ups an hour from one network
 * (apps/server/src/services/throttle.service.ts) and every journey of a run signs up from this
 * machine, so a file of many journeys signs up once rather than once per journey.
 */
export async function signUpOnce(browser: Browser, person: Person): Promise<SignedIn> {
  const context = await browser.newContext();
  try {
    await signUp(await context.newPage(), person);
    return await context.storageState();
  } finally {
    await context.close();
  }
}

/** Create workspace, from the header, as a person would; it becomes the active workspace. */
export async function createWorkspace(page: Page, name: string): Promise<void> {
  await page.goto('/campaigns');
  await page.getByRole('button', { name: 'Create workspace' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Workspace name').fill(name);
  await dialog.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByLabel('Workspace').locator('option:checked')).toHaveText(name);
}
