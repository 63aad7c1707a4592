import { expect, test } from '@playwright/test';
import { signUp } from '../support/sign-up.js';
import {
  accountChooser,
  alex,
  bluebirdAccounts,
  businessCenterPanel,
  businessCenters,
  cafeLumen,
  chooseAccounts,
  connectionsOfActiveWorkspace,
  connectThroughPopup,
  expandBusinessCenter,
  expectConnectedMessage,
  northwindAccounts,
  northwindUs,
  openIntegrations,
  tiktokCard,
  tokenMadeBy,
  tokenState,
} from '../support/tiktok.js';
import { uniqueEmail } from '../support/unique-email.js';

// Help page, "Managing Multiple Business Centers": Add Another Account connects a second
// Business Center beside the first; the workspace keeps one default account across all of them.
// And Disconnect, which asks first and revokes Whathead's access at TikTok. With several on the
// card, each Business Center is one summary line that expands to its details.

const northwind = businessCenters.northwind.name;
const bluebird = businessCenters.bluebird.name;

test('Add Another Account connects Bluebird beside Northwind, with one default across both', async ({
  page,
}) => {
  await signUp(page, {
    name: 'Ada Agency',
    email: uniqueEmail('ada'),
    password: 'a long enough password',
    workspaceName: 'Ada Agency',
  });
  await openIntegrations(page);
  const card = tiktokCard(page);
  await connectThroughPopup(page, card.getByRole('button', { name: 'Connect' }), alex, {
    accounts: northwindAccounts,
  });
  await chooseAccounts(page, northwind, [northwindUs], northwindUs);

  // This time Alex leaves every account ticked: Northwind, already connected, takes the new
  // sign-in and keeps its choices; Bluebird, the one new Business Center, is connected at once.
  await connectThroughPopup(page, card.getByRole('button', { name: 'Add Another Account' }), alex);
  await expectConnectedMessage(page, bluebird);
  await chooseAccounts(page, bluebird, [cafeLumen], cafeLumen);
  await expect(card.getByRole('region')).toHaveCount(2);
  await expect(businessCenterPanel(page, northwind)).toContainText('1 ad account in use · No default here');
  await expect(businessCenterPanel(page, bluebird)).toContainText(
    '1 ad account in use · Default: Café Lumen',
  );

  await expandBusinessCenter(page, bluebird);
  await expandBusinessCenter(page, northwind);
  const bluebirdInUse = businessCenterPanel(page, bluebird)
    .getByRole('listitem')
    .filter({ hasText: cafeLumen });
  await expect(bluebirdInUse).toContainText('Default');
  const northwindInUse = businessCenterPanel(page, northwind)
    .getByRole('listitem')
    .filter({ hasText: northwindUs });
  await expect(northwindInUse).toBeVisible();
  await expect(northwindInUse).not.toContainText('Default');
  await expect(card.getByText('Default', { exact: true })).toHaveCount(1);

  const answer = await connectionsOfActiveWorkspace(page);
  expect(answer.defaultAdvertiserId).toBe('7200000000000000021');
  const defaults = answer.connections.flatMap((connection) =>
    connection.accounts.filter((account) => account.isDefault),
  );
  expect(defaults.map((account) => account.advertiserId)).toEqual(['7200000000000000021']);
});

test('Disconnect asks first, revokes the access at TikTok and leaves the other Business Center', async ({
  page,
}) => {
  await signUp(page, {
    name: 'Dario Done',
    email: uniqueEmail('dario'),
    password: 'a long enough password',
    workspaceName: 'Dario Digital',
  });
  await openIntegrations(page);
  const card = tiktokCard(page);
  await connectThroughPopup(page, card.getByRole('button', { name: 'Connect' }), alex, {
    accounts: northwindAccounts,
  });
  await accountChooser(page, northwind).getByRole('button', { name: 'Cancel' }).click();
  const bluebirdToken = await tokenMadeBy(alex, businessCenters.bluebird.id, () =>
    connectThroughPopup(page, card.getByRole('button', { name: 'Add Another Account' }), alex, {
      accounts: bluebirdAccounts,
    }),
  );
  await accountChooser(page, bluebird).getByRole('button', { name: 'Cancel' }).click();
  await expandBusinessCenter(page, bluebird);

  await businessCenterPanel(page, bluebird).getByRole('button', { name: 'Disconnect' }).click();
  const confirmation = page.getByRole('dialog', { name: `Disconnect ${bluebird}?` });
  await expect(confirmation).toContainText(/(revoked at|access back to) TikTok/);
  await confirmation.getByRole('button', { name: 'Keep connected' }).click();
  await expect(confirmation).toHaveCount(0);
  await expect(businessCenterPanel(page, bluebird)).toBeVisible();

  await businessCenterPanel(page, bluebird).getByRole('button', { name: 'Disconnect' }).click();
  await confirmation.getByRole('button', { name: 'Disconnect' }).click();
  await expect(confirmation).toHaveCount(0);
  await expect(businessCenterPanel(page, bluebird)).toHaveCount(0);
  await expect(businessCenterPanel(page, northwind)).toBeVisible();
  await expect(card.getByText('Connected', { exact: true }).first()).toBeVisible();
  await expect.poll(() => tokenState(bluebirdToken)).toBe('revoked');

  await businessCenterPanel(page, northwind).getByRole('button', { name: 'Disconnect' }).click();
  await page
    .getByRole('dialog', { name: `Disconnect ${northwind}?` })
    .getByRole('button', { name: 'Disconnect' })
    .click();
  await expect(card.getByText('Not connected')).toBeVisible();
  await expect(card.getByRole('button', { name: 'Connect' })).toBeVisible();
  await expect(card.getByRole('region')).toHaveCount(0);
  await page.reload();
  await expect(card.getByText('Not connected')).toBeVisible();
});
