import assert from 'node:assert/strict';
import { test } from 'node:test';
import { advertiserStatuses } from '../scenarios/scenario-schema.js';
import { callApi, connect, createTestEmulator, ids } from '../test-support.js';

test('/bc/get/ lists the authorized Business Center with the user role; page_size over 50 is 40002', async () => {
  const emulator = createTestEmulator();
  const { token } = await connect(emulator, ids.alex, ids.bluebird);
  const answer = await callApi(emulator, 'GET', '/bc/get/', { token });
  const data = answer.data as {
    list: { bc_info: { bc_id: string; currency: string }; user_role: string }[];
    page_info: unknown;
  };
  assert.equal(data.list.length, 1);
  assert.equal(data.list[0]?.bc_info.bc_id, ids.bluebird);
  assert.equal(data.list[0]?.bc_info.currency, 'EUR');
  assert.equal(data.list[0]?.user_role, 'ADMIN');
  assert.deepEqual(data.page_info, { page: 1, page_size: 10, total_number: 1, total_page: 1 });
  const tooBig = await callApi(emulator, 'GET', '/bc/get/', { token, query: { page_size: 51 } });
  assert.equal(tooBig.code, 40002);
  assert.match(tooBig.message, /^page_size: /);
  emulator.control.updateSettings({ businessCenterVisibility: 'all' });
  const all = (await callApi(emulator, 'GET', '/bc/get/', { token })).data as { list: unknown[] };
  assert.equal(all.list.length, 3);
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
  const { token } = await connect(emulator, ids.olivia, ids.northwind);
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
