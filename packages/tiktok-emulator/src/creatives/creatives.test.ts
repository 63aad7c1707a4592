import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, open, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { promisify } from 'node:util';
import { runInNewContext } from 'node:vm';
import type { Emulator } from '../create-emulator.js';
import { callApi, connect, createTestEmulator, ids, makeMp4, makePng, md5, upload } from '../test-support.js';

const run = promisify(execFile);

async function setUp(settings = {}) {
  const emulator = createTestEmulator({
    settings: { appRateLimit: { perSecond: 1000, perMinute: 60_000, perDay: 864_000 }, ...settings },
  });
  const { token } = await connect(emulator, ids.alex, ids.northwind);
  return { emulator, token };
}

test('an image upload by file answers one object with the probed size and its MD5 signature', async () => {
  const { emulator, token } = await setUp();
  const bytes = makePng(1080, 1920);
  const answer = await upload(
    emulator,
    '/file/image/ad/upload/',
    token,
    { advertiser_id: ids.northwindUs, image_signature: await md5(bytes) },
    { field: 'image_file', name: 'cover.png', bytes },
  );
  assert.equal(answer.code, 0);
  const image = answer.data as Record<string, unknown>;
  assert.equal(Array.isArray(image), false);
  assert.match(String(image.image_id), /^ad-site-i18n-sg\/\d{8}[0-9a-f]{24}$/);
  assert.deepEqual(
    [image.width, image.height, image.format, image.file_name],
    [1080, 1920, 'png', 'cover.png'],
  );
  const info = await callApi(emulator, 'GET', '/file/image/ad/info/', {
    token,
    query: { advertiser_id: ids.northwindUs, image_ids: [image.image_id] },
  });
  assert.equal((info.data as { list: unknown[] }).list.length, 1);
});

test('upload failures: 40900 signature, 40911 duplicate name, 40908 type, 40915 pixels, 40905 missing, 40907 size', async () => {
  const { emulator, token } = await setUp({ maximumImageBytes: 100 });
  const bytes = makePng(100, 100);
  const fields = { advertiser_id: ids.northwindUs, image_signature: await md5(bytes) };
  const send = (extra: Record<string, string>, file?: { field: string; name: string; bytes: Buffer }) =>
    upload(emulator, '/file/image/ad/upload/', token, { ...fields, ...extra }, file);
  assert.equal(
    (await send({ image_signature: 'a'.repeat(32) }, { field: 'image_file', name: 'a.png', bytes })).code,
    40900,
  );
  assert.equal((await send({}, { field: 'image_file', name: 'a.png', bytes })).code, 0);
  assert.equal((await send({}, { field: 'image_file', name: 'a.png', bytes })).code, 40911);
  const text = Buffer.from('not an image');
  assert.equal(
    (await send({ image_signature: await md5(text) }, { field: 'image_file', name: 'b.txt', bytes: text }))
      .code,
    40908,
  );
  const huge = makePng(4000, 4000);
  assert.equal(
    (await send({ image_signature: await md5(huge) }, { field: 'image_file', name: 'c.png', bytes: huge }))
      .code,
    40915,
  );
  assert.equal((await send({})).code, 40905);
  const large = makePng(10, 10, 200);
  assert.equal(
    (await send({ image_signature: await md5(large) }, { field: 'image_file', name: 'd.png', bytes: large }))
      .code,
    40907,
  );
});

