import { expect, test } from '@playwright/test';
import { signUp } from '../support/sign-up.js';
import {
  alex,
  authorizeOnTikTok,
  businessCenterPanel,
  businessCenters,
  chooseAccounts,
  connectThroughPopup,
  logInToTikTok,
  northwindLegacy,
  northwindUs,
  olivia,
  openIntegrations,
  openTikTokPopup,
  revokeAtTikTok,
  tiktokCard,
  tokenMadeBy,
  wendy,
} from '../support/tiktok.js';
import { uniqueEmail } from '../support/unique-email.js';

// Help page, "Troubleshooting Connection Issues": each case reaches the screen that names its
// cause and its resolution. Plus cancelling on TikTok's page.

const northwind = businessCenters.northwind.name;

test.beforeEach(async ({ page }) => {
  await signUp(page, {
    name: 'Tess Trouble',
    email: uniqueEmail('tess'),
    password: 'a long enough password',
    workspaceName: 'Tess Tactics',
  });
  await openIntegrations(page);
});

test('permission denied: an analyst is told why and what to ask for, and nothing is connected', async ({
  page,
}) => {
  const card = tiktokCard(page);
  const popup = await openTikTokPopup(page, card.getByRole('button', { name: 'Connect' }));
  await logInToTikTok(popup, wendy);
  await popup
    .getByRole('group', { name: 'Business Center' })
    .getByLabel(businessCenters.bluebird.name)
    .check();
  await popup.getByRole('button', { name: 'Continue' }).click();
  await expect(popup.getByRole('heading', { level: 1, name: 'Permission denied' })).toBeVisible();
  await popup.getByRole('button', { name: 'Return to Whathead' }).click();
  await popup.waitForEvent('close');

  const alert = card.getByRole('alert');
  await expect(alert).toContainText('Permission denied');
  await expect(alert).toContainText('Admin or Operator access');
  await expect(alert).toContainText('Ask your Business Center admin');
  await expect(alert).toContainText('try again');
  await expect(card.getByText('Not connected')).toBeVisible();
  await expect(card.getByRole('button', { name: 'Connect' })).toBeEnabled();
});

test("can't see my ad accounts: Harbor Holdings connects with none, and the card says where to look", async ({
  page,
}) => {
  const card = tiktokCard(page);
  const harbor = businessCenters.harbor.name;
  await connectThroughPopup(page, card.getByRole('button', { name: 'Connect' }), alex, harbor);
  const panel = businessCenterPanel(page, harbor);
  await expect(panel).toContainText(`No ad accounts are visible in ${harbor}`);
  await expect(panel).toContainText('another Business Center');
  await expect(panel).toContainText('TikTok Ads Manager');
  await expect(panel.getByRole('button', { name: 'Manage accounts' })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Disconnect' })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Add Another Account' })).toBeVisible();
});

test('connection revoked: Check connection shows Needs attention, Reconnect restores it with its choices', async ({
  page,
}) => {
  const card = tiktokCard(page);
  const token = await tokenMadeBy(olivia, businessCenters.northwind.id, () =>
    connectThroughPopup(page, card.getByRole('button', { name: 'Connect' }), olivia, northwind),
  );
  await chooseAccounts(page, northwind, [northwindUs], northwindUs);
  const panel = businessCenterPanel(page, northwind);
  const usInUse = panel.getByRole('listitem').filter({ hasText: northwindUs });
  await expect(usInUse).toContainText('Default');

  await revokeAtTikTok(token);
  await panel.getByRole('button', { name: 'Check connection' }).click();
  const warning = panel.getByRole('status').filter({ hasText: 'removed at TikTok' });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('Reconnect');
  await expect(card.getByText('Needs attention').first()).toBeVisible();

  const popup = await openTikTokPopup(page, panel.getByRole('button', { name: 'Reconnect' }));
  await authorizeOnTikTok(popup, olivia, northwind);
  await popup.waitForEvent('close');
  await expect(warning).toHaveCount(0);
  await expect(card.getByText('Needs attention')).toHaveCount(0);
  await expect(card.getByRole('status').filter({ hasText: 'choices and default are kept' })).toBeVisible();
  await expect(usInUse).toContainText('Default');
  await expect(card.getByRole('region')).toHaveCount(1);
});

test('account not eligible for API access: shown with what to check, and never the default', async ({
  page,
}) => {
  const card = tiktokCard(page);
  await connectThroughPopup(page, card.getByRole('button', { name: 'Connect' }), alex, northwind);
  const panel = businessCenterPanel(page, northwind);
  await panel.getByRole('button', { name: 'Manage accounts' }).click();
  const legacy = panel.getByRole('listitem').filter({ hasText: northwindLegacy });
  // Northwind Legacy is restricted (STATUS_LIMIT), which the help page files under "Account not
  // eligible for API access": the account says so, with what to check with TikTok.
  await expect(legacy).toContainText(/not eligible for API access/i);
  await expect(legacy).toContainText(/restrict/i);
  await expect(legacy).toContainText(/contact TikTok support/i);

  await panel.getByRole('checkbox', { name: northwindLegacy }).check();
  await panel.getByRole('checkbox', { name: northwindUs }).check();
  await expect(panel.getByRole('radio', { name: northwindLegacy })).toBeDisabled();
  await expect(panel.getByRole('radio', { name: northwindUs })).toBeEnabled();
  await panel.getByRole('radio', { name: northwindUs }).check();
  await panel.getByRole('button', { name: 'Save accounts' }).click();

  const legacyInUse = panel
    .getByRole('list', { name: `Ad accounts in use from ${northwind}` })
    .getByRole('listitem');
  await expect(legacyInUse).toHaveCount(2);
  await expect(legacyInUse.filter({ hasText: northwindLegacy })).not.toContainText('Default');
  await expect(legacyInUse.filter({ hasText: northwindUs })).toContainText('Default');
});

test('cancelling on TikTok’s page says so, and Connect can be tried again', async ({ page }) => {
  const card = tiktokCard(page);
  const popup = await openTikTokPopup(page, card.getByRole('button', { name: 'Connect' }));
  await popup.getByRole('button', { name: 'Cancel' }).click();
  await popup.waitForEvent('close');
  await expect(card.getByRole('alert')).toContainText('You cancelled');
  await expect(card.getByText('Not connected')).toBeVisible();

  const again = await openTikTokPopup(page, card.getByRole('button', { name: 'Connect' }));
  await expect(card.getByRole('alert')).toHaveCount(0);
  await authorizeOnTikTok(again, alex, northwind);
  await again.waitForEvent('close');
  await expect(businessCenterPanel(page, northwind)).toBeVisible();
});
