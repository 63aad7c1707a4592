import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RegionCache } from './region-cache.js';

const list = [{ locationId: '6252001', name: 'United States' }];

/** A clock the test moves. */
function testClock() {
  let now = Date.parse('2026-11-25T12:00:00Z');
  return { now: () => new Date(now), advance: (seconds: number) => (now += seconds * 1000) };
}

describe('RegionCache', () => {
  it('reads an account’s list once while it lives, and again once it has expired', async () => {
    const clock = testClock();
    const cache = new RegionCache({ clock, lifetimeMinutes: 30 });
    let loads = 0;
    const load = async () => ((loads += 1), list);
    await Promise.all([cache.get('1', load), cache.get('1', load), cache.get('1', load)]);
    assert.equal(loads, 1, 'a burst of searches shares one read');
    assert.deepEqual(await cache.peek('1'), list);
    clock.advance(31 * 60);
    assert.equal(await cache.peek('1'), undefined);
    await cache.get('1', load);
    assert.equal(loads, 2);
  });

  it('keeps no failed read, and no more accounts than it may', async () => {
    const cache = new RegionCache({ clock: testClock(), maximumAccounts: 2 });
    await assert.rejects(cache.get('1', async () => Promise.reject(new Error('TikTok is down'))));
    assert.equal(await cache.peek('1'), undefined);
    for (const account of ['1', '2', '3']) await cache.get(account, async () => list);
    assert.equal(await cache.peek('1'), undefined, 'the oldest went first');
    assert.deepEqual(await cache.peek('3'), list);
  });
});
