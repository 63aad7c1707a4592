import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Emulator } from '../create-emulator.js';
import { callApi, connect, createTestEmulator, ids } from '../test-support.js';

interface AudienceRow {
  audience_id: string;
  name: string;
  audience_type: string;
  calculate_type?: string;
  cover_num: number;
  is_valid: boolean;
  is_creator: boolean;
  owner_id: string;
  create_time: string;
  expired_time: string;
}
interface AudiencePage {
  list: AudienceRow[];
  page_info: { page: number; page_size: number; total_number: number; total_page: number };
}

/** Enough calls a second for a test that reads back after every write. */
const generous = { appRateLimit: { perSecond: 1000, perMinute: 60_000, perDay: 864_000 } };

async function setUp(scope?: number[]) {
  const emulator = createTestEmulator({ settings: generous });
  const { token } = await connect(emulator, ids.alex, undefined, scope);
  return { emulator, token };
}

const audiences = (emulator: Emulator, token: string, query: Record<string, unknown> = {}) =>
  callApi(emulator, 'GET', '/dmp/custom_audience/list/', {
    token,
    query: { advertiser_id: ids.northwindUs, ...query },
  });

test('/dmp/custom_audience/list/ answers the account’s audiences with their kind, size and readiness', async () => {
  const { emulator, token } = await setUp();
  const answer = await audiences(emulator, token);
  assert.equal(answer.code, 0, answer.message);
  const page = answer.data as AudiencePage;
  assert.deepEqual(
    page.list.map((audience) => [
      audience.name,
      audience.audience_type,
      audience.cover_num,
      audience.is_valid,
    ]),
    [
      ['Northwind US Customers', 'Customer File Audience', 48_200, true],
      ['Northwind US Website visitors, 30 days', 'Website Audience', 126_500, true],
      ['Northwind US Lookalike of customers', 'Lookalike Audience', 2_310_000, true],
      ['Northwind US Video viewers', 'Engagement Audience', 0, false],
    ],
  );
  assert.deepEqual(page.page_info, { page: 1, page_size: 10, total_number: 4, total_page: 1 });
  const [customers, visitors] = page.list;
  assert.match(customers?.audience_id ?? '', /^\d{19}$/);
  assert.equal(customers?.calculate_type, 'EMAIL_SHA256', 'customer files say how they were hashed');
  assert.equal(visitors?.calculate_type, undefined);
  assert.deepEqual([customers?.is_creator, customers?.owner_id], [true, ids.northwindUs]);
  assert.match(customers?.create_time ?? '', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  assert.ok((customers?.create_time ?? '') < (visitors?.create_time ?? ''), 'creation order');

  const chosen = await audiences(emulator, token, {
    custom_audience_ids: [visitors?.audience_id, '7999999999999999999'],
  });
  assert.deepEqual(
    (chosen.data as AudiencePage).list.map((audience) => audience.audience_id),
    [visitors?.audience_id],
    'an id the account does not have is left out',
  );
  const paged = (await audiences(emulator, token, { page: 2, page_size: 3 })).data as AudiencePage;
  assert.deepEqual(
    paged.list.map((audience) => audience.name),
    ['Northwind US Video viewers'],
  );
  assert.deepEqual(paged.page_info, { page: 2, page_size: 3, total_number: 4, total_page: 2 });
});

test('/dmp/custom_audience/list/ validates as the SDK documents: page_size 1–100, 1–100 ids', async () => {
  const { emulator, token } = await setUp();
  const tooBig = await audiences(emulator, token, { page_size: 101 });
  assert.deepEqual(
    [tooBig.code, tooBig.message],
    [40002, 'page_size: Must be greater than or equal to 1 and less than or equal to 100.'],
  );
  assert.equal((await audiences(emulator, token, { page_size: 100 })).code, 0);
  assert.equal((await audiences(emulator, token, { custom_audience_ids: [] })).code, 40002);
  assert.equal((await audiences(emulator, token, { custom_audience_ids: ['abc'] })).code, 40002);
});

test('/dmp/custom_audience/list/: an account without audiences, a foreign account, a token without Audience Management', async () => {
  const { emulator, token } = await setUp();
  const none = await audiences(emulator, token, { advertiser_id: ids.verdeGym });
  assert.deepEqual((none.data as AudiencePage).list, []);
  assert.equal((await audiences(emulator, token, { advertiser_id: ids.harborFlagship })).code, 40001);
  // Whathead's grant before it asked for Audience Management (3).
  const earlier = await setUp([1, 2, 4, 6, 7, 8]);
  const denied = await audiences(earlier.emulator, earlier.token);
  assert.deepEqual(
    [denied.code, denied.message],
    [40001, 'advertiser does not grant you /dmp/custom_audience/list/:GET permission'],
  );
  const readOnly = await setUp([30]);
  assert.equal((await audiences(readOnly.emulator, readOnly.token)).code, 0);
});

const adgroupBody = (campaignId: string) => ({
  advertiser_id: ids.northwindUs,
  campaign_id: campaignId,
  adgroup_name: 'Customers and lookalikes',
  placement_type: 'PLACEMENT_TYPE_AUTOMATIC',
  promotion_type: 'WEBSITE',
  location_ids: ['6252001'],
  budget_mode: 'BUDGET_MODE_DAY',
  budget: 50,
  schedule_type: 'SCHEDULE_FROM_NOW',
  schedule_start_time: '2026-11-25 12:00:00',
  optimization_goal: 'CLICK',
  billing_event: 'CPC',
});

test('an ad group includes and excludes the account’s audiences; another account’s, or one in both lists, refused', async () => {
  const { emulator, token } = await setUp();
  const post = (path: string, body: unknown) => callApi(emulator, 'POST', path, { token, body });
  const [customers, visitors, lookalike] = ((await audiences(emulator, token)).data as AudiencePage).list;
  const outlet = (await audiences(emulator, token, { advertiser_id: ids.northwindOutlet }))
    .data as AudiencePage;
  const { campaign_id: campaignId } = (
    await post('/campaign/create/', {
      advertiser_id: ids.northwindUs,
      campaign_name: 'Retargeting',
      objective_type: 'TRAFFIC',
      budget_mode: 'BUDGET_MODE_DAY',
      budget: 100,
    })
  ).data as { campaign_id: string };

  const created = await post('/adgroup/create/', {
    ...adgroupBody(campaignId),
    audience_ids: [lookalike?.audience_id, visitors?.audience_id],
    excluded_audience_ids: [customers?.audience_id],
  });
  assert.equal(created.code, 0, created.message);
  const adgroupId = (created.data as { adgroup_id: string }).adgroup_id;
  const read = async () => {
    const found = await callApi(emulator, 'GET', '/adgroup/get/', {
      token,
      query: { advertiser_id: ids.northwindUs, filtering: { adgroup_ids: [adgroupId] } },
    });
    assert.equal(found.code, 0, found.message);
    const [row] = (found.data as { list: { audience_ids: string[]; excluded_audience_ids: string[] }[] })
      .list;
    return [row?.audience_ids, row?.excluded_audience_ids];
  };
  assert.deepEqual(await read(), [[lookalike?.audience_id, visitors?.audience_id], [customers?.audience_id]]);

  const foreign = await post('/adgroup/create/', {
    ...adgroupBody(campaignId),
    adgroup_name: 'Borrowed audience',
    excluded_audience_ids: [outlet.list[0]?.audience_id],
  });
  assert.deepEqual(
    [foreign.code, foreign.message],
    [
      40002,
      `excluded_audience_ids: Audience ${outlet.list[0]?.audience_id} does not exist in this ad account.`,
    ],
  );

  const update = (body: object) =>
    post('/adgroup/update/', { advertiser_id: ids.northwindUs, adgroup_id: adgroupId, ...body });
  const unknown = await update({ audience_ids: ['7999999999999999999'] });
  assert.match(unknown.message, /^audience_ids: Audience 7999999999999999999 does not exist/);
  assert.deepEqual(
    await read(),
    [[lookalike?.audience_id, visitors?.audience_id], [customers?.audience_id]],
    'a refused update changes nothing',
  );
  const both = await update({ audience_ids: [customers?.audience_id] });
  assert.deepEqual(
    [both.code, both.message],
    [
      40002,
      `excluded_audience_ids: Audience ${customers?.audience_id} cannot be both included and excluded.`,
    ],
    'the kept exclusion counts',
  );
  assert.equal((await update({ audience_ids: [customers?.audience_id], excluded_audience_ids: [] })).code, 0);
  assert.deepEqual(await read(), [[customers?.audience_id], []]);
  assert.equal((await update({ adgroup_name: 'Renamed' })).code, 0);
  assert.deepEqual(await read(), [[customers?.audience_id], []], 'lists not sent stay as they were');
});
