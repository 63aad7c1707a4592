import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  draftSchema,
  newAd,
  newAdGroup,
  newCampaign,
  publishSchema,
  type Draft,
  type DraftDocument,
  type Publish,
} from '@whathead/contracts';
import { sampleImage } from '../../testing/media-samples.js';
import { TestBrowser } from '../../testing/test-app.js';
import { connectionsPath, joinAsMember } from '../../testing/tiktok-flow.js';
import { connect, scenario, startTikTokTestKit, type TikTokTestKit } from '../../testing/tiktok-test-kit.js';

const northwindUs = '7200000000000000011';

describe('publishing a draft: create, skip, update, partial failure, guardrails, reconnect', () => {
  let kit: TikTokTestKit;
  let alex: TestBrowser;
  let sam: TestBrowser;
  let workspaceId: string;
  let imageId: string;
  let connectionId: string;

  before(async () => {
    kit = await startTikTokTestKit();
    alex = new TestBrowser(kit.test.app);
    workspaceId = (await alex.signUp({ name: 'Alex', email: 'alex-publish@example.com' })).activeWorkspaceId!;
    connectionId = await connect(kit, alex, workspaceId, scenario.northwind);
    const saved = await alex.put(`${connectionsPath(workspaceId)}/${connectionId}/accounts`, {
      selectedAdvertiserIds: [northwindUs],
      defaultAdvertiserId: northwindUs,
    });
    assert.equal(saved.status, 200, saved.text);
    imageId = [...kit.emulator.state.store.images.values()].find(
      (image) => image.advertiserId === northwindUs,
    )!.image_id;
    sam = await joinAsMember(kit.test, alex, workspaceId, 'sam-publish@example.com');
  });
  after(async () => kit?.close());

  const api = (path: string) => `/api/workspaces/${workspaceId}${path}`;

  function tree(prefix: string, ads = 1, adGroupBudget = 40): DraftDocument {
    const campaign = newCampaign(`${prefix}c`, northwindUs, `${prefix} campaign`);
    campaign.settings.budget = 500;
    const adGroup = newAdGroup(`${prefix}g`, campaign.key, 'TRAFFIC', `${prefix} ad group`);
    adGroup.settings.budget = adGroupBudget;
    adGroup.settings.locations = [{ id: '6252001', name: 'United States' }];
    const adNodes = Array.from({ length: ads }, (_, index) => {
      const ad = newAd(`${prefix}a${index}`, adGroup.key, `${prefix} ad ${index}`);
      ad.settings = {
        ...ad.settings,
        format: 'SINGLE_IMAGE',
        identity: { type: 'CUSTOMIZED_USER', id: '7300000000000000009', displayName: 'Northwind' },
        creative: {
          kind: 'image',
          materialId: imageId,
          fileName: 'a.png',
          sha256: null,
          width: 1080,
          height: 1080,
          coverImageId: null,
        },
        adText: 'Spring is here',
        displayName: 'Northwind',
        landingPageUrl: 'https://example.com/spring',
      };
      return ad;
    });
    return { nodes: [campaign, adGroup, ...adNodes] };
  }

  async function saveDraft(document: DraftDocument, browser = alex): Promise<Draft> {
    const created = await browser.post(api('/drafts'), {});
    assert.equal(created.status, 201, created.text);
    const draft = draftSchema.parse(created.body);
    const saved = await browser.put(api(`/drafts/${draft.id}`), {
      version: draft.version,
      name: draft.name,
      document,
    });
    assert.equal(saved.status, 200, saved.text);
    return draftSchema.parse((await browser.get(api(`/drafts/${draft.id}`))).body);
  }

  async function finished(publishId: string, browser = alex): Promise<Publish> {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const publish = publishSchema.parse((await browser.get(api(`/publishes/${publishId}`))).body);
      if (!['queued', 'running'].includes(publish.state)) return publish;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the publish did not finish');
  }

  async function publish(draft: Draft, browser = alex): Promise<Publish> {
    const started = await browser.post(api(`/drafts/${draft.id}/publishes`), { version: draft.version });
    assert.equal(started.status, 202, started.text);
    return finished(publishSchema.parse(started.body).id, browser);
  }

  // Background syncs read from TikTok meanwhile (GETs); a publish writes (POSTs).
  const writes = () => kit.emulator.control.calls().filter((call) => call.method === 'POST');
  const createCalls = () =>
    kit.emulator.control.calls().filter((call) => call.path.endsWith('/create/') && call.method === 'POST');

  it('creates campaign, ad group and ad once, writes TikTok ids back, and a second publish skips all three', async () => {
    const draft = await saveDraft(tree('A1'));
    const before = createCalls().length;
    const done = await publish(draft);
    assert.equal(done.state, 'succeeded', JSON.stringify(done.items));
    assert.deepEqual(done.counts, { create: 3, update: 0, skip: 0 });
    assert.ok(done.items.every((item) => item.state === 'confirmed' && /^\d+$/.test(item.tiktokId ?? '')));
    assert.equal(createCalls().length - before, 3);
    const truth = kit.emulator.state.store;
    const campaignId = done.items.find((item) => item.level === 'campaign')!.tiktokId!;
    assert.equal(truth.campaigns.get(campaignId)?.campaign_name, 'A1 campaign');
    // The campaigns mirror reads the account again at once: Campaigns and Select existing show it.
    for (let waited = 0; ; waited += 1) {
      const { rows } = await kit.test.database.executeSql(
        "select name from tiktok_entities where level = 'campaign' and entity_id = $1",
        [campaignId],
      );
      if (rows.length > 0) break;
      assert.ok(waited < 300, 'the new campaign reached the campaigns mirror without a manual refresh');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    const reloaded = draftSchema.parse((await alex.get(api(`/drafts/${draft.id}`))).body);
    // One version for the start (a save racing the click loses), one for the ids written back.
    assert.equal(reloaded.version, draft.version + 2);
    assert.ok(reloaded.document.nodes.every((node) => node.tiktokId && node.published));
    const callsBefore = writes().length;
    const again = await publish(reloaded);
    assert.equal(again.state, 'succeeded');
    assert.deepEqual(again.counts, { create: 0, update: 0, skip: 3 });
    assert.deepEqual(
      writes()
        .slice(callsBefore)
        .map((call) => call.path),
      [],
      'an all-skip publish makes no TikTok call',
    );
  });

  it('sends only the changed editable field of a published campaign', async () => {
    const draft = await saveDraft(tree('D2'));
    await publish(draft);
    const published = draftSchema.parse((await alex.get(api(`/drafts/${draft.id}`))).body);
    const nodes = published.document.nodes.map((node) =>
      node.level === 'campaign' ? { ...node, settings: { ...node.settings, budget: 750 } } : node,
    );
    const saved = await alex.put(api(`/drafts/${draft.id}`), {
      version: published.version,
      name: published.name,
      document: { nodes },
    });
    assert.equal(saved.status, 200, saved.text);
    const from = writes().length;
    const done = await publish({ ...published, version: published.version + 1 });
    assert.deepEqual(done.counts, { create: 0, update: 1, skip: 2 });
    const update = done.items.find((item) => item.action === 'update')!;
    assert.deepEqual(
      update.changes.map((change) => [change.field, change.before, change.after]),
      [['budget', 500, 750]],
    );
    const sent = writes().slice(from);
    assert.deepEqual(
      sent.map((call) => call.path.replace(/^.*\/v1\.3/, '')),
      ['/campaign/update/'],
    );
    const campaignId = update.tiktokId!;
    assert.equal(kit.emulator.state.store.campaigns.get(campaignId)?.budget, 750);
  });

  it('streams the publish to a page following it: each change while it runs, then the end', async () => {
    const draft = await saveDraft(tree('ST', 3));
    // Slow creates, so the run lasts while the page follows it.
    kit.emulator.control.addFault({ kind: 'latency', path: '/ad/create/', latencyMilliseconds: 400 });
    kit.emulator.control.addFault({ kind: 'latency', path: '/adgroup/create/', latencyMilliseconds: 400 });
    try {
      const started = await alex.post(api(`/drafts/${draft.id}/publishes`), { version: draft.version });
      assert.equal(started.status, 202, started.text);
      const publishId = publishSchema.parse(started.body).id;
      // The stream ends by itself once the publish has ended.
      const streamed = await alex.get(api(`/publishes/${publishId}/events`));
      assert.equal(streamed.status, 200, streamed.text);
      assert.match(String(streamed.headers['content-type']), /^text\/event-stream/);
      const events = streamed.text
        .split('\n\n')
        .filter((block) => block.startsWith('event: publish\n'))
        .map((block) => publishSchema.parse(JSON.parse(block.slice('event: publish\ndata: '.length))));
      assert.ok(events.length >= 2, `${events.length} event(s): the run was followed, not only its end`);
      const confirmed = events.map((each) => each.items.filter((item) => item.state === 'confirmed').length);
      assert.deepEqual(
        confirmed,
        [...confirmed].sort((left, right) => left - right),
        'each event shows at least as much confirmed as the one before',
      );
      assert.equal(events.at(-1)!.state, 'succeeded');
      assert.equal(confirmed.at(-1), 5);
      assert.match(streamed.text, /retry: 5000\n\n$/, 'the browser is told when to ask again');
      // Another workspace's member is told nothing: not found.
      const outsider = new TestBrowser(kit.test.app);
      await outsider.signUp({ name: 'Olga', email: 'olga-stream@example.com' });
      assert.equal((await outsider.get(api(`/publishes/${publishId}/events`))).status, 404);
    } finally {
      kit.emulator.control.clearFaults();
    }
  });

  // TikTok does not say what a repeated create request_id answers (reference §4.2): 40050, or
  // the object the first made. The publish must create each entity once under either reading.
  for (const mode of ['reject', 'return_original'] as const) {
    it(`creates each entity once when a create's answer is lost after TikTok acted (repeated request id: ${mode})`, async () => {
      const prefix = mode === 'reject' ? 'LR' : 'LO';
      kit.emulator.control.updateSettings({ duplicateRequestIdMode: mode });
      const draft = await saveDraft(tree(prefix, 2));
      for (const path of ['/campaign/create/', '/adgroup/create/', '/ad/create/'])
        kit.emulator.control.addFault({ kind: 'answer_lost', path, bodyContains: `${prefix} `, nth: 1 });
      try {
        const lostBefore = kit.emulator.control.calls().filter((call) => call.fault === 'answer_lost').length;
        const done = await publish(draft);
        assert.equal(done.state, 'succeeded', JSON.stringify(done.items));
        assert.equal(
          kit.emulator.control.calls().filter((call) => call.fault === 'answer_lost').length - lostBefore,
          3,
          'one answer lost at each level',
        );
        const store = kit.emulator.state.store;
        const mine = (name: string) => name.startsWith(`${prefix} `);
        assert.deepEqual(
          [
            [...store.campaigns.values()].filter((each) => mine(each.campaign_name)).length,
            [...store.adgroups.values()].filter((each) => mine(each.adgroup_name)).length,
            [...store.ads.values()].filter((each) => mine(each.ad_name)).length,
          ],
          [1, 1, 2],
          'one campaign, one ad group, two ads: none created twice',
        );
        for (const item of done.items) {
          const held =
            item.level === 'campaign'
              ? store.campaigns.get(item.tiktokId!)?.campaign_name
              : item.level === 'adgroup'
                ? store.adgroups.get(item.tiktokId!)?.adgroup_name
                : store.ads.get(item.tiktokId!)?.ad_name;
          assert.equal(held, item.name, `${item.name} confirmed with the id TikTok made`);
        }
      } finally {
        kit.emulator.control.clearFaults();
        kit.emulator.control.updateSettings({ duplicateRequestIdMode: 'reject' });
      }
    });
  }

  it('fails only the ad TikTok refuses; the rest of the batch is created, and a new publish sends only that ad', async () => {
    const document = tree('PF', 3);
    const draft = await saveDraft(document);
    kit.emulator.control.addFault({
      kind: 'api_error',
      path: '/ad/create/',
      bodyContains: 'PF ad 1',
      code: 40002,
      message: 'ad_text: Contains a word TikTok does not allow.',
    });
    const done = await publish(draft);
    kit.emulator.control.clearFaults();
    assert.equal(done.state, 'failed');
    const failed = done.items.filter((item) => item.state === 'failed');
    assert.deepEqual(
      failed.map((item) => item.name),
      ['PF ad 1'],
    );
    // In words, the field named once in the form's words (not again as TikTok's "ad_text").
    assert.equal(failed[0]!.error, 'TikTok refused it. Ad text: Contains a word TikTok does not allow.');
    assert.equal(failed[0]!.errorField, 'adText');
    const reloaded = draftSchema.parse((await alex.get(api(`/drafts/${draft.id}`))).body);
    const retried = await publish(reloaded);
    assert.equal(retried.state, 'succeeded');
    assert.deepEqual(retried.counts, { create: 1, update: 0, skip: 4 });
    const adGroupId = done.items.find((item) => item.level === 'adgroup')!.tiktokId!;
    const ads = [...kit.emulator.state.store.ads.values()].filter((ad) => ad.adgroup_id === adGroupId);
    assert.deepEqual(ads.map((ad) => ad.ad_name).sort(), ['PF ad 0', 'PF ad 1', 'PF ad 2']);
  });

  it('holds a publish that breaks a guardrail until another admin approves it', async () => {
    const limits = await alex.put(api('/builder/guardrails'), {
      maxAdGroupDailyBudget: 100,
      maxBudgetIncreasePercent: null,
    });
    assert.equal(limits.status, 200, limits.text);
    const draft = await saveDraft(tree('G', 1, 300));
    const started = await alex.post(api(`/drafts/${draft.id}/publishes`), { version: draft.version });
    const waiting = publishSchema.parse(started.body);
    assert.equal(waiting.state, 'awaiting_approval');
    assert.match(waiting.guardrailBreaches.join(' '), /300\.00/);
    const self = await alex.post(api(`/publishes/${waiting.id}/approve`), {});
    assert.equal(self.status, 403);
    const member = await sam.post(api(`/publishes/${waiting.id}/approve`), {});
    assert.equal(member.status, 403, 'a plain member cannot approve');
    await alex.put(api('/builder/guardrails'), {
      maxAdGroupDailyBudget: null,
      maxBudgetIncreasePercent: null,
    });
    void connectionId;
  });

  it('pauses ten published ad groups as ten updates in one status call', async () => {
    const base = tree('H2');
    const [campaign, adGroup, ad] = base.nodes;
    const groups = Array.from({ length: 10 }, (_, index) => [
      { ...adGroup!, key: `H2g${index}`, settings: { ...adGroup!.settings, name: `H2 group ${index}` } },
      { ...ad!, key: `H2a${index}`, parentKey: `H2g${index}` },
    ]).flat() as DraftDocument['nodes'];
    const draft = await saveDraft({ nodes: [campaign!, ...groups] });
    assert.equal((await publish(draft)).state, 'succeeded');
    const published = draftSchema.parse((await alex.get(api(`/drafts/${draft.id}`))).body);
    const paused = published.document.nodes.map((node) =>
      node.level === 'adgroup'
        ? { ...node, settings: { ...node.settings, status: 'DISABLE' as const } }
        : node,
    );
    await alex.put(api(`/drafts/${draft.id}`), {
      version: published.version,
      name: published.name,
      document: { nodes: paused },
    });
    const from = writes().length;
    const done = await publish({ ...published, version: published.version + 1 });
    assert.deepEqual(done.counts, { create: 0, update: 10, skip: 11 });
    assert.deepEqual(
      writes()
        .slice(from)
        .map((call) => call.path.replace(/^.*\/v1\.3/, '')),
      ['/adgroup/status/update/'],
    );
    for (const item of done.items.filter((each) => each.level === 'adgroup'))
      assert.equal(kit.emulator.state.store.adgroups.get(item.tiktokId!)?.operation_status, 'DISABLE');
  });

  it('stops cleanly on a revoked token, flags the connection, and goes on by itself after Reconnect', async () => {
    const draft = await saveDraft(tree('RV'));
    for (const token of kit.emulator.control.tokens()) kit.emulator.control.revokeToken(token.access_token);
    const started = await alex.post(api(`/drafts/${draft.id}/publishes`), { version: draft.version });
    const blocked = await finished(publishSchema.parse(started.body).id);
    assert.equal(blocked.state, 'blocked');
    assert.match(blocked.blockedReason ?? '', /Reconnect it in Integrations/);
    const connections = (await alex.get(connectionsPath(workspaceId))).body as {
      connections: { status: string }[];
    };
    assert.equal(connections.connections[0]?.status, 'needs_attention');
    await connect(kit, alex, workspaceId, scenario.northwind, { reconnectConnectionId: connectionId });
    let resumed = blocked;
    for (let attempt = 0; attempt < 100 && resumed.state !== 'succeeded'; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      resumed = publishSchema.parse((await alex.get(api(`/publishes/${blocked.id}`))).body);
    }
    assert.equal(resumed.state, 'succeeded', JSON.stringify(resumed.items));
    assert.equal(resumed.id, blocked.id, 'the same publish resumed');
    const names = [...kit.emulator.state.store.campaigns.values()].filter(
      (each) => each.campaign_name === 'RV campaign',
    );
    assert.equal(names.length, 1);
  });

  it("gives a video ad TikTok's own cover of the video, uploaded once to the account's images", async () => {
    const video = [...kit.emulator.state.store.videos.values()].find(
      (each) => each.advertiserId === northwindUs && each.readyAt <= Date.now(),
    )!;
    const document = tree('VC', 2);
    for (const node of document.nodes)
      if (node.level === 'ad')
        node.settings = {
          ...node.settings,
          format: 'SINGLE_VIDEO',
          creative: {
            kind: 'video',
            materialId: video.video_id,
            fileName: 'v.mp4',
            sha256: null,
            width: 1080,
            height: 1920,
            coverImageId: null,
          },
        };
    const imagesBefore = kit.emulator.state.store.images.size;
    const done = await publish(await saveDraft(document));
    assert.equal(done.state, 'succeeded', JSON.stringify(done.items));
    const ads = done.items
      .filter((item) => item.level === 'ad')
      .map((item) => kit.emulator.state.store.ads.get(item.tiktokId!)!);
    assert.equal(ads.length, 2);
    assert.equal(ads[0]!.video_id, video.video_id);
    assert.equal(ads[0]!.image_ids.length, 1);
    assert.deepEqual(ads[1]!.image_ids, ads[0]!.image_ids, 'one cover serves both ads of the video');
    assert.equal(kit.emulator.state.store.images.size, imagesBefore + 1);
  });

  it('duplicates a tree into another ad account: the creative is copied there from the original Whathead keeps', async () => {
    const outlet = '7200000000000000012';
    const selected = await alex.put(`${connectionsPath(workspaceId)}/${connectionId}/accounts`, {
      selectedAdvertiserIds: [northwindUs, outlet],
      defaultAdvertiserId: northwindUs,
    });
    assert.equal(selected.status, 200, selected.text);
    const bytes = await sampleImage({ width: 400, height: 400, format: 'png', seed: 77 });
    const checked = await alex.postFile<{ sha256: string }>(api('/media/files'), {
      name: 'duplicate-me.png',
      bytes,
    });
    assert.equal(checked.status, 200, checked.text);
    const batch = await alex.post<{ batchId: string }>(api('/media/uploads'), {
      files: [{ sha256: checked.body.sha256, fileName: 'duplicate-me.png' }],
      advertiserIds: [northwindUs],
    });
    let mediaId: string | null = null;
    for (let attempt = 0; attempt < 100 && !mediaId; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const seen = await alex.get<{ uploads: { state: string; mediaId: string | null }[] }>(
        api(`/media/uploads/${batch.body.batchId}`),
      );
      mediaId = seen.body.uploads[0]?.state === 'ready' ? seen.body.uploads[0].mediaId : null;
    }
    assert.ok(mediaId, 'the original reached Northwind US');

    const document = tree('DUP');
    const [campaign] = document.nodes;
    if (campaign?.level === 'campaign') campaign.advertiserId = outlet;
    for (const node of document.nodes)
      if (node.level === 'ad')
        node.settings.creative = {
          kind: 'image',
          materialId: mediaId,
          fileName: 'duplicate-me.png',
          sha256: null,
          width: 400,
          height: 400,
          coverImageId: null,
          advertiserId: northwindUs,
        };
    const done = await publish(await saveDraft(document));
    assert.equal(done.state, 'succeeded', JSON.stringify(done.items));
    const adId = done.items.find((item) => item.level === 'ad')!.tiktokId!;
    const ad = kit.emulator.state.store.ads.get(adId)!;
    assert.equal(ad.advertiser_id, outlet);
    const image = kit.emulator.state.store.images.get(ad.image_ids[0]!)!;
    assert.equal(image.advertiserId, outlet, 'the ad names the copy in its own account');
    const reloaded = draftSchema.parse((await alex.get(api(`/drafts/${done.draftId}`))).body);
    const written = reloaded.document.nodes.find((node) => node.level === 'ad');
    assert.equal(written?.level === 'ad' && written.settings.creative?.advertiserId, outlet);
  });
});
