import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ErrorResponse, TikTokAuditResponse, TikTokConnectionsResponse } from '@whathead/contracts';
import { sql } from '@whathead/db';
import { emulatorApp } from '@whathead/tiktok-emulator';
import { withCallPriority } from '@whathead/tiktok-client';
import { builtWebRoot } from '../../server.js';
import { TestBrowser, type BrowserResponse } from '../../testing/test-app.js';
import {
  callbackUrl,
  connectionsPath,
  listConnections,
  signUpWorkspace,
  startConnect,
} from '../../testing/tiktok-flow.js';
import { connect, startTikTokTestKit, type TikTokTestKit } from '../../testing/tiktok-test-kit.js';

const northwind = '7100000000000000001';
const bluebird = '7100000000000000002';
const harbor = '7100000000000000003';
const alex = 'alex.admin@example.com';

const exchanges = (kit: TikTokTestKit) =>
  kit.emulator.control.calls({ path: '/oauth2/access_token/' }).length;

describe('connecting TikTok', () => {
  let kit: TikTokTestKit;
  before(async () => {
    kit = await startTikTokTestKit();
  });
  after(async () => kit?.close());

  it('sends the user to TikTok with the app id, the one redirect URI and a 256-bit state', async () => {
    const { browser, workspaceId } = await signUpWorkspace(kit.test, 'start@example.com');
    const { state, authorizationUrl } = await startConnect(browser, workspaceId);
    assert.equal(authorizationUrl.searchParams.get('app_id'), emulatorApp.appId);
    assert.equal(
      authorizationUrl.searchParams.get('redirect_uri'),
      'http://localhost:3000/api/integrations/tiktok/callback',
    );
    assert.match(state, /^[\w-]{43}$/);
    const stored = await kit.test.database.db.selectFrom('tiktok_oauth_states').selectAll().execute();
    assert.ok(
      stored.every((row) => row.state_hash !== state),
      'only a hash of the state is stored',
    );
  });

  it('connects a Business Center, lists its accounts with role and status, and keeps a selection and default', async () => {
    const { browser, workspaceId } = await signUpWorkspace(kit.test, 'full@example.com');
    const connectionId = await connect(kit, browser, workspaceId, northwind);
    const listed = await listConnections(browser, workspaceId);
    assert.equal(listed.connections.length, 1);
    const connection = listed.connections[0]!;
    assert.deepEqual(
      {
        id: connection.id,
        bc: connection.businessCenterId,
        name: connection.businessCenterName,
        status: connection.status,
      },
      { id: connectionId, bc: northwind, name: 'Northwind Retail', status: 'connected' },
    );
    assert.ok(connection.permissions.every((permission) => permission.granted));
    assert.deepEqual(
      connection.permissions.map((permission) => permission.name),
      [
        'Ad Account Management',
        'Ad Account Read',
        'Business Center Access',
        'Creative Management',
        'Reporting',
      ],
    );
    const byId = new Map(connection.accounts.map((account) => [account.advertiserId, account]));
    assert.deepEqual([...byId.keys()].sort(), [
      '7200000000000000011',
      '7200000000000000012',
      '7200000000000000013',
      '7200000000000000014',
    ]);
    const us = byId.get('7200000000000000011')!;
    assert.deepEqual(
      { role: us.role, status: us.status, usable: us.usable, currency: us.currency, timezone: us.timezone },
      { role: 'ADMIN', status: 'STATUS_ENABLE', usable: true, currency: 'USD', timezone: 'America/New_York' },
    );
    assert.equal(byId.get('7200000000000000012')!.usable, false, 'disabled');
    assert.match(byId.get('7200000000000000014')!.unusableReason!, /restricted.*TikTok support/);
    assert.ok(connection.accounts.every((account) => !account.selected && !account.isDefault));

    const accountsPath = `${connectionsPath(workspaceId)}/${connectionId}/accounts`;
    const notUsable = await browser.request<ErrorResponse>('PUT', accountsPath, {
      selectedAdvertiserIds: ['7200000000000000011', '7200000000000000012'],
      defaultAdvertiserId: '7200000000000000012',
    });
    assert.equal(notUsable.status, 409);
    assert.equal(notUsable.body.error.code, 'tiktok_account_not_usable');
    const saved = await browser.request<TikTokConnectionsResponse>('PUT', accountsPath, {
      selectedAdvertiserIds: ['7200000000000000011', '7200000000000000012'],
      defaultAdvertiserId: '7200000000000000011',
    });
    assert.equal(saved.status, 200);
    const relisted = await listConnections(browser, workspaceId);
    assert.equal(relisted.defaultAdvertiserId, '7200000000000000011');
    assert.deepEqual(
      relisted.connections[0]!.accounts.filter((account) => account.selected).map(
        (account) => account.advertiserId,
      ),
      ['7200000000000000012', '7200000000000000011'],
      'sorted by name: Northwind Outlet, Northwind US',
    );
  });

  it('refuses a missing, forged, expired, reused or other-session state, and a replayed code, without calling TikTok', async () => {
    const { browser, workspaceId } = await signUpWorkspace(kit.test, 'states@example.com');
    const code = () => kit.emulator.control.issueAuthorizationCode({ email: alex, bcId: bluebird });
    const refused = async (who: TestBrowser, url: string, why: string) => {
      const before = exchanges(kit);
      const response = await who.get(url);
      assert.equal(response.status, 303, why);
      assert.equal(
        response.headers.location,
        '/integrations/tiktok/done?tiktok_error=authorization_invalid',
        why,
      );
      assert.equal(exchanges(kit), before, `${why}: TikTok was not called`);
    };
    await refused(browser, callbackUrl(undefined, code()), 'missing state');
    await refused(
      browser,
      callbackUrl('forged-state-forged-state-forged-state-1234', code()),
      'forged state',
    );

    const expiring = await startConnect(browser, workspaceId);
    kit.test.clock.advance(10 * 60 + 1);
    await refused(browser, callbackUrl(expiring.state, code()), 'expired state');

    const stolen = await startConnect(browser, workspaceId);
    const { browser: attacker } = await signUpWorkspace(kit.test, 'attacker@example.com');
    await refused(attacker, callbackUrl(stolen.state, code()), 'state of another session');
    await refused(browser, callbackUrl(stolen.state, code()), 'a state tried once is spent');

    const legitimate = await startConnect(browser, workspaceId);
    const usedCode = code();
    const first = await browser.get(callbackUrl(legitimate.state, usedCode));
    assert.match(String(first.headers.location), /connected=/);
    await refused(browser, callbackUrl(legitimate.state, usedCode), 'reused state');
    const attackerWorkspace = (await attacker.get<{ activeWorkspaceId: string }>('/api/session')).body
      .activeWorkspaceId;
    const fresh = await startConnect(attacker, attackerWorkspace);
    await refused(attacker, callbackUrl(fresh.state, usedCode), 'code replayed into another session');
  });

  it('stores no token in clear anywhere in the database', async () => {
    const { browser, workspaceId } = await signUpWorkspace(kit.test, 'dump@example.com');
    await connect(kit, browser, workspaceId, bluebird);
    const tokens = kit.emulator.control.tokens().map((token) => token.access_token);
    assert.ok(tokens.length > 0);
    const tables = await sql<{ schema: string; name: string }>`
      select table_schema as schema, table_name as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`.execute(
      kit.test.database.db,
    );
    let dump = '';
    for (const table of tables.rows) {
      const rows = await sql<{
        row: string;
      }>`select t::text as row from ${sql.table(`${table.schema}.${table.name}`)} t`.execute(
        kit.test.database.db,
      );
      dump += rows.rows.map((row) => row.row).join('\n');
    }
    assert.ok(dump.includes('Bluebird Agency'), 'the dump covers the TikTok tables');
    for (const token of tokens) {
      assert.equal(dump.includes(token), false, 'token in clear');
      assert.equal(dump.includes(Buffer.from(token).toString('hex')), false, 'token as raw bytes');
    }
    assert.equal(kit.test.logs.join('').includes(tokens[0]!), false, 'token in the logs');
  });

  it('marks a connection whose ciphertext was altered as needing attention, without crashing', async () => {
    const { browser, workspaceId } = await signUpWorkspace(kit.test, 'tamper@example.com');
    const connectionId = await connect(kit, browser, workspaceId, northwind);
    const { db } = kit.test.database;
    const row = await db
      .selectFrom('tiktok_connections')
      .select('token_ciphertext')
      .where('id', '=', connectionId)
      .executeTakeFirstOrThrow();
    const flipped = Buffer.from(row.token_ciphertext!);
    flipped[0] = flipped[0]! ^ 1;
    await db
      .updateTable('tiktok_connections')
      .set({ token_ciphertext: flipped })
      .where('id', '=', connectionId)
      .execute();
    const checked = await browser.post<TikTokConnectionsResponse>(
      `${connectionsPath(workspaceId)}/${connectionId}/check`,
    );
    assert.equal(checked.status, 200);
    assert.deepEqual(
      { status: checked.body.connections[0]!.status, cause: checked.body.connections[0]!.attention?.cause },
      { status: 'needs_attention', cause: 'token_unreadable' },
    );
  });

  it('reconnecting the same Business Center updates its connection and keeps the selection and default', async () => {
    const { browser, workspaceId } = await signUpWorkspace(kit.test, 'reconnect@example.com');
    const connectionId = await connect(kit, browser, workspaceId, northwind);
    await browser.request('PUT', `${connectionsPath(workspaceId)}/${connectionId}/accounts`, {
      selectedAdvertiserIds: ['7200000000000000011'],
      defaultAdvertiserId: '7200000000000000011',
    });
    const token = kit.emulator.control.tokens().at(-1)!.access_token;
    kit.emulator.control.expireToken(token);
    const checked = await browser.post<TikTokConnectionsResponse>(
      `${connectionsPath(workspaceId)}/${connectionId}/check`,
    );
    assert.equal(checked.body.connections[0]!.attention?.cause, 'token_expired');

    const again = await connect(kit, browser, workspaceId, northwind, {
      reconnectConnectionId: connectionId,
    });
    assert.equal(again, connectionId, 'the same connection');
    const listed = await listConnections(browser, workspaceId);
    assert.equal(listed.connections.length, 1, 'no duplicate');
    assert.equal(listed.connections[0]!.status, 'connected', 'the warning is gone');
    assert.equal(listed.defaultAdvertiserId, '7200000000000000011');
    const audit = await browser.get<TikTokAuditResponse>(`/api/workspaces/${workspaceId}/tiktok/audit`);
    assert.deepEqual(audit.body.events.map((event) => event.action).sort(), [
      'accounts_selected',
      'connected',
      'default_changed',
      'needs_attention',
      'reconnected',
    ]);
    assert.ok(audit.body.events.find((event) => event.action === 'connected')!.tiktokRequestId);
  });

  it('lists missing permissions by name after a connect that granted too little', async () => {
    const { browser, workspaceId } = await signUpWorkspace(kit.test, 'scope@example.com');
    // Ad Account Management (1) and Ads Management (2) only: no Reporting, no Creative Management.
    await connect(kit, browser, workspaceId, northwind, { scope: [1, 2] });
    const connection = (await listConnections(browser, workspaceId)).connections[0]!;
    assert.equal(connection.status, 'needs_attention');
    assert.deepEqual(
      connection.permissions.filter((permission) => !permission.granted).map((permission) => permission.name),
      ['Creative Management', 'Reporting'],
    );
    assert.match(connection.attention!.message, /Creative Management.*Reporting/);
  });

  it('connects a Business Center with no reachable accounts as an empty list, not an error', async () => {
    const { browser, workspaceId } = await signUpWorkspace(kit.test, 'empty@example.com');
    await connect(kit, browser, workspaceId, harbor);
    const connection = (await listConnections(browser, workspaceId)).connections[0]!;
    assert.deepEqual(
      { name: connection.businessCenterName, accounts: connection.accounts },
      { name: 'Harbor Holdings', accounts: [] },
    );
  });

  it('disconnects: revokes at TikTok, deletes the ciphertext, keeps the history', async () => {
    const { browser, workspaceId } = await signUpWorkspace(kit.test, 'disconnect@example.com');
    const connectionId = await connect(kit, browser, workspaceId, bluebird);
    const token = kit.emulator.control.tokens().at(-1)!.access_token;
    const removed = await browser.delete(`${connectionsPath(workspaceId)}/${connectionId}`);
    assert.equal(removed.status, 204);
    const answer = (await (
      await fetch(
        `${kit.tiktokBaseUrl}/oauth2/advertiser/get/?app_id=${emulatorApp.appId}&secret=${emulatorApp.secret}`,
        {
          headers: { 'Access-Token': token },
        },
      )
    ).json()) as { code: number };
    assert.equal(answer.code, 40105);
    const row = await kit.test.database.db
      .selectFrom('tiktok_connections')
      .selectAll()
      .where('id', '=', connectionId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      [row.status, row.token_ciphertext, row.token_iv, row.token_key_id],
      ['disconnected', null, null, null],
    );
    assert.deepEqual((await listConnections(browser, workspaceId)).connections, []);
    const audit = await browser.get<TikTokAuditResponse>(`/api/workspaces/${workspaceId}/tiktok/audit`);
    assert.equal(audit.body.events[0]!.action, 'disconnected');
  });

  it('hides one workspace’s connections from another', async () => {
    const { browser, workspaceId } = await signUpWorkspace(kit.test, 'owner-a@example.com');
    const connectionId = await connect(kit, browser, workspaceId, northwind);
    const { browser: other, workspaceId: otherWorkspace } = await signUpWorkspace(
      kit.test,
      'owner-b@example.com',
    );
    assert.equal((await other.get(connectionsPath(workspaceId))).status, 404);
    assert.equal((await other.post(`${connectionsPath(otherWorkspace)}/${connectionId}/check`)).status, 404);
    assert.equal((await other.delete(`${connectionsPath(otherWorkspace)}/${connectionId}`)).status, 404);
    assert.equal(
      (
        await other.request('PUT', `${connectionsPath(otherWorkspace)}/${connectionId}/accounts`, {
          selectedAdvertiserIds: [],
          defaultAdvertiserId: null,
        })
      ).status,
      404,
    );
    assert.equal((await listConnections(browser, workspaceId)).connections.length, 1, 'untouched');
  });
});

