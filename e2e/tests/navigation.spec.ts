import { expect, test } from '@playwright/test';
import { signUp } from '../support/sign-up.js';
import { uniqueEmail } from '../support/unique-email.js';

// A common phone: too narrow for a row of every page, which is why the navigation becomes a menu.
test.use({ viewport: { width: 390, height: 844 } });

test('on a phone every page is one Menu away, and nothing is cut off', async ({ page }) => {
  await signUp(page, {
    name: 'Pat Phone',
    email: uniqueEmail('pat'),
    password: 'a long enough password',
    workspaceName: 'Pocket Agency',
  });
  const navigation = page.getByRole('navigation', { name: 'Main' });
  const menu = navigation.getByRole('button', { name: 'Menu' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');

  for (const section of ['Media', 'Reports', 'Integrations', 'Settings', 'Campaigns']) {
    await menu.click();
    const link = navigation.getByRole('link', { name: section });
    await expect(link).toBeInViewport({ ratio: 1 });
    await link.click();
    await expect(page.getByRole('heading', { level: 1, name: section })).toBeVisible();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await menu.click();
    await expect(navigation.getByRole('link', { name: section })).toHaveAttribute('aria-current', 'page');
    await menu.click();
  }

  await menu.click();
  await navigation.getByRole('link', { name: 'Reports' }).focus();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();
  await expect(navigation.getByRole('link')).toHaveCount(0);

  for (const control of [page.getByLabel('Workspace'), page.getByRole('button', { name: 'Log out' })]) {
    await expect(control).toBeInViewport({ ratio: 1 });
  }
  // A string, as this project's e2e types carry no DOM: it runs in the page.
  const sidewaysScroll = await page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );
  expect(sidewaysScroll, 'the page does not scroll sideways').toBe(0);
});
