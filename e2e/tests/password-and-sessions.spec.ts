import { expect, test } from '@playwright/test';
import { receiveMail } from '../support/mailbox.js';
import { logIn, signUp } from '../support/sign-up.js';
import { uniqueEmail } from '../support/unique-email.js';

test('forgot password: the mailed link sets a new password, which then logs in', async ({ browser }) => {
  const person = {
    name: 'Fran Forgetful',
    email: uniqueEmail('fran'),
    password: 'the password I forgot',
    workspaceName: 'Fran Films',
  };
  const earlier = await browser.newContext();
  const earlierPage = await earlier.newPage();
  await signUp(earlierPage, person);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  // Pages load on first visit: the log-in form (with its own Email field) stays until this one is here.
  await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
  await page.getByLabel('Email').fill(person.email);
  await page.getByRole('button', { name: 'Email me a reset link' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();

  const mail = await receiveMail(person.email);
  expect(mail.subject).toBe('Reset your Whathead password');
  const link = /http:\/\/localhost:\d+\/reset-password\/[\w-]+/.exec(mail.text)?.[0];
  expect(link, mail.text).toBeTruthy();

  await page.goto(link!);
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  await page.getByLabel('New password').fill('my brand new password');
  await page.getByRole('button', { name: 'Set new password' }).click();

  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('status')).toContainText('Your password has been changed');
  await expect(page.getByLabel('Email')).toHaveValue(person.email);
  await page.getByLabel('Password').fill('my brand new password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

  await earlierPage.reload();
  await expect(earlierPage).toHaveURL(/\/login/);

  await page.goto(link!);
  await expect(page.getByRole('heading', { level: 1, name: 'This reset link can’t be used' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ask for a new link' })).toBeVisible();

  // A link mangled into something longer than any token is just as dead, not a form to fix.
  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(`/reset-password/${'x'.repeat(250)}`);
  await expect(
    anonymous.getByRole('heading', { level: 1, name: 'This reset link can’t be used' }),
  ).toBeVisible();
  await expect(anonymous.getByRole('link', { name: 'Log in' })).toBeVisible();
});

test('log out other sessions: the other browser is logged out, this one stays', async ({ browser }) => {
  const person = {
    name: 'Sam Sessions',
    email: uniqueEmail('sam'),
    password: 'a long enough password',
    workspaceName: 'Sam Studio',
  };
  const here = await (await browser.newContext()).newPage();
  await signUp(here, person);

  const elsewhere = await (await browser.newContext()).newPage();
  await logIn(elsewhere, person);

  await here.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const sessions = here.getByRole('region', { name: 'Your sessions' });
  await expect(sessions).toContainText('You’re also logged in on 1 other browser or device.');
  await sessions.getByRole('button', { name: 'Log out other sessions' }).click();
  await expect(sessions.getByRole('status')).toHaveText(
    'Logged out 1 other session. This browser stays logged in.',
  );
  await expect(sessions).toContainText('You’re logged in only here.');

  await elsewhere.reload();
  await expect(elsewhere).toHaveURL(/\/login/);
  await expect(elsewhere.getByRole('heading', { level: 1, name: 'Log in to Whathead' })).toBeVisible();

  await here.reload();
  await expect(here.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});

test('change password: the other browser is logged out and told so, the new password logs in', async ({
  browser,
}) => {
  const person = {
    name: 'Cleo Changer',
    email: uniqueEmail('cleo'),
    password: 'my first long password',
    workspaceName: 'Cleo Creative',
  };
  const newPassword = 'my second long password';
  const here = await (await browser.newContext()).newPage();
  await signUp(here, person);

  const elsewhere = await (await browser.newContext()).newPage();
  await logIn(elsewhere, person);

  await here.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const account = here.getByRole('region', { name: 'Your account' });
  await account.getByLabel('Current password', { exact: true }).fill('not my password at all');
  await account.getByLabel('New password', { exact: true }).fill(newPassword);
  await account.getByRole('button', { name: 'Change password' }).click();
  const current = account.getByLabel('Current password', { exact: true });
  await expect(account.getByText('That isn’t your current password.')).toBeVisible();
  await expect(current).toBeFocused();

  await current.fill(person.password);
  await account.getByRole('button', { name: 'Show new password' }).click();
  await expect(account.getByLabel('New password', { exact: true })).toHaveAttribute('type', 'text');
  await account.getByRole('button', { name: 'Change password' }).click();
  await expect(account.getByRole('status')).toHaveText(
    'Your password has been changed. Logged out 1 other session; this browser stays logged in.',
  );
  await expect(account.getByRole('button', { name: 'Change password' })).toBeFocused();
  await expect(here.getByRole('region', { name: 'Your sessions' })).toContainText(
    'You’re logged in only here.',
  );

  // The other browser still shows its page until its next request, which is refused.
  await elsewhere.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(elsewhere).toHaveURL(/\/login\?next=%2Fsettings$/);
  await expect(elsewhere.getByRole('status')).toHaveText('Your session has ended. Log in again.');
  await elsewhere.getByLabel('Email').fill(person.email);
  await elsewhere.getByLabel('Password').fill(person.password);
  await elsewhere.getByRole('button', { name: 'Log in' }).click();
  await expect(elsewhere.getByRole('alert')).toContainText('don’t match');
  await elsewhere.getByLabel('Password').fill(newPassword);
  await elsewhere.getByRole('button', { name: 'Log in' }).click();
  await expect(elsewhere.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  await here.reload();
  await expect(here.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});