test('a video upload answers an array; the video is transcoding (40901 in an ad) until ready', async () => {
  const { emulator, token } = await setUp({ videoProcessingMilliseconds: 10_000 });
  const bytes = makeMp4(720, 1280, 12);
  const answer = await upload(
    emulator,
    '/file/video/ad/upload/',
    token,
    { advertiser_id: ids.northwindUs, video_signature: await md5(bytes) },
    { field: 'video_file', name: 'clip.mp4', bytes },
  );
  const [video] = answer.data as Record<string, unknown>[];
  assert.match(String(video?.video_id), /^v10033g50000[0-9a-z]{20}$/);
  assert.deepEqual([video?.width, video?.height, video?.duration, video?.format], [720, 1280, 12, 'mp4']);
  assert.equal(video?.video_cover_url, null);
  const campaign = await callApi(emulator, 'POST', '/campaign/create/', {
    token,
    body: {
      advertiser_id: ids.northwindUs,
      campaign_name: 'Video test',
      objective_type: 'TRAFFIC',
      budget_mode: 'BUDGET_MODE_INFINITE',
    },
  });
  const campaignId = (campaign.data as { campaign_id: string }).campaign_id;
  const adgroup = await callApi(emulator, 'POST', '/adgroup/create/', {
    token,
    body: {
      advertiser_id: ids.northwindUs,
      campaign_id: campaignId,
      adgroup_name: 'Video group',
      placement_type: 'PLACEMENT_TYPE_AUTOMATIC',
      promotion_type: 'WEBSITE',
      location_ids: ['6252001'],
      budget_mode: 'BUDGET_MODE_DAY',
      budget: 30,
      schedule_type: 'SCHEDULE_FROM_NOW',
      schedule_start_time: '2026-11-25 12:00:00',
      optimization_goal: 'CLICK',
      billing_event: 'CPC',
    },
  });
  const adgroupId = (adgroup.data as { adgroup_id: string }).adgroup_id;
  const cover = makePng(720, 1280);
  const image = await upload(
    emulator,
    '/file/image/ad/upload/',
    token,
    { advertiser_id: ids.northwindUs, image_signature: await md5(cover) },
    { field: 'image_file', name: 'cover.png', bytes: cover },
  );
  const creative = {
    ad_format: 'SINGLE_VIDEO',
    ad_text: 'Try it',
    video_id: video?.video_id,
    image_ids: [(image.data as { image_id: string }).image_id],
    identity_type: 'CUSTOMIZED_USER',
    identity_id: '7000000000000000001',
    landing_page_url: 'https://example.com',
    call_to_action: 'LEARN_MORE',
  };
  const early = await callApi(emulator, 'POST', '/ad/create/', {
    token,
    body: { advertiser_id: ids.northwindUs, adgroup_id: adgroupId, creatives: [creative] },
  });
  assert.equal(early.code, 40901);
  emulator.control.advanceClock(10_000);
  const later = await callApi(emulator, 'POST', '/ad/create/', {
    token,
    body: { advertiser_id: ids.northwindUs, adgroup_id: adgroupId, creatives: [creative] },
  });
  assert.equal(later.code, 0);
  const search = await callApi(emulator, 'GET', '/file/video/ad/search/', {
    token,
    query: { advertiser_id: ids.northwindUs, filtering: { ratio: [0.5625] } },
  });
  const found = search.data as {
    list: { video_cover_url: string | null }[];
    page_info: { page_size: number };
  };
  assert.equal(found.page_info.page_size, 20);
  assert.ok(found.list.length >= 1 && found.list.every((row) => row.video_cover_url !== null));
});

test('video search caps page_size at 100 and video info at 60 ids', async () => {
  const { emulator, token } = await setUp();
  const search = await callApi(emulator, 'GET', '/file/video/ad/search/', {
    token,
    query: { advertiser_id: ids.northwindUs, page_size: 101 },
  });
  assert.equal(search.code, 40002);
  assert.match(search.message, /^page_size/);
  const info = await callApi(emulator, 'GET', '/file/video/ad/info/', {
    token,
    query: {
      advertiser_id: ids.northwindUs,
      video_ids: Array.from({ length: 61 }, (_, index) => `v${index}`),
    },
  });
  assert.equal(info.code, 40002);
  assert.match(info.message, /^video_ids/);
});

test('a square video is fine, a 4:3 one fails the spec (40915)', async () => {
  const { emulator, token } = await setUp();
  const send = async (bytes: Buffer, name: string) =>
    (
      await upload(
        emulator,
        '/file/video/ad/upload/',
        token,
        { advertiser_id: ids.northwindUs, video_signature: await md5(bytes) },
        {
          field: 'video_file',
          name,
          bytes,
        },
      )
    ).code;
  assert.equal(await send(makeMp4(1080, 1080, 5), 'square.mp4'), 0);
  assert.equal(await send(makeMp4(1024, 768, 5), 'tv.mp4'), 40915);
});

/** An ISO box: 32-bit size, type, body. */
const box = (type: string, ...body: Buffer[]) => {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.reduce((total, part) => total + part.length, 0));
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, ...body]);
};

