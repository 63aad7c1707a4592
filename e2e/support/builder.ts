import { randomBytes } from 'node:crypto';
import { expect, type APIResponse, type Locator, type Page } from '@playwright/test';
import {
  newAd,
  newAdGroup,
  newCampaign,
  type AdIdentity,
  type DraftNode,
} from '../../packages/contracts/src/index.js';
import {
  accountChooser,
  alex,
  businessCenters,
  chooseAccounts,
  connectThroughPopup,
  emulatorUrl,
  northwindAccounts,
  northwindUs,
  openIntegrations,
  tiktokCard,
} from './tiktok.js';

// The campaign builder's journeys (issue 14): a workspace connected to Northwind US, drafts seeded
// through the API where the scenario is not about building them, the builder's outline, forms and
// publish dialog as a person uses them, and what the emulator (the shared TikTok) then has.

export const northwindUsId = '7200000000000000011';
const northwind = businessCenters.northwind.name;

/** A name no other journey of this run, nor an earlier run against the same emulator, uses. */
export const uniqueName = (base: string): string => `${base} ${randomBytes(3).toString('hex')}`;

/** Connect alex's Northwind Retail and use Northwind US (the default) in the active workspace. */
export async function connectNorthwindUs(page: Page): Promise<void> {
  await openIntegrations(page);
  await connectThroughPopup(page, tiktokCard(page).getByRole('button', { name: 'Connect' }), alex, {
    accounts: northwindAccounts,
  });
  await expect(accountChooser(page, northwind)).toBeVisible();
  await chooseAccounts(page, northwind, [northwindUs], northwindUs);
}

// ————————————————————————————————————————————— the API, from the page's session

export interface WorkspaceApi {
  workspaceId: string;
  get<T>(path: string): Promise<T>;
  send<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T>;
}

async function answer<T>(response: APIResponse, what: string): Promise<T> {
  expect(response.ok(), `${what}: ${response.status()} ${await response.text()}`).toBe(true);
  return (response.status() === 204 ? undefined : await response.json()) as T;
}

/**
 * The active workspace's API as the signed-in page calls it: its cookies, and the CSRF token the
 * session gives, as the app's own client sends it. Paths are under /api/workspaces/:id.
 */
export async function workspaceApi(page: Page): Promise<WorkspaceApi> {
  const session = (await (await page.request.get('/api/session')).json()) as {
    activeWorkspaceId: string;
    csrfToken: string;
  };
  const base = `/api/workspaces/${session.activeWorkspaceId}`;
  return {
    workspaceId: session.activeWorkspaceId,
    get: async (path) => answer(await page.request.get(`${base}${path}`), `GET ${path}`),
    send: async (method, path, body) =>
      answer(
        await page.request.fetch(`${base}${path}`, {
          method,
          headers: { 'x-csrf-token': session.csrfToken },
          data: body ?? {},
        }),
        `${method} ${path}`,
      ),
  };
}

// ————————————————————————————————————————————— seeds

export interface SeedAd {
  name: string;
  adText?: string;
}
export interface SeedAdGroup {
  name: string;
  budget?: number;
  status?: 'ENABLE' | 'DISABLE';
  ads: SeedAd[];
}
export interface SeedCampaign {
  name: string;
  budget?: number;
  adGroups: SeedAdGroup[];
}

/** What every seeded ad needs from Northwind US: its custom identity and the library's sample image. */
export interface AccountAssets {
  identity: AdIdentity;
  image: { imageId: string; fileName: string; width: number; height: number };
}

export async function northwindUsAssets(api: WorkspaceApi): Promise<AccountAssets> {
  const { identities } = await api.get<{
    identities: { type: AdIdentity['type']; id: string; displayName: string }[];
  }>(`/builder/accounts/${northwindUsId}/identities`);
  const custom = identities.find((identity) => identity.type === 'CUSTOMIZED_USER');
  expect(custom, 'Northwind US has a custom identity').toBeDefined();
  const truth = await emulatorTruth();
  const image = truth.images.find(
    (each) => each.advertiserId === northwindUsId && each.file_name === 'sample-cover.png',
  );
  expect(image, 'Northwind US has the sample image').toBeDefined();
  return {
    identity: { type: custom!.type, id: custom!.id, displayName: custom!.displayName },
    image: {
      imageId: image!.image_id,
      fileName: image!.file_name,
      width: image!.width,
      height: image!.height,
    },
  };
}

