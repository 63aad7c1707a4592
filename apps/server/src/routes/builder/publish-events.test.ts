import assert from 'node:assert/strict';
import http from 'node:http';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import {
  draftSchema,
  newAd,
  newAdGroup,
  newCampaign,
  publishSchema,
  type DraftDocument,
} from '@whathead/contracts';
import { createTestDatabase, type TestDatabase } from '@whathead/db/testing';
import { TikTokRateLimitRepository } from '../../repositories/tiktok-rate-limit.repository.js';
import type { PublishService } from '../../services/builder/publish.service.js';
import { TestBrowser } from '../../testing/test-app.js';
import { connectionsPath } from '../../testing/tiktok-flow.js';
import { connect, scenario, startTikTokTestKit, type TikTokTestKit } from '../../testing/tiktok-test-kit.js';

// Regressions from an attack on the publish event stream: a client gone while its stream was
// being opened left the stream following the publish, and an open stream held the server's close.

const northwindUs = '7200000000000000011';
const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));
const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

describe('publish event streams on a real socket', () => {
  let database: TestDatabase;
  let kit: TikTokTestKit;
  let alex: TestBrowser;
  let workspaceId: string;
  let imageId: string;
  let port: number;
  /** Publishes followed now: what listens for their announcements. */
  let following = 0;

  before(async () => {
    port = await freePort();
    database = await createTestDatabase({ migrated: false });
    const listen = database.listen.bind(database);
    database.listen = async (channel, onMessage) => {
      const stop = await listen(channel, onMessage);
      if (channel !== 'whathead_publish_changed') return stop;
      following += 1;
      let stopped = false;
      return () => {
        if (!stopped) following -= 1;
        stopped = true;
        stop();
      };
    };
    kit = await startTikTokTestKit({
      database,
      environment: { HOST: '127.0.0.1', PORT: String(port) },
      listen: true,
    });
    alex = new TestBrowser(kit.test.app);
    workspaceId = (await alex.signUp({ name: 'Alex', email: 'alex-events@example.com' })).activeWorkspaceId!;
    const connectionId = await connect(kit, alex, workspaceId, scenario.northwind);
    const saved = await alex.put(`${connectionsPath(workspaceId)}/${connectionId}/accounts`, {
      selectedAdvertiserIds: [northwindUs],
      defaultAdvertiserId: northwindUs,
    });
    assert.equal(saved.status, 200, saved.text);
    imageId = [...kit.emulator.state.store.images.values()].find(
      (image) => image.advertiserId === northwindUs,
    )!.image_id;
  });
  after(async () => {
    await kit?.close();
    await database?.close();
  });

  const api = (path: string) => `/api/workspaces/${workspaceId}${path}`;

  async function startPublish(prefix: string): Promise<string> {
    const campaign = newCampaign(`${prefix}c`, northwindUs, `${prefix} campaign`);
    campaign.settings.budget = 500;
    const adGroup = newAdGroup(`${prefix}g`, campaign.key, 'TRAFFIC', `${prefix} ad group`);
    adGroup.settings.budget = 40;
    adGroup.settings.locations = [{ id: '6252001', name: 'United States' }];
    const ad = newAd(`${prefix}a`, adGroup.key, `${prefix} ad`);
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
    const document: DraftDocument = { nodes: [campaign, adGroup, ad] };
    const draft = draftSchema.parse((await alex.post(api('/drafts'), {})).body);
    const saved = await alex.put(api(`/drafts/${draft.id}`), {
      version: draft.version,
      name: prefix,
      document,
    });
    assert.equal(saved.status, 200, saved.text);
    const started = await alex.post(api(`/drafts/${draft.id}/publishes`), { version: draft.version + 1 });
    assert.equal(started.status, 202, started.text);
    return publishSchema.parse(started.body).id;
  }

  /** The stream as a browser reads it, over a socket of its own. */
  function openStream(publishId: string) {
    let text = '';
    let ended = false;
    const cookie = [...alex.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const request = http.request(
      { host: '127.0.0.1', port, path: api(`/publishes/${publishId}/events`), headers: { cookie } },
      (response) => {
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => (ended = true));
        response.on('error', () => undefined);
      },
    );
    request.on('error', () => undefined);
    request.end();
    return {
      request,
      get text() {
        return text;
      },
      get ended() {
        return ended;
      },
    };
  }

  async function until(what: string, check: () => boolean, seconds = 20): Promise<void> {
    for (const deadline = Date.now() + seconds * 1000; !check(); await pause(20))
      assert.ok(Date.now() < deadline, what);
  }

  it('leaves nothing following a publish for a client gone while its stream was being opened', async () => {
    // A slow database: the stream's first reading takes a while, and the client leaves meanwhile.
    const publishes = kit.test.whathead.services.publishes as PublishService;
    const follow = publishes.follow.bind(publishes);
    publishes.follow = async (...args) => {
      await pause(150);
      return follow(...args);
    };
    kit.emulator.control.addFault({ kind: 'latency', path: '/ad/create/', latencyMilliseconds: 3_000 });
    try {
      const publishId = await startPublish('EA');
      const before = following;
      const streams = Array.from({ length: 5 }, () => openStream(publishId));
      await pause(30);
      for (const stream of streams) stream.request.destroy();
      await pause(600);
      assert.equal(following, before, 'every stream stopped following with its client gone');
    } finally {
      publishes.follow = follow;
      kit.emulator.control.clearFaults();
    }
  });

  it('ends the streams it serves when the server closes, telling browsers when to come back', async () => {
    // TikTok's budget paused: the publish stays unfinished, so its stream would never end alone.
    await new TikTokRateLimitRepository(database).pause('app', Date.now() + 120_000);
    const stream = openStream(await startPublish('SD'));
    await until('the stream sent the publish', () => stream.text.includes('event: publish'));
    const closing = kit.test.whathead.close().then(() => 'closed');
    const outcome = await Promise.race([closing, pause(20_000).then(() => 'still closing after 20 s')]);
    assert.equal(outcome, 'closed');
    await until('the stream ended', () => stream.ended);
    assert.match(stream.text, /retry: 5000\n\n$/);
  });
});
