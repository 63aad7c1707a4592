import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { sampleImage, sampleVideo, writeSample } from '../../apps/server/src/testing/media-samples.js';
import { signUp } from '../support/sign-up.js';
import {
  accountChooser,
  alex,
  businessCenters,
  chooseAccounts,
  connectThroughPopup,
  emulatorUrl,
  northwindAccounts,
  northwindOutlet,
  northwindUs,
  openIntegrations,
  tiktokCard,
} from '../support/tiktok.js';
import { uniqueEmail } from '../support/unique-email.js';

// Issue 13, "done when": six files to two ad accounts; the wrong ratio and the corrupt file are
// refused before anything goes to TikTok, each with its reason; the four others reach Ready in
// both accounts, upload by upload; the same four again make no upload call (the emulator's call
// log says so); and the library shows them with their dimensions and previews.

test.describe.configure({ timeout: 120_000 });

const northwind = businessCenters.northwind.name;
const northwindOutletId = '7200000000000000012';

/**
 * Each attempt's files have names and bytes of their own: the emulator is shared by the whole run,
 * and a retry meeting the first attempt's files in TikTok's library would find them there already
 * (by their MD5, or TikTok's "name taken").
 */
const tag = `${process.pid.toString(36)}${Date.now().toString(36)}`;
const named = (base: string, extension: string, attempt: number) => `${base}-${tag}-${attempt}.${extension}`;

/** The four files TikTok takes, with what the library says of each; one too tall; one cut short. */
function filesOf(attempt: number) {
  return {
    accepted: [
      { name: named('story-portrait', 'png', attempt), size: '720 × 1280', ratio: '9:16', kind: 'Image' },
      { name: named('square-product', 'jpg', attempt), size: '600 × 600', ratio: '1:1', kind: 'Image' },
      { name: named('spring-teaser', 'mp4', attempt), size: '1080 × 1920', ratio: '9:16', kind: 'Video' },
      { name: named('landscape-promo', 'mp4', attempt), size: '1920 × 1080', ratio: '16:9', kind: 'Video' },
    ] as const,
    wrongRatio: named('feed-4x5', 'mp4', attempt),
    corrupt: named('broken-banner', 'jpg', attempt),
  };
}
type Files = ReturnType<typeof filesOf>;

let folder: string | undefined;

/** Real files, made by the libraries the server reads them with (apps/server/src/testing/media-samples.ts). */
async function writeFiles(): Promise<{ files: Files; filePath: (name: string) => string }> {
  const attempt = test.info().retry + test.info().repeatEachIndex * 10;
  const files = filesOf(attempt);
  const directory = mkdtempSync(path.join(tmpdir(), 'whathead-e2e-media-'));
  folder = directory;
  const filePath = (name: string) => path.join(directory, name);
  // The seed makes this attempt's bytes differ from every other's.
  const seed = Math.floor(Math.random() * 200) + 1;
  const [portrait, square, teaser, landscape] = files.accepted;
  await writeSample(
    filePath(portrait.name),
    await sampleImage({ width: 720, height: 1280, format: 'png', seed }),
  );
  await writeSample(
    filePath(square.name),
    await sampleImage({ width: 600, height: 600, format: 'jpeg', seed }),
  );
  await writeSample(filePath(teaser.name), sampleVideo({ width: 1080, height: 1920, seconds: 6, seed }));
  await writeSample(filePath(landscape.name), sampleVideo({ width: 1920, height: 1080, seconds: 8, seed }));
  await writeSample(filePath(files.wrongRatio), sampleVideo({ width: 1080, height: 1350, seconds: 6, seed }));
  const jpeg = await sampleImage({ width: 800, height: 800, format: 'jpeg', seed });
  await writeSample(filePath(files.corrupt), jpeg.subarray(0, Math.floor(jpeg.length / 3)));
  return { files, filePath };
}

test.afterEach(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
});

/**
 * The emulator's upload calls (images and videos) after the call numbered `after`, and the number
 * of the latest call: the log is shared by every journey of the run, so a journey counts from its
 * own starting point.
 */
async function uploadCalls(after = 0): Promise<{ count: number; latest: number }> {
  let count = 0;
  let latest = after;
  for (const endpoint of ['/file/image/ad/upload/', '/file/video/ad/upload/']) {
    const response = await fetch(`${emulatorUrl}/control/calls?path=${encodeURIComponent(endpoint)}`);
    expect(response.ok).toBe(true);
    const { calls } = (await response.json()) as { calls: { sequence: number }[] };
    const made = calls.filter((call) => call.sequence > after);
    count += made.length;
    latest = Math.max(latest, ...made.map((call) => call.sequence));
  }
  return { count, latest };
}

