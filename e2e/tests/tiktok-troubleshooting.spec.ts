import { expect, test } from '@playwright/test';
import { createWorkspace, signUpOnce, type SignedIn } from '../support/fresh-workspace.js';
import {
  accountChooser,
  alex,
  authorizeOnTikTok,
  businessCenterPanel,
  businessCenters,
  cafeLumen,
  chooseAccounts,
  connectThroughPopup,
  defaultRadio,
  expectConnectedMessage,
  hugo,
  northwindAccounts,
  northwindLegacy,
  northwindUs,
  olivia,
  openIntegrations,
  openTikTokPopup,
  revokeAtTikTok,
  tiktokCard,
  tokenMadeBy,
  verdeGym,
  wendy,
} from '../support/tiktok.js';
import { uniqueEmail } from '../support/unique-email.js';

// Help page, "Troubleshooting Connection Issues": each case reaches the screen that names its
// cause and its resolution. Plus cancelling on TikTok's page.

const northwind = businessCenters.northwind.name;

// Tess signs up once; each journey starts in a new workspace of hers, with nothing connected.
let tess: SignedIn;
test.beforeAll(async ({ browser }) => {
  tess = await signUpOnce(browser, {
    name: 'Tess Trouble',
    email: uniqueEmail('tess'),
    password: 'a long enough password',
    workspaceName: 'Tess Tactics',
  });
});
// eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
test.use({ storageState: async ({}, use) => use(tess) });

test.beforeEach(async ({ page }, testInfo) => {
  await createWorkspace(page, `Tess Tactics ${testInfo.testId}`);
  await openIntegrations(page);
});

test('permission denied: an Analyst-only user is told why, with the roles, and what to ask for', async ({
  page,
}) => {
  // TikTok grants analysts too (correction 16): Wendy's sign-in connects Bluebird Agency, whose
  // accounts she can only view, so the connection is in the help page's "Permission denied" state.
  const card = tiktokCard(page);
  const bluebird = businessCenters.bluebird.name;
  await connectThroughPopup(page, card.getByRole('button', { name: 'Connect' }), wendy);
  const chooser = accountChooser(page, bluebird);
  await expect(chooser.getByText('View only — can be used for reporting')).toHaveCount(2);
  for (const account of [cafeLumen, verdeGym]) await expect(defaultRadio(chooser, account)).toBeDisabled();
  await chooser.getByRole('button', { name: 'Cancel' }).click();
  await expect(chooser).toHaveCount(0);

  await expect(card.getByText(`Needs attention: ${bluebird}`)).toBeVisible();
  const panel = businessCenterPanel(page, bluebird);
  await expect(panel.getByRole('heading', { name: 'Permission denied' })).toBeVisible();
  await expect(panel).toContainText(`In ${bluebird}, you are a Standard member of the Business Center`);
  await expect(panel).toContainText('the Analyst role on its ad accounts');
  await expect(panel).toContainText('needs the Admin or Operator role');
  await expect(panel).toContainText('Ask your Business Center admin');
  await expect(panel.getByRole('list', { name: 'How to fix it' })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Connect', exact: true })).toBeEnabled();
  await card.screenshot({ path: test.info().outputPath('permission-denied.png') });
});

test("can't see my ad accounts: Harbor Holdings connects with none, and the card says where to look", async ({
  page,
}) => {
  const card = tiktokCard(page);
  const harbor = businessCenters.harbor.name;
  // Hugo is a member of Harbor Holdings with no ad account assigned: TikTok grants nothing.
  await connectThroughPopup(page, card.getByRole('button', { name: 'Connect' }), hugo);
  await expectConnectedMessage(page, harbor);
  // Nothing to choose: no account chooser opens.
  await expect(accountChooser(page, harbor)).toHaveCount(0);
  const panel = businessCenterPanel(page, harbor);
  await expect(panel).toContainText(`No ad accounts are visible in ${harbor}`);
  await expect(panel).toContainText('TikTok Ads Manager');
  await expect(panel).toContainText('Add Another Account');
  await expect(panel.getByRole('button', { name: 'Manage accounts' })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Disconnect' })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Add Another Account' })).toBeVisible();
});

test('connection revoked: Check connection shows Needs attention, Reconnect restores it with its choices', async ({
  page,
}) => {
  const card = tiktokCard(page);
  const token = await tokenMadeBy(olivia, businessCenters.northwind.id, () =>
    connectThroughPopup(page, card.getByRole('button', { name: 'Connect' }), olivia),
  );
  await chooseAccounts(page, northwind, [northwindUs], northwindUs);
  const panel = businessCenterPanel(page, northwind);
  const usInUse = panel.getByRole('listitem').filter({ hasText: northwindUs });
  await expect(usInUse).toContainText('Default');

  await revokeAtTikTok(token);
  await panel.getByRole('button', { name: 'Check connection' }).click();
  const warning = panel.getByText(/^The access Whathead had was removed at TikTok/);
  await expect(warning).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Reconnect' })).toBeVisible();
  await expect(card.getByText(`Needs attention: ${northwind}`)).toBeVisible();
  await panel.screenshot({ path: test.info().outputPath('revoked-after-check.png') });

  await connectThroughPopup(page, panel.getByRole('button', { name: 'Reconnect' }), olivia);
  // Nothing changed at TikTok but the access: the choices and the default are as they were.
  await expectConnectedMessage(page, /^Reconnected Northwind Retail\.$/);
  await expect(accountChooser(page, northwind)).toHaveCount(0);
  await expect(warning).toHaveCount(0);
  await expect(card.getByText('Needs attention')).toHaveCount(0);
  await expect(usInUse).toContainText('Default');
  await expect(card.getByRole('region')).toHaveCount(1);
});

test('account not eligible for API access: shown with what to check, and never the default', async ({
  page,
}) => {
  const card = tiktokCard(page);
  await connectThroughPopup(page, card.getByRole('button', { name: 'Connect' }), alex, {
    accounts: northwindAccounts,
  });
  const panel = businessCenterPanel(page, northwind);
  const chooser = accountChooser(page, northwind);
  const legacy = chooser.getByRole('listitem').filter({ hasText: northwindLegacy });
  // Northwind Legacy is restricted (STATUS_LIMIT), which the help page files under "Account not
  // eligible for API access": the account says so, with what to check with TikTok.
  await expect(legacy).toContainText(/not eligible for API access/i);
  await expect(legacy).toContainText(/restrict/i);
  await expect(legacy).toContainText(/contact TikTok support/i);

  await chooser.getByRole('checkbox', { name: northwindLegacy }).check();
  await chooser.getByRole('checkbox', { name: northwindUs }).check();
  await expect(defaultRadio(chooser, northwindLegacy)).toBeDisabled();
  await expect(defaultRadio(chooser, northwindUs)).toBeEnabled();
  await chooseAccounts(page, northwind, [], northwindUs);

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
  const closed = again.waitForEvent('close');
  await authorizeOnTikTok(again, alex, { accounts: northwindAccounts });
  await closed;
  await chooseAccounts(page, northwind, [northwindUs], northwindUs);
  await expect(businessCenterPanel(page, northwind)).toBeVisible();
});