test('a video whose moov box follows the media data is measured from its first sized track', async () => {
  const { emulator, token } = await setUp();
  const boxes = makeMp4(1920, 1080, 8); // ftyp (16), mvhd (28) and tkhd (92) at the top level.
  const [fileType, movieHeader, videoTrack] = [
    boxes.subarray(0, 16),
    boxes.subarray(16, 44),
    boxes.subarray(44),
  ];
  const soundTrack = Buffer.from(videoTrack).fill(0, 84); // No width or height, as for audio.
  const bytes = Buffer.concat([
    fileType,
    box('mdat', Buffer.alloc(4096, 1)),
    box('moov', movieHeader, box('trak', soundTrack), box('trak', videoTrack)),
  ]);
  const { code, video } = await uploadVideo(emulator, token, bytes, 'late-moov.mp4');
  assert.equal(code, 0);
  assert.deepEqual([video?.width, video?.height, video?.duration], [1920, 1080, 8]);
});

/** Fetches a URL the API answered (absolute, on the emulator's host) in-process. */
async function fetchMedia(emulator: Emulator, url: string, headers: Record<string, string> = {}) {
  const { pathname, search } = new URL(url);
  return emulator.app.inject({ method: 'GET', url: `${pathname}${search}`, headers });
}

/** Width and height from a PNG's IHDR (RFC 2083 §11.2.2). */
const pngSize = (bytes: Buffer) => [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];

async function uploadVideo(emulator: Emulator, token: string, bytes: Buffer, name: string) {
  const answer = await upload(
    emulator,
    '/file/video/ad/upload/',
    token,
    { advertiser_id: ids.northwindUs, video_signature: await md5(bytes) },
    { field: 'video_file', name, bytes },
  );
  return { code: answer.code, video: (answer.data as Record<string, string | null>[])[0] };
}

test("stored media streams back whole or by range; a cover is a PNG of the video's shape", async () => {
  const { emulator, token } = await setUp({ videoProcessingMilliseconds: 0 });
  const bytes = makeMp4(720, 1280, 12);
  const { video } = await uploadVideo(emulator, token, bytes, 'clip.mp4');
  const whole = await fetchMedia(emulator, String(video?.preview_url));
  assert.equal(whole.statusCode, 200);
  assert.equal(whole.headers['content-type'], 'video/mp4');
  assert.equal(Number(whole.headers['content-length']), bytes.length);
  assert.deepEqual(whole.rawPayload, bytes);
  const part = await fetchMedia(emulator, String(video?.preview_url), { range: 'bytes=4-11' });
  assert.equal(part.statusCode, 206);
  assert.equal(part.headers['content-range'], `bytes 4-11/${bytes.length}`);
  assert.equal(part.payload, 'ftypisom');
  const cover = await fetchMedia(emulator, String(video?.video_cover_url));
  assert.equal(cover.statusCode, 200);
  assert.equal(cover.headers['content-type'], 'image/png');
  assert.deepEqual(pngSize(cover.rawPayload), [144, 256]);
  await emulator.close();
});