const nodeKey = () => `e2e${randomBytes(10).toString('hex')}`;

/** Valid nodes for TikTok: daily budgets above its minimums, the United States, an image ad each. */
export function seedNodes(campaigns: readonly SeedCampaign[], assets: AccountAssets): DraftNode[] {
  const nodes: DraftNode[] = [];
  for (const campaign of campaigns) {
    const campaignNode = newCampaign(nodeKey(), northwindUsId, campaign.name);
    campaignNode.settings.budget = campaign.budget ?? 200;
    nodes.push(campaignNode);
    for (const adGroup of campaign.adGroups) {
      const adGroupNode = newAdGroup(nodeKey(), campaignNode.key, 'TRAFFIC', adGroup.name);
      adGroupNode.settings.budget = adGroup.budget ?? 30;
      adGroupNode.settings.locations = [{ id: '6252001', name: 'United States' }];
      adGroupNode.settings.status = adGroup.status ?? 'ENABLE';
      nodes.push(adGroupNode);
      for (const ad of adGroup.ads) {
        const adNode = newAd(nodeKey(), adGroupNode.key, ad.name);
        adNode.settings = {
          ...adNode.settings,
          format: 'SINGLE_IMAGE',
          identity: assets.identity,
          displayName: assets.identity.displayName.slice(0, 40),
          creative: {
            kind: 'image',
            materialId: assets.image.imageId,
            fileName: assets.image.fileName,
            sha256: null,
            width: assets.image.width,
            height: assets.image.height,
            coverImageId: null,
          },
          adText: ad.adText ?? 'Spring is here: see what is new',
          landingPageUrl: 'https://example.com/spring',
        };
        nodes.push(adNode);
      }
    }
  }
  return nodes;
}

export interface DraftAnswer {
  id: string;
  name: string;
  version: number;
  activePublishId: string | null;
  document: { nodes: DraftNode[] };
}

/** A draft saved through the API, as auto-save would have saved it. */
export async function seedDraft(api: WorkspaceApi, name: string, nodes: DraftNode[]): Promise<DraftAnswer> {
  const created = await api.send<DraftAnswer>('POST', '/drafts', { name });
  await api.send('PUT', `/drafts/${created.id}`, { version: created.version, name, document: { nodes } });
  return api.get<DraftAnswer>(`/drafts/${created.id}`);
}

export interface PublishAnswer {
  id: string;
  state: string;
  counts: { create: number; update: number; skip: number };
  items: {
    key: string;
    name: string;
    level: string;
    action: string;
    state: string;
    tiktokId: string | null;
  }[];
}

const finished = new Set(['succeeded', 'failed', 'rejected']);

export async function waitForPublish(api: WorkspaceApi, publishId: string): Promise<PublishAnswer> {
  let publish: PublishAnswer | undefined;
  await expect
    .poll(
      async () => {
        publish = await api.get<PublishAnswer>(`/publishes/${publishId}`);
        return publish.state;
      },
      { timeout: 60_000, message: 'the seed publish ends' },
    )
    .toMatch(/^(succeeded|failed|rejected)$/);
  expect(finished.has(publish!.state)).toBe(true);
  return publish!;
}

/**
 * Campaigns published through the API (a draft of their own), then read into the workspace's
 * campaign mirror, where Select existing finds them: the state a journey about changing what
 * TikTok already has starts from.
 */
export async function seedPublishedCampaigns(
  page: Page,
  campaigns: readonly SeedCampaign[],
): Promise<{ api: WorkspaceApi; assets: AccountAssets }> {
  const api = await workspaceApi(page);
  const assets = await northwindUsAssets(api);
  // The import that choosing the account started must be over first: a refresh asked for while
  // it runs is not queued again, and it may have read the account halfway through the publish.
  const imported = await mirrorImportOfNorthwindUs(api, null);
  const draft = await seedDraft(api, uniqueName('Seed'), seedNodes(campaigns, assets));
  const started = await api.send<PublishAnswer>('POST', `/drafts/${draft.id}/publishes`, {
    version: draft.version,
  });
  const published = await waitForPublish(api, started.id);
  expect(published.state, JSON.stringify(published.items)).toBe('succeeded');
  await api.send('POST', '/campaigns/refresh');
  await mirrorImportOfNorthwindUs(api, imported);
  for (const campaign of campaigns) {
    const table = await api.get<{ rows: { name: string }[] }>(
      `/campaigns?q=${encodeURIComponent(campaign.name)}`,
    );
    expect(table.rows.map((row) => row.name)).toContain(campaign.name);
  }
  return { api, assets };
}

