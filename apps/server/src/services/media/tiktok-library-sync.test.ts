import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { emulatorApp } from '@whathead/tiktok-emulator';
import { createTikTokClient, withCallPriority, type TikTokClient } from '@whathead/tiktok-client';
import { TikTokMediaRepository } from '../../repositories/media/tiktok-media.repository.js';
import { sampleImage, sampleVideo } from '../../testing/media-samples.js';
import { signUpWorkspace } from '../../testing/tiktok-flow.js';
import { connect, scenario, startTikTokTestKit, type TikTokTestKit } from '../../testing/tiktok-test-kit.js';
import { syncAccountLibrary } from './tiktok-library-sync.js';

const northwindUs = '7200000000000000011';
const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');

describe('an ad account’s TikTok library, mirrored', () => {
  let kit: TikTokTestKit;
  let tiktok: TikTokClient;
  let library: TikTokMediaRepository;
  let workspaceId: string;
  let accessToken: string;
  before(async () => {
    kit = await startTikTokTestKit();
    const owner = await signUpWorkspace(kit.test, 'library-owner@example.com');
    workspaceId = owner.workspaceId;
    await connect(kit, owner.browser, workspaceId, scenario.northwind);
    accessToken = kit.emulator.control.tokens().at(-1)!.access_token;
    tiktok = createTikTokClient({
      baseUrl: kit.tiktokBaseUrl,
      appId: emulatorApp.appId,
      secret: emulatorApp.secret,
    });
    library = new TikTokMediaRepository(kit.test.database);
  });
  after(async () => kit?.close());

  const sync = () =>
    withCallPriority({ lane: 'sync', tenant: workspaceId }, () =>
      syncAccountLibrary({
        tiktok,
        library,
        workspaceId,
        advertiserId: northwindUs,
        accessToken,
        now: () => new Date(),
      }),
    );

  it('lists every image and video TikTok holds, with the facts the library shows', async () => {
    const image = await sampleImage({ width: 1080, height: 1080, format: 'png', seed: 5 });
    const video = sampleVideo({ width: 1080, height: 1920, seconds: 9, seed: 5 });
    await withCallPriority({ lane: 'interactive', tenant: workspaceId }, async () => {
      await tiktok.images.upload({
        accessToken,
        advertiserId: northwindUs,
        file: { bytes: image, fileName: 'Spring square.png' },
      });
      await tiktok.videos.upload({
        accessToken,
        advertiserId: northwindUs,
        file: { bytes: video, fileName: 'Spring tall.mp4' },
      });
    });
    const before = (await library.list(workspaceId, northwindUs, {}, 100)).length;
    assert.equal(before, 0, 'nothing is mirrored before a pass');

    const first = await sync();
    const listed = await library.list(workspaceId, northwindUs, {}, 100);
    assert.equal(listed.length, first.images + first.videos);
    const square = listed.find((each) => each.fileName === 'Spring square.png');
    assert.deepEqual(
      square && {
        kind: square.kind,
        width: square.width,
        height: square.height,
        signature: square.signature,
      },
      { kind: 'image', width: 1080, height: 1080, signature: md5(image) },
    );
    const tall = listed.find((each) => each.fileName === 'Spring tall.mp4');
    assert.deepEqual(
      tall && { kind: tall.kind, width: tall.width, height: tall.height, signature: tall.signature },
      { kind: 'video', width: 1080, height: 1920, signature: md5(video) },
    );
    // Found again by its bytes: what keeps the same file from going up twice.
    const found = await library.findBySignatures(workspaceId, northwindUs, [md5(video)]);
    assert.deepEqual(
      found.map((each) => each.mediaId),
      [tall!.mediaId],
    );

    const again = await sync();
    assert.deepEqual(again, { ...first, removed: 0 }, 'a second pass finds the same and removes nothing');
  });
});
