import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callApi, connect, createTestEmulator, ids, makeMp4, makePng, md5, upload } from '../test-support.js';

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
