import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Lane } from '../rate-limit/lanes.js';
import type { PacedBucket, RateLimitStore, ReserveRequest } from '../rate-limit/rate-limit-store.js';

/**
 * What every rate-limit store must do, run against the in-memory store (client tests) and the
 * server's PostgreSQL store. `open` gives a store over empty tables. Times are explicit, so no
 * test waits.
 */
export function rateLimitStoreContract(open: () => Promise<RateLimitStore>): void {
  const noon = Date.UTC(2026, 11, 1, 12, 0, 0);
  const app: PacedBucket = { key: 'app', intervalMilliseconds: 100, perDay: 1_000_000, shared: true };
  const request = (overrides: Partial<ReserveRequest> = {}): ReserveRequest => ({
    buckets: [app],
    now: noon,
    latest: noon + 300,
    lane: 'sync',
    tenant: '',
    ...overrides,
  });
  const slots = async (store: RateLimitStore, count: number, overrides: Partial<ReserveRequest> = {}) => {
    const found: (number | string)[] = [];
    for (let index = 0; index < count; index += 1) {
      const reservation = await store.reserve(request(overrides));
      found.push(reservation.granted ? reservation.at : reservation.reason);
    }
    return found;
  };

  it('books slots one interval apart, up to the latest the caller accepts', async () => {
    const store = await open();
    assert.deepEqual(await slots(store, 5), [noon, noon + 100, noon + 200, noon + 300, 'paced']);
    // A refusal books nothing: the same slot is still free for a caller who accepts it.
    const later = await store.reserve(request({ latest: noon + 1_000 }));
    assert.deepEqual(later, { granted: true, at: noon + 400 });
  });

  it('books a call in all its buckets or in none', async () => {
    const store = await open();
    const endpoint: PacedBucket = { key: 'endpoint:/ad/create/', intervalMilliseconds: 400, perDay: 100 };
    await store.reserve(request({ buckets: [app, endpoint] }));
    const refused = await store.reserve(request({ buckets: [app, endpoint] }));
    assert.deepEqual(refused, { granted: false, retryAt: noon + 400, reason: 'paced', key: endpoint.key });
    // The app bucket was not spent by the refused call.
    assert.deepEqual(await store.reserve(request()), { granted: true, at: noon + 100 });
  });

  it('does not let a narrow budget book the app’s slots far ahead and leave those between unused', async () => {
    const store = await open();
    const adCreate: PacedBucket = { key: 'endpoint:/ad/create/', intervalMilliseconds: 400, perDay: 100 };
    const create = (now: number) =>
      store.reserve(request({ buckets: [app, adCreate], now, latest: now + 2_000, lane: 'interactive' }));
    assert.deepEqual(await create(noon), { granted: true, at: noon });
    // The next ad can go at noon + 400; booking it now would skip the app's slots at 100–300.
    // The app is booked 99 ms ahead: the ad asks again when, at that lead, the app reaches 400.
    assert.deepEqual(await create(noon + 1), {
      granted: false,
      retryAt: noon + 301,
      reason: 'ahead',
      key: adCreate.key,
      slot: noon + 400,
    });
    // Those slots stay for calls that can use them, and the ad books its own in time.
    assert.deepEqual(await slots(store, 3, { now: noon + 1 }), [noon + 100, noon + 200, noon + 300]);
    assert.deepEqual(await create(noon + 301), { granted: true, at: noon + 400 });
    // Nor one slot: the app books one after another, so a slot skipped is lost.
    assert.deepEqual(await create(noon + 302), {
      granted: false,
      retryAt: noon + 800 - 198,
      reason: 'ahead',
      key: adCreate.key,
      slot: noon + 800,
    });
  });

  it('spaces by the per-second limit and refuses only when a minute holds the per-minute count', async () => {
    const store = await open();
    // Five a second, three a minute: three calls 200 ms apart, the fourth a minute after the first.
    const endpoint: PacedBucket = {
      key: 'endpoint:/report/task/create/',
      intervalMilliseconds: 200,
      perMinute: 3,
      perDay: 100,
    };
    const at = (now: number) => request({ buckets: [endpoint], now, latest: now + 1_000 });
    const granted = [];
    for (const now of [noon, noon + 1, noon + 2]) granted.push(await store.reserve(at(now)));
    assert.deepEqual(
      granted.map((each) => (each.granted ? each.at - noon : each.reason)),
      [0, 200, 400],
    );
    assert.deepEqual(await store.reserve(at(noon + 600)), {
      granted: false,
      retryAt: noon + 60_000,
      reason: 'paced',
      key: endpoint.key,
    });
    // The minute slides: the fourth goes a minute after the first, the fifth after the second.
    assert.deepEqual(await store.reserve(at(noon + 60_000)), { granted: true, at: noon + 60_000 });
    assert.deepEqual(await store.reserve(at(noon + 60_000)), { granted: true, at: noon + 60_200 });
    // The sixth, a minute after the third.
    assert.deepEqual(await store.reserve(at(noon + 60_000)), { granted: true, at: noon + 60_400 });
    assert.deepEqual(await store.reserve(at(noon + 60_000)), {
      granted: false,
      retryAt: noon + 120_000,
      reason: 'paced',
      key: endpoint.key,
    });
  });

  it('books a call behind the app’s queue though its own endpoint budget sits idle until then', async () => {
    const store = await open();
    const adCreate: PacedBucket = { key: 'endpoint:/ad/create/', intervalMilliseconds: 200, perDay: 100 };
    // Other calls booked the app half a second ahead; the ad's own budget is free now.
    assert.deepEqual(await slots(store, 5, { latest: noon + 1_000 }), [
      noon,
      noon + 100,
      noon + 200,
      noon + 300,
      noon + 400,
    ]);
    assert.deepEqual(await store.reserve(request({ buckets: [app, adCreate], latest: noon + 1_000 })), {
      granted: true,
      at: noon + 500,
    });
  });

  it('books only its own budgets for a call handed another’s slot, and counts it once', async () => {
    const store = await open();
    const adCreate: PacedBucket = { key: 'endpoint:/ad/create/', intervalMilliseconds: 200, perDay: 100 };
    // An ad group booked the app at noon + 300 and gave it to an ad, then booked again.
    const handed = await store.reserve(
      request({ buckets: [adCreate], now: noon + 300, latest: noon + 300, lane: 'publish', handOff: true }),
    );
    assert.deepEqual(handed, { granted: true, at: noon + 300 });
    assert.deepEqual(await store.reserve(request({ buckets: [adCreate], latest: noon + 1_000 })), {
      granted: true,
      at: noon + 500,
    });
    assert.deepEqual(
      (await store.usage(noon, undefined)).map((usage) => usage.calls),
      [0, 0, 1],
      'the handed call is not counted again; the other booking is',
    );
  });

  it('spends a day budget per UTC day and opens the next one at 00:00 UTC', async () => {
    const store = await open();
    const lateEvening = Date.UTC(2026, 11, 1, 23, 59, 59, 500);
    const daily: PacedBucket = { key: 'endpoint:/report/task/create/', intervalMilliseconds: 0, perDay: 2 };
    const at = (now: number) => request({ buckets: [daily], now, latest: now + 300 });
    assert.equal((await store.reserve(at(lateEvening))).granted, true);
    assert.equal((await store.reserve(at(lateEvening + 1))).granted, true);
    const midnight = Date.UTC(2026, 11, 2);
    assert.deepEqual(await store.reserve(at(lateEvening + 2)), {
      granted: false,
      retryAt: midnight,
      reason: 'day',
      key: daily.key,
    });
    assert.deepEqual(await store.reserve(at(midnight)), { granted: true, at: midnight });
  });

  it('holds a pause on the paused key only (a 40133 pauses one advertiser and path)', async () => {
    const store = await open();
    const advertiser = (id: string): PacedBucket => ({
      key: `advertiser:${id}:/campaign/get/`,
      intervalMilliseconds: 0,
      perDay: Number.POSITIVE_INFINITY,
    });
    await store.pause(advertiser('1').key, noon + 1_000);
    assert.deepEqual(await store.reserve(request({ buckets: [app, advertiser('1')] })), {
      granted: false,
      retryAt: noon + 1_000,
      reason: 'paused',
      key: advertiser('1').key,
    });
    assert.deepEqual(await store.reserve(request({ buckets: [app, advertiser('2')] })), {
      granted: true,
      at: noon,
    });
    // A shorter pause never cuts a longer one short.
    await store.pause('app', noon + 60_000);
    await store.pause('app', noon + 1_000);
    assert.deepEqual(
      await store.pauses(noon),
      [
        { key: advertiser('1').key, until: noon + 1_000 },
        { key: 'app', until: noon + 60_000 },
      ].sort((left, right) => left.key.localeCompare(right.key)),
    );
    const refused = await store.reserve(request({ latest: noon + 120_000 }));
    assert.deepEqual(refused, { granted: true, at: noon + 60_000 });
  });

  it('keeps a tenant within one call of the least-served tenant waiting in its lane', async () => {
    const store = await open();
    const as = (tenant: string, now: number) =>
      store.reserve(request({ tenant, now, latest: now + 10_000, fairShareSlack: 1 }));
    // Tenant b joins level with a (no credit for calls it never asked for); from then on a may
    // run only one call ahead of it.
    assert.equal((await as('a', noon)).granted, true);
    assert.equal((await as('b', noon)).granted, true);
    assert.equal((await as('a', noon + 1)).granted, true);
    assert.equal((await as('a', noon + 2)).granted, true);
    const over = await as('a', noon + 3);
    assert.equal(over.granted ? 'granted' : over.reason, 'fair-share');
    assert.equal((await as('b', noon + 4)).granted, true);
    assert.equal((await as('a', noon + 5)).granted, true);
    // Once b has nothing left waiting, a has the lane to itself.
    await store.leave('sync', 'b');
    assert.deepEqual(
      (await Promise.all([as('a', noon + 6), as('a', noon + 7)])).map((result) => result.granted),
      [true, true],
    );
  });

  it('counts tenants waiting in another process as waiting, though they asked for nothing yet', async () => {
    const store = await open();
    const as = (tenant: string, now: number, waiting?: string[]) =>
      store.reserve(request({ tenant, now, latest: now + 10_000, fairShareSlack: 1, waiting }));
    // One process books for tenant a and says b and c wait there too; another process has d.
    assert.equal((await as('a', noon, ['b', 'c'])).granted, true);
    assert.equal((await as('d', noon + 1)).granted, true);
    // d is now a call ahead of b and c, which have not had one: it waits for them.
    const over = await as('d', noon + 2);
    assert.equal(over.granted ? 'granted' : over.reason, 'fair-share');
  });

  it('counts today’s calls by lane, app-wide and per tenant', async () => {
    const store = await open();
    const book = (lane: Lane, tenant: string) =>
      store.reserve(request({ lane, tenant, latest: noon + 10_000 }));
    await book('interactive', 'w1');
    await book('sync', 'w1');
    await book('sync', 'w2');
    assert.deepEqual(await store.usage(noon, 'w1'), [
      { lane: 'interactive', calls: 1, tenantCalls: 1 },
      { lane: 'publish', calls: 0, tenantCalls: 0 },
      { lane: 'sync', calls: 2, tenantCalls: 1 },
    ]);
    assert.deepEqual(
      (await store.usage(Date.UTC(2026, 11, 2), 'w1')).map((usage) => usage.calls),
      [0, 0, 0],
    );
  });
}
