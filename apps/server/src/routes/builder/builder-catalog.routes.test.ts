import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  appListSchema,
  audienceListSchema,
  existingNodesResponseSchema,
  identityListSchema,
  identitySchema,
  pixelListSchema,
  planPublish,
  regionListSchema,
  type AdGroupNode,
  type AdNode,
  type CampaignNode,
  type DraftNode,
  type ErrorResponse,
} from '@whathead/contracts';
import { sql } from '@whathead/db';
import type { TestBrowser } from '../../testing/test-app.js';
import { connectionsPath, signUpWorkspace } from '../../testing/tiktok-flow.js';
import { connect, scenario, startTikTokTestKit, type TikTokTestKit } from '../../testing/tiktok-test-kit.js';
import { syncsFinished } from '../../testing/workspace-route-fixtures.js';

const northwindUs = '7200000000000000011';
const northwindOutlet = '7200000000000000012';

describe('the builder’s Select existing, from the campaign mirror', () => {
  let kit: TikTokTestKit;
  let owner: { browser: TestBrowser; workspaceId: string };
  let campaignIds: string[];
  before(async () => {
    kit = await startTikTokTestKit();
    owner = await signUpWorkspace(kit.test, 'builder-existing@example.com');
    const connectionId = await connect(kit, owner.browser, owner.workspaceId, scenario.northwind);
    const saved = await owner.browser.put(`${connectionsPath(owner.workspaceId)}/${connectionId}/accounts`, {
      selectedAdvertiserIds: [northwindUs],
      defaultAdvertiserId: northwindUs,
    });
    assert.equal(saved.status, 200, saved.text);
    campaignIds = await mirroredCampaigns();
  });
  // The syncs the selection started end first: closing the database under one fails it.
  after(async () => {
    if (kit) await syncsFinished({ kit, owner: owner.browser, workspaceId: owner.workspaceId });
    await kit?.close();
  });

  /** Waits for the selection's first mirror pass and library sync: the campaigns' TikTok ids. */
  async function mirroredCampaigns(): Promise<string[]> {
    for (let attempt = 0; attempt < 400; attempt += 1) {
      const { rows } = await sql<{ entity_id: string; ready: boolean }>`
        select entity_id, exists (select 1 from tiktok_media_accounts library
          where library.workspace_id = ${owner.workspaceId}::uuid and library.advertiser_id = ${northwindUs}
            and library.state = 'ready') as ready
        from tiktok_entities
        where workspace_id = ${owner.workspaceId}::uuid and advertiser_id = ${northwindUs} and level = 'campaign'
        order by entity_id
      `.execute(kit.test.database.db);
      const mirror = await sql<{ state: string }>`
        select state from tiktok_mirror_accounts
        where workspace_id = ${owner.workspaceId}::uuid and advertiser_id = ${northwindUs}
      `.execute(kit.test.database.db);
      if (rows.length > 0 && rows[0]!.ready && mirror.rows[0]?.state === 'ready')
        return rows.map((row) => row.entity_id);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the mirror imported nothing');
  }

  const existing = (query: string, workspaceId = owner.workspaceId) =>
    `/api/workspaces/${workspaceId}/builder/existing?${query}`;

  async function load(query: string): Promise<DraftNode[]> {
    const response = await owner.browser.get(existing(query));
    assert.equal(response.status, 200, response.text);
    return existingNodesResponseSchema.parse(response.body).nodes;
  }

  it('loads a campaign with its ad groups and ads, which plan as nothing to do until one is changed', async () => {
    const nodes = await load(`advertiserId=${northwindUs}&campaigns=${campaignIds[0]}`);
    assert.deepEqual(
      nodes.map((node) => node.level),
      ['campaign', 'adgroup', 'ad', 'ad', 'adgroup', 'ad', 'ad'],
    );
    const [campaign, adGroup] = nodes as [CampaignNode, AdGroupNode];
    assert.deepEqual(
      [campaign.tiktokId, campaign.advertiserId, campaign.settings.objective, campaign.settings.budget],
      [campaignIds[0], northwindUs, 'TRAFFIC', 200],
    );
    assert.deepEqual(
      adGroup.settings.locations,
      [{ id: '6252001', name: 'United States' }],
      'named from the account’s region list',
    );
    for (const node of nodes) {
      assert.ok(node.tiktokId, 'each node knows its TikTok id');
      assert.deepEqual(node.published, node.settings);
    }
    const ad = nodes.find((node): node is AdNode => node.level === 'ad')!;
    assert.deepEqual(
      [ad.settings.creative?.kind, ad.settings.creative?.fileName, ad.settings.creative?.width],
      ['video', 'sample-video.mp4', 1080],
      'the creative as the account’s library names it',
    );

    assert.deepEqual(planPublish({ nodes }).counts, { create: 0, update: 0, skip: 7 });
    const raised = nodes.map((node) =>
      node.key === campaign.key ? { ...campaign, settings: { ...campaign.settings, budget: 260 } } : node,
    );
    const plan = planPublish({ nodes: raised });
    assert.deepEqual(plan.counts, { create: 0, update: 1, skip: 6 });
    assert.deepEqual(
      plan.items.filter((item) => item.action === 'update').map((item) => [item.key, item.changes]),
      [[campaign.key, [{ field: 'budget', label: 'Budget', before: 200, after: 260 }]]],
    );

    const again = await load(`advertiserId=${northwindUs}&campaigns=${campaignIds[0]}`);
    assert.ok(
      again.every((node) => !nodes.some((first) => first.key === node.key)),
      'fresh keys on every load',
    );
  });

  it('loads campaigns alone, or an ad group with its ads (Expand)', async () => {
    const campaigns = await load(
      `advertiserId=${northwindUs}&campaigns=${campaignIds.join(',')}&children=false`,
    );
    assert.deepEqual(
      campaigns.map((node) => [node.level, node.tiktokId]),
      campaignIds.map((id) => ['campaign', id]),
    );
    const { rows } = await sql<{ entity_id: string }>`
      select entity_id from tiktok_entities
      where workspace_id = ${owner.workspaceId}::uuid and level = 'adgroup' and campaign_id = ${campaignIds[1]!}
      order by entity_id limit 1
    `.execute(kit.test.database.db);
    const adGroupId = rows[0]!.entity_id;
    const expanded = await load(`advertiserId=${northwindUs}&adGroups=${adGroupId}`);
    assert.deepEqual(
      expanded.map((node) => [node.level, node.parentKey]),
      [
        ['adgroup', null],
        ['ad', expanded[0]!.key],
        ['ad', expanded[0]!.key],
      ],
    );
    assert.equal(expanded[0]!.tiktokId, adGroupId);
  });

  it('answers in words for an account the workspace does not use, or nothing named', async () => {
    const outlet = await owner.browser.get<ErrorResponse>(
      existing(`advertiserId=${northwindOutlet}&campaigns=${campaignIds[0]}`),
    );
    assert.equal(outlet.status, 404);
    assert.equal(
      outlet.body.error.message,
      'This ad account does not exist, or you do not have access to it.',
    );
    const nothing = await owner.browser.get<ErrorResponse>(existing(`advertiserId=${northwindUs}`));
    assert.equal(nothing.status, 400);
    assert.equal(
      nothing.body.error.details?.issues?.[0]?.message,
      'Name the campaigns or ad groups to load.',
    );
    const outsider = await signUpWorkspace(kit.test, 'builder-existing-outsider@example.com');
    const theirs = await outsider.browser.get<ErrorResponse>(
      existing(`advertiserId=${northwindUs}&campaigns=${campaignIds[0]}`, outsider.workspaceId),
    );
    assert.equal(theirs.status, 404, 'another workspace does not read this one’s mirror');
  });

  it('stays valid under the contract whatever TikTok’s objects hold', async () => {
    await sql`
      update tiktok_entities set raw = raw || ${JSON.stringify({
        objective_type: 'RF_REACH',
        budget_mode: 'BUDGET_MODE_DYNAMIC_DAILY_BUDGET',
        placement_type: 'PLACEMENT_TYPE_NORMAL',
        placements: ['PLACEMENT_TOPBUZZ'],
        age_groups: ['AGE_OTHER'],
        optimization_goal: 'VALUE',
        call_to_action: 'WHATSAPP_NOW',
        identity_type: 'SOMETHING_ELSE',
      })}::jsonb
      where workspace_id = ${owner.workspaceId}::uuid and campaign_id = ${campaignIds[1]!}
    `.execute(kit.test.database.db);
    await sql`
      update tiktok_entities set raw = raw || '{"ad_format": "CAROUSEL_ADS"}'::jsonb
      where workspace_id = ${owner.workspaceId}::uuid and campaign_id = ${campaignIds[1]!} and level = 'ad'
        and entity_id = (select min(entity_id) from tiktok_entities where workspace_id = ${owner.workspaceId}::uuid
          and campaign_id = ${campaignIds[1]!} and level = 'ad')
    `.execute(kit.test.database.db);
    const nodes = await load(`advertiserId=${northwindUs}&campaigns=${campaignIds[1]}`);
    assert.equal(nodes.filter((node) => node.level === 'ad').length, 3, 'the carousel ad is left out');
    const [campaign] = nodes as [CampaignNode];
    assert.deepEqual([campaign.settings.objective, campaign.settings.budgetMode], [null, 'BUDGET_MODE_DAY']);
  });
});

describe('the builder’s catalog: locations, identities, pixels, apps and audiences of one ad account', () => {
  let kit: TikTokTestKit;
  let owner: { browser: TestBrowser; workspaceId: string };
  let connectionId: string;
  before(async () => {
    kit = await startTikTokTestKit();
    owner = await signUpWorkspace(kit.test, 'builder-catalog@example.com');
    connectionId = await connect(kit, owner.browser, owner.workspaceId, scenario.northwind);
    const saved = await owner.browser.put(`${connectionsPath(owner.workspaceId)}/${connectionId}/accounts`, {
      selectedAdvertiserIds: [northwindUs],
      defaultAdvertiserId: northwindUs,
    });
    assert.equal(saved.status, 200, saved.text);
  });
  // The syncs the selection started end first: closing the database under one fails it.
  after(async () => {
    if (kit) await syncsFinished({ kit, owner: owner.browser, workspaceId: owner.workspaceId });
    await kit?.close();
  });

  const account = (advertiserId = northwindUs) =>
    `/api/workspaces/${owner.workspaceId}/builder/accounts/${advertiserId}`;
  const regionCalls = () => kit.emulator.control.calls({ path: '/tool/region/' }).length;

  it('searches the account’s locations by name, countries first, from one read of TikTok’s list', async () => {
    const before = regionCalls();
    const georgia = await owner.browser.get(`${account()}/regions?q=GEORGIA`);
    assert.equal(georgia.status, 200, georgia.text);
    assert.deepEqual(regionListSchema.parse(georgia.body).regions, [
      { id: '614540', name: 'Georgia', parentName: null, level: 'COUNTRY', regionCode: 'GE' },
      { id: '4197000', name: 'Georgia', parentName: 'United States', level: 'PROVINCE', regionCode: 'US' },
    ]);
    const all = regionListSchema.parse((await owner.browser.get(`${account()}/regions`)).body).regions;
    assert.equal(all.length, 50, 'at most 50');
    assert.ok(
      all.every((region) => region.level === 'COUNTRY'),
      'countries first',
    );
    const cities = regionListSchema.parse(
      (await owner.browser.get(`${account()}/regions?q=an`)).body,
    ).regions;
    assert.ok(cities.some((region) => region.name === 'San Francisco' && region.parentName === 'California'));
    assert.equal(regionCalls() - before, 1, 'the list is read once and searched here');

    const notUsed = await owner.browser.get<ErrorResponse>(`${account(northwindOutlet)}/regions?q=a`);
    assert.equal(notUsed.status, 404);
    assert.equal(
      notUsed.body.error.message,
      'This ad account does not exist, or you do not have access to it.',
    );
  });

  it('lists the identities ads can run under, and makes a custom one', async () => {
    const listed = await owner.browser.get(`${account()}/identities`);
    assert.equal(listed.status, 200, listed.text);
    const { identities } = identityListSchema.parse(listed.body);
    assert.deepEqual(
      identities.map((identity) => [identity.type, identity.displayName]),
      [
        ['CUSTOMIZED_USER', 'Northwind US'],
        ['TT_USER', 'Northwind US'],
      ],
    );

    const created = await owner.browser.post(`${account()}/identities`, {
      displayName: '  Northwind Spring  ',
    });
    assert.equal(created.status, 201, created.text);
    const identity = identitySchema.parse(created.body);
    assert.deepEqual([identity.type, identity.displayName], ['CUSTOMIZED_USER', 'Northwind Spring']);
    const again = identityListSchema.parse((await owner.browser.get(`${account()}/identities`)).body);
    assert.ok(again.identities.some((each) => each.id === identity.id));

    const blank = await owner.browser.post<ErrorResponse>(`${account()}/identities`, { displayName: ' ' });
    assert.equal(blank.status, 400);
    assert.equal(blank.body.error.details?.issues?.[0]?.message, 'Enter the name people see on the ad.');
  });

  it('lists pixels with the events they can optimise for, and apps', async () => {
    const pixels = await owner.browser.get(`${account()}/pixels`);
    assert.equal(pixels.status, 200, pixels.text);
    const [website] = pixelListSchema.parse(pixels.body).pixels;
    assert.ok(website);
    assert.deepEqual(
      website.events.map((event) => event.name),
      ['ON_WEB_DETAIL', 'ON_WEB_CART', 'INITIATE_ORDER', 'SHOPPING'],
      'page views have no optimisation event; deprecated events are left out',
    );
    assert.equal(website.events[3]!.label, 'Complete Payment');

    const apps = await owner.browser.get(`${account()}/apps`);
    assert.equal(apps.status, 200, apps.text);
    assert.deepEqual(
      appListSchema.parse(apps.body).apps.map((app) => app.platform),
      ['ANDROID', 'IOS'],
    );
  });

  it('lists the custom audiences an ad group can include or exclude, with kind, size and readiness', async () => {
    const answer = await owner.browser.get(`${account()}/audiences`);
    assert.equal(answer.status, 200, answer.text);
    const { granted, audiences } = audienceListSchema.parse(answer.body);
    assert.equal(granted, true);
    assert.deepEqual(
      audiences.map((audience) => [audience.name, audience.type, audience.size, audience.ready]),
      [
        ['Northwind US Customers', 'Customer File Audience', 48_200, true],
        ['Northwind US Website visitors, 30 days', 'Website Audience', 126_500, true],
        ['Northwind US Lookalike of customers', 'Lookalike Audience', 2_310_000, true],
        ['Northwind US Video viewers', 'Engagement Audience', null, false],
      ],
      'one still being calculated has no size yet and is not ready',
    );
  });

  it('says TikTok is down as such, and a broken connection with the one action that fixes it', async () => {
    const fault = kit.emulator.control.addFault({
      kind: 'api_error',
      path: '/app/list/',
      code: 50002,
      times: 10,
    });
    const down = await owner.browser.get<ErrorResponse>(`${account()}/apps`);
    kit.emulator.control.removeFault(fault.id);
    assert.ok(down.status >= 500 && down.status < 600, down.text);
    assert.match(down.body.error.message, /TikTok/);

    kit.emulator.control.revokeToken(kit.emulator.control.tokens().at(-1)!.access_token);
    for (const path of ['pixels', 'identities', 'apps', 'audiences']) {
      const broken = await owner.browser.get<ErrorResponse>(`${account()}/${path}`);
      assert.equal(broken.status, 409, broken.text);
      assert.deepEqual(broken.body.error, {
        code: 'tiktok_reconnect_required',
        message: 'The TikTok connection needs attention. Reconnect it in Integrations, then try again.',
      });
    }
    await connect(kit, owner.browser, owner.workspaceId, scenario.northwind, {
      reconnectConnectionId: connectionId,
    });
    assert.equal((await owner.browser.get(`${account()}/apps`)).status, 200);
  });

  it('answers a connection made without Audience, App or Pixel Management as not granted, and leaves it connected', async () => {
    const earlier = await signUpWorkspace(kit.test, 'builder-catalog-no-audiences@example.com');
    // Whathead's request before the builder asked for Audience (3), App (7) and Pixel (8) Management.
    const earlierConnection = await connect(kit, earlier.browser, earlier.workspaceId, scenario.northwind, {
      scope: [1, 2, 4, 6],
    });
    const saved = await earlier.browser.put(
      `${connectionsPath(earlier.workspaceId)}/${earlierConnection}/accounts`,
      { selectedAdvertiserIds: [northwindUs], defaultAdvertiserId: northwindUs },
    );
    assert.equal(saved.status, 200, saved.text);
    try {
      const base = `/api/workspaces/${earlier.workspaceId}/builder/accounts/${northwindUs}`;
      const answer = await earlier.browser.get(`${base}/audiences`);
      assert.equal(answer.status, 200, answer.text);
      assert.deepEqual(audienceListSchema.parse(answer.body), { granted: false, audiences: [] });
      const pixels = await earlier.browser.get(`${base}/pixels`);
      assert.deepEqual(pixelListSchema.parse(pixels.body), { granted: false, pixels: [] }, pixels.text);
      const apps = await earlier.browser.get(`${base}/apps`);
      assert.deepEqual(appListSchema.parse(apps.body), { granted: false, apps: [] }, apps.text);
      const connections = await earlier.browser.get<{ connections: { status: string }[] }>(
        connectionsPath(earlier.workspaceId),
      );
      assert.deepEqual(
        connections.body.connections.map((connection) => connection.status),
        ['connected'],
        'a missing optional permission does not put the connection in Needs attention',
      );
      assert.equal((await earlier.browser.get(`${base}/identities`)).status, 200, 'the rest still works');
    } finally {
      await syncsFinished({ kit, owner: earlier.browser, workspaceId: earlier.workspaceId });
    }
  });
});