/**
 * Waits for an import of Northwind US into the campaign mirror to end (one that ends after the
 * one ended at `after`, when given), and answers when it ended.
 */
async function mirrorImportOfNorthwindUs(api: WorkspaceApi, after: string | null): Promise<string> {
  let ended = '';
  await expect
    .poll(
      async () => {
        const sync = await api.get<{
          accounts: { advertiserId: string; state: string; lastSyncedAt: string | null }[];
        }>('/campaigns/sync');
        const account = sync.accounts.find((each) => each.advertiserId === northwindUsId);
        ended = account?.lastSyncedAt ?? '';
        return account?.state === 'ready' && ended !== '' && ended !== after;
      },
      { timeout: 60_000, message: 'an import of Northwind US into the campaign mirror ends' },
    )
    .toBe(true);
  return ended;
}

// ————————————————————————————————————————————— the emulator

interface Truth {
  campaigns: { campaign_id: string; campaign_name: string; budget: number; operation_status: string }[];
  adgroups: {
    adgroup_id: string;
    adgroup_name: string;
    campaign_id: string;
    budget: number;
    operation_status: string;
  }[];
  ads: { ad_id: string; ad_name: string; adgroup_id: string; ad_text: string | null }[];
  images: {
    advertiserId: string;
    image_id: string;
    file_name: string;
    width: number;
    height: number;
  }[];
}

export async function emulatorTruth(): Promise<Truth> {
  const response = await fetch(`${emulatorUrl}/control/truth`);
  expect(response.ok).toBe(true);
  return (await response.json()) as Truth;
}

export interface EmulatorCall {
  sequence: number;
  method: string;
  path: string;
  advertiserId: string | undefined;
  code: number | undefined;
  fault: string | undefined;
}

/** The emulator's calls after the call numbered `after` (the log is the whole run's). */
export async function emulatorCalls(after = 0): Promise<EmulatorCall[]> {
  const response = await fetch(`${emulatorUrl}/control/calls`);
  expect(response.ok).toBe(true);
  const { calls } = (await response.json()) as { calls: EmulatorCall[] };
  return calls.filter((call) => call.sequence > after);
}

/** The latest call's number: where a journey starts counting its own calls. */
export async function latestCall(): Promise<number> {
  return Math.max(0, ...(await emulatorCalls()).map((call) => call.sequence));
}

const writePaths = /\/(campaign|adgroup|ad)\/(create|update|status\/update|update\/budget)\/$/;

/** Creates, updates and status changes of campaigns, ad groups and ads on Northwind US since `after`. */
export async function writeCalls(after: number): Promise<EmulatorCall[]> {
  return (await emulatorCalls(after)).filter(
    (call) => writePaths.test(call.path) && call.advertiserId === northwindUsId,
  );
}

export async function addEmulatorFault(rule: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${emulatorUrl}/control/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(rule),
  });
  expect(response.ok, await response.clone().text()).toBe(true);
  const body = (await response.json()) as { id?: string; fault?: { id: string } };
  return body.id ?? body.fault!.id;
}

export async function removeEmulatorFault(id: string): Promise<void> {
  const response = await fetch(`${emulatorUrl}/control/faults/${encodeURIComponent(id)}`, {
    method: 'DELETE',
  });
  expect(response.ok, await response.clone().text()).toBe(true);
}

// ————————————————————————————————————————————— the builder, as a person uses it

/** The draft open in the builder, its outline loaded. */
export async function openDraft(page: Page, draftId: string): Promise<void> {
  await page.goto(`/campaigns/drafts/${draftId}`);
  await expect(page.getByRole('tree', { name: 'Draft outline' })).toBeVisible();
}

/** Drafts › New draft, named: the builder opens on it, empty. */
export async function newDraft(page: Page, name: string): Promise<void> {
  await page.goto('/campaigns/drafts');
  await page.getByRole('button', { name: 'New draft' }).first().click();
  await expect(page.getByText('Nothing in this draft yet.')).toBeVisible();
  const field = page.getByLabel('Draft name');
  await field.fill(name);
  await field.press('Enter');
  await expectSaved(page);
}

export const toolbar = (page: Page): Locator => page.getByRole('group', { name: 'Draft actions' });

