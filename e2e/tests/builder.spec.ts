import { expect, test } from '@playwright/test';
import {
  connectNorthwindUs,
  emulatorTruth,
  expectSaved,
  newDraft,
  northwindUsAssets,
  openDraft,
  openForm,
  openPublishPreview,
  outline,
  outlineItem,
  planRows,
  publishAsItIs,
  seedDraft,
  seedNodes,
  toolbar,
  toolbarButton,
  uniqueName,
  waitForOutcome,
  workspaceApi,
} from '../support/builder.js';
import { createWorkspace, signUpOnce, type SignedIn } from '../support/fresh-workspace.js';
import { uniqueEmail } from '../support/unique-email.js';

// Issue 14, building new: a campaign, ad group and ad made in the builder's forms reach TikTok
// and come back with their ids; a tree of 3 × 2 × 2 publishes whole; and Publish waits while the
// rules find errors, each named with its node and field.

test.describe.configure({ timeout: 150_000 });

let bea: SignedIn;
test.beforeAll(async ({ browser }) => {
  bea = await signUpOnce(browser, {
    name: 'Bea Builder',
    email: uniqueEmail('bea'),
    password: 'a long enough password',
    workspaceName: 'Bea Brands',
  });
});
// eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
test.use({ storageState: async ({}, use) => use(bea) });

test.beforeEach(async ({ page }, testInfo) => {
  await createWorkspace(page, `Bea Brands ${testInfo.testId}`);
  await connectNorthwindUs(page);
});

const noPublish = 'Nothing to publish: the draft is empty, or everything in it is as TikTok has it.';

test('A1: a campaign, ad group and ad made in the forms are created at TikTok; publishing again sends nothing', async ({
  page,
}) => {
  const campaignName = uniqueName('A1 Spring');
  const adGroupName = uniqueName('A1 US adults');
  const adName = uniqueName('A1 Hero');
  await newDraft(page, uniqueName('A1 draft'));

  await test.step('the campaign: objective and daily budget', async () => {
    await toolbar(page).getByRole('button', { name: 'Add campaign', exact: true }).click();
    const form = await openForm(page, outlineItem(page, 'Campaign', 'New campaign'));
    await form.getByLabel('Campaign name').fill(campaignName);
    await form.getByLabel('Objective').selectOption({ label: 'Traffic' });
    await form.getByLabel('Budget', { exact: true }).selectOption({ label: 'Daily' });
    await form.getByLabel('Daily budget (USD)').fill('100');
  });

  await test.step('its ad group: the United States found by search, and a daily budget', async () => {
    await outlineItem(page, 'Campaign', campaignName).click();
    await toolbar(page).getByRole('button', { name: 'Add ad group', exact: true }).click();
    const form = await openForm(page, outlineItem(page, 'Ad group', 'New ad group'));
    await form.getByLabel('Ad group name').fill(adGroupName);
    await form.getByLabel('Search locations').fill('United States');
    await form
      .getByRole('list', { name: 'Matching locations' })
      .getByRole('button', { name: /^Add United States\b/ })
      .first()
      .click();
    await expect(form.getByRole('list', { name: 'Chosen locations' })).toContainText('United States');
    await form.getByLabel('Daily budget (USD)').fill('30');
  });

  await test.step('its ad: identity, an image from the library, text, display name and landing page', async () => {
    await outlineItem(page, 'Ad group', adGroupName).click();
    await toolbar(page).getByRole('button', { name: 'Add ad', exact: true }).click();
    const form = await openForm(page, outlineItem(page, 'Ad', 'New ad'));
    await form.getByLabel('Ad name').fill(adName);
    const identity = form.getByLabel('Identity', { exact: true });
    await expect(identity.locator('option', { hasText: 'Custom identity' })).toHaveCount(1);
    await identity.selectOption({ label: 'Northwind US · Custom identity' });
    await form.getByLabel('Display name').fill('Northwind Spring');
    await form.getByRole('radio', { name: 'Single image' }).check();
    await form.getByRole('button', { name: 'Select from Library' }).click();
    const picker = page.getByRole('dialog', { name: 'Select from Library' });
    await picker.getByLabel('Search by name').fill('sample-cover');
    await picker
      .getByRole('radio', { name: /sample-cover\.png/ })
      .first()
      .check();
    await picker.getByRole('button', { name: 'Select', exact: true }).click();
    await expect(picker).toHaveCount(0);
    await expect(form.getByText('sample-cover.png · 1080×1920')).toBeVisible();
    await form.getByLabel('Ad text').fill('Spring is here: fresh picks for every room');
    await form.getByLabel('Landing page URL').fill('https://example.com/spring');
  });

  await test.step('Publish: 3 to create, then each created with its TikTok id', async () => {
    await expect(toolbar(page).getByText(/\d+ errors?$/)).toHaveCount(0);
    const preview = await openPublishPreview(page);
    await expect(preview.locator('.publish-preview__counts')).toHaveText('3 to create');
    expect(await planRows(preview)).toEqual([
      `Create Campaign ${campaignName}`,
      `Create Ad group ${adGroupName}`,
      `Create Ad ${adName}`,
    ]);
    await preview.getByRole('button', { name: 'Publish 3 changes' }).click();
    const dialog = await waitForOutcome(page);
    await expect(dialog.getByRole('status').first()).toHaveText('Published: 3 created');
    const states = dialog.locator('.plan-tree__state');
    await expect(states).toHaveCount(3);
    for (const state of await states.allInnerTexts()) expect(state).toMatch(/^Created \(TikTok ID \d+\)$/);

    const truth = await emulatorTruth();
    const campaign = truth.campaigns.find((each) => each.campaign_name === campaignName);
    expect(campaign?.budget).toBe(100);
    const adGroup = truth.adgroups.find((each) => each.adgroup_name === adGroupName);
    expect(adGroup?.campaign_id).toBe(campaign?.campaign_id);
    const ad = truth.ads.find((each) => each.ad_name === adName);
    expect(ad?.adgroup_id).toBe(adGroup?.adgroup_id);
    await expect(dialog).toContainText(`Created (TikTok ID ${ad!.ad_id})`);
    await dialog.getByRole('button', { name: 'Done' }).click();
  });

  await test.step('publishing again: everything unchanged, nothing sent to TikTok', async () => {
    // The builder now holds the published version: every node as TikTok has it.
    for (const item of await outline(page).getByRole('treeitem').all())
      await expect(item).toContainText('Published');
    await expectSaved(page);
    await expect(toolbarButton(page, 'Publish')).toBeDisabled();
    await expect(toolbar(page).locator(`span[title="${noPublish}"]`)).toHaveCount(1);

    // The server agrees, and a publish asked for all the same sends TikTok nothing.
    const { preview, publish, writes } = await publishAsItIs(page);
    expect(preview).toEqual({ create: 0, update: 0, skip: 3 });
    expect(publish.state).toBe('succeeded');
    expect(publish.items.map((item) => item.state)).toEqual(['skipped', 'skipped', 'skipped']);
    expect(writes).toEqual([]);
  });
});

