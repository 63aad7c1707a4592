import { expect, type Page } from '@playwright/test';

export interface Person {
  name: string;
  email: string;
  password: string;
  workspaceName?: string;
}

/** Signs up through the form, as a person would, and waits for the app shell. */
export async function signUp(page: Page, person: Person): Promise<void> {
  await page.goto('/signup');
  await page.getByLabel('Name', { exact: true }).fill(person.name);
  await page.getByLabel('Work email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  if (person.workspaceName !== undefined) await page.getByLabel('Workspace name').fill(person.workspaceName);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

/** Logs in through the log-in page, as a person would, and waits for the app shell. */
export async function logIn(page: Page, person: Pick<Person, 'email' | 'password'>): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}
