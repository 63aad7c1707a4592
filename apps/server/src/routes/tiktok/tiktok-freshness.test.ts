import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ErrorResponse, TikTokConnectionsResponse } from '@whathead/contracts';
import { connectionsPath, listConnections, signUpWorkspace } from '../../testing/tiktok-flow.js';
import { connect, scenario, startTikTokTestKit, type TikTokTestKit } from '../../testing/tiktok-test-kit.js';

// Issue 9: a page never shows a stale state, and a throttled TikTok gives a time, not a shrug.

async function until<Value>(read: () => Promise<Value>, done: (value: Value) => boolean): Promise<Value> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('TikTok connection freshness', () => {
  let kit: TikTokTestKit;
  before(async () => {
    kit = await startTikTokTestKit();
  });
  after(async () => kit?.close());

  it('checks a connection in the background when a page loads and its last check is over 15 minutes old', async () => {
    const { browser, workspaceId } = await signUpWorkspace(kit.test, 'stale@example.com');
    const connectionId = await connect(kit, browser, workspaceId, scenario.northwind);
    const fresh = await listConnections(browser, workspaceId);
    assert.equal(fresh.connections[0]?.checking, false, 'a connection checked at connect is fresh');
    // TikTok forgot the token (an emulator restart, a revocation at TikTok): only a check can tell.
    const [token] = kit.emulator.control.tokens().filter((candidate) => candidate.state === 'active');
    kit.emulator.control.revokeToken(token!.access_token);
    kit.test.clock.advance(16 * 60);
    const loaded = await listConnections(browser, workspaceId);
    assert.equal(loaded.connections[0]?.checking, true);
    assert.equal(loaded.connections[0]?.status, 'connected');
    const settled = await until(
      () => listConnections(browser, workspaceId),
      (listed) => listed.connections[0]?.checking === false,
    );
    const connection = settled.connections.find((candidate) => candidate.id === connectionId)!;
    assert.equal(connection.checking, false);
    assert.equal(connection.status, 'needs_attention');
    assert.equal(connection.attention?.cause, 'token_revoked');
    // Loads within the next 15 minutes ask for nothing more, though the warning stays the same.
    const checks = kit.emulator.control.calls({ path: '/oauth2/advertiser/get/' }).length;
    for (let load = 0; load < 3; load += 1) {
      kit.test.clock.advance(121);
      const again = await listConnections(browser, workspaceId);
      assert.equal(again.connections[0]?.checking, false);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.equal(kit.emulator.control.calls({ path: '/oauth2/advertiser/get/' }).length, checks);
  });

  it('answers Check connection clicked again within 30 seconds without calling TikTok', async () => {
    const { browser, workspaceId } = await signUpWorkspace(kit.test, 'clicks@example.com');
    const connectionId = await connect(kit, browser, workspaceId, scenario.northwind);
    const checkPath = `${connectionsPath(workspaceId)}/${connectionId}/check`;
    kit.test.clock.advance(31);
    const calls = () => kit.emulator.control.calls({ path: '/oauth2/advertiser/get/' }).length;
    const before = calls();
    const first = await browser.post<{ changes: string[] }>(checkPath, {});
    assert.equal(first.status, 200);
    assert.equal(calls(), before + 1);
    for (let click = 0; click < 5; click += 1) {
      const again = await browser.post<{ changes: string[] }>(checkPath, {});
      assert.equal(again.status, 200);
      assert.deepEqual(again.body.changes, []);
    }
    assert.equal(calls(), before + 1, 'one TikTok check for six clicks');
  });

  it('after a per-minute 40100, pauses five minutes and says when it will try again', async () => {
    const { browser, workspaceId } = await signUpWorkspace(kit.test, 'busy@example.com');
    const connectionId = await connect(kit, browser, workspaceId, scenario.northwind);
    kit.emulator.control.updateSettings({ appRateLimit: { perSecond: 100, perMinute: 1, perDay: 100_000 } });
    try {
      const checkPath = `${connectionsPath(workspaceId)}/${connectionId}/check`;
      kit.test.clock.advance(31);
      const started = Date.now();
      const refused = await browser.post<ErrorResponse>(checkPath, {});
      assert.equal(refused.status, 503);
      assert.equal(refused.body.error.code, 'tiktok_rate_limited');
      const retryAt = Date.parse(refused.body.error.details?.retryAt ?? '');
      assert.ok(
        retryAt >= started + 4.9 * 60_000 && retryAt <= Date.now() + 5.1 * 60_000,
        `retry at ${new Date(retryAt).toISOString()}, five minutes on (reference correction 18)`,
      );
      const callsBefore = kit.emulator.control.calls().length;
      const again = await browser.post<ErrorResponse>(checkPath, {});
      assert.equal(again.body.error.code, 'tiktok_rate_limited');
      assert.equal(kit.emulator.control.calls().length, callsBefore, 'nothing is sent during the pause');
      const listed = (await browser.get<TikTokConnectionsResponse>(connectionsPath(workspaceId))).body;
      assert.equal(listed.connections[0]?.lastCheckResult, 'tiktok_unavailable');
      assert.equal(
        listed.connections[0]?.status,
        'connected',
        'TikTok being busy is not the connection failing',
      );
    } finally {
      kit.emulator.control.updateSettings({
        appRateLimit: { perSecond: 10, perMinute: 600, perDay: 864_000 },
      });
    }
  });
});