test('seeded library items: images and covers are placeholder images; a seeded video has no preview', async () => {
  const { emulator, token } = await setUp();
  const images = await callApi(emulator, 'GET', '/file/image/ad/search/', {
    token,
    query: { advertiser_id: ids.northwindUs },
  });
  const [image] = (images.data as { list: { image_url: string; width: number; height: number }[] }).list;
  assert.match(String(image?.image_url), /^http:\/\/localhost(:\d+)?\/media\//);
  const preview = await fetchMedia(emulator, String(image?.image_url));
  assert.equal(preview.statusCode, 200);
  assert.equal(preview.headers['content-type'], 'image/png');
  const [width = 0, height = 0] = pngSize(preview.rawPayload);
  assert.ok(Math.abs(width / height - image!.width / image!.height) < 0.01);
  const videos = await callApi(emulator, 'GET', '/file/video/ad/search/', {
    token,
    query: { advertiser_id: ids.northwindUs },
  });
  const [video] = (videos.data as { list: { video_cover_url: string; preview_url: string }[] }).list;
  const cover = await fetchMedia(emulator, String(video?.video_cover_url));
  assert.deepEqual([cover.statusCode, cover.headers['content-type']], [200, 'image/png']);
  // No playable bytes without an encoder: answered as TikTok's CDN answers an expired link.
  assert.equal((await fetchMedia(emulator, String(video?.preview_url))).statusCode, 404);
  await emulator.close();
});

test('upload files: a refused upload leaves none, a reset removes the library, closing removes the directory', async () => {
  const { emulator, token } = await setUp();
  const files = emulator.state.files;
  const listed = async (folder: string) => readdir(path.join(files.directory!, folder));
  const bytes = makePng(100, 100);
  const send = async (signature: string, name: string) =>
    (
      await upload(
        emulator,
        '/file/image/ad/upload/',
        token,
        { advertiser_id: ids.northwindUs, image_signature: signature },
        { field: 'image_file', name, bytes },
      )
    ).code;
  assert.equal(await send('0'.repeat(32), 'refused.png'), 40900);
  assert.deepEqual([await listed('uploads'), await listed('media')], [[], []]);
  assert.equal(await send(await md5(bytes), 'kept.png'), 0);
  assert.deepEqual([(await listed('uploads')).length, (await listed('media')).length], [0, 1]);
  emulator.control.reset();
  assert.deepEqual(await listed('media'), []);
  const directory = files.directory!;
  await emulator.close();
  await assert.rejects(readdir(directory), { code: 'ENOENT' });
});

// Memory is measured after a full collection, so only what the process still holds counts.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/**
 * Sends the upload from another process, so this process's memory is the emulator's alone: Node
 * 20's fetch holds a FormData's file in memory while sending it, which would hide what is measured.
 */
const uploadFromChild = `
  const form = new FormData();
  form.set('advertiser_id', process.env.ADVERTISER_ID);
  form.set('video_signature', process.env.SIGNATURE);
  form.set('video_file', await (await import('node:fs')).openAsBlob(process.env.FILE), 'large.mp4');
  const response = await fetch(process.env.UPLOAD_URL, {
    method: 'POST',
    headers: { 'access-token': process.env.TOKEN },
    body: form,
  });
  process.stdout.write(await response.text());
`;

test('a 60 MB video streams to disk: its MD5 is right and the emulator does not hold its bytes', async () => {
  const { emulator, token } = await setUp();
  const directory = await mkdtemp(path.join(tmpdir(), 'emulator-upload-'));
  const file = path.join(directory, 'large.mp4');
  const size = 60 * 1024 * 1024;
  const signature = await writeLargeVideo(file, size);
  const server = await emulator.listen({ port: 0 });
  try {
    // V8 frees array buffers after a collection on a later turn of the event loop, so each
    // reading collects, lets that turn pass, and collects again.
    const retained = async () => {
      collectGarbage();
      await new Promise((resolve) => setTimeout(resolve, 10));
      collectGarbage();
      const usage = process.memoryUsage();
      return usage.arrayBuffers + usage.heapUsed;
    };
    const before = await retained();
    const { stdout } = await run(process.execPath, ['--input-type=module', '--eval', uploadFromChild], {
      env: {
        ...process.env,
        UPLOAD_URL: `${server.url}/open_api/v1.3/file/video/ad/upload/`,
        TOKEN: token,
        ADVERTISER_ID: ids.northwindUs,
        SIGNATURE: signature,
        FILE: file,
      },
    });
    const answer = JSON.parse(stdout) as { code: number; data: { signature: string; size: number }[] };
    assert.equal(answer.code, 0);
    assert.deepEqual([answer.data[0]?.signature, answer.data[0]?.size], [signature, size]);
    const growth = (await retained()) - before;
    assert.ok(growth < size / 6, `the emulator kept ${Math.round(growth / 1024 / 1024)} MB after the upload`);
  } finally {
    await server.close();
    await rm(directory, { recursive: true, force: true });
  }
});

/** An MP4 header then zeros, written 1 MB at a time; answers the hex MD5. */
async function writeLargeVideo(file: string, size: number): Promise<string> {
  const hash = createHash('md5');
  const handle = await open(file, 'w');
  try {
    const header = makeMp4(1080, 1920, 30);
    await handle.write(header);
    hash.update(header);
    const block = Buffer.alloc(1024 * 1024);
    for (let written = header.length; written < size; written += block.length) {
      const piece = block.subarray(0, Math.min(block.length, size - written));
      await handle.write(piece);
      hash.update(piece);
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}
