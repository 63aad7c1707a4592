import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callApi, connect, createTestEmulator, ids } from '../test-support.js';

const generous = { appRateLimit: { perSecond: 1000, perMinute: 60_000, perDay: 864_000 } };
const campaignBody = {
  advertiser_id: ids.northwindUs,
  campaign_name: 'Winter sale',
  objective_type: 'TRAFFIC',
  budget_mode: 'BUDGET_MODE_DAY',
  budget: 100,
};
const adgroupBody = (campaignId: string) => ({
  advertiser_id: ids.northwindUs,
  campaign_id: campaignId,
  adgroup_name: 'US adults',
  placement_type: 'PLACEMENT_TYPE_NORMAL',
  placements: ['PLACEMENT_TIKTOK'],
  promotion_type: 'WEBSITE',
  location_ids: ['6252001'],
  budget_mode: 'BUDGET_MODE_DAY',
  budget: 50,
  schedule_type: 'SCHEDULE_FROM_NOW',
  schedule_start_time: '2026-11-25 12:00:00',
  optimization_goal: 'CLICK',
  billing_event: 'CPC',
});

async function setUp(settings = {}) {
  const emulator = createTestEmulator({ settings: { ...generous, ...settings } });
  const { token } = await connect(emulator, ids.alex, ids.northwind);
  const post = (path: string, body: unknown) => callApi(emulator, 'POST', path, { token, body });
  const get = (path: string, query: Record<string, unknown>) =>
    callApi(emulator, 'GET', path, { token, query });
  return { emulator, token, post, get };
}

test('a campaign is created with a 16-digit id, TikTok times and a secondary status', async () => {
  const { post } = await setUp();
  const answer = await post('/campaign/create/', campaignBody);
  const campaign = answer.data as Record<string, unknown>;
  assert.match(String(campaign.campaign_id), /^\d{16}$/);
  assert.equal(campaign.create_time, '2026-11-25 12:00:00');
  assert.equal(campaign.operation_status, 'ENABLE');
  assert.equal(campaign.secondary_status, 'CAMPAIGN_STATUS_ENABLE');
  // Reference §4.4: unused bidding fields are present, as in TikTok's rows.
  assert.equal(campaign.deep_bid_type, null);
  assert.equal(campaign.roas_bid, 0);
});

test('campaign validation names the field: required, deprecated objective, budget mode and minimum', async () => {
  const { post } = await setUp();
  const { campaign_name: _name, ...withoutName } = campaignBody;
  assert.equal(
    (await post('/campaign/create/', withoutName)).message,
    'campaign_name: Missing data for required field.',
  );
  const deprecated = await post('/campaign/create/', { ...campaignBody, objective_type: 'CONVERSIONS' });
  assert.equal(deprecated.code, 40002);
  assert.match(deprecated.message, /^objective_type: CONVERSIONS is deprecated/);
  const { budget_mode: _mode, ...withoutMode } = campaignBody;
  assert.equal(
    (await post('/campaign/create/', withoutMode)).message,
    'budget_mode: Missing data for required field.',
  );
  const cheap = await post('/campaign/create/', { ...campaignBody, budget: 10 });
  assert.equal(cheap.message, 'budget: Campaign budget must be at least 50.00 USD.');
  const emoji = await post('/campaign/create/', { ...campaignBody, campaign_name: 'Sale 🎉' });
  assert.match(emoji.message, /^campaign_name: /);
});

test('request_id: a repeat is 40050 by default, or the original campaign when switched', async () => {
  const { emulator, post } = await setUp();
  const first = await post('/campaign/create/', { ...campaignBody, request_id: '1700000000000001' });
  const again = await post('/campaign/create/', { ...campaignBody, request_id: '1700000000000001' });
  assert.equal(again.code, 40050);
  emulator.control.updateSettings({ duplicateRequestIdMode: 'return_original' });
  const original = await post('/campaign/create/', { ...campaignBody, request_id: '1700000000000001' });
  assert.equal(
    (original.data as { campaign_id: string }).campaign_id,
    (first.data as { campaign_id: string }).campaign_id,
  );
  assert.equal((await post('/campaign/create/', { ...campaignBody, request_id: 'abc' })).code, 40002);
  // Without request_id a repeated name is refused; with a new one it is allowed (reference §4.2).
  assert.equal(
    (await post('/campaign/create/', campaignBody)).message,
    'campaign_name: Campaign name already exists.',
  );
  assert.equal(
    (await post('/campaign/create/', { ...campaignBody, request_id: '1700000000000002' })).code,
    0,
  );
  const mine = emulator.control
    .truth()
    .campaigns.filter((campaign) => campaign.advertiser_id === ids.northwindUs);
  assert.equal(mine.length, 2 + 2, 'two sample campaigns plus two created');
});

