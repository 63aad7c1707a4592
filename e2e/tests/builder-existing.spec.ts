import { expect, test, type Page } from '@playwright/test';
import {
  addToSelection,
  connectNorthwindUs,
  emulatorTruth,
  expectSaved,
  newDraft,
  openForm,
  openPublishPreview,
  outline,
  outlineItem,
  planRows,
  publishAsItIs,
  seedPublishedCampaigns,
  selectExisting,
  toolbar,
  toolbarButton,
  uniqueName,
  waitForOutcome,
  type SeedCampaign,
  type WorkspaceApi,
} from '../support/builder.js';
import { createWorkspace, signUpOnce, type SignedIn } from '../support/fresh-workspace.js';
import { uniqueEmail } from '../support/unique-email.js';

// Issue 14, changing what TikTok has: campaigns published beforehand (through the API), read into
// the campaign mirror, brought into a new draft with Select existing, then left alone, edited in
// a form, copied, bulk-edited or mixed with new items; the preview plans only what changed, and
// publishing sends only that.

test.describe.configure({ timeout: 150_000 });

let dana: SignedIn;
test.beforeAll(async ({ browser }) => {
  dana = await signUpOnce(browser, {
    name: 'Dana Delta',
    email: uniqueEmail('dana'),
    password: 'a long enough password',
    workspaceName: 'Dana Digital',
  });
});
// eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
test.use({ storageState: async ({}, use) => use(dana) });

test.beforeEach(async ({ page }, testInfo) => {
  await createWorkspace(page, `Dana Digital ${testInfo.testId}`);
  await connectNorthwindUs(page);
});

/** One campaign of one ad group of `ads` ads, published and in the mirror, loaded into a new draft. */
async function loadPublished(page: Page, campaign: SeedCampaign): Promise<WorkspaceApi> {
  const { api } = await seedPublishedCampaigns(page, [campaign]);
  await newDraft(page, uniqueName(`${campaign.name} draft`));
  await selectExisting(page, campaign.name);
  await expectSaved(page);
  return api;
}

test('D1: a campaign selected from the mirror and left alone plans as all SKIP, and nothing is written to TikTok', async ({
  page,
}) => {
  const name = uniqueName('D1 Loaded');
  await seedPublishedCampaigns(page, [
    { name, adGroups: [{ name: 'D1 group', ads: [{ name: 'D1 ad one' }, { name: 'D1 ad two' }] }] },
  ]);
  await newDraft(page, uniqueName('D1 draft'));
  await selectExisting(page, name);
  await expectSaved(page);

  const items = outline(page).getByRole('treeitem');
  await expect(items).toHaveCount(4);
  for (const item of await items.all()) {
    await expect(item).toContainText('Published');
    await expect(item).not.toContainText(/error|Changed|New/);
  }
  await expect(toolbarButton(page, 'Publish')).toBeDisabled();
  await expect(toolbar(page).locator('span[title^="Nothing to publish"]')).toHaveCount(1);

  // The server plans the same, and a publish of it all the same sends TikTok nothing.
  const { preview, publish, writes } = await publishAsItIs(page);
  expect(preview).toEqual({ create: 0, update: 0, skip: 4 });
  expect(publish.state).toBe('succeeded');
  expect(publish.items.map((item) => item.state)).toEqual(['skipped', 'skipped', 'skipped', 'skipped']);
  expect(writes).toEqual([]);
  expect((await emulatorTruth()).campaigns.filter((each) => each.campaign_name === name)).toHaveLength(1);
});

