import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  draftConflictSchema,
  draftListResponseSchema,
  draftSchema,
  errorResponseSchema,
  guardrailsSchema,
  newAd,
  newAdGroup,
  newCampaign,
  publishPreviewSchema,
  saveDraftResponseSchema,
  type Draft,
  type DraftDocument,
  type DraftNode,
  type ErrorResponse,
} from '@whathead/contracts';
import { sql } from '@whathead/db';
import { TestBrowser } from '../../testing/test-app.js';
import { connectionsPath, joinAsMember, signUpWorkspace } from '../../testing/tiktok-flow.js';
import { connect, scenario, startTikTokTestKit, type TikTokTestKit } from '../../testing/tiktok-test-kit.js';
import { syncsFinished } from '../../testing/workspace-route-fixtures.js';

const northwindUs = '7200000000000000011';

/** A campaign TikTok would take as it is: one ad group, one ad, every field it needs filled. */
function completeDocument(adGroupBudget = 80): DraftDocument {
  const campaign = newCampaign('c1', northwindUs, 'Spring sale');
  campaign.settings.budget = 1000;
  const adGroup = newAdGroup('g1', 'c1', 'TRAFFIC', 'Spring');
  adGroup.settings.budget = adGroupBudget;
  adGroup.settings.locations = [{ id: '6252001', name: 'United States' }];
  const ad = newAd('a1', 'g1', 'Spring video');
  ad.settings = {
    ...ad.settings,
    identity: { type: 'CUSTOMIZED_USER', id: northwindUs, displayName: 'Northwind' },
    creative: {
      kind: 'video',
      materialId: 'v10033g50000cu7s2rvog65n4j7ui4lg',
      fileName: 'spring.mp4',
      sha256: null,
      width: 1080,
      height: 1920,
      coverImageId: null,
    },
    adText: 'Spring is here',
    displayName: 'Northwind',
    landingPageUrl: 'https://example.com/spring',
  };
  return { nodes: [campaign, adGroup, ad] };
}

