import { expect, test, type Request } from '@playwright/test';
import { createWorkspace, signUpOnce, type SignedIn } from '../support/fresh-workspace.js';
import {
  accountChooser,
  alex,
  businessCenterChoice,
  businessCenterPanel,
  businessCenters,
  cafeLumen,
  checkConnectionAllGood,
  chooseAccounts,
  connectAnotherButton,
  connectionsOfActiveWorkspace,
  connectThroughPopup,
  defaultRadio,
  emulatorUrl,
  expandBusinessCenter,
  expectConnectedMessage,
  hugo,
  ivan,
  ivansBakery,
  ivansFoodTruck,
  northwindAccounts,
  northwindCanada,
  northwindLegacy,
  northwindOutlet,
  northwindUs,
  openAccountChooser,
  openIntegrations,
  outsideBusinessCenter,
  tiktokCard,
} from '../support/tiktok.js';
import { uniqueEmail } from '../support/unique-email.js';

// Issue 9: TikTok grants a set of ad accounts that may span Business Centers (or none). Whathead
// connects a grant that touches one group at once, lets the user pick when it touches several
// ("Select your Business Center"), connects the rest from the same sign-in for ten minutes, and
// never empties what is already connected.

const northwind = businessCenters.northwind.name;
const bluebird = businessCenters.bluebird.name;
const harbor = businessCenters.harbor.name;

// Gina signs up once; each journey starts in a new workspace of hers, with nothing connected.
let gina: SignedIn;
test.beforeAll(async ({ browser }) => {
  gina = await signUpOnce(browser, {
    name: 'Gina Grants',
    email: uniqueEmail('gina'),
    password: 'a long enough password',
    workspaceName: 'Gina Growth',
  });
});
// eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
test.use({ storageState: async ({}, use) => use(gina) });

test.beforeEach(async ({ page }, testInfo) => {
  await createWorkspace(page, `Gina Growth ${testInfo.testId}`);
  await openIntegrations(page);
});

test('a sign-in spanning two Business Centers: pick one, choose its accounts, then connect the other without signing in again', async ({
  page,
}) => {
  const card = tiktokCard(page);
  const popups: unknown[] = [];
  page.on('popup', (popup) => popups.push(popup));
  const authorizationPages: string[] = [];
  page.context().on('request', (request: Request) => {
    if (request.url().startsWith(`${emulatorUrl}/portal/auth`)) authorizationPages.push(request.url());
  });

  // Every account TikTok offers stays ticked: Northwind's four and Bluebird's two.
  await connectThroughPopup(page, card.getByRole('button', { name: 'Connect' }), alex);
  const choice = businessCenterChoice(page);
  await expect(choice).toBeVisible();
  await expect(choice.getByRole('radio')).toHaveCount(2);
  await expect(choice.getByRole('radio', { name: `${northwind} — 4 ad accounts` })).toBeEnabled();
  await expect(choice.getByRole('radio', { name: `${bluebird} — 2 ad accounts` })).toBeEnabled();
  await expect(choice.getByRole('radio', { name: new RegExp(harbor) })).toHaveCount(0);
  await choice.getByRole('radio', { name: `${northwind} — 4 ad accounts` }).check();
  await choice.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(choice).toHaveCount(0);

  // The account chooser opens at once.
  await expect(accountChooser(page, northwind)).toBeVisible();
  await expectConnectedMessage(page, northwind);
  await chooseAccounts(page, northwind, [northwindUs, northwindCanada], northwindUs);

  const offer = connectAnotherButton(page);
  await expect(offer).toBeVisible();
  await expect(card).toContainText(/(9|10) minutes left, no new TikTok sign-in needed\./);
  const popupsBefore = popups.length;
  const authorizationPagesBefore = authorizationPages.length;
  expect(popupsBefore).toBe(1);

  await offer.click();
  await expect(choice).toBeVisible();
  const done = choice.getByRole('radio', { name: new RegExp(`^${northwind} — 4 ad accounts\\s*Connected$`) });
  await expect(done).toBeDisabled();
  await expect(choice.getByRole('radio', { name: `${bluebird} — 2 ad accounts` })).toBeChecked();
  await choice.getByRole('button', { name: 'Connect', exact: true }).click();
  await expectConnectedMessage(page, bluebird);
  await chooseAccounts(page, bluebird, [cafeLumen]);

  // No new TikTok sign-in: no window opened, no authorization page asked for.
  expect(popups).toHaveLength(popupsBefore);
  expect(authorizationPages).toHaveLength(authorizationPagesBefore);
  await expect(offer).toHaveCount(0);
  await expect(card.getByRole('region')).toHaveCount(2);

  await page.reload();
  await expect(businessCenterPanel(page, northwind)).toContainText(
    '2 ad accounts in use · Default: Northwind US',
  );
  await expect(businessCenterPanel(page, bluebird)).toContainText('1 ad account in use · No default here');
  await expect(offer).toHaveCount(0);
});

