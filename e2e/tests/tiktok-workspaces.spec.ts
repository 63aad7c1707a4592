import { expect, test } from '@playwright/test';
import { signUp } from '../support/sign-up.js';
import {
  accountChooser,
  alex,
  businessCenterPanel,
  businessCenters,
  chooseAccounts,
  connectionsOfActiveWorkspace,
  connectThroughPopup,
  northwindAccounts,
  northwindUs,
  openIntegrations,
  tiktokCard,
} from '../support/tiktok.js';
import { uniqueEmail } from '../support/unique-email.js';

// Two agencies may manage the same client: each workspace connects the same Business Center on its
// own, and neither sees, changes nor breaks the other's connection.

const northwind = businessCenters.northwind.name;

test('two workspaces connect Northwind Retail without seeing each other’s connection', async ({
  browser,
}) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  const firstPage = await first.newPage();
  const secondPage = await second.newPage();
  await signUp(firstPage, {
    name: 'Fay First',
    email: uniqueEmail('fay'),
    password: 'a long enough password',
    workspaceName: 'First Agency',
  });
  await signUp(secondPage, {
    name: 'Sam Second',
    email: uniqueEmail('sam'),
    password: 'a long enough password',
    workspaceName: 'Second Agency',
  });

  for (const page of [firstPage, secondPage]) {
    await openIntegrations(page);
    await connectThroughPopup(page, tiktokCard(page).getByRole('button', { name: 'Connect' }), alex, {
      accounts: northwindAccounts,
    });
  }
  await chooseAccounts(firstPage, northwind, [northwindUs], northwindUs);
  // The second agency leaves its chooser without choosing anything.
  await accountChooser(secondPage, northwind).getByRole('button', { name: 'Cancel' }).click();
  await secondPage.reload();
  const secondInUse = businessCenterPanel(secondPage, northwind).getByRole('list', {
    name: `Ad accounts in use from ${northwind}`,
  });
  await expect(secondInUse).toContainText('No ad accounts chosen yet');
  await expect(tiktokCard(secondPage).getByRole('region')).toHaveCount(1);

  const firstAnswer = await connectionsOfActiveWorkspace(firstPage);
  const secondAnswer = await connectionsOfActiveWorkspace(secondPage);
  expect(firstAnswer.connections).toHaveLength(1);
  expect(secondAnswer.connections).toHaveLength(1);
  expect(firstAnswer.connections[0]!.id).not.toBe(secondAnswer.connections[0]!.id);
  expect(secondAnswer.defaultAdvertiserId).toBeNull();
  const foreign = await secondPage.request.get(
    `/api/workspaces/${(await (await firstPage.request.get('/api/session')).json()).activeWorkspaceId}/tiktok/connections`,
  );
  expect(foreign.status()).toBe(404);

  await businessCenterPanel(firstPage, northwind).getByRole('button', { name: 'Disconnect' }).click();
  await firstPage.getByRole('dialog').getByRole('button', { name: 'Disconnect' }).click();
  await expect(tiktokCard(firstPage).getByText('Not connected')).toBeVisible();

  const secondPanel = businessCenterPanel(secondPage, northwind);
  await secondPanel.getByRole('button', { name: 'Check connection' }).click();
  await expect(secondPanel.getByText('Connected', { exact: true })).toBeVisible();
  await expect(tiktokCard(secondPage).getByText('Needs attention')).toHaveCount(0);
  await first.close();
  await second.close();
});
