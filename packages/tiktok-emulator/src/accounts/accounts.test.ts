import assert from 'node:assert/strict';
import { test } from 'node:test';
import { advertiserStatuses } from '../scenarios/scenario-schema.js';
import { emulatorApp } from '../registered-app.js';
import { callApi, connect, createTestEmulator, ids } from '../test-support.js';

test('/bc/get/ lists every Business Center of the user with the user role; page_size over 50 is 40002', async () => {
  const emulator = createTestEmulator();
  const { token } = await connect(emulator, ids.alex, { advertiserIds: [ids.cafeLumen] });
  const answer = await callApi(emulator, 'GET', '/bc/get/', { token });
  const data = answer.data as {
    list: { bc_info: { bc_id: string; currency: string }; user_role: string }[];
    page_info: unknown;
  };
  // Correction 14: every membership, whatever the grant holds.
  assert.deepEqual(
    data.list.map((row) => [row.bc_info.bc_id, row.user_role]),
    [
      [ids.northwind, 'ADMIN'],
      [ids.bluebird, 'ADMIN'],
      [ids.harbor, 'STANDARD'],
    ],
  );
  assert.equal(data.list[1]?.bc_info.currency, 'EUR');
  assert.deepEqual(data.page_info, { page: 1, page_size: 10, total_number: 3, total_page: 1 });
  const tooBig = await callApi(emulator, 'GET', '/bc/get/', { token, query: { page_size: 51 } });
  assert.equal(tooBig.code, 40002);
  assert.match(tooBig.message, /^page_size: /);
});

test("/bc/get/ under businessCenterVisibility 'authorized' keeps the Business Centers holding granted accounts", async () => {
  const emulator = createTestEmulator({ settings: { businessCenterVisibility: 'authorized' } });
  const bcIdsOf = async (token: string) =>
    (
      (await callApi(emulator, 'GET', '/bc/get/', { token })).data as {
        list: { bc_info: { bc_id: string } }[];
      }
    ).list.map((row) => row.bc_info.bc_id);
  const spanning = await connect(emulator, ids.alex, { advertiserIds: [ids.northwindUs, ids.cafeLumen] });
  assert.deepEqual(await bcIdsOf(spanning.token), [ids.northwind, ids.bluebird]);
  const empty = await connect(emulator, ids.alex, ids.harbor);
  assert.deepEqual(await bcIdsOf(empty.token), []);
  const refused = await callApi(emulator, 'GET', '/bc/asset/get/', {
    token: empty.token,
    query: { bc_id: ids.northwind, asset_type: 'ADVERTISER' },
  });
  assert.equal(refused.code, 40001);
});

test('an analyst-only user and a user without any Business Center read what TikTok shows them', async () => {
  const emulator = createTestEmulator();
  const wendy = await connect(emulator, ids.wendy);
  const centers = (await callApi(emulator, 'GET', '/bc/get/', { token: wendy.token })).data as {
    list: { bc_info: { bc_id: string }; user_role: string }[];
  };
  assert.deepEqual(
    centers.list.map((row) => [row.bc_info.bc_id, row.user_role]),
    [[ids.bluebird, 'STANDARD']],
  );
  const assets = (
    await callApi(emulator, 'GET', '/bc/asset/get/', {
      token: wendy.token,
      query: { bc_id: ids.bluebird, asset_type: 'ADVERTISER' },
    })
  ).data as { list: { asset_id: string; advertiser_role: string }[] };
  assert.deepEqual(
    assets.list.map((row) => [row.asset_id, row.advertiser_role]),
    [
      [ids.cafeLumen, 'ANALYST'],
      [ids.verdeGym, 'ANALYST'],
    ],
  );
  const ivan = await connect(emulator, ids.ivan);
  const none = (await callApi(emulator, 'GET', '/bc/get/', { token: ivan.token })).data as {
    list: unknown[];
  };
  assert.deepEqual(none.list, []);
});

