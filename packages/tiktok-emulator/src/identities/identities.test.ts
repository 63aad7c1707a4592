import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Emulator } from '../create-emulator.js';
import { callApi, connect, createTestEmulator, ids, makePng, md5, upload } from '../test-support.js';

interface IdentityRow {
  identity_id: string;
  identity_type: string;
  display_name: string;
  profile_image: string;
  user_name?: string;
  can_pull_video?: boolean;
}
interface IdentityPage {
  identity_list: IdentityRow[];
  page_info: { page: number; page_size: number; total_number: number; total_page: number };
}

async function setUp(scope?: number[]) {
  const emulator = createTestEmulator();
  const { token } = await connect(emulator, ids.alex, ids.northwind, scope);
  return { emulator, token };
}

const identities = async (emulator: Emulator, token: string, query: Record<string, unknown> = {}) =>
  callApi(emulator, 'GET', '/identity/get/', { token, query: { advertiser_id: ids.northwindUs, ...query } });

async function uploadImage(emulator: Emulator, token: string, width: number, height: number, name: string) {
  const bytes = makePng(width, height);
  const answer = await upload(
    emulator,
    '/file/image/ad/upload/',
    token,
    { advertiser_id: ids.northwindUs, image_signature: await md5(bytes) },
    { field: 'image_file', name, bytes },
  );
  return (answer.data as { image_id: string }).image_id;
}

test('/identity/get/ lists the seeded identities of the account, filtered by type', async () => {
  const { emulator, token } = await setUp();
  const answer = await identities(emulator, token);
  assert.equal(answer.code, 0, answer.message);
  const page = answer.data as IdentityPage;
  assert.deepEqual(
    page.identity_list.map((row) => [row.identity_type, row.display_name]),
    [
      ['CUSTOMIZED_USER', 'Northwind US'],
      ['TT_USER', 'Northwind US'],
    ],
  );
  assert.deepEqual(page.page_info, { page: 1, page_size: 20, total_number: 2, total_page: 1 });
  const [custom, linked] = page.identity_list;
  assert.match(custom?.identity_id ?? '', /^\d{19}$/);
  assert.deepEqual(Object.keys(custom ?? {}).sort(), [
    'display_name',
    'identity_id',
    'identity_type',
    'profile_image',
  ]);
  assert.match(custom?.profile_image ?? '', /^http:\/\/localhost(:\d+)?\/media\/\d{19}$/);
  assert.equal(linked?.user_name, 'northwindus');
  assert.equal(linked?.can_pull_video, true);
  // The default avatar is served, square.
  const avatar = await emulator.app.inject({ method: 'GET', url: new URL(custom!.profile_image).pathname });
  assert.equal(avatar.statusCode, 200);
  assert.equal(avatar.headers['content-type'], 'image/png');

  const onlyLinked = (await identities(emulator, token, { identity_type: 'TT_USER' })).data as IdentityPage;
  assert.deepEqual(
    onlyLinked.identity_list.map((row) => row.identity_type),
    ['TT_USER'],
  );
  const other = await callApi(emulator, 'GET', '/identity/get/', {
    token,
    query: { advertiser_id: ids.northwindCanada },
  });
  assert.ok(
    (other.data as IdentityPage).identity_list.every((row) => row.display_name === 'Northwind Canada'),
    'each account has its own identities',
  );
});

