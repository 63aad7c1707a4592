import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  outsideBusinessCenterName,
  type ErrorResponse,
  type TikTokAuditResponse,
  type TikTokPendingGrant,
  type TikTokPendingGrantsResponse,
} from '@whathead/contracts';
import { emulatorApp, type ScenarioDefinition } from '@whathead/tiktok-emulator';
import {
  callbackUrl,
  connectGrantGroup,
  connectionsPath,
  deliverCallbackLanding,
  grantsPath,
  listConnections,
  signUpWorkspace,
  startConnect,
} from '../../testing/tiktok-flow.js';
import { logInAsNewBrowser } from '../../testing/test-app.js';
import { connect, scenario, startTikTokTestKit, type TikTokTestKit } from '../../testing/tiktok-test-kit.js';

// Issue 9: TikTok grants a set of ad accounts that may span several Business Centers, include
// accounts outside any, or be empty (reference corrections 14–17). Default scenario users:
// alex (Northwind + Bluebird admin), wendy (Bluebird analyst), hugo (Harbor, no accounts), ivan
// (individually owned accounts).
const northwindUs = '7200000000000000011';
const northwindCanada = '7200000000000000013';
const ivan = 'ivan.individual@example.com';
const wendy = 'wendy.analyst@example.com';
const hugo = 'hugo.harbor@example.com';

/** Signs in at the emulator (by its control API) and delivers the callback; answers the landing. */
async function signIn(
  kit: TikTokTestKit,
  browser: Parameters<typeof startConnect>[0],
  workspaceId: string,
  grant: { email: string; bcId?: string; advertiserIds?: string[]; reconnectConnectionId?: string },
) {
  const { state } = await startConnect(browser, workspaceId, grant.reconnectConnectionId);
  const authCode = kit.emulator.control.issueAuthorizationCode({
    email: grant.email,
    ...(grant.bcId ? { bcId: grant.bcId } : {}),
    ...(grant.advertiserIds ? { advertiserIds: grant.advertiserIds } : {}),
  });
  return deliverCallbackLanding(browser, state, authCode);
}

