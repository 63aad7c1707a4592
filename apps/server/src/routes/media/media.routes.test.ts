import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  mediaAccountsResponseSchema,
  mediaBatchSchema,
  mediaBatchesResponseSchema,
  mediaFileCheckSchema,
  mediaLibraryResponseSchema,
  type MediaBatch,
  type MediaFileCheck,
} from '@whathead/contracts';
import { sql } from '@whathead/db';
import { sampleImage, sampleVideo } from '../../testing/media-samples.js';
import type { TestBrowser } from '../../testing/test-app.js';
import { connectionsPath, signUpWorkspace } from '../../testing/tiktok-flow.js';
import { connect, scenario, startTikTokTestKit, type TikTokTestKit } from '../../testing/tiktok-test-kit.js';

const northwindUs = '7200000000000000011';
const northwindOutlet = '7200000000000000012';
const uploadPaths = new Set(['/file/image/ad/upload/', '/file/video/ad/upload/']);

describe('the creative library: checks, uploads, reuse and the library', () => {
  let kit: TikTokTestKit;
  let owner: { browser: TestBrowser; workspaceId: string };
  let connectionId: string;
  let accounts: string[];
  before(async () => {
    kit = await startTikTokTestKit({ emulator: { settings: { videoProcessingMilliseconds: 1500 } } });
    owner = await signUpWorkspace(kit.test, 'media-owner@example.com');
    connectionId = await connect(kit, owner.browser, owner.workspaceId, scenario.northwind);
    const saved = await owner.browser.request(
      'PUT',
      `${connectionsPath(owner.workspaceId)}/${connectionId}/accounts`,
      { selectedAdvertiserIds: [northwindUs, northwindOutlet], defaultAdvertiserId: northwindUs },
    );
    assert.equal(saved.status, 200, saved.text);
    const listed = await settledAccounts();
    assert.deepEqual(
      listed.map((account) => [account.advertiserId, account.isDefault, account.state]),
      [
        [northwindUs, true, 'ready'],
        [northwindOutlet, false, 'ready'],
      ],
    );
    accounts = [northwindUs, northwindOutlet];
  });
  after(async () => kit?.close());

  const base = () => `/api/workspaces/${owner.workspaceId}/media`;
  const uploadCalls = () => kit.emulator.control.calls().filter((call) => uploadPaths.has(call.path)).length;

  async function settledAccounts() {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const response = await owner.browser.get(`${base()}/accounts`);
      assert.equal(response.status, 200, response.text);
      const { accounts: listed } = mediaAccountsResponseSchema.parse(response.body);
      if (
        listed.length > 0 &&
        listed.every((account) => account.state !== 'queued' && account.state !== 'importing')
      )
        return listed;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the libraries did not settle');
  }

  async function check(name: string, bytes: Uint8Array): Promise<MediaFileCheck> {
    const response = await owner.browser.postFile(`${base()}/files`, { name, bytes });
    assert.equal(response.status, 200, response.text);
    return mediaFileCheckSchema.parse(response.body);
  }

  async function confirm(files: MediaFileCheck[], advertiserIds: string[]): Promise<MediaBatch> {
    const response = await owner.browser.post(`${base()}/uploads`, {
      files: files.map((file) => ({ sha256: file.sha256, fileName: file.fileName })),
      advertiserIds,
    });
    assert.equal(response.status, 201, response.text);
    return mediaBatchSchema.parse(response.body);
  }

  /** Polls the batch as the page does until nothing is queued, uploading or processing. */
  async function finished(batchId: string): Promise<MediaBatch> {
    for (let attempt = 0; attempt < 600; attempt += 1) {
      const response = await owner.browser.get(`${base()}/uploads/${batchId}`);
      assert.equal(response.status, 200, response.text);
      const batch = mediaBatchSchema.parse(response.body);
      if (batch.counts.queued + batch.counts.uploading + batch.counts.processing === 0) return batch;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the batch did not finish');
  }

  let good: MediaFileCheck[] = [];

  it('checks each file by its content before anything reaches TikTok, and says why it refuses', async () => {
    const mediaCalls = () =>
      kit.emulator.control.calls().filter((call) => call.path.startsWith('/file/')).length;
    const calls = mediaCalls();
    good = [
      await check('portrait.png', await sampleImage({ width: 720, height: 1280, format: 'png', seed: 1 })),
      await check('square.jpg', await sampleImage({ width: 600, height: 600, format: 'jpeg', seed: 2 })),
      await check('story.mp4', sampleVideo({ width: 1080, height: 1920, seconds: 6, seed: 3 })),
      await check('wide.mov.mp4', sampleVideo({ width: 1920, height: 1080, seconds: 8, seed: 4 })),
    ];
    for (const file of good) assert.deepEqual([file.accepted, file.problems], [true, []], file.fileName);
    assert.deepEqual(
      good.map((file) => file.dimensions),
      ['720×1280 (9:16)', '600×600 (1:1)', '1080×1920 (9:16)', '1920×1080 (16:9)'],
    );
    assert.equal(good[2]!.durationSeconds, 6);

    const fourFive = await check('feed.mp4', sampleVideo({ width: 1080, height: 1350, seconds: 6 }));
    assert.equal(fourFive.accepted, false);
    assert.equal(fourFive.problems[0]!.message, '1080×1350 (4:5) — TikTok accepts 9:16, 1:1 or 16:9.');

    const jpeg = await sampleImage({ width: 400, height: 400, format: 'jpeg', seed: 5 });
    const corrupt = await check('cut.jpg', jpeg.subarray(0, Math.floor(jpeg.length / 2)));
    assert.deepEqual([corrupt.accepted, corrupt.problems[0]!.code], [false, 'damaged']);

    const empty = await check('empty.png', new Uint8Array());
    assert.deepEqual([empty.accepted, empty.problems[0]!.message], [false, 'The file is empty.']);

    const renamed = await check('photo.png', Buffer.from('just some words, not a picture\n'.repeat(20)));
    assert.equal(renamed.accepted, false);
    assert.match(renamed.problems[0]!.message, /whatever its name says/);

    const blink = await check('blink.mp4', sampleVideo({ width: 1080, height: 1920, seconds: 0.5 }));
    assert.equal(blink.accepted, false);
    assert.match(blink.problems[0]!.message, /0\.5 seconds long — TikTok needs at least 5 seconds/);

    assert.equal(mediaCalls(), calls, 'checking made no TikTok call');
  });

  it('uploads the accepted files to two accounts, each once, then reuses them without a call', async () => {
    const before = uploadCalls();
    const batch = await confirm(good, accounts.slice(0, 2));
    assert.equal(batch.uploads.length, 8);
    const done = await finished(batch.batchId);
    assert.deepEqual(done.counts, { queued: 0, uploading: 0, processing: 0, ready: 8, failed: 0 });
    assert.equal(uploadCalls() - before, 8);
    assert.ok(
      done.uploads.every((upload) => upload.mediaId && !upload.reused && upload.bytesSent === upload.bytes),
    );

    const again = await finished((await confirm(good, accounts.slice(0, 2))).batchId);
    assert.equal(again.counts.ready, 8);
    assert.ok(again.uploads.every((upload) => upload.reused));
    assert.equal(uploadCalls() - before, 8, 'the same bytes went up no second time');
    // The same media ids as the first time: what an ad will name.
    assert.deepEqual(
      again.uploads.map((upload) => upload.mediaId).sort(),
      done.uploads.map((upload) => upload.mediaId).sort(),
    );
  });

  it('lists the uploads in the library with their sizes, and finds them by name and ratio', async () => {
    const all = mediaLibraryResponseSchema.parse(
      (await owner.browser.get(`${base()}?account=${accounts[0]}`)).body,
    );
    const names = all.items.map((item) => item.fileName);
    for (const file of good) assert.ok(names.includes(file.fileName), file.fileName);
    const story = all.items.find((item) => item.fileName === 'story.mp4')!;
    assert.deepEqual(
      [story.kind, story.dimensions, story.ratio, story.displayable],
      ['video', '1080×1920 (9:16)', '9:16', true],
    );
    assert.ok(story.previewUrl && story.coverUrl);

    const tall = mediaLibraryResponseSchema.parse(
      (await owner.browser.get(`${base()}?account=${accounts[0]}&ratio=9:16&q=PORTRAIT`)).body,
    );
    assert.deepEqual(
      tall.items.map((item) => item.fileName),
      ['portrait.png'],
    );
    const videos = mediaLibraryResponseSchema.parse(
      (await owner.browser.get(`${base()}?account=${accounts[0]}&kind=video&limit=1`)).body,
    );
    assert.equal(videos.items.length, 1);
    assert.ok(videos.nextCursor);
    const next = mediaLibraryResponseSchema.parse(
      (
        await owner.browser.get(
          `${base()}?account=${accounts[0]}&kind=video&limit=1&after=${videos.nextCursor}`,
        )
      ).body,
    );
    assert.notEqual(next.items[0]?.mediaId, videos.items[0]!.mediaId);
    // A cursor from one view is not read as another's.
    const stale = await owner.browser.get(
      `${base()}?account=${accounts[0]}&kind=image&after=${videos.nextCursor}`,
    );
    assert.equal(stale.status, 400);
  });

  it('renews a video preview link TikTok let expire before it shows the page', async () => {
    const infoCalls = () =>
      kit.emulator.control.calls().filter((call) => call.path === '/file/video/ad/info/').length;
    const url = `${base()}?account=${accounts[0]}&kind=video`;
    const fresh = mediaLibraryResponseSchema.parse((await owner.browser.get(url)).body);
    const before = infoCalls();
    assert.ok(fresh.items.length > 0);
    // As the mirror holds links TikTok gave hours ago: expired now.
    await sql`update tiktok_media set url_expires_at = ${new Date(kit.test.clock.now().getTime() - 60_000)}
      where kind = 'video'`.execute(kit.test.database.db);
    const later = mediaLibraryResponseSchema.parse((await owner.browser.get(url)).body);
    assert.equal(infoCalls() - before, 1, 'one info call for the page’s videos');
    assert.deepEqual(
      later.items.map((item) => item.mediaId),
      fresh.items.map((item) => item.mediaId),
    );
    assert.ok(later.items.every((item) => item.previewUrl));
    // Renewed in the mirror too: the next page view asks TikTok nothing.
    await owner.browser.get(url);
    assert.equal(infoCalls() - before, 1);
  });

  it('refuses a different file under a name the account already has, in words', async () => {
    const before = uploadCalls();
    const other = await check(
      'portrait.png',
      await sampleImage({ width: 720, height: 1280, format: 'png', seed: 9 }),
    );
    const done = await finished((await confirm([other], [accounts[0]!])).batchId);
    assert.equal(done.counts.failed, 1);
    assert.equal(done.uploads[0]!.error!.code, '40911');
    assert.match(
      done.uploads[0]!.error!.message,
      /already has a different file named “portrait\.png”\. Rename the file/,
    );
    assert.equal(uploadCalls() - before, 1);
  });

  it('fails uploads whose job gave up with the reason, and Retry failed sends only those again', async () => {
    const files = [
      await check('first.png', await sampleImage({ width: 500, height: 500, format: 'png', seed: 11 })),
      await check('second.png', await sampleImage({ width: 500, height: 500, format: 'png', seed: 13 })),
    ];
    const batch = await finished((await confirm(files, [accounts[0]!])).batchId);
    assert.equal(batch.counts.ready, 2);
    // As an upload is left when every try of its job failed (TikTok down for minutes).
    await sql`update media_uploads set state = 'queued', media_id = null,
      updated_at = ${new Date(kit.test.clock.now().getTime() - 60 * 60_000)}
      where batch_id = ${batch.batchId}::uuid and file_name = 'first.png'`.execute(kit.test.database.db);
    const recovered = await kit.test.whathead.services.mediaUploadWorker.recover();
    assert.equal(recovered.failed, 1);
    const failed = mediaBatchSchema.parse(
      (await owner.browser.get(`${base()}/uploads/${batch.batchId}`)).body,
    );
    assert.deepEqual([failed.counts.failed, failed.counts.ready], [1, 1]);
    assert.match(failed.uploads.find((upload) => upload.state === 'failed')!.error!.message, /Retry failed/);

    const retried = await owner.browser.post(`${base()}/uploads/${batch.batchId}/retry`);
    assert.equal(retried.status, 200, retried.text);
    const done = await finished(batch.batchId);
    assert.deepEqual([done.counts.ready, done.counts.failed], [2, 0]);
    // Its bytes had reached TikTok: found there by their MD5, not sent again.
    assert.ok(done.uploads.find((upload) => upload.fileName === 'first.png')!.reused);
  });

  it('refuses a batch to an account whose connection needs Reconnect, saying so', async () => {
    const token = kit.emulator.control.tokens().at(-1)!.access_token;
    kit.emulator.control.revokeToken(token);
    const checked = await owner.browser.post(
      `/api/workspaces/${owner.workspaceId}/tiktok/connections/${connectionId}/check`,
    );
    assert.ok(checked.status < 500, checked.text);
    const file = await check(
      'after-revoke.png',
      await sampleImage({ width: 500, height: 500, format: 'png', seed: 17 }),
    );
    const refused = await owner.browser.post(`${base()}/uploads`, {
      files: [{ sha256: file.sha256, fileName: file.fileName }],
      advertiserIds: [accounts[0]],
    });
    assert.equal(refused.status, 409, refused.text);
    assert.match(refused.text, /Reconnect it in Integrations/);
    await connect(kit, owner.browser, owner.workspaceId, scenario.northwind, {
      reconnectConnectionId: connectionId,
    });
    const batch = await finished((await confirm([file], [accounts[0]!])).batchId);
    assert.equal(batch.counts.ready, 1);
  });

  it('picks up an upload a stopped process left mid-way, and lists batches to come back to', async () => {
    const file = await check(
      'restart.png',
      await sampleImage({ width: 640, height: 640, format: 'png', seed: 12 }),
    );
    const batch = await confirm([file], [accounts[1]!]);
    await finished(batch.batchId);
    // As a process leaves it when it dies mid-upload: "uploading", and silent for minutes.
    await sql`update media_uploads set state = 'uploading', media_id = null, bytes_sent = 10,
      updated_at = ${new Date(kit.test.clock.now().getTime() - 10 * 60_000)} where batch_id = ${batch.batchId}::uuid`.execute(
      kit.test.database.db,
    );
    const recovered = await kit.test.whathead.services.mediaUploadWorker.recover();
    assert.equal(recovered.requeued, 1);
    const done = await finished(batch.batchId);
    assert.equal(done.counts.ready, 1);
    // The first upload had landed: found by its bytes, not sent again.
    assert.equal(done.uploads[0]!.reused, true);

    const listed = mediaBatchesResponseSchema.parse((await owner.browser.get(`${base()}/uploads`)).body);
    assert.ok(listed.batches.some((each) => each.batchId === batch.batchId));
    assert.ok(listed.batches.every((each) => each.uploads.length > 0));
  });

  it('refuses a file Whathead never checked, an account the workspace does not use, and other workspaces', async () => {
    const unknown = await owner.browser.post(`${base()}/uploads`, {
      files: [{ sha256: 'a'.repeat(64), fileName: 'ghost.png' }],
      advertiserIds: [accounts[0]],
    });
    assert.equal(unknown.status, 404);
    assert.match(unknown.text, /has not checked “ghost\.png”/);
    const foreignAccount = await owner.browser.post(`${base()}/uploads`, {
      files: [{ sha256: good[0]!.sha256, fileName: 'portrait.png' }],
      advertiserIds: ['7999999999999999999'],
    });
    assert.equal(foreignAccount.status, 404);

    const stranger = await signUpWorkspace(kit.test, 'media-stranger@example.com');
    const batches = mediaBatchesResponseSchema.parse((await owner.browser.get(`${base()}/uploads`)).body);
    const theirs = await stranger.browser.get(`${base()}/uploads/${batches.batches[0]!.batchId}`);
    assert.equal(theirs.status, 404);
    const ownBase = `/api/workspaces/${stranger.workspaceId}/media`;
    const borrowed = await stranger.browser.post(`${ownBase}/uploads`, {
      files: [{ sha256: good[0]!.sha256, fileName: 'portrait.png' }],
      advertiserIds: [accounts[0]],
    });
    // Another workspace's checked file is not this one's to use, nor its ad account.
    assert.equal(borrowed.status, 404, borrowed.text);
  });

  it('purges originals unused for the retention period, from the records and from disk', async () => {
    const store = kit.test.whathead.services.mediaStore;
    const held = await sql<{ sha256: string }>`select sha256 from media_files`.execute(kit.test.database.db);
    assert.ok(held.rows.length > 0);
    assert.ok(await store.has(held.rows[0]!.sha256));
    const untouched = await kit.test.whathead.services.mediaUploadWorker.purge();
    assert.equal(untouched.purged, 0, 'nothing is old yet');
    kit.test.clock.advance(31 * 24 * 60 * 60);
    try {
      const purged = await kit.test.whathead.services.mediaUploadWorker.purge();
      assert.equal(purged.purged, held.rows.length);
      assert.equal(await store.has(held.rows[0]!.sha256), false);
      const left = await sql`select count(*)::int as count from media_uploads`.execute(kit.test.database.db);
      assert.deepEqual(left.rows, [{ count: 0 }]);
    } finally {
      kit.test.clock.advance(-31 * 24 * 60 * 60);
    }
    // TikTok keeps its copies: the library still lists them.
    const library = mediaLibraryResponseSchema.parse(
      (await owner.browser.get(`${base()}?account=${accounts[0]}`)).body,
    );
    assert.ok(library.items.some((item) => item.fileName === 'portrait.png'));
  });
});