/** A browser that keeps every response body it received. */
class RecordingBrowser extends TestBrowser {
  readonly bodies: string[] = [];
  override async request<Body = unknown>(
    ...args: Parameters<TestBrowser['request']>
  ): Promise<BrowserResponse<Body>> {
    const response = await super.request<Body>(...args);
    this.bodies.push(`${JSON.stringify(response.headers)}\n${response.text}`);
    return response;
  }
}

const filesUnder = (directory: string): string[] =>
  readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(directory, entry.name)) : [path.join(directory, entry.name)],
  );

describe('canary: an access token never leaves the server', () => {
  let kit: TikTokTestKit;
  before(async () => {
    kit = await startTikTokTestKit();
  });
  after(async () => kit?.close());

  it('is in no response of the whole journey, in no log line and in no file of the web bundle', async (context) => {
    const browser = new RecordingBrowser(kit.test.app);
    await browser.signUp({ email: 'canary@example.com' });
    const workspaceId = (await browser.get<{ activeWorkspaceId: string }>('/api/session')).body
      .activeWorkspaceId;
    const connectionId = await connect(kit, browser, workspaceId, northwind);
    const canary = kit.emulator.control.tokens().at(-1)!.access_token;
    await listConnections(browser, workspaceId);
    await browser.request('PUT', `${connectionsPath(workspaceId)}/${connectionId}/accounts`, {
      selectedAdvertiserIds: ['7200000000000000011'],
      defaultAdvertiserId: '7200000000000000011',
    });
    await browser.post(`${connectionsPath(workspaceId)}/${connectionId}/check`);
    kit.emulator.control.expireToken(canary);
    await browser.post(`${connectionsPath(workspaceId)}/${connectionId}/check`);
    await connect(kit, browser, workspaceId, northwind, { reconnectConnectionId: connectionId });
    const reconnected = kit.emulator.control.tokens().at(-1)!.access_token;
    await browser.get(`/api/workspaces/${workspaceId}/tiktok/audit`);
    await browser.delete(`${connectionsPath(workspaceId)}/${connectionId}`);
    await browser.get(`/api/workspaces/${workspaceId}/tiktok/audit`);

    assert.ok(browser.bodies.length >= 10);
    for (const token of [canary, reconnected]) {
      for (const body of browser.bodies) assert.equal(body.includes(token), false, 'token in a response');
      assert.equal(kit.test.logs.join('\n').includes(token), false, 'token in the logs');
    }
    assert.ok(
      kit.test.logs.some((line) => line.includes('TikTok call')),
      'the TikTok calls were logged',
    );

    if (!existsSync(builtWebRoot)) {
      // `npm test` builds the web app first; only a hand-run of this file may lack the bundle.
      assert.notEqual(process.env.CI, 'true', 'apps/web/dist must be built before the tests under CI');
      context.skip('apps/web/dist is not built: run `npm run build` to include the bundle');
      return;
    }
    const bundle = filesUnder(builtWebRoot);
    assert.ok(
      bundle.some((file) => file.endsWith('.js')),
      'the bundle has scripts',
    );
    for (const file of bundle) {
      const text = readFileSync(file, 'latin1');
      for (const token of [canary, reconnected])
        assert.equal(text.includes(token), false, `token in ${file}`);
    }
  });
});