test('individually owned accounts are usable, have an empty owner_bc_id and no Business Center lists them', async () => {
  const emulator = createTestEmulator();
  const { token, advertiserIds } = await connect(emulator, ids.ivan);
  const info = await callApi(emulator, 'GET', '/advertiser/info/', {
    token,
    query: { advertiser_ids: advertiserIds, fields: ['advertiser_id', 'owner_bc_id'] },
  });
  assert.deepEqual((info.data as { list: unknown[] }).list, [
    { advertiser_id: ids.ivansBakery, owner_bc_id: '' },
    { advertiser_id: ids.ivansFoodTruck, owner_bc_id: '' },
  ]);
  const listed = await callApi(emulator, 'GET', '/oauth2/advertiser/get/', {
    token,
    query: { app_id: emulatorApp.appId, secret: emulatorApp.secret },
  });
  assert.deepEqual(
    (listed.data as { list: { advertiser_id: string }[] }).list.map((row) => row.advertiser_id),
    [ids.ivansBakery, ids.ivansFoodTruck],
  );
  const alex = await connect(emulator, ids.alex);
  for (const bcId of [ids.northwind, ids.bluebird]) {
    const rows = (
      await callApi(emulator, 'GET', '/bc/asset/get/', {
        token: alex.token,
        query: { bc_id: bcId, asset_type: 'ADVERTISER', page_size: 50 },
      })
    ).data as { list: { asset_id: string }[] };
    assert.ok(rows.list.every((row) => !row.asset_id.startsWith('720000000000000004')));
  }
});

test('ad_creation_eligible is absent on ADVERTISER rows by default, an enum or a boolean by setting', async () => {
  const emulator = createTestEmulator();
  const { token } = await connect(emulator, ids.alex);
  const eligibility = async () =>
    (
      (
        await callApi(emulator, 'GET', '/bc/asset/get/', {
          token,
          query: { bc_id: ids.northwind, asset_type: 'ADVERTISER' },
        })
      ).data as { list: Record<string, unknown>[] }
    ).list.map((row) => row.ad_creation_eligible);
  assert.deepEqual(await eligibility(), [undefined, undefined, undefined, undefined]);
  emulator.control.updateSettings({ advertiserAdCreationEligible: 'enum' });
  assert.deepEqual(await eligibility(), ['AVAILABLE', 'NOT_AVAILABLE', 'NOT_AVAILABLE', 'NOT_AVAILABLE']);
  emulator.control.updateSettings({ advertiserAdCreationEligible: 'boolean' });
  assert.deepEqual(await eligibility(), [true, false, false, false]);
});

test('agency-large: 125 accounts need three pages of 50; a standard member sees the 60 assigned to them', async () => {
  const emulator = createTestEmulator({ scenario: 'agency-large' });
  const atlas = '7100000000000000301';
  const lena = await connect(emulator, 'lena.large@example.com');
  assert.equal(lena.advertiserIds.length, 125);
  const third = await callApi(emulator, 'GET', '/bc/asset/get/', {
    token: lena.token,
    query: { bc_id: atlas, asset_type: 'ADVERTISER', page_size: 50, page: 3 },
  });
  const data = third.data as { list: unknown[]; page_info: { total_number: number; total_page: number } };
  assert.equal(data.list.length, 25);
  assert.deepEqual([data.page_info.total_number, data.page_info.total_page], [125, 3]);
  const sam = await connect(emulator, 'sam.subset@example.com');
  assert.equal(sam.advertiserIds.length, 60);
});

test('/bc/asset/get/ lists reachable ad accounts with advertiser_role, paginated', async () => {
  const emulator = createTestEmulator();
  const { token } = await connect(emulator, ids.olivia, ids.northwind);
  const answer = await callApi(emulator, 'GET', '/bc/asset/get/', {
    token,
    query: { bc_id: ids.northwind, asset_type: 'ADVERTISER', page_size: 1, page: 2 },
  });
  const data = answer.data as {
    list: { asset_id: string; advertiser_role: string }[];
    page_info: { total_number: number };
  };
  assert.equal(data.page_info.total_number, 2);
  assert.deepEqual(
    data.list.map((row) => [row.asset_id, row.advertiser_role]),
    [[ids.northwindOutlet, 'ANALYST']],
  );
  const otherCenter = await callApi(emulator, 'GET', '/bc/asset/get/', {
    token,
    query: { bc_id: ids.bluebird, asset_type: 'ADVERTISER' },
  });
  assert.equal(otherCenter.code, 40001);
  const both = await callApi(emulator, 'GET', '/bc/asset/get/', {
    token,
    query: {
      bc_id: ids.northwind,
      asset_type: 'ADVERTISER',
      filtering: { user_id: '6900000000000000001', user_email: ids.alex },
    },
  });
  assert.equal(both.code, 40002);
  assert.match(both.message, /^filtering: /);
});