describe('TikTok grants of any shape', () => {
  let kit: TikTokTestKit;
  before(async () => {
    kit = await startTikTokTestKit();
  });
  after(async () => kit?.close());

  it('holds a grant spanning two Business Centers and connects each on request, without a new sign-in', async () => {
    const { browser, workspaceId } = await signUpWorkspace(kit.test, 'span@example.com');
    const landing = await signIn(kit, browser, workspaceId, { email: scenario.alex });
    assert.ok('grantId' in landing, `expected a grant, got ${JSON.stringify(landing)}`);
    const exchanges = kit.emulator.control.calls({ path: '/oauth2/access_token/' }).length;
    const grant = (await browser.get<TikTokPendingGrant>(`${grantsPath(workspaceId)}/${landing.grantId}`))
      .body;
    assert.deepEqual(
      grant.groups.map((group) => [group.name, group.grantedAccountCount, group.connectionId]).sort(),
      [
        ['Bluebird Agency', 2, null],
        ['Northwind Retail', 4, null],
      ],
    );
    const first = await connectGrantGroup(browser, workspaceId, landing.grantId, scenario.northwind);
    assert.equal(first.status, 200);
    const pending = (await browser.get<TikTokPendingGrantsResponse>(grantsPath(workspaceId))).body;
    assert.equal(pending.grants.length, 1, 'the grant stays usable for the other Business Center');
    const second = await connectGrantGroup(browser, workspaceId, landing.grantId, scenario.bluebird);
    assert.equal(second.status, 200);
    assert.ok(second.body.grant.groups.every((group) => group.connectionId !== null));
    const listed = await listConnections(browser, workspaceId);
    assert.deepEqual(listed.connections.map((connection) => connection.businessCenterName).sort(), [
      'Bluebird Agency',
      'Northwind Retail',
    ]);
    assert.equal(
      kit.emulator.control.calls({ path: '/oauth2/access_token/' }).length,
      exchanges,
      'no second TikTok sign-in',
    );
    assert.equal(
      (await browser.get<TikTokPendingGrantsResponse>(grantsPath(workspaceId))).body.grants.length,
      0,
    );
    const used = await connectGrantGroup(browser, workspaceId, landing.grantId, scenario.bluebird);
    assert.equal(used.status, 404, 'a grant whose groups are all connected is gone');
    const audit = (await browser.get<TikTokAuditResponse>(`/api/workspaces/${workspaceId}/tiktok/audit`))
      .body;
    assert.ok(
      audit.events.some((event) => event.action === 'grant_held'),
      'the held sign-in is in the log',
    );
    // One default per workspace: choosing one in Bluebird replaces Northwind's, and says so.
    const northwindId = first.body.connectionId;
    await browser.put(`${connectionsPath(workspaceId)}/${northwindId}/accounts`, {
      selectedAdvertiserIds: [northwindUs],
      defaultAdvertiserId: northwindUs,
    });
    await browser.put(`${connectionsPath(workspaceId)}/${second.body.connectionId}/accounts`, {
      selectedAdvertiserIds: ['7200000000000000021'],
      defaultAdvertiserId: '7200000000000000021',
    });
    const after = (await browser.get<TikTokAuditResponse>(`/api/workspaces/${workspaceId}/tiktok/audit`))
      .body;
    assert.equal(after.events[0]?.summary, 'Made Café Lumen the default account (replacing Northwind US).');
  });

  it('keeps a held grant to the session that signed in, and for ten minutes only', async () => {
    const { browser, workspaceId } = await signUpWorkspace(kit.test, 'bound@example.com');
    const landing = await signIn(kit, browser, workspaceId, { email: scenario.alex });
    assert.ok('grantId' in landing);
    const { browser: otherSession } = await logInAsNewBrowser(kit.test, 'bound@example.com');
    const stolen = await connectGrantGroup(otherSession, workspaceId, landing.grantId, scenario.northwind);
    assert.equal(stolen.status, 404);
    assert.equal((stolen.body as unknown as ErrorResponse).error.code, 'tiktok_grant_expired');
    const unknownGroup = await connectGrantGroup(
      browser,
      workspaceId,
      landing.grantId,
      '7100000000000000999',
    );
    assert.equal(unknownGroup.status, 400);
    kit.test.clock.advance(10 * 60 + 1);
    const late = await connectGrantGroup(browser, workspaceId, landing.grantId, scenario.northwind);
    assert.equal(late.status, 404);
    assert.equal((await listConnections(browser, workspaceId)).connections.length, 0);
  });

  it('connects individually owned ad accounts as "Ad accounts outside a Business Center"', async () => {
    const { browser, workspaceId } = await signUpWorkspace(kit.test, 'owner@example.com');
    const landing = await signIn(kit, browser, workspaceId, { email: ivan });
    assert.ok('connectionId' in landing, JSON.stringify(landing));
    const [connection] = (await listConnections(browser, workspaceId)).connections;
    assert.equal(connection?.kind, 'outside_business_center');
    assert.equal(connection?.businessCenterName, outsideBusinessCenterName);
    assert.equal(connection?.status, 'connected');
    assert.deepEqual(connection?.accounts.map((account) => account.advertiserId).sort(), [
      '7200000000000000041',
      '7200000000000000042',
    ]);
    // A second sign-in of the same accounts finds the same connection.
    const again = await signIn(kit, browser, workspaceId, { email: ivan });
    assert.deepEqual(again, { connectionId: connection?.id });
  });

  it('never empties a connection: a Business Center with no reachable accounts gets its own', async () => {
    const { browser, workspaceId } = await signUpWorkspace(kit.test, 'keep@example.com');
    const northwind = await connect(kit, browser, workspaceId, scenario.northwind);
    const saved = await browser.put(`${connectionsPath(workspaceId)}/${northwind}/accounts`, {
      selectedAdvertiserIds: [northwindUs, northwindCanada],
      defaultAdvertiserId: northwindUs,
    });
    assert.equal(saved.status, 200);
    const landing = await signIn(kit, browser, workspaceId, { email: hugo });
    assert.ok('connectionId' in landing, JSON.stringify(landing));
    assert.notEqual(landing.connectionId, northwind);
    const listed = await listConnections(browser, workspaceId);
    const kept = listed.connections.find((connection) => connection.id === northwind)!;
    assert.deepEqual(
      kept.accounts
        .filter((account) => account.selected)
        .map((account) => account.advertiserId)
        .sort(),
      [northwindUs, northwindCanada],
    );
    assert.equal(listed.defaultAdvertiserId, northwindUs);
    const harbor = listed.connections.find((connection) => connection.id === landing.connectionId)!;
    assert.equal(harbor.businessCenterName, 'Harbor Holdings');
    assert.equal(harbor.accounts.length, 0);
  });

  it('gives a re-grant of a connected Business Center the new token and keeps selections and default', async () => {
    const { browser, workspaceId } = await signUpWorkspace(kit.test, 'regrant@example.com');
    const northwind = await connect(kit, browser, workspaceId, scenario.northwind);
    await browser.put(`${connectionsPath(workspaceId)}/${northwind}/accounts`, {
      selectedAdvertiserIds: [northwindUs],
      defaultAdvertiserId: northwindUs,
    });
    const before = kit.emulator.control.tokens().filter((token) => token.state === 'active').length;
    // Both Business Centers granted: Northwind is known, Bluebird is the one new group.
    const landing = await signIn(kit, browser, workspaceId, { email: scenario.alex });
    assert.ok('connectionId' in landing, JSON.stringify(landing));
    const listed = await listConnections(browser, workspaceId);
    assert.equal(listed.connections.length, 2);
    const kept = listed.connections.find((connection) => connection.id === northwind)!;
    assert.deepEqual(
      kept.accounts.filter((account) => account.selected).map((account) => account.advertiserId),
      [northwindUs],
    );
    assert.equal(listed.defaultAdvertiserId, northwindUs);
    assert.equal(
      kit.emulator.control.tokens().filter((token) => token.state === 'active').length,
      before,
      'the replaced token was given back, the new one is live',
    );
  });

  it('refuses a reconnect whose grant holds none of the connection’s accounts, changing nothing', async () => {
    const { browser, workspaceId } = await signUpWorkspace(kit.test, 'mismatch@example.com');
    const northwind = await connect(kit, browser, workspaceId, scenario.northwind);
    await browser.put(`${connectionsPath(workspaceId)}/${northwind}/accounts`, {
      selectedAdvertiserIds: [northwindUs],
      defaultAdvertiserId: northwindUs,
    });
    const landing = await signIn(kit, browser, workspaceId, {
      email: scenario.alex,
      bcId: scenario.bluebird,
      reconnectConnectionId: northwind,
    });
    assert.deepEqual(landing, { error: 'reconnect_mismatch' });
    const listed = await listConnections(browser, workspaceId);
    assert.equal(listed.connections.length, 1);
    assert.ok(listed.connections[0]!.accounts.every((account) => account.accessible));
    assert.equal(listed.defaultAdvertiserId, northwindUs);
  });

  it('keeps a held sign-in’s token when a connection made from it is disconnected', async () => {
    const { browser, workspaceId } = await signUpWorkspace(kit.test, 'held-token@example.com');
    const landing = await signIn(kit, browser, workspaceId, { email: scenario.alex });
    assert.ok('grantId' in landing);
    const first = await connectGrantGroup(browser, workspaceId, landing.grantId, scenario.northwind);
    assert.equal(first.status, 200);
    await browser.delete(`${connectionsPath(workspaceId)}/${first.body.connectionId}`);
    const second = await connectGrantGroup(browser, workspaceId, landing.grantId, scenario.bluebird);
    assert.equal(second.status, 200);
    kit.test.clock.advance(31);
    const checked = await browser.post<{ changes: string[] }>(
      `${connectionsPath(workspaceId)}/${second.body.connectionId}/check`,
      {},
    );
    assert.equal(checked.status, 200);
    const [bluebird] = (await listConnections(browser, workspaceId)).connections;
    assert.equal(bluebird?.status, 'connected', 'the token was not revoked under the held grant');
  });

  it('shows a revoked token on every connection made from the sign-in, and one reconnect restores them', async () => {
    const { browser, workspaceId } = await signUpWorkspace(kit.test, 'shared-token@example.com');
    const landing = await signIn(kit, browser, workspaceId, { email: scenario.alex });
    assert.ok('grantId' in landing);
    const northwind = await connectGrantGroup(browser, workspaceId, landing.grantId, scenario.northwind);
    const bluebird = await connectGrantGroup(browser, workspaceId, landing.grantId, scenario.bluebird);
    for (const token of kit.emulator.control.tokens())
      if (token.user_email === scenario.alex && token.state === 'active')
        kit.emulator.control.revokeToken(token.access_token);
    kit.test.clock.advance(31);
    await browser.post(`${connectionsPath(workspaceId)}/${bluebird.body.connectionId}/check`, {});
    const broken = await listConnections(browser, workspaceId);
    assert.deepEqual(
      broken.connections.map((connection) => [connection.businessCenterName, connection.attention?.cause]),
      [
        ['Bluebird Agency', 'token_revoked'],
        ['Northwind Retail', 'token_revoked'],
      ],
    );
    const reconnected = await signIn(kit, browser, workspaceId, {
      email: scenario.alex,
      reconnectConnectionId: bluebird.body.connectionId,
    });
    assert.deepEqual(reconnected, { connectionId: bluebird.body.connectionId });
    const restored = await listConnections(browser, workspaceId);
    assert.ok(
      restored.connections.every((connection) => connection.status === 'connected'),
      JSON.stringify(restored.connections.map((connection) => connection.attention)),
    );
    assert.ok(northwind.body.connectionId);
  });

  it('refuses to connect from a held sign-in whose token TikTok no longer honours', async () => {
    const { browser, workspaceId } = await signUpWorkspace(kit.test, 'held-revoked@example.com');
    const landing = await signIn(kit, browser, workspaceId, { email: scenario.alex });
    assert.ok('grantId' in landing);
    for (const token of kit.emulator.control.tokens().filter((candidate) => candidate.state === 'active'))
      if (token.user_email === scenario.alex) kit.emulator.control.revokeToken(token.access_token);
    const refused = await connectGrantGroup(browser, workspaceId, landing.grantId, scenario.northwind);
    assert.equal(refused.status, 404);
    assert.equal((refused.body as unknown as ErrorResponse).error.code, 'tiktok_grant_expired');
    assert.equal((await listConnections(browser, workspaceId)).connections.length, 0);
  });

  it('shows Permission denied, naming the Business Center and roles, to an Analyst-only user', async () => {
    const { browser, workspaceId } = await signUpWorkspace(kit.test, 'analyst@example.com');
    const landing = await signIn(kit, browser, workspaceId, { email: wendy });
    assert.ok('connectionId' in landing, JSON.stringify(landing));
    const [connection] = (await listConnections(browser, workspaceId)).connections;
    assert.equal(connection?.status, 'needs_attention');
    assert.equal(connection?.attention?.cause, 'permission_denied');
    assert.match(connection!.attention!.message, /Bluebird Agency/);
    assert.match(connection!.attention!.message, /Standard member/);
    assert.match(connection!.attention!.message, /Analyst/);
    assert.match(connection!.attention!.message, /Admin or Operator/);
    assert.ok(connection!.accounts.every((account) => account.readOnly && !account.usable));
    const path = `${connectionsPath(workspaceId)}/${connection!.id}/accounts`;
    const cafe = connection!.accounts[0]!.advertiserId;
    const asDefault = await browser.put(path, { selectedAdvertiserIds: [cafe], defaultAdvertiserId: cafe });
    assert.equal(asDefault.status, 409, 'a view-only account cannot be the default');
    const forReporting = await browser.put(path, {
      selectedAdvertiserIds: [cafe],
      defaultAdvertiserId: null,
    });
    assert.equal(forReporting.status, 200, 'it can still be selected, for reporting');
  });

  for (const staleAuthCodeCode of [40101, 40110] as const) {
    it(`tells the user a stale or reused sign-in expired (TikTok ${staleAuthCodeCode} "Invalid auth_code")`, async () => {
      // The emulator's own pacing is not what this tests: this test's direct redemption must not meet it.
      kit.emulator.control.updateSettings({
        staleAuthCodeCode,
        appRateLimit: { perSecond: 1_000, perMinute: 60_000, perDay: 864_000 },
      });
      const { browser, workspaceId } = await signUpWorkspace(
        kit.test,
        `stale-${staleAuthCodeCode}@example.com`,
      );
      const { state } = await startConnect(browser, workspaceId);
      const authCode = kit.emulator.control.issueAuthorizationCode({
        email: scenario.alex,
        bcId: scenario.northwind,
      });
      // Someone (another tab, a retried redirect) already redeemed the code at TikTok.
      const redeemed = await fetch(`${kit.tiktokBaseUrl}/oauth2/access_token/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ app_id: emulatorApp.appId, secret: emulatorApp.secret, auth_code: authCode }),
      });
      assert.equal(((await redeemed.json()) as { code: number }).code, 0);
      const callback = await browser.get(callbackUrl(state, authCode));
      assert.equal(callback.headers.location, '/integrations/tiktok/done?tiktok_error=authorization_expired');
      const audit = (await browser.get<TikTokAuditResponse>(`/api/workspaces/${workspaceId}/tiktok/audit`))
        .body;
      assert.equal(audit.events[0]?.action, 'connect_failed');
      assert.equal(audit.events[0]?.businessCenterName, null);
      kit.emulator.control.updateSettings({
        staleAuthCodeCode: 40101,
        appRateLimit: { perSecond: 10, perMinute: 600, perDay: 864_000 },
      });
    });
  }

  for (const cancelRedirect of ['oauth_error', 'state_only'] as const) {
    it(`records a cancel at TikTok as cancelled (${cancelRedirect} reading)`, async () => {
      kit.emulator.control.updateSettings({ cancelRedirect });
      const { browser, workspaceId } = await signUpWorkspace(
        kit.test,
        `cancel-${cancelRedirect}@example.com`,
      );
      const { state } = await startConnect(browser, workspaceId);
      const query =
        cancelRedirect === 'oauth_error'
          ? `?error=access_denied&error_description=cancelled&state=${encodeURIComponent(state)}`
          : `?state=${encodeURIComponent(state)}`;
      const callback = await browser.get(`/api/integrations/tiktok/callback${query}`);
      assert.equal(callback.headers.location, '/integrations/tiktok/done?tiktok_error=cancelled');
      const audit = (await browser.get<TikTokAuditResponse>(`/api/workspaces/${workspaceId}/tiktok/audit`))
        .body;
      assert.equal(audit.events[0]?.action, 'connect_cancelled');
      kit.emulator.control.updateSettings({ cancelRedirect: 'oauth_error' });
    });
  }

  for (const reading of ['absent', 'enum', 'boolean'] as const) {
    it(`reads accounts whatever form ad_creation_eligible takes (${reading})`, async () => {
      kit.emulator.control.updateSettings({ advertiserAdCreationEligible: reading });
      const { browser, workspaceId } = await signUpWorkspace(kit.test, `eligible-${reading}@example.com`);
      await connect(kit, browser, workspaceId, scenario.northwind);
      const [connection] = (await listConnections(browser, workspaceId)).connections;
      const usable = Object.fromEntries(
        connection!.accounts.map((account) => [account.name, account.usable]),
      );
      // Eligibility comes from the status (STATUS_LIMIT is "not eligible"), never from the field.
      assert.deepEqual(usable, {
        'Northwind Canada': false,
        'Northwind Legacy': false,
        'Northwind Outlet': false,
        'Northwind US': true,
      });
      assert.match(
        connection!.accounts.find((account) => account.name === 'Northwind Legacy')!.unusableReason!,
        /Not eligible for API access/,
      );
      kit.emulator.control.updateSettings({ advertiserAdCreationEligible: 'absent' });
    });
  }
});

/** Three Business Centers, 120 ad accounts: 60 in the first, so its asset list takes two pages. */
const agencyScenario = (): ScenarioDefinition => {
  const centers = [
    { bc: '7100000000000000701', name: 'Atlas North', accounts: 60 },
    { bc: '7100000000000000702', name: 'Atlas South', accounts: 40 },
    { bc: '7100000000000000703', name: 'Atlas West', accounts: 20 },
  ];
  let next = 0;
  return {
    name: 'three-centers',
    users: [
      { user_id: '6900000000000000701', email: 'max@example.com', password: 'max', display_name: 'Max' },
    ],
    business_centers: centers.map((center) => ({
      bc_id: center.bc,
      name: center.name,
      members: [{ email: 'max@example.com', user_role: 'ADMIN' as const }],
      advertisers: Array.from({ length: center.accounts }, () => {
        next += 1;
        return { advertiser_id: `72000000000007${String(next).padStart(5, '0')}`, name: `Client ${next}` };
      }),
    })),
  };
};

const twoOwners: ScenarioDefinition = {
  name: 'two-owners',
  users: [
    {
      user_id: '6900000000000000801',
      email: 'ivy@example.com',
      password: 'ivy',
      display_name: 'Ivy',
      owned_advertisers: [
        {
          advertiser_id: '7200000000000000841',
          name: 'Ivy Shop',
          members: [{ email: 'bob@example.com', advertiser_role: 'OPERATOR' }],
        },
        { advertiser_id: '7200000000000000842', name: 'Ivy Cafe' },
      ],
    },
    {
      user_id: '6900000000000000802',
      email: 'bob@example.com',
      password: 'bob',
      display_name: 'Bob',
      owned_advertisers: [{ advertiser_id: '7200000000000000851', name: 'Bob Bikes' }],
    },
  ],
  business_centers: [],
};

describe('ad accounts outside a Business Center, granted by two TikTok users', () => {
  let kit: TikTokTestKit;
  before(async () => {
    // Ivy owns two accounts and lets Bob operate one; Bob owns one of his own.
    kit = await startTikTokTestKit({ emulator: { scenario: twoOwners } });
  });
  after(async () => kit?.close());

  it('gives a grant that only overlaps another user’s outside connection a connection of its own', async () => {
    const { browser, workspaceId } = await signUpWorkspace(kit.test, 'owners@example.com');
    const ivy = await signIn(kit, browser, workspaceId, { email: 'ivy@example.com' });
    assert.ok('connectionId' in ivy, JSON.stringify(ivy));
    const bob = await signIn(kit, browser, workspaceId, { email: 'bob@example.com' });
    assert.ok('connectionId' in bob, JSON.stringify(bob));
    assert.notEqual(bob.connectionId, ivy.connectionId);
    const listed = await listConnections(browser, workspaceId);
    const ivys = listed.connections.find((connection) => connection.id === ivy.connectionId)!;
    assert.ok(
      ivys.accounts.every((account) => account.accessible),
      'Ivy’s connection is untouched',
    );
    assert.equal(
      kit.emulator.control.tokens().filter((token) => token.user_email === 'ivy@example.com')[0]?.state,
      'active',
    );
    // Ivy granting the same accounts again finds her connection.
    assert.deepEqual(await signIn(kit, browser, workspaceId, { email: 'ivy@example.com' }), {
      connectionId: ivy.connectionId,
    });
  });
});

describe('a grant spanning three Business Centers and 120 ad accounts', () => {
  let kit: TikTokTestKit;
  before(async () => {
    kit = await startTikTokTestKit({ emulator: { scenario: agencyScenario() } });
  });
  after(async () => kit?.close());

  it('groups every granted account, reading every asset page', async () => {
    const { browser, workspaceId } = await signUpWorkspace(kit.test, 'agency@example.com');
    const landing = await signIn(kit, browser, workspaceId, { email: 'max@example.com' });
    assert.ok('grantId' in landing, JSON.stringify(landing));
    const grant = (await browser.get<TikTokPendingGrant>(`${grantsPath(workspaceId)}/${landing.grantId}`))
      .body;
    assert.deepEqual(grant.groups.map((group) => [group.name, group.grantedAccountCount]).sort(), [
      ['Atlas North', 60],
      ['Atlas South', 40],
      ['Atlas West', 20],
    ]);
    const assetPages = kit.emulator.control
      .calls({ path: '/bc/asset/get/' })
      .filter((call) => String(call.query?.bc_id ?? '') === '7100000000000000701');
    assert.ok(assetPages.length >= 2, `Atlas North's assets took ${assetPages.length} page(s)`);
    const connected = await connectGrantGroup(browser, workspaceId, landing.grantId, '7100000000000000701');
    assert.equal(connected.status, 200);
    const [connection] = (await listConnections(browser, workspaceId)).connections;
    assert.equal(connection?.accounts.length, 60);
  });
});