test('ad accounts a TikTok user owns outside any Business Center connect as their own group', async ({
  page,
}) => {
  const card = tiktokCard(page);
  await connectThroughPopup(page, card.getByRole('button', { name: 'Connect' }), ivan);
  const chooser = accountChooser(page, outsideBusinessCenter);
  await expect(chooser.getByRole('checkbox')).toHaveCount(2);
  await expect(defaultRadio(chooser, ivansFoodTruck)).toBeDisabled();
  await expectConnectedMessage(page, /^Connected .*outside a Business Center\.$/i);
  await chooseAccounts(page, outsideBusinessCenter, [ivansBakery], ivansBakery);

  const panel = businessCenterPanel(page, outsideBusinessCenter);
  await expect(panel.getByRole('heading', { name: outsideBusinessCenter })).toBeVisible();
  await expect(panel).toContainText(/reach(es)? directly/);
  const inUse = panel.getByRole('list', { name: `Ad accounts in use from ${outsideBusinessCenter}` });
  await expect(inUse.getByRole('listitem')).toHaveCount(1);
  await expect(inUse.getByRole('listitem').filter({ hasText: ivansBakery })).toContainText('Default');
  await checkConnectionAllGood(page, outsideBusinessCenter);
});

test('connecting a Business Center with no reachable account leaves Northwind’s choices and default as they were', async ({
  page,
}) => {
  const card = tiktokCard(page);
  await connectThroughPopup(page, card.getByRole('button', { name: 'Connect' }), alex, {
    accounts: northwindAccounts,
  });
  await chooseAccounts(page, northwind, [northwindUs, northwindCanada], northwindUs);

  // Hugo reaches Harbor Holdings only, with no ad account in it.
  await connectThroughPopup(page, card.getByRole('button', { name: 'Add Another Account' }), hugo);
  await expectConnectedMessage(page, harbor);
  await expect(accountChooser(page, harbor)).toHaveCount(0);
  await expect(businessCenterPanel(page, harbor)).toBeVisible();

  await page.reload();
  await expect(card.getByRole('region')).toHaveCount(2);
  await expect(businessCenterPanel(page, northwind)).toContainText(
    '2 ad accounts in use · Default: Northwind US',
  );
  await expandBusinessCenter(page, harbor);
  await expect(businessCenterPanel(page, harbor)).toContainText(`No ad accounts are visible in ${harbor}.`);
  const chooser = await openAccountChooser(page, northwind);
  await expect(chooser.getByRole('checkbox', { name: northwindUs })).toBeChecked();
  await expect(chooser.getByRole('checkbox', { name: northwindCanada })).toBeChecked();
  await expect(chooser.getByRole('checkbox', { name: northwindOutlet })).not.toBeChecked();
  await expect(chooser.getByRole('checkbox', { name: northwindLegacy })).not.toBeChecked();
  await expect(defaultRadio(chooser, northwindUs)).toBeChecked();
  await chooser.getByRole('button', { name: 'Cancel' }).click();

  const answer = await connectionsOfActiveWorkspace(page);
  expect(answer.defaultAdvertiserId).toBe('7200000000000000011');
  const selected = answer.connections
    .find((connection) => connection.businessCenterName === northwind)
    ?.accounts.filter((account) => account.selected)
    .map((account) => account.advertiserId)
    .sort();
  expect(selected).toEqual(['7200000000000000011', '7200000000000000013']);
});
