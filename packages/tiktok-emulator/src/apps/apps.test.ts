import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callApi, connect, createTestEmulator, ids } from '../test-support.js';

interface AppRow {
  app_id: string;
  app_name: string;
  app_platform_id: string;
  platform: string;
  app_type: string;
  download_url: string;
  icon_url: string;
  advertiser_id: string;
}

async function setUp(scope = [1, 2, 4, 6, 7]) {
  const emulator = createTestEmulator();
  const { token } = await connect(emulator, ids.alex, undefined, scope);
  const apps = (query: Record<string, unknown> = {}) =>
    callApi(emulator, 'GET', '/app/list/', { token, query: { advertiser_id: ids.northwindUs, ...query } });
  return { emulator, token, apps };
}

test('/app/list/ answers the account apps, Android and iOS, in one unpaged list', async () => {
  const { emulator, apps } = await setUp();
  const answer = await apps();
  assert.equal(answer.code, 0, answer.message);
  const data = answer.data as { apps: AppRow[]; page_info?: unknown };
  assert.equal(data.page_info, undefined, 'app_list.yml maps `apps` only');
  assert.deepEqual(
    data.apps.map((app) => [app.platform, app.app_type, app.app_name, app.advertiser_id]),
    [
      ['ANDROID', 'APP_ANDROID', 'Northwind US', ids.northwindUs],
      ['IOS', 'APP_IOS', 'Northwind US', ids.northwindUs],
    ],
  );
  const [android, ios] = data.apps;
  assert.match(android?.app_id ?? '', /^\d{19}$/);
  assert.equal(android?.app_platform_id, 'com.example.northwindus');
  assert.equal(
    android?.download_url,
    'https://play.google.com/store/apps/details?id=com.example.northwindus',
  );
  assert.match(ios?.app_platform_id ?? '', /^\d{10}$/);
  assert.equal(ios?.download_url, `https://apps.apple.com/app/id${ios?.app_platform_id}`);
  const icon = await emulator.app.inject({ method: 'GET', url: new URL(android!.icon_url).pathname });
  assert.equal(icon.statusCode, 200);

  const filtered = await apps({ app_platform_ids: [ios?.app_platform_id] });
  assert.deepEqual(
    (filtered.data as { apps: AppRow[] }).apps.map((app) => app.app_id),
    [ios?.app_id],
  );
  const bare = await apps({ app_platform_ids: 'com.example.northwindus' });
  assert.deepEqual([bare.code, bare.message], [40002, 'app_platform_ids: Not a valid list.']);
});

test('/app/list/: an account without apps, a foreign account, a token without App Management', async () => {
  const { apps } = await setUp();
  assert.deepEqual(((await apps({ advertiser_id: ids.verdeGym })).data as { apps: AppRow[] }).apps, []);
  const foreign = await apps({ advertiser_id: ids.harborFlagship });
  assert.equal(foreign.code, 40001);
  const whathead = await setUp([1, 2, 4, 6]);
  const denied = await whathead.apps();
  assert.deepEqual(
    [denied.code, denied.message],
    [40001, 'advertiser does not grant you /app/list/:GET permission'],
  );
  const readApps = await setUp([700]);
  assert.equal((await readApps.apps()).code, 0);
});