/**
 * Upload, on the Media page's header, and the dialog it opens, with both accounts ticked: the
 * account the page shows comes ticked already.
 */
async function openUpload(page: Page, shown: RegExp): Promise<Locator> {
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Upload images and videos' });
  await expect(dialog.getByRole('checkbox', { name: shown })).toBeChecked();
  for (const account of [/Northwind US/, /Northwind Outlet/])
    await dialog.getByRole('checkbox', { name: account }).check();
  return dialog;
}

/** Each row of the progress table as [file, ad account, state]. */
async function uploadStates(dialog: Locator): Promise<string[][]> {
  const rows = dialog.getByRole('table').getByRole('row');
  const states: string[][] = [];
  for (const row of (await rows.all()).slice(1)) {
    states.push((await row.getByRole('cell').allInnerTexts()).map((text) => text.trim()));
  }
  return states;
}

/** Whether an <img> has loaded a picture (the e2e code has no DOM types; this runs in the page). */
function hasLoaded(image: Locator): Promise<boolean> {
  return image.evaluate((element) => {
    const picture = element as unknown as { complete: boolean; naturalWidth: number };
    return picture.complete && picture.naturalWidth > 0;
  });
}

/** Every accepted file in both accounts, in the state given, in a stable order to compare. */
const everyUpload = (files: Files, state: string) =>
  inOrder(
    files.accepted.flatMap((file) => [
      [file.name, 'Northwind US', state],
      [file.name, 'Northwind Outlet', state],
    ]),
  );

const inOrder = (rows: string[][]) => rows.map((row) => row.join(' | ')).sort();

