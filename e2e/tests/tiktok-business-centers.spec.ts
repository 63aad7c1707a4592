import { expect, test } from '@playwright/test';
import { signUp } from '../support/sign-up.js';
import {
  alex,
  businessCenterPanel,
  businessCenters,
  cafeLumen,
  chooseAccounts,
  connectionsOfActiveWorkspace,
  connectThroughPopup,
  northwindUs,
  openIntegrations,
  tiktokCard,
  tokenMadeBy,
  tokenState,
} from '../support/tiktok.js';
import { uniqueEmail } from '../support/unique-email.js';

// Help page, "Managing Multiple Business Centers": Add Another Account connects a second
// Business Center beside the first; the workspace keeps one default account across all of them.
// And Disconnect, which asks first and revokes Whathead's access at TikTok.

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
  await connectThroughPopup(page, card.getByRole('button', { name: 'Connect' }), alex, northwind);
  await chooseAccounts(page, northwind, [northwindUs], northwindUs);

  await connectThroughPopup(page, card.getByRole('button', { name: 'Add Another Account' }), alex, bluebird);
  await expect(card.getByRole('region')).toHaveCount(2);
  await expect(businessCenterPanel(page, northwind)).toBeVisible();
  await expect(businessCenterPanel(page, bluebird)).toBeVisible();
  await expect(card.getByRole('status').filter({ hasText: `${bluebird} is connected` })).toBeVisible();

  await chooseAccounts(page, bluebird, [cafeLumen], cafeLumen);
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
  await connectThroughPopup(page, card.getByRole('button', { name: 'Connect' }), alex, northwind);
  const bluebirdToken = await tokenMadeBy(alex, businessCenters.bluebird.id, () =>
    connectThroughPopup(page, card.getByRole('button', { name: 'Add Another Account' }), alex, bluebird),
  );

  await businessCenterPanel(page, bluebird).getByRole('button', { name: 'Disconnect' }).click();
  const confirmation = page.getByRole('dialog', { name: `Disconnect ${bluebird}?` });
  await expect(confirmation).toContainText('revoked at TikTok');
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