test('D2: a loaded campaign’s budget changed in its form is 1 UPDATE of only the budget, and TikTok then has it', async ({
  page,
}) => {
  const name = uniqueName('D2 Budget');
  await loadPublished(page, {
    name,
    budget: 200,
    adGroups: [{ name: 'D2 group', ads: [{ name: 'D2 ad' }] }],
  });
  const form = await openForm(page, outlineItem(page, 'Campaign', name));
  const budget = form.getByLabel('Daily budget (USD)');
  await expect(budget).toHaveValue('200');
  await budget.fill('250');
  await expect(outlineItem(page, 'Campaign', name)).toContainText('Changed');

  const preview = await openPublishPreview(page);
  await expect(preview.locator('.publish-preview__counts')).toHaveText('1 to update · 2 unchanged');
  expect(await planRows(preview)).toEqual([
    `Update Campaign ${name}`,
    'Skip Ad group D2 group',
    'Skip Ad D2 ad',
  ]);
  const changes = preview.getByRole('list', { name: `Changes to ${name}` }).getByRole('listitem');
  await expect(changes).toHaveText(['Budget: $200.00 → $250.00']);
  await preview.getByRole('button', { name: 'Publish 1 change' }).click();
  const dialog = await waitForOutcome(page);
  await expect(dialog.getByRole('status').first()).toHaveText('Published: 1 updated');

  const campaign = (await emulatorTruth()).campaigns.find((each) => each.campaign_name === name);
  expect(campaign?.budget).toBe(250);
});

test('F2: a loaded tree copied and pasted: the original is SKIP, the copy CREATE', async ({ page }) => {
  const name = uniqueName('F2 Original');
  await loadPublished(page, { name, adGroups: [{ name: 'F2 group', ads: [{ name: 'F2 ad' }] }] });

  await outlineItem(page, 'Campaign', name).click();
  await toolbarButton(page, 'Copy').click();
  await toolbarButton(page, 'Paste').click();
  const copy = outlineItem(page, 'Campaign', `${name} (copy)`);
  await expect(copy).toHaveAttribute('aria-selected', 'true');
  await expect(copy).toContainText('New');
  await expect(outline(page).getByRole('treeitem')).toHaveCount(6);

  const preview = await openPublishPreview(page);
  await expect(preview.locator('.publish-preview__counts')).toHaveText('3 to create · 3 unchanged');
  expect((await planRows(preview)).sort()).toEqual(
    [
      `Skip Campaign ${name}`,
      `Create Campaign ${name} (copy)`,
      'Skip Ad group F2 group',
      'Create Ad group F2 group',
      'Skip Ad F2 ad',
      'Create Ad F2 ad',
    ].sort(),
  );
  await preview.getByRole('button', { name: 'Publish 3 changes' }).click();
  const dialog = await waitForOutcome(page);
  await expect(dialog.getByRole('status').first()).toHaveText('Published: 3 created');

  const truth = await emulatorTruth();
  expect(truth.campaigns.filter((each) => each.campaign_name.startsWith(name))).toHaveLength(2);
  const copied = truth.campaigns.find((each) => each.campaign_name === `${name} (copy)`)!;
  const groups = truth.adgroups.filter((each) => each.campaign_id === copied.campaign_id);
  expect(groups.map((each) => each.adgroup_name)).toEqual(['F2 group']);
  expect(truth.ads.filter((each) => each.adgroup_id === groups[0]!.adgroup_id)).toHaveLength(1);
});

test('H2: 10 loaded ad groups selected and paused in one bulk edit are 10 UPDATEs of their status', async ({
  page,
}) => {
  const name = uniqueName('H2 Many');
  const groups = Array.from({ length: 10 }, (_, index) => `H2 group ${String(index + 1).padStart(2, '0')}`);
  await loadPublished(page, {
    name,
    budget: 500,
    adGroups: groups.map((group) => ({ name: group, ads: [{ name: `${group} ad` }] })),
  });

  await outlineItem(page, 'Ad group', groups[0]!).click();
  for (const group of groups.slice(1)) await addToSelection(outlineItem(page, 'Ad group', group));
  const bulk = page.getByRole('form', { name: 'Editing 10 ad groups' });
  await bulk.getByLabel('Change').selectOption({ label: 'Status' });
  await bulk.getByRole('radio', { name: 'Paused' }).check();
  await bulk.getByRole('button', { name: 'Apply to 10 ad groups' }).click();
  await expect(bulk.getByRole('status')).toHaveText('Changed 10 ad groups.');
  for (const group of groups) await expect(outlineItem(page, 'Ad group', group)).toContainText('Paused');

  const preview = await openPublishPreview(page);
  await expect(preview.locator('.publish-preview__counts')).toHaveText('10 to update · 11 unchanged');
  for (const group of groups) {
    await expect(preview.getByRole('list', { name: `Changes to ${group}` }).getByRole('listitem')).toHaveText(
      ['Status: Active → Paused'],
    );
  }
  await preview.getByRole('button', { name: 'Publish 10 changes' }).click();
  const dialog = await waitForOutcome(page);
  await expect(dialog.getByRole('status').first()).toHaveText('Published: 10 updated');

  const truth = await emulatorTruth();
  const campaign = truth.campaigns.find((each) => each.campaign_name === name)!;
  const statuses = truth.adgroups
    .filter((each) => each.campaign_id === campaign.campaign_id)
    .map((each) => each.operation_status);
  expect(statuses).toEqual(Array.from({ length: 10 }, () => 'DISABLE'));
});