describe('coming back from TikTok without a connection', () => {
  let kit: TikTokTestKit;
  before(async () => {
    kit = await startTikTokTestKit();
  });
  after(async () => kit?.close());

  it('says the user cancelled, and that an unknown refusal failed', async () => {
    const { browser, workspaceId } = await signUpWorkspace(kit.test, 'cancel@example.com');
    const cancelled = await startConnect(browser, workspaceId);
    const back = await browser.get(
      `/api/integrations/tiktok/callback?error=access_denied&state=${encodeURIComponent(cancelled.state)}`,
    );
    assert.equal(back.headers.location, '/integrations/tiktok/done?tiktok_error=cancelled');
    const refusedState = await startConnect(browser, workspaceId);
    const refused = await browser.get(
      `/api/integrations/tiktok/callback?error=server_error&state=${encodeURIComponent(refusedState.state)}`,
    );
    assert.equal(refused.headers.location, '/integrations/tiktok/done?tiktok_error=failed');
  });

  it('learns from refused calls: not eligible for API access, and view-only accounts', async () => {
    const { browser, workspaceId } = await signUpWorkspace(kit.test, 'refusals@example.com');
    kit.emulator.control.setAdvertiserStatus({ advertiserId: '7200000000000000021', apiEligible: false });
    const connectionId = await connect(kit, browser, workspaceId, bluebird);
    const { tiktokConnections } = kit.test.whathead.services;
    const row = await kit.test.database.db
      .selectFrom('tiktok_connections')
      .selectAll()
      .where('id', '=', connectionId)
      .executeTakeFirstOrThrow();
    const createIn = (advertiserId: string) =>
      withCallPriority({ lane: 'publish', tenant: workspaceId }, () =>
        tiktokConnections.withConnectionToken(row, undefined, (accessToken) =>
          kit.test.whathead.services.tiktokClient.campaigns.create({
            accessToken,
            advertiserId,
            name: 'Refusal probe',
            objectiveType: 'TRAFFIC',
            budgetMode: 'BUDGET_MODE_INFINITE',
          }),
        ),
      );
    // Eligibility is not visible before a call (reference correction 15): TikTok refuses the call.
    await assert.rejects(createIn('7200000000000000021'), /not eligible|API access|permission/i);
    const cafe = (await listConnections(browser, workspaceId)).connections[0]!.accounts.find(
      (account) => account.advertiserId === '7200000000000000021',
    )!;
    assert.equal(cafe.usable, false);
    assert.match(cafe.unusableReason!, /Not eligible for API access/);
    const listed = await listConnections(browser, workspaceId);
    assert.equal(
      listed.connections[0]!.status,
      'connected',
      'one refused account does not break the connection',
    );
  });
});