export const toolbarButton = (page: Page, name: string): Locator =>
  toolbar(page).getByRole('button', { name, exact: true });

export const outline = (page: Page): Locator => page.getByRole('tree', { name: 'Draft outline' });

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An outline item by its level and name ("Campaign", "Spring"). */
export function outlineItem(page: Page, level: 'Campaign' | 'Ad group' | 'Ad', name: string): Locator {
  return outline(page)
    .getByRole('treeitem')
    .filter({
      has: page.locator('.draft-outline__text', { hasText: new RegExp(`^${level} ${escapeRegExp(name)}$`) }),
    });
}

/** Enter on the outline item: its form in the side panel. */
export async function openForm(page: Page, item: Locator): Promise<Locator> {
  await item.click();
  await item.press('Enter');
  const panel = page.locator('.builder-panel');
  await expect(panel.getByRole('form')).toBeVisible();
  return panel;
}

export async function expectSaved(page: Page): Promise<void> {
  await expect(page.locator('.builder-header__status').getByRole('status')).toHaveText('Saved', {
    timeout: 15_000,
  });
}

/** Select existing: the campaign found by name, with its ad groups and ads, into the draft. */
export async function selectExisting(page: Page, campaignName: string): Promise<void> {
  await toolbarButton(page, 'Select existing').click();
  const dialog = page.getByRole('dialog', { name: 'Select existing campaigns' });
  await dialog.getByLabel('Search campaigns by name or id').fill(campaignName);
  await dialog.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(campaignName)}`) }).check();
  await expect(dialog.getByRole('checkbox', { name: 'With their ad groups and ads' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Add 1 campaign' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(outlineItem(page, 'Campaign', campaignName)).toBeVisible();
}

/** Adds an outline item to the selection, as Ctrl+click (⌘ on a Mac) does. */
export async function addToSelection(item: Locator): Promise<void> {
  await item.click({ modifiers: ['ControlOrMeta'] });
  await expect(item).toHaveAttribute('aria-selected', 'true');
}

/** Publish on the toolbar, once the draft is saved: the preview dialog. */
export async function openPublishPreview(page: Page): Promise<Locator> {
  await expectSaved(page);
  const publish = toolbarButton(page, 'Publish');
  await expect(publish).toBeEnabled();
  await publish.click();
  const dialog = page.getByRole('dialog', { name: 'Publish preview' });
  await expect(dialog.locator('.publish-preview__counts')).toBeVisible({ timeout: 30_000 });
  return dialog;
}

/** The preview's (or the publish's) items, each "Create Campaign Spring". */
export async function planRows(dialog: Locator): Promise<string[]> {
  // The words as written (the badge's capitals are only CSS), one part of the row after another.
  return dialog.locator('.plan-tree__row').evaluateAll((rows) =>
    rows.map((row) => {
      // No DOM types in the e2e code: the row as the little of it read here.
      const parts = (row as unknown as { children: ArrayLike<{ textContent: string | null }> }).children;
      return Array.from(parts, (part) => (part.textContent ?? '').trim())
        .filter(Boolean)
        .join(' ');
    }),
  );
}

/**
 * What publishing the open draft as it is would do, asked of the server: its preview's counts, and
 * a publish started through the API (the builder offers no Publish when nothing changed) with the
 * writes TikTok saw meanwhile. Counted from just before the publish, so another journey's writes
 * to the shared account are very unlikely to fall in.
 */
export async function publishAsItIs(page: Page): Promise<{
  preview: PublishAnswer['counts'];
  publish: PublishAnswer;
  writes: EmulatorCall[];
}> {
  const api = await workspaceApi(page);
  const draftId = page.url().split('/').at(-1)!;
  const { version } = await api.get<{ version: number }>(`/drafts/${draftId}`);
  const { counts: preview } = await api.send<{ counts: PublishAnswer['counts'] }>(
    'POST',
    `/drafts/${draftId}/preview`,
    { version },
  );
  const before = await latestCall();
  const started = await api.send<PublishAnswer>('POST', `/drafts/${draftId}/publishes`, { version });
  const publish = started.state === 'succeeded' ? started : await waitForPublish(api, started.id);
  return { preview, publish, writes: await writeCalls(before) };
}

/** The publish dialog once it has followed a publish to its end. */
export async function waitForOutcome(page: Page, timeout = 60_000): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name: 'Publish' });
  await expect(dialog.getByRole('button', { name: 'Done' })).toBeVisible({ timeout });
  return dialog;
}
