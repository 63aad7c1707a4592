import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { TikTokAuditResponse, TikTokConnection } from '@whathead/contracts';
import { createEmulator, emulatorApp, type Emulator } from '@whathead/tiktok-emulator';
import { createTestApp, type TestApp, type TestBrowser } from '../testing/test-app.js';
import {
  connectionsPath,
  deliverCallback,
  emulatorSettings,
  listConnections,
  signUpWorkspace,
  startConnect,
} from '../testing/tiktok-flow.js';
import { tiktokConnectionHealthJob } from './tiktok-connection-health.job.js';

const alex = 'alex.admin@example.com';
const northwind = '7100000000000000001';
const northwindUs = '7200000000000000011';
const northwindOutlet = '7200000000000000012';
const northwindMexico = '7200000000000000019';

const silent = { info() {}, warn() {} };

describe('TikTok connection health job', () => {
  // Each test gets its own app, database and TikTok: the job checks every connection there is, so
  // a connection another test left behind would change what it reports.
  let emulator: Emulator;
  let closeEmulator: () => Promise<void>;
  let test: TestApp;
  beforeEach(async () => {
    emulator = createEmulator({ publicUrl: 'http://localhost:3000' });
    const listening = await emulator.listen({ port: 0 });
    closeEmulator = listening.close;
    test = await createTestApp({}, { tiktok: emulatorSettings(listening.url, emulatorApp) });
  });
  afterEach(async () => {
    await test?.close();
    await closeEmulator?.();
  });

  /** Connects Northwind, selects US and Outlet with US the default; returns the token TikTok issued. */
  async function connectNorthwind(email: string) {
    const { browser, workspaceId } = await signUpWorkspace(test, email);
    const { state } = await startConnect(browser, workspaceId);
    const code = emulator.control.issueAuthorizationCode({ email: alex, bcId: northwind });
    const connectionId = await deliverCallback(browser, state, code);
    const token = emulator.control.tokens().at(-1)!.access_token;
    const saved = await browser.request('PUT', `${connectionsPath(workspaceId)}/${connectionId}/accounts`, {
      selectedAdvertiserIds: [northwindUs, northwindOutlet],
      defaultAdvertiserId: northwindUs,
    });
    assert.equal(saved.status, 200);
    return { browser, workspaceId, connectionId, token };
  }

  const connectionOf = async (browser: TestBrowser, workspaceId: string): Promise<TikTokConnection> =>
    (await listConnections(browser, workspaceId)).connections[0]!;
  const auditOf = async (browser: TestBrowser, workspaceId: string) =>
    (await browser.get<TikTokAuditResponse>(`/api/workspaces/${workspaceId}/tiktok/audit`)).body.events;
  const run = () => tiktokConnectionHealthJob(test.whathead.services, silent).run({});

  it('runs through pg-boss: the grant, the roles, info for the selected accounts, the time and result recorded', async () => {
    const { browser, workspaceId } = await connectNorthwind('health-ok@example.com');
    // Choosing accounts starts their campaign and report syncs: their calls end before the check's.
    for (let attempt = 0; ; attempt += 1) {
      const { rows } = await test.database.executeSql(
        "select count(*)::int as count from pgboss.job where name in ('tiktok-campaign-sync', 'tiktok-report-sync') and state in ('created', 'retry', 'active')",
      );
      if ((rows[0] as { count: number }).count === 0) break;
      assert.ok(attempt < 600, 'the syncs the selection started end');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    emulator.control.clearCalls();
    test.clock.advance(4 * 60 * 60);

    const job = tiktokConnectionHealthJob(test.whathead.services, silent);
    const finished = await waitForJob(test, (await test.whathead.jobs.send(job, {}))!);
    assert.equal(finished.state, 'completed');
    assert.deepEqual(finished.output, { checked: 1, failed: 0, needsAttention: 0 });

    const paths = emulator.control.calls().map((call) => call.path);
    // Roles are read on every check: an admin may have made the user an Analyst (correction 16).
    assert.deepEqual(paths, ['/oauth2/advertiser/get/', '/bc/get/', '/bc/asset/get/', '/advertiser/info/']);
    const info = emulator.control.calls({ path: '/advertiser/info/' })[0]!;
    assert.match(
      JSON.stringify(info),
      new RegExp(`${northwindUs}.*${northwindOutlet}|${northwindOutlet}.*${northwindUs}`),
    );
    const connection = await connectionOf(browser, workspaceId);
    assert.equal(connection.lastCheckedAt, test.clock.now().toISOString());
    assert.equal(connection.lastCheckResult, 'ok');
    assert.equal(connection.newAccountsAvailable, 0);
    assert.ok(!(await auditOf(browser, workspaceId)).some((event) => event.action === 'checked'));
  });

  it('records accounts added and removed and status changes once, however often it runs', async () => {
    const { browser, workspaceId, token } = await connectNorthwind('health-changes@example.com');
    const store = emulator.state.store;
    // TikTok side: a new account joins the Business Center and the grant, Outlet is deleted,
    // and the default account is disabled.
    store.advertisers.set(northwindMexico, {
      ...store.advertisers.get(northwindUs)!,
      advertiserId: northwindMexico,
      name: 'Northwind Mexico',
      currency: 'MXN',
    });
    store.tokens.get(token)!.advertiserIds.push(northwindMexico);
    store.advertisers.delete(northwindOutlet);
    emulator.control.setAdvertiserStatus({ advertiserId: northwindUs, status: 'STATUS_DISABLE' });

    assert.deepEqual(await run(), { checked: 1, failed: 0, needsAttention: 0 });
    const connection = await connectionOf(browser, workspaceId);
    const byId = new Map(connection.accounts.map((account) => [account.advertiserId, account]));
    assert.equal(connection.status, 'connected');
    assert.equal(connection.newAccountsAvailable, 1);
    assert.deepEqual(
      { isNew: byId.get(northwindMexico)?.isNew, selected: byId.get(northwindMexico)?.selected },
      { isNew: true, selected: false },
    );
    assert.deepEqual(
      {
        accessible: byId.get(northwindOutlet)?.accessible,
        usable: byId.get(northwindOutlet)?.usable,
        selected: byId.get(northwindOutlet)?.selected,
      },
      { accessible: false, usable: false, selected: true },
    );
    assert.match(byId.get(northwindOutlet)!.unusableReason!, /No longer accessible/);
    assert.equal(byId.get(northwindUs)?.status, 'STATUS_DISABLE');
    assert.equal((await listConnections(browser, workspaceId)).defaultAdvertiserId, null);
    const checked = (await auditOf(browser, workspaceId)).filter((event) => event.action === 'checked');
    assert.equal(checked.length, 1);
    assert.equal(checked[0]!.actorName, null);
    assert.ok(checked[0]!.tiktokRequestId);
    assert.match(checked[0]!.summary, /1 new ad account available: Northwind Mexico\./);
    assert.match(checked[0]!.summary, /No longer accessible: Northwind Outlet\./);
    assert.match(
      checked[0]!.summary,
      /Northwind US is now Disabled \(was Active\), so it is no longer the default\./,
    );

    await run();
    await run();
    assert.equal(
      (await auditOf(browser, workspaceId)).filter((event) => event.action === 'checked').length,
      1,
      'a rerun records nothing new',
    );

    // Saving the selection is reviewing the list: nothing is new after it.
    await browser.request('PUT', `${connectionsPath(workspaceId)}/${connection.id}/accounts`, {
      selectedAdvertiserIds: [northwindMexico],
      defaultAdvertiserId: northwindMexico,
    });
    assert.equal((await connectionOf(browser, workspaceId)).newAccountsAvailable, 0);
  });

  it('puts a revoked token in Needs attention at once, and records it once', async () => {
    const { browser, workspaceId, token } = await connectNorthwind('health-revoked@example.com');
    emulator.control.revokeToken(token);
    assert.deepEqual(await run(), { checked: 1, failed: 0, needsAttention: 1 });
    await run();
    const connection = await connectionOf(browser, workspaceId);
    assert.deepEqual(
      { status: connection.status, cause: connection.attention?.cause, result: connection.lastCheckResult },
      { status: 'needs_attention', cause: 'token_revoked', result: 'needs_attention' },
    );
    const warnings = (await auditOf(browser, workspaceId)).filter(
      (event) => event.action === 'needs_attention',
    );
    assert.equal(warnings.length, 1);
    assert.ok(warnings[0]!.tiktokRequestId, 'TikTok’s request id of the refusal');
  });

  it('says the Business Center access is gone when the user left it', async () => {
    const { browser, workspaceId } = await connectNorthwind('health-left@example.com');
    emulator.control.setBusinessCenterRole({ email: alex, bcId: northwind, userRole: null });
    await run();
    const connection = await connectionOf(browser, workspaceId);
    assert.deepEqual(
      { status: connection.status, cause: connection.attention?.cause },
      { status: 'needs_attention', cause: 'business_center_access_lost' },
    );
  });

  it('records that TikTok did not answer, changes nothing else, and fails the run when every check failed', async () => {
    const { browser, workspaceId } = await connectNorthwind('health-down@example.com');
    emulator.control.addFault({ kind: 'system_error', path: '/oauth2/advertiser/get/' });
    await assert.rejects(run(), /TikTok failed for all 1 connections/);
    emulator.control.clearFaults();
    const connection = await connectionOf(browser, workspaceId);
    assert.deepEqual(
      { status: connection.status, result: connection.lastCheckResult },
      { status: 'connected', result: 'tiktok_unavailable' },
    );
  });
});

/** Polls the job's row until pg-boss has finished it; a minute is far beyond any busy machine. */
async function waitForJob(test: TestApp, id: string): Promise<{ state: string; output: unknown }> {
  const deadline = Date.now() + 60_000;
  let row: { state: string; output: unknown } | undefined;
  while (Date.now() < deadline) {
    const rows = await test.database.executeSql('select state, output from pgboss.job where id = $1', [id]);
    row = rows.rows[0] as typeof row;
    if (row && (row.state === 'completed' || row.state === 'failed')) return row;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${id} did not finish within a minute (state: ${row?.state ?? 'not found'})`);
}