describe('builder drafts: list, create, open, auto-save with conflicts, delete, preview', () => {
  let kit: TikTokTestKit;
  let alex: TestBrowser;
  let workspaceId: string;
  let member: TestBrowser;
  let outsider: { browser: TestBrowser; workspaceId: string };
  before(async () => {
    kit = await startTikTokTestKit();
    alex = new TestBrowser(kit.test.app);
    workspaceId = (await alex.signUp({ name: 'Alex', email: 'alex-drafts@example.com' })).activeWorkspaceId!;
    member = await joinAsMember(kit.test, alex, workspaceId, 'sam-drafts@example.com');
    outsider = await signUpWorkspace(kit.test, 'outsider-drafts@example.com');
    const connectionId = await connect(kit, alex, workspaceId, scenario.northwind);
    const saved = await alex.put(`${connectionsPath(workspaceId)}/${connectionId}/accounts`, {
      selectedAdvertiserIds: [northwindUs],
      defaultAdvertiserId: northwindUs,
    });
    assert.equal(saved.status, 200, saved.text);
  });
  // The syncs the selection started end first: closing the database under one fails it.
  after(async () => {
    if (kit) await syncsFinished({ kit, owner: alex, workspaceId });
    await kit?.close();
  });

  const drafts = (workspace = workspaceId) => `/api/workspaces/${workspace}/drafts`;

  async function create(browser: TestBrowser, body: object = {}): Promise<Draft> {
    const created = await browser.post(drafts(), body);
    assert.equal(created.status, 201, created.text);
    return draftSchema.parse(created.body);
  }

  async function save(
    browser: TestBrowser,
    draft: Draft,
    version: number,
    document: DraftDocument,
    name = draft.name,
  ) {
    return browser.put<ErrorResponse>(`${drafts()}/${draft.id}`, { version, name, document });
  }

  it('creates numbered empty drafts at version 1, and lists them newest edit first with their editor', async () => {
    const first = await create(alex);
    assert.deepEqual(
      [first.name, first.version, first.document, first.campaigns, first.items],
      ['Draft 1', 1, { nodes: [] }, 0, 0],
    );
    assert.deepEqual(first.updatedBy?.name, 'Alex');
    assert.equal(first.activePublishId, null);
    kit.test.clock.advance(60);
    const named = await create(member, { name: '  Black Friday  ' });
    assert.equal(named.name, 'Black Friday');
    kit.test.clock.advance(60);
    const second = await create(alex);
    assert.equal(second.name, 'Draft 2');

    const listed = await alex.get(drafts());
    assert.equal(listed.status, 200, listed.text);
    const { drafts: summaries } = draftListResponseSchema.parse(listed.body);
    assert.deepEqual(
      summaries.slice(0, 3).map((draft) => [draft.name, draft.updatedBy?.name]),
      [
        ['Draft 2', 'Alex'],
        ['Black Friday', 'Plain Member'],
        ['Draft 1', 'Alex'],
      ],
    );
    assert.ok(!('document' in summaries[0]!), 'the list leaves documents out');

    const refused = await alex.post<ErrorResponse>(drafts(), { name: '   ' });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error.details?.issues?.[0]?.message, 'Give the draft a name.');
  });

  it('opens a draft of the workspace only: another workspace’s or an unknown one is not found, in words', async () => {
    const draft = await create(alex);
    const opened = await member.get(`${drafts()}/${draft.id}`);
    assert.equal(opened.status, 200, opened.text);
    assert.deepEqual(draftSchema.parse(opened.body), draft);

    const elsewhere = await outsider.browser.get<ErrorResponse>(
      `${drafts(outsider.workspaceId)}/${draft.id}`,
    );
    assert.equal(elsewhere.status, 404);
    assert.equal(elsewhere.body.error.message, 'This draft does not exist, or you do not have access to it.');
    const unknown = await alex.get<ErrorResponse>(`${drafts()}/00000000-0000-4000-8000-000000000000`);
    assert.equal(unknown.status, 404);
    const saveElsewhere = await outsider.browser.put<ErrorResponse>(
      `${drafts(outsider.workspaceId)}/${draft.id}`,
      {
        version: 1,
        name: 'Mine now',
        document: { nodes: [] },
      },
    );
    assert.equal(saveElsewhere.status, 404);
    assert.equal((await alex.get<Draft>(`${drafts()}/${draft.id}`)).body.name, draft.name, 'untouched');
  });

  it('saves the version it started from, counts what it holds, and refuses an older one with who saved since', async () => {
    const draft = await create(alex);
    const saved = await save(alex, draft, 1, completeDocument(), 'Spring launch');
    assert.equal(saved.status, 200, saved.text);
    const { version } = saveDraftResponseSchema.parse(saved.body);
    assert.equal(version, 2);
    const reopened = draftSchema.parse((await alex.get(`${drafts()}/${draft.id}`)).body);
    assert.deepEqual(
      [reopened.name, reopened.version, reopened.campaigns, reopened.items],
      ['Spring launch', 2, 1, 3],
    );
    assert.deepEqual(reopened.document, completeDocument());

    kit.test.clock.advance(120);
    const stale = await save(member, draft, 1, { nodes: [] });
    assert.equal(stale.status, 409, stale.text);
    assert.ok(errorResponseSchema.safeParse(stale.body).success, 'the error shape the web app reads');
    assert.equal(stale.body.error.code, 'draft_conflict');
    assert.equal(
      stale.body.error.message,
      'Alex saved this draft 2 minutes ago, after you opened it. Reload to see their changes.',
    );
    const conflict = draftConflictSchema.parse(stale.body.error.details?.conflict);
    assert.deepEqual([conflict.version, conflict.updatedBy?.name], [2, 'Alex']);
    assert.equal(conflict.updatedAt, reopened.updatedAt);

    const ownTab = await save(alex, draft, 1, { nodes: [] });
    assert.equal(ownTab.status, 409);
    assert.match(ownTab.body.error.message, /^You saved this draft 2 minutes ago in another tab or window/);
    const kept = draftSchema.parse((await alex.get(`${drafts()}/${draft.id}`)).body);
    assert.deepEqual([kept.version, kept.items], [2, 3], 'nothing was overwritten');
  });

  it('lets exactly one of several saves of the same version through', async () => {
    const draft = await create(alex);
    const answers = await Promise.all(
      [alex, member, alex, member, alex].map((browser, index) =>
        save(browser, draft, 1, { nodes: [newCampaign(`c${index}`, northwindUs)] }),
      ),
    );
    assert.deepEqual(
      answers.map((answer) => answer.status).sort(),
      [200, 409, 409, 409, 409],
      answers.map((answer) => answer.text).join('\n'),
    );
    assert.equal(draftSchema.parse((await alex.get(`${drafts()}/${draft.id}`)).body).version, 2);
  });

  it('takes a draft of 3,000 items in one save, and refuses a body over its own limit in words', async () => {
    const draft = await create(alex);
    const nodes: DraftNode[] = [newCampaign('c', northwindUs, 'Big'), newAdGroup('g', 'c', 'TRAFFIC')];
    for (let index = 0; nodes.length < 3000; index += 1)
      nodes.push(newAd(`a${index}`, 'g', `Ad ${index} ${'with a long descriptive name '.repeat(4)}`));
    const big = await save(alex, draft, 1, { nodes });
    assert.equal(big.status, 200, big.text.slice(0, 500));
    const reopened = draftSchema.parse((await alex.get(`${drafts()}/${draft.id}`)).body);
    assert.deepEqual([reopened.campaigns, reopened.items], [1, 3000]);

    const tooMany = await save(alex, draft, 2, { nodes: [...nodes, newAd('one-more', 'g')] });
    assert.equal(tooMany.status, 400);
    assert.match(JSON.stringify(tooMany.body.error.details), /A draft holds at most 3000 items/);

    const huge = await save(alex, draft, 2, { nodes: [] }, 'x'.repeat(9 * 1024 * 1024));
    assert.equal(huge.status, 413);
    assert.equal(huge.body.error.code, 'payload_too_large');
  });

  it('keeps a draft read-only while a publish of it is unfinished, and says so', async () => {
    const draft = await create(alex);
    const { rows } = await sql<{ id: string }>`
      insert into publishes (workspace_id, draft_id, draft_version, state, requested_by)
      values (${workspaceId}::uuid, ${draft.id}::uuid, 1, 'running', null) returning id
    `.execute(kit.test.database.db);
    const publishId = rows[0]!.id;

    const listed = draftListResponseSchema.parse((await alex.get(drafts())).body);
    assert.equal(listed.drafts.find((each) => each.id === draft.id)?.activePublishId, publishId);
    assert.equal(
      draftSchema.parse((await alex.get(`${drafts()}/${draft.id}`)).body).activePublishId,
      publishId,
    );

    const saving = await save(alex, draft, 1, completeDocument());
    assert.equal(saving.status, 409);
    assert.deepEqual(saving.body.error, {
      code: 'draft_publishing',
      message: 'This draft is being published; it can be edited again when the publish finishes.',
    });
    const deleting = await alex.delete<ErrorResponse>(`${drafts()}/${draft.id}`);
    assert.equal(deleting.status, 409);
    assert.equal(deleting.body.error.code, 'draft_publishing');

    await sql`update publishes set state = 'succeeded' where id = ${publishId}::uuid`.execute(
      kit.test.database.db,
    );
    assert.equal((await save(alex, draft, 1, completeDocument())).status, 200);
    assert.equal(draftSchema.parse((await alex.get(`${drafts()}/${draft.id}`)).body).activePublishId, null);
  });

  it('deletes a draft for good', async () => {
    const draft = await create(member);
    const deleted = await member.delete(`${drafts()}/${draft.id}`);
    assert.equal(deleted.status, 204, deleted.text);
    assert.equal((await alex.get(`${drafts()}/${draft.id}`)).status, 404);
    assert.equal((await alex.delete(`${drafts()}/${draft.id}`)).status, 404);
  });

  it('previews the saved version: the rules against the workspace’s accounts, the plan, and the guardrails', async () => {
    const draft = await create(alex);
    assert.equal((await save(alex, draft, 1, completeDocument(900))).status, 200);

    const preview = async (version: number) =>
      member.post<ErrorResponse>(`${drafts()}/${draft.id}/preview`, { version });
    const clean = publishPreviewSchema.parse((await preview(2)).body);
    assert.deepEqual(clean.issues, []);
    assert.deepEqual(clean.counts, { create: 3, update: 0, skip: 0 });
    assert.deepEqual(
      clean.items.map((item) => [item.level, item.name, item.action, item.advertiserId]),
      [
        ['campaign', 'Spring sale', 'create', northwindUs],
        ['adgroup', 'Spring', 'create', northwindUs],
        ['ad', 'Spring video', 'create', northwindUs],
      ],
    );
    assert.deepEqual(clean.guardrailBreaches, []);

    const limits = { maxAdGroupDailyBudget: 500, maxBudgetIncreasePercent: null };
    assert.equal((await alex.put(`/api/workspaces/${workspaceId}/builder/guardrails`, limits)).status, 200);
    const held = publishPreviewSchema.parse((await preview(2)).body);
    assert.deepEqual(held.guardrailBreaches, [
      "Ad group “Spring” would spend 900.00 a day; the workspace's limit is 500.00.",
    ]);

    const stale = await preview(1);
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'draft_conflict');

    // A campaign on an account the workspace does not use, and an ad group left blank.
    const elsewhere = newCampaign('c9', '7200000000000000099', 'Elsewhere');
    elsewhere.settings.budget = 100;
    assert.equal(
      (await save(alex, draft, 2, { nodes: [elsewhere, newAdGroup('g9', 'c9', 'TRAFFIC', 'Blank')] })).status,
      200,
    );
    const blocked = publishPreviewSchema.parse((await preview(3)).body);
    assert.deepEqual(
      blocked.issues
        .filter((issue) => issue.severity === 'error')
        .map((issue) => [issue.key, issue.field, issue.message]),
      [
        ['c9', 'advertiserId', 'Choose one of the workspace’s ad accounts for this campaign.'],
        ['g9', null, 'Add at least one ad to this ad group.'],
        ['g9', 'locations', 'Choose at least one location.'],
        ['g9', 'budget', 'Enter a daily budget.'],
      ],
    );
  });

  it('keeps guardrails per workspace: members read them, only owners and admins set them', async () => {
    const url = (workspace: string) => `/api/workspaces/${workspace}/builder/guardrails`;
    const theirs = await outsider.browser.get(url(outsider.workspaceId));
    assert.deepEqual(theirs.body, { maxAdGroupDailyBudget: null, maxBudgetIncreasePercent: null });

    const limits = { maxAdGroupDailyBudget: 250.5, maxBudgetIncreasePercent: 30 };
    const set = await alex.put(url(workspaceId), limits);
    assert.equal(set.status, 200, set.text);
    assert.deepEqual(guardrailsSchema.parse(set.body), limits);
    assert.deepEqual((await member.get(url(workspaceId))).body, limits);

    const refused = await member.put<ErrorResponse>(url(workspaceId), {
      maxAdGroupDailyBudget: null,
      maxBudgetIncreasePercent: null,
    });
    assert.equal(refused.status, 403);
    assert.equal(
      refused.body.error.message,
      'Only workspace owners and admins can change the publishing guardrails.',
    );
    const invalid = await alex.put<ErrorResponse>(url(workspaceId), {
      maxAdGroupDailyBudget: -1,
      maxBudgetIncreasePercent: null,
    });
    assert.equal(invalid.status, 400);

    const cleared = await alex.put(url(workspaceId), {
      maxAdGroupDailyBudget: null,
      maxBudgetIncreasePercent: null,
    });
    assert.deepEqual(cleared.body, { maxAdGroupDailyBudget: null, maxBudgetIncreasePercent: null });
    assert.deepEqual((await outsider.browser.get(url(outsider.workspaceId))).body, theirs.body);
  });
});