test('status update answers its shape; deleted campaigns leave get unless STATUS_ALL', async () => {
  const { post, get } = await setUp();
  const created = (await post('/campaign/create/', campaignBody)).data as { campaign_id: string };
  const answer = await post('/campaign/status/update/', {
    advertiser_id: ids.northwindUs,
    campaign_ids: [created.campaign_id],
    operation_status: 'DELETE',
  });
  assert.deepEqual(answer.data, {
    campaign_ids: [created.campaign_id],
    status: 'DELETE',
    campaign_list: [{ campaign_id: created.campaign_id, status: 'DELETE' }],
  });
  const visible = (await get('/campaign/get/', { advertiser_id: ids.northwindUs })).data as {
    list: { campaign_id: string }[];
  };
  assert.equal(
    visible.list.some((row) => row.campaign_id === created.campaign_id),
    false,
  );
  const all = (
    await get('/campaign/get/', {
      advertiser_id: ids.northwindUs,
      filtering: { primary_status: 'STATUS_ALL' },
    })
  ).data as { list: { campaign_id: string; secondary_status: string }[] };
  assert.equal(
    all.list.find((row) => row.campaign_id === created.campaign_id)?.secondary_status,
    'CAMPAIGN_STATUS_DELETE',
  );
  const again = await post('/campaign/status/update/', {
    advertiser_id: ids.northwindUs,
    campaign_ids: [created.campaign_id],
    operation_status: 'ENABLE',
  });
  assert.equal(again.code, 40002);
  const tooMany = await post('/campaign/status/update/', {
    advertiser_id: ids.northwindUs,
    campaign_ids: Array.from({ length: 21 }, (_, index) => String(1_700_000_000_000_000 + index)),
    operation_status: 'DISABLE',
  });
  assert.match(tooMany.message, /^campaign_ids: /);
});

test('campaign get: page_size over 1000 is 40002; fields selects; campaign_ids are capped at 100', async () => {
  const { get } = await setUp();
  assert.match(
    (await get('/campaign/get/', { advertiser_id: ids.northwindUs, page_size: 1001 })).message,
    /^page_size: /,
  );
  const some = (
    await get('/campaign/get/', { advertiser_id: ids.northwindUs, fields: ['campaign_id', 'budget'] })
  ).data as {
    list: Record<string, unknown>[];
  };
  assert.deepEqual(Object.keys(some.list[0] ?? {}), ['campaign_id', 'budget']);
  const many = await get('/campaign/get/', {
    advertiser_id: ids.northwindUs,
    filtering: {
      campaign_ids: Array.from({ length: 101 }, (_, index) => String(1_700_000_000_000_000 + index)),
    },
  });
  assert.match(many.message, /^filtering\.campaign_ids: /);
});

test('campaign update takes only its fields and enforces the budget minimum', async () => {
  const { post } = await setUp();
  const created = (await post('/campaign/create/', campaignBody)).data as { campaign_id: string };
  const updated = await post('/campaign/update/', {
    advertiser_id: ids.northwindUs,
    campaign_id: created.campaign_id,
    campaign_name: 'Winter sale 2',
    budget: 120,
    budget_mode: 'BUDGET_MODE_TOTAL',
  });
  const campaign = updated.data as Record<string, unknown>;
  assert.deepEqual(
    [campaign.campaign_name, campaign.budget, campaign.budget_mode],
    ['Winter sale 2', 120, 'BUDGET_MODE_DAY'],
  );
  assert.equal(
    (
      await post('/campaign/update/', {
        advertiser_id: ids.northwindUs,
        campaign_id: created.campaign_id,
        budget: 1,
      })
    ).code,
    40002,
  );
});

