import { expect, test } from '@playwright/test';
import { signUp } from '../support/sign-up.js';
import {
  accountChooser,
  alex,
  businessCenters,
  chooseAccounts,
  connectThroughPopup,
  northwindAccounts,
  northwindUs,
  openIntegrations,
  tiktokCard,
} from '../support/tiktok.js';
import { uniqueEmail } from '../support/unique-email.js';

// Issue 11: after connecting and choosing an account, the Campaigns page lists the emulator's
// campaigns, ad groups and ads of it, imported in the background; tabs, search and the status
// filter work on the mirror, and the view is in the URL.

const northwind = businessCenters.northwind.name;

test('after choosing Northwind US, its campaigns, ad groups and ads are listed, searchable and filtered', async ({
  page,
}) => {
  await signUp(page, {
    name: 'Carla Campaigns',
    email: uniqueEmail('carla'),
    password: 'a long enough password',
    workspaceName: 'Carla Media',
  });
  await openIntegrations(page);
  await connectThroughPopup(page, tiktokCard(page).getByRole('button', { name: 'Connect' }), alex, {
    accounts: northwindAccounts,
  });
  await expect(accountChooser(page, northwind)).toBeVisible();
  await chooseAccounts(page, northwind, [northwindUs], northwindUs);

  await page.getByRole('navigation').getByRole('link', { name: 'Campaigns' }).first().click();
  const campaigns = page.getByRole('table', { name: 'Campaigns' });
  // The import runs in the background; the page fills in when it ends.
  await expect(campaigns.getByRole('row').filter({ hasText: 'Sample campaign 1' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(campaigns.getByRole('row').filter({ hasText: 'Sample campaign 2' })).toBeVisible();
  await expect(campaigns.getByRole('row').filter({ hasText: 'Sample campaign 1' })).toContainText('Active');

  await page.getByRole('tab', { name: 'Ads' }).click();
  await expect(page).toHaveURL(/ads|level=ad/);
  const ads = page.getByRole('table', { name: 'Ads' });
  await expect(ads.getByRole('row').nth(1)).toBeVisible();
  const adRows = await ads.getByRole('row').count();
  expect(adRows).toBeGreaterThan(2);

  await page.getByRole('tab', { name: 'Campaigns' }).click();
  await page.getByPlaceholder('Search by name or ID').fill('campaign 2');
  await expect(campaigns.getByRole('row').filter({ hasText: 'Sample campaign 2' })).toBeVisible();
  await expect(campaigns.getByRole('row').filter({ hasText: 'Sample campaign 1' })).toHaveCount(0);

  await page.reload();
  await expect(page.getByPlaceholder('Search by name or ID')).toHaveValue('campaign 2');
  await expect(campaigns.getByRole('row').filter({ hasText: 'Sample campaign 2' })).toBeVisible();

  await page.getByLabel('Status').selectOption({ label: 'Paused' });
  await expect(page.getByText('No campaigns match these filters')).toBeVisible();
});
