import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Emulator } from '../create-emulator.js';
import { callApi, connect, createTestEmulator, ids } from '../test-support.js';

interface PixelRow {
  pixel_id: string;
  pixel_code: string;
  pixel_name: string;
  create_time: number;
  events: { event_type: string; optimization_event: string | null; deprecated: boolean }[];
}
interface PixelPage {
  pixels: PixelRow[];
  page_info: { page: number; page_size: number; total_number: number; total_page: number };
}

/** Pixel Management (8) is not among Whathead's requested groups: these tokens are given it. */
const withPixels = [1, 2, 4, 6, 8];

async function setUp(scope: number[] = withPixels) {
  const emulator = createTestEmulator();
  const { token } = await connect(emulator, ids.alex, undefined, scope);
  return { emulator, token };
}

const pixels = (emulator: Emulator, token: string, query: Record<string, unknown> = {}) =>
  callApi(emulator, 'GET', '/pixel/list/', { token, query: { advertiser_id: ids.northwindUs, ...query } });

test('/pixel/list/ answers the account pixels with their optimisable events, earliest first', async () => {
  const { emulator, token } = await setUp();
  const answer = await pixels(emulator, token);
  assert.equal(answer.code, 0, answer.message);
  const page = answer.data as PixelPage;
  assert.deepEqual(
    page.pixels.map((pixel) => pixel.pixel_name),
    ['Northwind US Website', 'Northwind US Lead forms'],
  );
  assert.deepEqual(page.page_info, { page: 1, page_size: 10, total_number: 2, total_page: 1 });
  const [website, leads] = page.pixels;
  assert.match(website?.pixel_id ?? '', /^\d{19}$/);
  assert.match(website?.pixel_code ?? '', /^C[0-9A-Z]{19}$/);
  assert.equal(typeof website?.create_time, 'number');
  assert.ok((website?.create_time ?? 0) < (leads?.create_time ?? 0));
  const optimisable = (pixel: PixelRow | undefined) =>
    pixel?.events
      .filter((event) => event.optimization_event !== null)
      .map((event) => event.optimization_event);
  assert.ok(optimisable(website)?.includes('SHOPPING'));
  assert.ok(optimisable(website)?.includes('ON_WEB_ORDER'));
  assert.deepEqual(optimisable(leads), ['FORM', 'ON_WEB_REGISTER', 'CONSULT']);
  assert.equal(website?.events.find((event) => event.event_type === 'PAGE_VIEW')?.optimization_event, null);

  const latest = (await pixels(emulator, token, { order_by: 'LATEST_CREATE' })).data as PixelPage;
  assert.deepEqual(
    latest.pixels.map((pixel) => pixel.pixel_id),
    [leads?.pixel_id, website?.pixel_id],
  );
  const byName = (await pixels(emulator, token, { name: 'lead' })).data as PixelPage;
  assert.deepEqual(
    byName.pixels.map((pixel) => pixel.pixel_id),
    [leads?.pixel_id],
  );
  const byCode = (await pixels(emulator, token, { code: website?.pixel_code })).data as PixelPage;
  assert.deepEqual(
    byCode.pixels.map((pixel) => pixel.pixel_id),
    [website?.pixel_id],
  );
  const byId = (await pixels(emulator, token, { pixel_id: leads?.pixel_id })).data as PixelPage;
  assert.deepEqual(
    byId.pixels.map((pixel) => pixel.pixel_name),
    ['Northwind US Lead forms'],
  );
  const paged = (await pixels(emulator, token, { page: 2, page_size: 1 })).data as PixelPage;
  assert.deepEqual(
    paged.pixels.map((pixel) => pixel.pixel_id),
    [leads?.pixel_id],
  );
  const catalog = await pixels(emulator, token, { filtering: { available_for_catalog_only: true } });
  assert.equal((catalog.data as PixelPage).pixels.length, 2);
});

test('/pixel/list/ validates as documented: page_size ≤ 20, order_by, ids', async () => {
  const { emulator, token } = await setUp();
  const tooBig = await pixels(emulator, token, { page_size: 21 });
  assert.deepEqual(
    [tooBig.code, tooBig.message],
    [40002, 'page_size: Must be greater than or equal to 1 and less than or equal to 20.'],
  );
  assert.equal((await pixels(emulator, token, { order_by: 'NEWEST' })).code, 40002);
  assert.equal((await pixels(emulator, token, { pixel_id: 'abc' })).code, 40002);
});

test('/pixel/list/: an account without pixels, a foreign account, a token without Pixel Management', async () => {
  const { emulator, token } = await setUp();
  // Verde Gym is seeded with none (default scenario).
  const none = await callApi(emulator, 'GET', '/pixel/list/', {
    token,
    query: { advertiser_id: ids.verdeGym },
  });
  assert.deepEqual((none.data as PixelPage).pixels, []);
  const foreign = await pixels(emulator, token, { advertiser_id: ids.harborFlagship });
  assert.equal(foreign.code, 40001);
  const whathead = await setUp([1, 2, 4, 6]);
  const denied = await pixels(whathead.emulator, whathead.token);
  assert.deepEqual(
    [denied.code, denied.message],
    [40001, 'advertiser does not grant you /pixel/list/:GET permission'],
  );
  const readOnly = await setUp([800]);
  assert.equal((await pixels(readOnly.emulator, readOnly.token)).code, 0);
});