test('ad group rules: placements with NORMAL, location required, budget minimum, schedule, bids', async () => {
  const { post } = await setUp();
  const { campaign_id: campaignId } = (await post('/campaign/create/', campaignBody)).data as {
    campaign_id: string;
  };
  const body = adgroupBody(campaignId);
  const created = await post('/adgroup/create/', body);
  assert.equal(created.code, 0);
  const adgroup = created.data as Record<string, unknown>;
  assert.match(String(adgroup.adgroup_id), /^\d{16}$/);
  // SCHEDULE_FROM_NOW ends 3,650 days later, as in TikTok's records (three leap days in between).
  assert.equal(adgroup.schedule_end_time, '2036-11-22 12:00:00');
  const { placements: _placements, ...withoutPlacements } = body;
  assert.match((await post('/adgroup/create/', withoutPlacements)).message, /^placements: /);
  assert.match((await post('/adgroup/create/', { ...body, location_ids: [] })).message, /^location_ids: /);
  assert.equal(
    (await post('/adgroup/create/', { ...body, budget: 5 })).message,
    'budget: Ad group budget must be at least 20.00 USD.',
  );
  assert.match(
    (await post('/adgroup/create/', { ...body, budget: 150 })).message,
    /cannot exceed the campaign budget/,
  );
  assert.match(
    (await post('/adgroup/create/', { ...body, schedule_start_time: '2026-11-24 23:00:00' })).message,
    /^schedule_start_time: /,
  );
  assert.match(
    (await post('/adgroup/create/', { ...body, budget_mode: 'BUDGET_MODE_TOTAL' })).message,
    /^schedule_type: /,
  );
  assert.match((await post('/adgroup/create/', { ...body, bid_price: 1 })).message, /^bid_price: /);
  assert.match(
    (await post('/adgroup/create/', { ...body, optimization_goal: 'VIDEO_VIEW' })).message,
    /deprecated/,
  );
  const update = await post('/adgroup/update/', {
    advertiser_id: ids.northwindUs,
    adgroup_id: adgroup.adgroup_id,
    placements: ['PLACEMENT_PANGLE'],
  });
  assert.match(update.message, /^placements: Cannot be changed/);
});

test('ad group status update reports partial success with error_list (20001)', async () => {
  const { post } = await setUp();
  const { campaign_id: campaignId } = (await post('/campaign/create/', campaignBody)).data as {
    campaign_id: string;
  };
  const { adgroup_id: adgroupId } = (await post('/adgroup/create/', adgroupBody(campaignId))).data as {
    adgroup_id: string;
  };
  const answer = await post('/adgroup/status/update/', {
    advertiser_id: ids.northwindUs,
    adgroup_ids: [adgroupId, '1799999999999999'],
    operation_status: 'DISABLE',
    allow_partial_success: true,
  });
  assert.equal(answer.code, 20001);
  const data = answer.data as { adgroup_ids: string[]; error_list: { adgroup_id: string }[] };
  assert.deepEqual(data.adgroup_ids, [adgroupId]);
  assert.deepEqual(
    data.error_list.map((entry) => entry.adgroup_id),
    ['1799999999999999'],
  );
});

test('ads: creatives need identity and text; the answer lists ad_ids; status update shape', async () => {
  const { post, get, emulator } = await setUp();
  const { campaign_id: campaignId } = (await post('/campaign/create/', campaignBody)).data as {
    campaign_id: string;
  };
  const { adgroup_id: adgroupId } = (await post('/adgroup/create/', adgroupBody(campaignId))).data as {
    adgroup_id: string;
  };
  const image = emulator.control
    .truth()
    .images.find((candidate) => candidate.advertiserId === ids.northwindUs);
  assert.ok(image, 'the sample library has an image');
  const creative = {
    ad_format: 'SINGLE_IMAGE',
    ad_text: 'Warm coats',
    image_ids: [image.image_id],
    identity_type: 'CUSTOMIZED_USER',
    identity_id: '7000000000000000001',
    landing_page_url: 'https://example.com/coats',
    call_to_action: 'SHOP_NOW',
  };
  const { identity_type: _identity, ...withoutIdentity } = creative;
  const missing = await post('/ad/create/', {
    advertiser_id: ids.northwindUs,
    adgroup_id: adgroupId,
    creatives: [withoutIdentity],
  });
  assert.equal(missing.message, 'creatives.0.identity_type: Missing data for required field.');
  const created = await post('/ad/create/', {
    advertiser_id: ids.northwindUs,
    adgroup_id: adgroupId,
    creatives: [creative],
  });
  const adIds = (created.data as { ad_ids: string[] }).ad_ids;
  assert.equal(adIds.length, 1);
  assert.match(adIds[0] ?? '', /^\d{16}$/);
  const tooMany = await post('/ad/create/', {
    advertiser_id: ids.northwindUs,
    adgroup_id: adgroupId,
    creatives: Array.from({ length: 21 }, () => creative),
  });
  assert.match(tooMany.message, /^creatives: /);
  const status = await post('/ad/status/update/', {
    advertiser_id: ids.northwindUs,
    ad_ids: adIds,
    operation_status: 'DISABLE',
  });
  assert.deepEqual(status.data, { ad_ids: adIds, aco_ad_ids: [], status: 'DISABLE' });
  const listed = (await get('/ad/get/', { advertiser_id: ids.northwindUs, filtering: { ad_ids: adIds } }))
    .data as {
    list: { secondary_status: string; adgroup_name: string }[];
  };
  assert.equal(listed.list[0]?.secondary_status, 'AD_STATUS_DISABLE');
  assert.equal(listed.list[0]?.adgroup_name, 'US adults');
});

