import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { TikTokConnectionsResponse } from '@whathead/contracts';
import { sql } from '@whathead/db';
import type { TestBrowser } from '../../testing/test-app.js';
import { callbackUrl, listConnections, signUpWorkspace, startConnect } from '../../testing/tiktok-flow.js';
import { connect, scenario, startTikTokTestKit, type TikTokTestKit } from '../../testing/tiktok-test-kit.js';

const { northwind, bluebird, alex } = scenario;

/** Delivers TikTok's redirect and answers where the browser was sent. */
async function callback(kit: TikTokTestKit, browser: TestBrowser, workspaceId: string, bcId: string) {
  const { state } = await startConnect(browser, workspaceId);
  const authCode = kit.emulator.control.issueAuthorizationCode({ email: alex, bcId });
  return String((await browser.get(callbackUrl(state, authCode))).headers.location);
}

const tokenStates = (kit: TikTokTestKit) =>
  new Map(kit.emulator.control.tokens().map((token) => [token.access_token, token.state]));

/** Any write of ad accounts now fails inside the database, after TikTok has issued a token. */
async function breakAccountWrites(kit: TikTokTestKit) {
  await sql`alter table tiktok_ad_accounts add constraint refuse_new_accounts check (false) not valid`.execute(
    kit.test.database.db,
  );
  return () =>
    sql`alter table tiktok_ad_accounts drop constraint refuse_new_accounts`.execute(kit.test.database.db);
}

describe('a TikTok connect that cannot be completed', () => {
  const kits: TikTokTestKit[] = [];
  after(async () => Promise.all(kits.map((kit) => kit.close())));
  const start = async (tokenIssuance: 'per_grant' | 'per_user') => {
    const kit = await startTikTokTestKit({ emulator: { settings: { tokenIssuance } } });
    kits.push(kit);
    return kit;
  };

  it('connects names holding NUL and control characters, stored as one clean line', async () => {
    const kit = await start('per_grant');
    const store = kit.emulator.state.store;
    store.businessCenters.get(northwind)!.name = 'North\u0000wind\nRetail\u0007';
    store.advertisers.get('7200000000000000011')!.name = 'Northwind\u0000 US\t(main)';
    const { browser, workspaceId } = await signUpWorkspace(kit.test, 'nul-names@example.com');
    await connect(kit, browser, workspaceId, northwind);
    const [connection] = (await listConnections(browser, workspaceId)).connections;
    assert.equal(connection!.businessCenterName, 'Northwind Retail');
    assert.equal(
      connection!.accounts.find((account) => account.advertiserId === '7200000000000000011')!.name,
      'Northwind US (main)',
    );
  });

  for (const tokenIssuance of ['per_grant', 'per_user'] as const) {
    it(`gives the new token back to TikTok, and stores nothing (tokens ${tokenIssuance})`, async () => {
      const kit = await start(tokenIssuance);
      const { browser, workspaceId } = await signUpWorkspace(
        kit.test,
        `cleanup-${tokenIssuance}@example.com`,
      );
      const repair = await breakAccountWrites(kit);
      try {
        assert.equal(
          await callback(kit, browser, workspaceId, northwind),
          '/integrations/tiktok/done?tiktok_error=failed',
        );
      } finally {
        await repair();
      }
      const issued = kit.emulator.control.tokens();
      assert.equal(issued.length, 1, 'TikTok issued one token');
      assert.equal(issued[0]!.state, 'revoked', 'and Whathead revoked it');
      assert.equal((await listConnections(browser, workspaceId)).connections.length, 0);
    });
  }

  it('keeps a token that an existing connection holds, when TikTok answered the same one again', async () => {
    const kit = await start('per_user');
    const { browser, workspaceId } = await signUpWorkspace(kit.test, 'shared-token@example.com');
    await connect(kit, browser, workspaceId, northwind);
    const repair = await breakAccountWrites(kit);
    try {
      assert.match(await callback(kit, browser, workspaceId, bluebird), /tiktok_error=failed/);
    } finally {
      await repair();
    }
    assert.deepEqual([...tokenStates(kit).values()], ['active'], 'one token, still active');
    const [northwindConnection] = (await listConnections(browser, workspaceId)).connections;
    const checked = await browser.post<TikTokConnectionsResponse>(
      `/api/workspaces/${workspaceId}/tiktok/connections/${northwindConnection!.id}/check`,
    );
    assert.equal(checked.status, 200);
    assert.equal(checked.body.connections[0]!.status, 'connected', 'Northwind still works');
  });

  for (const tokenIssuance of ['per_grant', 'per_user'] as const) {
    it(`disconnecting one workspace leaves another on the same TikTok user working (tokens ${tokenIssuance})`, async () => {
      const kit = await start(tokenIssuance);
      const first = await signUpWorkspace(kit.test, `first-${tokenIssuance}@example.com`);
      const second = await signUpWorkspace(kit.test, `second-${tokenIssuance}@example.com`);
      const firstConnection = await connect(kit, first.browser, first.workspaceId, northwind);
      const secondConnection = await connect(kit, second.browser, second.workspaceId, northwind);
      const disconnected = await first.browser.delete(
        `/api/workspaces/${first.workspaceId}/tiktok/connections/${firstConnection}`,
      );
      assert.equal(disconnected.status, 204);
      const checked = await second.browser.post<TikTokConnectionsResponse>(
        `/api/workspaces/${second.workspaceId}/tiktok/connections/${secondConnection}/check`,
      );
      assert.equal(checked.body.connections[0]!.status, 'connected');
      const states = [...tokenStates(kit).values()];
      assert.deepEqual(
        states.sort(),
        tokenIssuance === 'per_grant' ? ['active', 'revoked'] : ['active'],
        'only the first workspace’s own token is revoked',
      );
    });
  }

  for (const tokenIssuance of ['per_grant', 'per_user'] as const) {
    it(`a reconnect gives the token it replaces back to TikTok (tokens ${tokenIssuance})`, async () => {
      const kit = await start(tokenIssuance);
      const { browser, workspaceId } = await signUpWorkspace(
        kit.test,
        `replaced-${tokenIssuance}@example.com`,
      );
      const connectionId = await connect(kit, browser, workspaceId, northwind);
      await connect(kit, browser, workspaceId, northwind, { reconnectConnectionId: connectionId });
      assert.deepEqual(
        [...tokenStates(kit).values()].sort(),
        tokenIssuance === 'per_grant' ? ['active', 'revoked'] : ['active'],
        'only the token in use stays live at TikTok',
      );
      const checked = await browser.post<TikTokConnectionsResponse>(
        `/api/workspaces/${workspaceId}/tiktok/connections/${connectionId}/check`,
      );
      assert.equal(checked.body.connections[0]!.status, 'connected', 'and the connection works on it');
    });
  }
});