test('six files to two ad accounts: two refused with their reasons, four ready in both, never uploaded twice, found by the builder’s picker', async ({
  page,
}) => {
  const { files, filePath } = await writeFiles();
  const { accepted, wrongRatio, corrupt } = files;
  await signUp(page, {
    name: 'Mia Media',
    email: uniqueEmail('mia'),
    password: 'a long enough password',
    workspaceName: 'Mia Creative',
  });
  await openIntegrations(page);
  await connectThroughPopup(page, tiktokCard(page).getByRole('button', { name: 'Connect' }), alex, {
    accounts: northwindAccounts,
  });
  await expect(accountChooser(page, northwind)).toBeVisible();
  await chooseAccounts(page, northwind, [northwindUs, northwindOutlet], northwindUs);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Media' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Media' })).toBeVisible();
  // The default account is the one shown, its library imported from TikTok in the background.
  await expect(page.getByLabel('Ad account', { exact: true })).toHaveValue('7200000000000000011');
  await expect(page.getByText(/Last synced/)).toBeVisible({ timeout: 30_000 });

  const start = await uploadCalls();

  await test.step('each file is checked, and the two TikTok would refuse are refused with their reasons', async () => {
    const dialog = await openUpload(page, /Northwind US/);
    await dialog
      .getByLabel(/choose files/)
      .setInputFiles([
        ...accepted.map((file) => filePath(file.name)),
        filePath(wrongRatio),
        filePath(corrupt),
      ]);
    await expect(dialog.getByRole('status').filter({ hasText: 'Files checked' })).toHaveText(
      'Files checked: 4 files can be uploaded; 2 files refused.',
    );
    // A refused file's reasons are a list of their own inside its row: the rows are the list's children.
    const chosen = dialog.getByRole('list', { name: 'Chosen files' }).locator('> li');
    await expect(chosen).toHaveCount(6);
    await expect(chosen.filter({ hasText: wrongRatio })).toContainText(
      '1080×1350 (4:5) — TikTok accepts 9:16, 1:1 or 16:9.',
    );
    await expect(chosen.filter({ hasText: corrupt })).toContainText(
      'The JPG is damaged or incomplete and cannot be read.',
    );
    await expect(chosen.filter({ hasText: accepted[2].name })).toContainText('1080×1920 (9:16)');
    // Checked here and on the server, but nothing has gone to TikTok yet.
    expect((await uploadCalls(start.latest)).count).toBe(0);

    await dialog.getByRole('button', { name: 'Continue' }).click();
    await expect(
      dialog.getByRole('heading', {
        name: '4 files × 2 ad accounts = 8 uploads; 2 files refused and left out',
      }),
    ).toBeVisible();
    await dialog.getByRole('button', { name: 'Confirm' }).click();

    // One row per file per account, each with where it stands, until every one is ready.
    await expect(dialog.getByRole('heading', { name: 'Uploading to TikTok' })).toBeVisible();
    await expect(dialog.getByRole('table').getByRole('row')).toHaveCount(9);
    for (const [, , state] of await uploadStates(dialog)) {
      expect(state).toMatch(/^(Queued|Uploading \d+ %.*|Processing at TikTok|Ready)$/);
    }
    await expect(dialog.getByText(/^8 uploads: /)).toHaveText('8 uploads: 8 ready', { timeout: 60_000 });
    expect(inOrder(await uploadStates(dialog))).toEqual(everyUpload(files, 'Ready'));
    // Each file once to each account: 4 × 2, the refused ones never.
    expect((await uploadCalls(start.latest)).count).toBe(8);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toHaveCount(0);
  });

  await test.step('the library of each account shows them, with their dimensions and previews', async () => {
    for (const account of ['Northwind US', 'Northwind Outlet']) {
      if (account === 'Northwind Outlet')
        await page.getByLabel('Ad account', { exact: true }).selectOption(northwindOutletId);
      const grid = page.getByRole('list', { name: 'Images and videos' });
      for (const file of accepted) {
        const tile = grid.getByRole('button', { name: new RegExp(file.name.replace('.', '\\.')) });
        await expect(tile).toContainText(`${file.kind} · ${file.size} · ${file.ratio}`);
        // The image itself, or the video's cover, loaded from TikTok's link.
        const preview = tile.locator('img');
        await expect(preview).toHaveAttribute('src', /^https?:\/\//);
        await expect.poll(() => hasLoaded(preview)).toBe(true);
      }
    }

    await page.getByRole('button', { name: 'List', exact: true }).click();
    const table = page.getByRole('table');
    for (const file of accepted) {
      const row = table.getByRole('row').filter({ hasText: file.name });
      await expect(row.getByRole('cell').nth(2)).toHaveText(file.size);
      await expect(row.getByRole('cell').nth(3)).toHaveText(file.ratio);
    }
    await table.getByRole('button', { name: accepted[2].name }).click();
    const preview = page.getByRole('dialog', { name: accepted[2].name });
    const fact = (term: string) => preview.getByRole('term').filter({ hasText: term }).locator('+ dd');
    await expect(fact('Dimensions')).toHaveText('1080 × 1920');
    await expect(fact('Duration')).toHaveText('0:06');
    await preview.getByRole('button', { name: 'Close' }).click();
    await expect(preview).toHaveCount(0);
  });

  await test.step('the same four again are found in both accounts, and nothing is uploaded', async () => {
    const before = await uploadCalls(start.latest);
    const dialog = await openUpload(page, /Northwind Outlet/);
    await dialog.getByLabel(/choose files/).setInputFiles(accepted.map((file) => filePath(file.name)));
    await expect(dialog.getByRole('status').filter({ hasText: 'Files checked' })).toHaveText(
      'Files checked: 4 files can be uploaded.',
    );
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(dialog.getByText(/^8 uploads: /)).toHaveText('8 uploads: 8 ready', { timeout: 30_000 });
    expect(inOrder(await uploadStates(dialog))).toEqual(
      everyUpload(files, 'Already in this account (reused)'),
    );
    expect((await uploadCalls(before.latest)).count).toBe(0);
  });

  await test.step('the builder’s Select from Library finds them by name and ratio', async () => {
    await page.goto('/campaigns/drafts');
    await page.getByRole('button', { name: 'New draft' }).first().click();
    await page.getByRole('button', { name: 'Add campaign', exact: true }).click();
    await page.getByRole('button', { name: 'Add ad group', exact: true }).click();
    await page.getByRole('button', { name: 'Add ad', exact: true }).click();
    // A node just added opens its form.
    await page.getByRole('button', { name: 'Select from Library' }).click();
    const picker = page.getByRole('dialog', { name: 'Select from Library' });
    await picker.getByLabel('Search by name').fill(tag);
    const teaser = picker.getByRole('radio', { name: new RegExp(accepted[2].name) });
    const landscape = picker.getByRole('radio', { name: new RegExp(accepted[3].name) });
    await expect(teaser).toBeVisible();
    await expect(landscape).toBeVisible();
    await picker.getByLabel('Ratio').selectOption('9:16');
    await expect(landscape).toHaveCount(0);
    await teaser.check();
    await picker.getByRole('button', { name: 'Select', exact: true }).click();
    await expect(picker).toHaveCount(0);
    await expect(page.getByText(`${accepted[2].name} · 1080×1920`)).toBeVisible();
  });
});
