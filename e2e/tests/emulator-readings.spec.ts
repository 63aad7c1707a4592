import { expect, test, type Page } from '@playwright/test';
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
  connectThroughPopup,
  emulatorCallCount,
  emulatorSettings,
  emulatorTokens,
  expectConnectedMessage,
  logInToTikTok,
  northwindUs,
  openIntegrations,
  openTikTokPopup,
  tiktokCard,
  updateEmulatorSettings,
  type EmulatorReadings,
} from '../support/tiktok.js';
import { uniqueEmail } from '../support/unique-email.js';

// Every reading the emulator takes of what TikTok leaves unconfirmed (emulator README, "Readings"
// and "Settings"), each walked through by a person: Whathead must work under all of them. The
// settings belong to the emulator every journey of the run shares, so this file runs in its own
// project, after the others, one test at a time, and puts the settings back after each test.

test.describe.configure({ mode: 'serial' });

const northwind = businessCenters.northwind.name;
const bluebird = businessCenters.bluebird.name;

let original: Record<string, unknown>;
// Rita signs up once; each journey starts in a new workspace of hers, with nothing connected.
let rita: SignedIn;

test.beforeAll(async ({ browser }) => {
  original = await emulatorSettings();
  rita = await signUpOnce(browser, {
    name: 'Rita Readings',
    email: uniqueEmail('rita'),
    password: 'a long enough password',
    workspaceName: 'Rita Research',
  });
});
// eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
test.use({ storageState: async ({}, use) => use(rita) });

test.afterEach(async () => {
  await updateEmulatorSettings(original);
});

async function startInNewWorkspace(page: Page, name: string): Promise<void> {
  await createWorkspace(page, name);
  await openIntegrations(page);
}

/** How many sign-ins the emulator has turned into tokens: code exchanges, and Alex's tokens. */
async function signInsAtTikTok(): Promise<{ exchanges: number; alexTokens: number }> {
  return {
    exchanges: await emulatorCallCount('/oauth2/access_token/'),
    alexTokens: (await emulatorTokens()).filter((token) => token.user_email === alex.email).length,
  };
}

const connectReadings: { reading: string; settings: Partial<EmulatorReadings> }[] = [
  {
    reading:
      "the defaults: businessCenterStep 'none', businessCenterVisibility 'all', tokenIssuance 'per_grant', advertiserAdCreationEligible 'absent'",
    settings: {
      businessCenterStep: 'none',
      businessCenterVisibility: 'all',
      tokenIssuance: 'per_grant',
      advertiserAdCreationEligible: 'absent',
    },
  },
  { reading: "businessCenterStep 'pick'", settings: { businessCenterStep: 'pick' } },
  { reading: "businessCenterVisibility 'authorized'", settings: { businessCenterVisibility: 'authorized' } },
  { reading: "tokenIssuance 'per_user'", settings: { tokenIssuance: 'per_user' } },
  { reading: "advertiserAdCreationEligible 'enum'", settings: { advertiserAdCreationEligible: 'enum' } },
  {
    reading: "advertiserAdCreationEligible 'boolean'",
    settings: { advertiserAdCreationEligible: 'boolean' },
  },
];

for (const { reading, settings } of connectReadings) {
  test(`connect, choose accounts and check, under ${reading}`, async ({ page }) => {
    await updateEmulatorSettings(settings);
    await startInNewWorkspace(page, `Rita ${reading.slice(0, 40)}`);
    const card = tiktokCard(page);
    const picksOnTikTok = settings.businessCenterStep === 'pick';

    // Alex leaves every offered account ticked. With a Business Center step on TikTok's page he
    // picks Northwind there and the grant touches it alone; otherwise it spans two.
    await connectThroughPopup(
      page,
      card.getByRole('button', { name: 'Connect' }),
      alex,
      picksOnTikTok ? { businessCenter: northwind } : {},
    );
    if (!picksOnTikTok) {
      const choice = businessCenterChoice(page);
      await choice.getByRole('radio', { name: `${northwind} — 4 ad accounts` }).check();
      await choice.getByRole('button', { name: 'Connect', exact: true }).click();
    }
    await expect(accountChooser(page, northwind)).toBeVisible();
    await expectConnectedMessage(page, northwind);
    await chooseAccounts(page, northwind, [northwindUs], northwindUs);
    await checkConnectionAllGood(page, northwind);

    if (picksOnTikTok) {
      await expect(connectAnotherButton(page)).toHaveCount(0);
      await expect(card.getByRole('region')).toHaveCount(1);
      return;
    }
    // The rest of the same sign-in: no new sign-in reaches TikTok.
    const before = await signInsAtTikTok();
    await connectAnotherButton(page).click();
    await businessCenterChoice(page).getByRole('button', { name: 'Connect', exact: true }).click();
    await expectConnectedMessage(page, bluebird);
    await chooseAccounts(page, bluebird, [cafeLumen]);
    await expect(connectAnotherButton(page)).toHaveCount(0);
    expect(await signInsAtTikTok()).toEqual(before);
    await checkConnectionAllGood(page, bluebird);
    await expect(businessCenterPanel(page, northwind)).toContainText(
      '1 ad account in use · Default: Northwind US',
    );
  });
}

for (const cancelRedirect of ['oauth_error', 'state_only', 'none'] as const) {
  test(`cancel on TikTok's consent page under cancelRedirect '${cancelRedirect}'`, async ({ page }) => {
    await updateEmulatorSettings({ cancelRedirect });
    await startInNewWorkspace(page, `Rita cancel ${cancelRedirect}`);
    const card = tiktokCard(page);
    const popup = await openTikTokPopup(page, card.getByRole('button', { name: 'Connect' }));
    const closed = popup.waitForEvent('close');
    await logInToTikTok(popup, alex);
    await expect(popup.getByRole('heading', { level: 1, name: 'Authorize Whathead' })).toBeVisible();
    await popup.getByRole('button', { name: 'Cancel' }).click();

    if (cancelRedirect === 'none') {
      // TikTok keeps its own page and sends nobody back: the person closes the window.
      await expect(popup.getByRole('heading', { level: 1, name: 'Authorization cancelled' })).toBeVisible();
      await popup.close();
      await closed;
      await expect(
        card
          .getByRole('status')
          .filter({ hasText: 'The TikTok window was closed before finishing. Click Connect to try again.' }),
      ).toBeVisible();
    } else {
      await closed;
      await expect(card.getByRole('alert')).toHaveText(
        'You cancelled on TikTok’s page, so nothing was connected. Click Connect when you’re ready.',
      );
    }
    await expect(card.getByText('Not connected')).toBeVisible();
    await expect(card.getByRole('button', { name: 'Connect', exact: true })).toBeEnabled();

    // Settings, "TikTok activity": the cancelled attempt, where TikTok sent the person back.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const activity = page.getByRole('table', { name: 'TikTok activity, newest first' });
    if (cancelRedirect === 'none') {
      await expect(page.getByText('No TikTok activity yet.')).toBeVisible();
    } else {
      const row = activity.getByRole('row').filter({ hasText: 'Connect was cancelled at TikTok.' });
      await expect(row).toHaveCount(1);
      await expect(row).toContainText('Cancelled');
      await expect(row).toContainText('Rita Readings');
    }
  });
}