test('/identity/create/ makes a CUSTOMIZED_USER the list then shows; keyword search and paging', async () => {
  const { emulator, token } = await setUp();
  const avatar = await uploadImage(emulator, token, 640, 640, 'avatar.png');
  const created = await callApi(emulator, 'POST', '/identity/create/', {
    token,
    body: { advertiser_id: ids.northwindUs, display_name: 'Northwind Spring', image_uri: avatar },
  });
  assert.equal(created.code, 0, created.message);
  const identityId = (created.data as { identity_id: string }).identity_id;
  assert.match(identityId, /^\d{19}$/);
  const plain = await callApi(emulator, 'POST', '/identity/create/', {
    token,
    body: { advertiser_id: ids.northwindUs, display_name: 'Northwind Outlet deals' },
  });
  assert.equal(plain.code, 0, 'image_uri is optional: TikTok uses its default avatar');

  const found = (await identities(emulator, token, { filtering: { keyword: 'spring' } }))
    .data as IdentityPage;
  assert.deepEqual(
    found.identity_list.map((row) => [row.identity_id, row.identity_type]),
    [[identityId, 'CUSTOMIZED_USER']],
  );
  assert.match(found.identity_list[0]?.profile_image ?? '', /\/media\/ad-site-i18n-sg%2F/);
  // Documented: keyword applies to CUSTOMIZED_USER (or no type) only.
  const ignored = (
    await identities(emulator, token, { identity_type: 'TT_USER', filtering: { keyword: 'spring' } })
  ).data as IdentityPage;
  assert.equal(ignored.identity_list.length, 1);

  const second = (await identities(emulator, token, { page: 2, page_size: 3 })).data as IdentityPage;
  assert.deepEqual(second.page_info, { page: 2, page_size: 3, total_number: 4, total_page: 2 });
  assert.equal(second.identity_list.length, 1);
  const tooBig = await identities(emulator, token, { page_size: 101 });
  assert.equal(tooBig.code, 40002);
});

test('/identity/create/ refuses what TikTok documents: long names, foreign or non-square avatars', async () => {
  const { emulator, token } = await setUp();
  const create = (body: Record<string, unknown>) =>
    callApi(emulator, 'POST', '/identity/create/', {
      token,
      body: { advertiser_id: ids.northwindUs, ...body },
    });
  const missing = await create({});
  assert.deepEqual(
    [missing.code, missing.message],
    [40002, 'display_name: Missing data for required field.'],
  );
  assert.equal((await create({ display_name: 'x'.repeat(101) })).code, 40002);
  const wide = await uploadImage(emulator, token, 1200, 628, 'wide.png');
  const notSquare = await create({ display_name: 'Wide', image_uri: wide });
  assert.equal(notSquare.code, 40002);
  assert.match(notSquare.message, /^image_uri: .*1:1/);
  const unknown = await create({ display_name: 'Nobody', image_uri: 'ad-site-i18n-sg/nothing' });
  assert.deepEqual(
    [unknown.code, unknown.message],
    [40002, 'image_uri: Image ad-site-i18n-sg/nothing does not exist.'],
  );
  const byType = (await identities(emulator, token, { identity_type: 'CUSTOMIZED_USER' }))
    .data as IdentityPage;
  assert.equal(byType.identity_list.length, 1, 'nothing was created by a refused call');
  const bcAuth = await identities(emulator, token, { identity_type: 'BC_AUTH_TT' });
  assert.deepEqual([bcAuth.code, bcAuth.message.split(':')[0]], [40002, 'identity_authorized_bc_id']);
});

test('identities: wrong advertiser, missing permission, analysts read but cannot create', async () => {
  const { emulator, token } = await setUp();
  const foreign = await callApi(emulator, 'GET', '/identity/get/', {
    token,
    query: { advertiser_id: ids.cafeLumen },
  });
  assert.deepEqual(
    [foreign.code, foreign.message],
    [40001, `The advertiser ${ids.cafeLumen} doesn't exist or has been deleted.`],
  );
  // Creative Management without TikTok Posts Management (69): neither 693 nor 692.
  const narrow = await setUp([1, 2, 4, 60, 61]);
  const denied = await identities(narrow.emulator, narrow.token);
  assert.deepEqual(
    [denied.code, denied.message],
    [40001, 'advertiser does not grant you /identity/get/:GET permission'],
  );
  const noCreate = await callApi(narrow.emulator, 'POST', '/identity/create/', {
    token: narrow.token,
    body: { advertiser_id: ids.northwindUs, display_name: 'x' },
  });
  assert.equal(noCreate.message, 'advertiser does not grant you /identity/create/:POST permission');
  // Olivia is an analyst of Northwind Outlet (default scenario).
  const olivia = await connect(emulator, ids.olivia);
  const read = await callApi(emulator, 'GET', '/identity/get/', {
    token: olivia.token,
    query: { advertiser_id: ids.northwindOutlet },
  });
  assert.equal(read.code, 0);
  const write = await callApi(emulator, 'POST', '/identity/create/', {
    token: olivia.token,
    body: { advertiser_id: ids.northwindOutlet, display_name: 'Outlet' },
  });
  assert.equal(write.code, 40001);
});