test('/bc/member/get/ lists members and filters by role', async () => {
  const emulator = createTestEmulator();
  const { token } = await connect(emulator, ids.alex, ids.northwind);
  const answer = await callApi(emulator, 'GET', '/bc/member/get/', {
    token,
    query: { bc_id: ids.northwind, filtering: { user_role: 'STANDARD' } },
  });
  const data = answer.data as { list: { user_email: string; user_role: string; relation_status: string }[] };
  assert.deepEqual(
    data.list.map((row) => [row.user_email, row.user_role, row.relation_status]),
    [[ids.olivia, 'STANDARD', 'BOUND']],
  );
});

test('/advertiser/info/ returns every field without `fields`, masked contacts and mixed statuses', async () => {
  const emulator = createTestEmulator();
  const { token, advertiserIds } = await connect(emulator, ids.alex, ids.northwind);
  const answer = await callApi(emulator, 'GET', '/advertiser/info/', {
    token,
    query: { advertiser_ids: advertiserIds },
  });
  const list = (answer.data as { list: Record<string, unknown>[] }).list;
  assert.deepEqual(
    list.map((row) => row.status),
    ['STATUS_ENABLE', 'STATUS_DISABLE', 'STATUS_PENDING_VERIFIED', 'STATUS_LIMIT'],
  );
  const first = list[0] ?? {};
  assert.equal(first.currency, 'USD');
  assert.equal(first.display_timezone, 'America/New_York');
  assert.equal(first.cellphone_number, '+12025****43');
  assert.equal(first.email, 'a***@**');
  assert.equal(typeof first.create_time, 'number');
  const some = await callApi(emulator, 'GET', '/advertiser/info/', {
    token,
    query: { advertiser_ids: [ids.northwindUs], fields: ['name', 'status'] },
  });
  assert.deepEqual((some.data as { list: unknown[] }).list, [
    { name: 'Northwind US', status: 'STATUS_ENABLE' },
  ]);
});

test('/advertiser/info/ refuses accounts the token was not granted with 40001', async () => {
  const emulator = createTestEmulator();
  // Olivia unticks the Outlet on the consent page.
  const { token } = await connect(emulator, ids.olivia, { advertiserIds: [ids.northwindUs] });
  const answer = await callApi(emulator, 'GET', '/advertiser/info/', {
    token,
    query: { advertiser_ids: [ids.northwindOutlet] },
  });
  assert.equal(answer.code, 40001);
  assert.equal(answer.message, `The advertiser ${ids.northwindOutlet} doesn't exist or has been deleted.`);
});

test('/advertiser/info/ enforces its id cap (configurable) naming the field', async () => {
  const emulator = createTestEmulator({ settings: { advertiserInfoMaxIds: 2 } });
  const { token, advertiserIds } = await connect(emulator, ids.alex, ids.northwind);
  const answer = await callApi(emulator, 'GET', '/advertiser/info/', {
    token,
    query: { advertiser_ids: advertiserIds.slice(0, 3) },
  });
  assert.equal(answer.code, 40002);
  assert.equal(answer.message, 'advertiser_ids: Longer than maximum length 2.');
});

test('every one of the 13 advertiser statuses can be set and is reported', async () => {
  const emulator = createTestEmulator();
  const { token } = await connect(emulator, ids.olivia, ids.northwind);
  for (const status of advertiserStatuses) {
    emulator.control.setAdvertiserStatus({ advertiserId: ids.northwindUs, status });
    const answer = await callApi(emulator, 'GET', '/advertiser/info/', {
      token,
      query: { advertiser_ids: [ids.northwindUs], fields: ['status'] },
    });
    assert.deepEqual((answer.data as { list: unknown[] }).list, [{ status }]);
    emulator.control.advanceClock(1_000);
  }
  assert.equal(advertiserStatuses.length, 13);
});

test('losing the role through the control API takes the account away from the token', async () => {
  const emulator = createTestEmulator();
  const { token } = await connect(emulator, ids.olivia, ids.northwind);
  emulator.control.setAdvertiserRole({
    email: ids.olivia,
    advertiserId: ids.northwindUs,
    advertiserRole: null,
  });
  const answer = await callApi(emulator, 'GET', '/advertiser/info/', {
    token,
    query: { advertiser_ids: [ids.northwindUs] },
  });
  assert.equal(answer.code, 40001);
});