test('/ad/create/ has its own 5 QPS endpoint limit (40100)', async () => {
  const { post } = await setUp();
  const codes = await Promise.all(
    Array.from({ length: 7 }, () =>
      post('/ad/create/', { advertiser_id: ids.northwindUs, adgroup_id: '1799999999999999', creatives: [] }),
    ),
  );
  const limited = codes.filter((answer) => answer.code === 40100);
  assert.equal(limited.length, 2);
  assert.equal(limited[0]?.message, 'App reaches the QPS limit of /ad/create/.');
});

test('an analyst may read but not write; an ineligible account refuses ads calls', async () => {
  const { emulator, token } = await setUp();
  emulator.control.setBusinessCenterRole({ email: ids.alex, bcId: ids.northwind, userRole: 'STANDARD' });
  emulator.control.setAdvertiserRole({
    email: ids.alex,
    advertiserId: ids.northwindUs,
    advertiserRole: 'ANALYST',
  });
  emulator.control.setAdvertiserRole({
    email: ids.alex,
    advertiserId: ids.northwindLegacy,
    advertiserRole: 'ADMIN',
  });
  assert.equal(
    (await callApi(emulator, 'GET', '/campaign/get/', { token, query: { advertiser_id: ids.northwindUs } }))
      .code,
    0,
  );
  const write = await callApi(emulator, 'POST', '/campaign/create/', { token, body: campaignBody });
  assert.equal(write.code, 40001);
  const ineligible = await callApi(emulator, 'GET', '/campaign/get/', {
    token,
    query: { advertiser_id: ids.northwindLegacy },
  });
  assert.equal(ineligible.code, 40001);
  assert.equal(ineligible.message, `The advertiser ${ids.northwindLegacy} is not eligible for API access.`);
});

test('an account under review shows it in secondary_status', async () => {
  const { emulator, get } = await setUp();
  emulator.control.setAdvertiserStatus({ advertiserId: ids.northwindUs, status: 'STATUS_PENDING_VERIFIED' });
  const list = (await get('/campaign/get/', { advertiser_id: ids.northwindUs })).data as {
    list: { secondary_status: string }[];
  };
  assert.ok(list.list.length > 0);
  assert.ok(list.list.every((row) => row.secondary_status === 'CAMPAIGN_STATUS_ADVERTISER_AUDIT'));
});

test("an analyst-only user's token reads but every write answers 40001 naming the advertiser", async () => {
  const emulator = createTestEmulator({ settings: generous });
  const { token } = await connect(emulator, ids.wendy);
  const read = await callApi(emulator, 'GET', '/campaign/get/', {
    token,
    query: { advertiser_id: ids.cafeLumen },
  });
  assert.equal(read.code, 0);
  assert.equal((read.data as { list: unknown[] }).list.length, 1);
  const write = await callApi(emulator, 'POST', '/campaign/create/', {
    token,
    body: { ...campaignBody, advertiser_id: ids.cafeLumen },
  });
  assert.equal(write.code, 40001);
  assert.equal(
    write.message,
    `No permission to operate advertiser ${ids.cafeLumen}: the ANALYST role can only view it.`,
  );
});

test('the owner of an individually owned account has full access to it', async () => {
  const emulator = createTestEmulator({ settings: generous });
  const { token } = await connect(emulator, ids.ivan);
  const created = await callApi(emulator, 'POST', '/campaign/create/', {
    token,
    body: { ...campaignBody, advertiser_id: ids.ivansBakery },
  });
  assert.equal(created.code, 0);
  const campaignId = String((created.data as { campaign_id: string }).campaign_id);
  const adgroup = await callApi(emulator, 'POST', '/adgroup/create/', {
    token,
    body: { ...adgroupBody(campaignId), advertiser_id: ids.ivansBakery },
  });
  assert.equal(adgroup.code, 0, adgroup.message);
  const listed = await callApi(emulator, 'GET', '/campaign/get/', {
    token,
    query: { advertiser_id: ids.ivansBakery },
  });
  assert.equal((listed.data as { list: unknown[] }).list.length, 2, 'the sample campaign and the new one');
  const images = await callApi(emulator, 'GET', '/file/image/ad/search/', {
    token,
    query: { advertiser_id: ids.ivansBakery },
  });
  assert.equal(images.code, 0);
});