test('I3: 3 new, 3 changed and 2 unchanged plan as 3 CREATE, 3 UPDATE and 2 SKIP', async ({ page }) => {
  const name = uniqueName('I3 Mixed');
  const ads = ['I3 ad one', 'I3 ad two', 'I3 ad three'];
  await loadPublished(page, { name, adGroups: [{ name: 'I3 group', ads: ads.map((ad) => ({ name: ad })) }] });

  // 3 new: the three ads copied and pasted into their own ad group.
  await outlineItem(page, 'Ad', ads[0]!).click();
  for (const ad of ads.slice(1)) await addToSelection(outlineItem(page, 'Ad', ad));
  await toolbarButton(page, 'Copy').click();
  await outlineItem(page, 'Ad group', 'I3 group').click();
  await toolbarButton(page, 'Paste').click();
  for (const ad of ads) await expect(outlineItem(page, 'Ad', `${ad} (copy)`)).toContainText('New');

  // 3 changed: the three originals' text, in one bulk edit.
  await outlineItem(page, 'Ad', ads[0]!).click();
  for (const ad of ads.slice(1)) await addToSelection(outlineItem(page, 'Ad', ad));
  const bulk = page.getByRole('form', { name: 'Editing 3 ads' });
  await bulk.getByLabel('Change').selectOption({ label: 'Ad text' });
  await bulk.getByLabel('Ad text').fill('Summer is here: see what is new');
  await bulk.getByRole('button', { name: 'Apply to 3 ads' }).click();
  await expect(bulk.getByRole('status')).toHaveText('Changed 3 ads.');

  const preview = await openPublishPreview(page);
  await expect(preview.locator('.publish-preview__counts')).toHaveText(
    '3 to create · 3 to update · 2 unchanged',
  );
  const rows = await planRows(preview);
  expect(rows.filter((row) => row.startsWith('Skip ')).sort()).toEqual(
    [`Skip Campaign ${name}`, 'Skip Ad group I3 group'].sort(),
  );
  expect(rows.filter((row) => row.startsWith('Update ')).sort()).toEqual(
    ads.map((ad) => `Update Ad ${ad}`).sort(),
  );
  expect(rows.filter((row) => row.startsWith('Create ')).sort()).toEqual(
    ads.map((ad) => `Create Ad ${ad} (copy)`).sort(),
  );
  for (const ad of ads) {
    await expect(preview.getByRole('list', { name: `Changes to ${ad}` }).getByRole('listitem')).toHaveText([
      'Ad text: Spring is here: see what is new → Summer is here: see what is new',
    ]);
  }
  await preview.getByRole('button', { name: 'Publish 6 changes' }).click();
  const dialog = await waitForOutcome(page);
  await expect(dialog.getByRole('status').first()).toHaveText('Published: 3 created, 3 updated');

  const truth = await emulatorTruth();
  const campaign = truth.campaigns.find((each) => each.campaign_name === name)!;
  const group = truth.adgroups.find((each) => each.campaign_id === campaign.campaign_id)!;
  const texts = truth.ads
    .filter((each) => each.adgroup_id === group.adgroup_id)
    .map((each) => `${each.ad_name}: ${each.ad_text}`)
    .sort();
  expect(texts).toEqual(
    [
      ...ads.map((ad) => `${ad}: Summer is here: see what is new`),
      ...ads.map((ad) => `${ad} (copy): Spring is here: see what is new`),
    ].sort(),
  );
});