test('A2: a 3 × 2 × 2 tree (one campaign seeded, Duplicate twice) creates 3 + 6 + 12', async ({ page }) => {
  const api = await workspaceApi(page);
  const assets = await northwindUsAssets(api);
  const campaignName = uniqueName('A2 Tree');
  const draft = await seedDraft(
    api,
    uniqueName('A2 draft'),
    seedNodes(
      [
        {
          name: campaignName,
          adGroups: ['North', 'South'].map((group) => ({
            name: `A2 ${group}`,
            ads: [{ name: `A2 ${group} one` }, { name: `A2 ${group} two` }],
          })),
        },
      ],
      assets,
    ),
  );
  await openDraft(page, draft.id);

  const original = outlineItem(page, 'Campaign', campaignName);
  await original.click();
  await toolbarButton(page, 'Duplicate').click();
  const copy = outlineItem(page, 'Campaign', `${campaignName} (copy)`);
  await expect(copy).toHaveAttribute('aria-selected', 'true');
  await toolbarButton(page, 'Duplicate').click();
  await expect(outlineItem(page, 'Campaign', `${campaignName} (copy) (copy)`)).toBeVisible();
  await expect(outline(page).getByRole('treeitem')).toHaveCount(3 * (1 + 2 + 4));

  const preview = await openPublishPreview(page);
  await expect(preview.locator('.publish-preview__counts')).toHaveText('21 to create');
  await preview.getByRole('button', { name: 'Publish 21 changes' }).click();
  const dialog = await waitForOutcome(page, 90_000);
  await expect(dialog.getByRole('status').first()).toHaveText('Published: 21 created');

  const truth = await emulatorTruth();
  const campaigns = truth.campaigns.filter((each) => each.campaign_name.startsWith(campaignName));
  expect(campaigns).toHaveLength(3);
  const ids = new Set(campaigns.map((each) => each.campaign_id));
  const adGroups = truth.adgroups.filter((each) => ids.has(each.campaign_id));
  expect(adGroups).toHaveLength(6);
  const groupIds = new Set(adGroups.map((each) => each.adgroup_id));
  expect(truth.ads.filter((each) => groupIds.has(each.adgroup_id))).toHaveLength(12);
});

test('Validation: Publish waits while errors remain, and the summary names the node and field', async ({
  page,
}) => {
  const api = await workspaceApi(page);
  const assets = await northwindUsAssets(api);
  const adGroupName = uniqueName('V Nowhere');
  const nodes = seedNodes(
    [{ name: uniqueName('V Campaign'), adGroups: [{ name: adGroupName, ads: [{ name: 'V ad' }] }] }],
    assets,
  );
  // The ad group has no location: the one error of the draft.
  const adGroup = nodes.find((node) => node.level === 'adgroup')!;
  if (adGroup.level === 'adgroup') adGroup.settings.locations = [];
  const draft = await seedDraft(api, uniqueName('V draft'), nodes);
  await openDraft(page, draft.id);

  const publish = toolbarButton(page, 'Publish');
  await expect(publish).toBeDisabled();
  const summary = toolbar(page).getByRole('button', { name: '1 error' });
  await summary.click();
  const panel = toolbar(page).getByRole('group', { name: 'What to fix before publishing' });
  await expect(panel).toContainText('1 error to fix before publishing.');
  const issue = panel.getByRole('button', {
    name: `Error: Ad group “${adGroupName}” · Locations: Choose at least one location.`,
  });
  await expect(issue).toBeVisible();
  await expect(outlineItem(page, 'Ad group', adGroupName)).toContainText('1 error');

  // Choosing the issue opens the ad group's form at the field; a location there clears it.
  await issue.click();
  const form = page.locator('.builder-panel');
  await expect(form.getByRole('heading', { name: `Ad group “${adGroupName}”` })).toBeVisible();
  await form.getByLabel('Search locations').fill('Canada');
  await form
    .getByRole('list', { name: 'Matching locations' })
    .getByRole('button', { name: /^Add Canada\b/ })
    .first()
    .click();
  await expect(summary).toHaveCount(0);
  await expectSaved(page);
  await expect(publish).toBeEnabled();
});
