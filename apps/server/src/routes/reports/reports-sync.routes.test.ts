import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type {
  ErrorResponse,
  ReportStatusResponse,
  ReportSyncResponse,
  SessionResponse,
} from '@whathead/contracts';
import { withCallPriority } from '@whathead/tiktok-client';
import type { TestBrowser } from '../../testing/test-app.js';
import {
  connectionsPath,
  joinAsMember,
  listConnections,
  signUpWorkspace,
} from '../../testing/tiktok-flow.js';
import { connect, scenario, startTikTokTestKit, type TikTokTestKit } from '../../testing/tiktok-test-kit.js';

// Sync now spends the app's one TikTok budget: it never queues an account twice, leaves one alone
// for minutes after it synced, is limited per person, and says why an account does not sync.

const northwindUs = '7200000000000000011';
const wendy = 'wendy.analyst@example.com';

describe('Sync now and why an account does not sync', () => {
  let kit: TikTokTestKit;
  before(async () => {
    // A web process only: jobs wait in the queue, so a test sees them queued, not already run.
    kit = await startTikTokTestKit({ environment: { WHATHEAD_ROLE: 'web' } });
  });
  after(async () => kit?.close());

  const reportsPath = (workspaceId: string) => `/api/workspaces/${workspaceId}/reports`;

  /** A workspace with Northwind US selected: choosing it queues its first sync. */
  async function northwindWorkspace(email: string, options: { scope?: number[] } = {}) {
    const { browser, workspaceId } = await signUpWorkspace(kit.test, email);
    const connectionId = await connect(kit, browser, workspaceId, scenario.northwind, options);
    const saved = await browser.put(`${connectionsPath(workspaceId)}/${connectionId}/accounts`, {
      selectedAdvertiserIds: [northwindUs],
      defaultAdvertiserId: options.scope ? null : northwindUs,
    });
    assert.equal(saved.status, 200, saved.text);
    return { browser, workspaceId, connectionId };
  }

  const syncNow = async (browser: TestBrowser, workspaceId: string) => {
    const response = await browser.post<ReportSyncResponse>(`${reportsPath(workspaceId)}/sync`, {});
    assert.equal(response.status, 202, response.text);
    return response.body;
  };

  const status = async (browser: TestBrowser, workspaceId: string) => {
    const response = await browser.get<ReportStatusResponse>(`${reportsPath(workspaceId)}/status`);
    assert.equal(response.status, 200, response.text);
    return response.body;
  };

  /** The account's sync runs waiting or under way in pg-boss. */
  const jobs = async (workspaceId: string, advertiserId = northwindUs) => {
    const { rows } = await kit.test.database.executeSql(
      `select state from pgboss.job where name = 'tiktok-report-sync' and singleton_key = $1
         and state in ('created', 'retry', 'active')`,
      [`${workspaceId}:${advertiserId}`],
    );
    return rows.length;
  };

  /** One account's sync, run here as the job would run it (its calls in the sync lane). */
  const runSync = (workspaceId: string, advertiserId = northwindUs) =>
    withCallPriority({ lane: 'sync', tenant: workspaceId }, () =>
      kit.test.whathead.services.reports.syncAccount(workspaceId, advertiserId),
    );

  /** As a worker taking the waiting run: the queue holds nothing for the account any more. */
  const takeWaitingRuns = (workspaceId: string) =>
    kit.test.database.executeSql(
      `delete from pgboss.job where name = 'tiktok-report-sync' and singleton_key = $1`,
      [`${workspaceId}:${northwindUs}`],
    );

  it('queues no second run of an account already queued, and queues one whose run was lost', async () => {
    const { browser, workspaceId } = await northwindWorkspace('sync-queued@example.com');
    assert.equal(await jobs(workspaceId), 1, 'choosing the account queued its first sync');

    for (let press = 0; press < 2; press += 1) {
      const answer = await syncNow(browser, workspaceId);
      assert.deepEqual(answer.queued, []);
      assert.deepEqual(
        answer.skipped.map(({ advertiserId, reason }) => ({ advertiserId, reason })),
        [{ advertiserId: northwindUs, reason: 'queued' }],
      );
      assert.match(answer.skipped[0]!.message, /^A sync of Northwind US is already waiting to start\.$/);
      assert.equal(answer.accounts[0]!.state, 'queued');
      assert.equal(await jobs(workspaceId), 1, `press ${press + 1} queued no second run`);
    }
    // The hourly pass adds none either.
    await kit.test.whathead.services.reports.queueEverySyncingAccount();
    assert.equal(await jobs(workspaceId), 1, 'the hourly pass queued no second run');

    // A run lost with its process (the state still says queued) is queued again, once.
    await takeWaitingRuns(workspaceId);
    const healed = await syncNow(browser, workspaceId);
    assert.deepEqual(healed.queued, [northwindUs]);
    assert.deepEqual(healed.skipped, []);
    assert.equal(await jobs(workspaceId), 1);
  });

  it('leaves an account that is syncing alone, until its run is older than any run can be', async () => {
    const { browser, workspaceId } = await northwindWorkspace('sync-running@example.com');
    await takeWaitingRuns(workspaceId);
    // A worker's run under way, as syncAccount marks it when it starts.
    await kit.test.database.executeSql(
      `update tiktok_report_accounts set state = 'syncing', last_attempt_at = $2
         where workspace_id = $1 and advertiser_id = $3`,
      [workspaceId, kit.test.clock.now(), northwindUs],
    );
    const running = await syncNow(browser, workspaceId);
    assert.deepEqual(running.queued, []);
    assert.deepEqual(
      running.skipped.map(({ reason, message }) => ({ reason, message })),
      [{ reason: 'syncing', message: 'Northwind US is syncing now; its figures arrive as the sync goes.' }],
    );
    await kit.test.whathead.services.reports.queueEverySyncingAccount();
    assert.equal(await jobs(workspaceId), 0, 'neither Sync now nor the hourly pass queued a run behind it');

    // pg-boss ends a run after 15 minutes: one still "syncing" 21 minutes on died with its process.
    kit.test.clock.advance(21 * 60);
    const stale = await syncNow(browser, workspaceId);
    assert.deepEqual(stale.queued, [northwindUs]);
    assert.equal(await jobs(workspaceId), 1);
  });

  it('skips an account synced within 5 minutes, saying when Sync now can read it again', async () => {
    const { browser, workspaceId } = await northwindWorkspace('sync-fresh@example.com');
    await takeWaitingRuns(workspaceId);
    await runSync(workspaceId);
    assert.equal((await status(browser, workspaceId)).accounts[0]!.state, 'ready');

    kit.test.clock.advance(2 * 60);
    const fresh = await syncNow(browser, workspaceId);
    assert.deepEqual(fresh.queued, []);
    assert.deepEqual(
      fresh.skipped.map(({ advertiserId, reason, message }) => ({ advertiserId, reason, message })),
      [
        {
          advertiserId: northwindUs,
          reason: 'cooldown',
          message:
            'Northwind US synced 2 minutes ago, so TikTok would answer the same figures. Sync now can read it again in 3 minutes.',
        },
      ],
    );
    await kit.test.whathead.services.reports.queueEverySyncingAccount();
    assert.equal(await jobs(workspaceId), 0, 'the hourly pass leaves it alone as well');

    kit.test.clock.advance(3 * 60);
    const due = await syncNow(browser, workspaceId);
    assert.deepEqual(due.queued, [northwindUs]);
    assert.deepEqual(due.skipped, []);
    assert.equal(due.accounts[0]!.state, 'queued');
    assert.equal(await jobs(workspaceId), 1);
  });

  it('refuses a person’s presses past 20 in 5 minutes with 429 and Retry-After, whatever the workspace', async () => {
    const { browser, workspaceId } = await signUpWorkspace(kit.test, 'sync-presses@example.com');
    const created = await browser.post<SessionResponse>('/api/workspaces', { name: 'Second workspace' });
    assert.equal(created.status, 201, created.text);
    const secondWorkspaceId = created.body.activeWorkspaceId!;
    for (let press = 0; press < 20; press += 1)
      await syncNow(browser, press % 2 === 0 ? workspaceId : secondWorkspaceId);

    kit.test.clock.advance(60);
    const refused = await browser.post<ErrorResponse>(`${reportsPath(secondWorkspaceId)}/sync`, {});
    assert.equal(refused.status, 429, refused.text);
    assert.equal(refused.body.error.code, 'too_many_attempts');
    assert.equal(refused.headers['retry-after'], '240');
    assert.equal(refused.body.error.details?.retryAfterSeconds, 240);
    assert.equal(
      refused.body.error.message,
      'Sync now was pressed more than 20 times in 5 minutes. Try again in 4 minutes; the reports also sync by themselves every hour.',
    );
    // The limit is the person's: someone else presses on.
    const other = await signUpWorkspace(kit.test, 'sync-presses-other@example.com');
    await syncNow(other.browser, other.workspaceId);

    kit.test.clock.advance(240);
    await syncNow(browser, workspaceId);
  });

  it('says a revoked connection needs Reconnect in Integrations, and Sync now queues nothing for it', async () => {
    const { browser, workspaceId, connectionId } = await northwindWorkspace('sync-revoked@example.com');
    await takeWaitingRuns(workspaceId);
    const token = kit.emulator.control.tokens().at(-1)!;
    kit.emulator.control.revokeToken(token.access_token);
    const check = await browser.post(`${connectionsPath(workspaceId)}/${connectionId}/check`, {});
    assert.equal(check.status, 200, check.text);
    const [connection] = (await listConnections(browser, workspaceId)).connections;
    assert.equal(connection?.attention?.cause, 'token_revoked');

    const calls = kit.emulator.control.calls({}).length;
    const [account] = (await status(browser, workspaceId)).accounts;
    assert.equal(account?.state, 'stopped');
    assert.deepEqual(account?.stopReason, {
      cause: 'reconnect_required',
      message:
        'Whathead’s access through the TikTok connection “Northwind Retail” was removed at TikTok (revoked, or the authorization withdrawn). Reconnect it in Integrations: the sync starts again by itself.',
    });

    const answer = await syncNow(browser, workspaceId);
    assert.deepEqual(answer.queued, []);
    assert.deepEqual(answer.skipped, [
      {
        advertiserId: northwindUs,
        reason: 'stopped',
        message: `Northwind US: ${account!.stopReason!.message}`,
      },
    ]);
    assert.equal(await jobs(workspaceId), 0);
    assert.equal(kit.emulator.control.calls({}).length, calls, 'neither answer asked TikTok');

    // A plain member cannot reconnect: they are told whom to ask.
    const member = await joinAsMember(kit.test, browser, workspaceId, 'sync-revoked-member@example.com');
    const [seen] = (await status(member, workspaceId)).accounts;
    assert.equal(
      seen?.stopReason?.message,
      `${account!.stopReason!.message} Only workspace owners and admins can do this in Integrations: ask one of them.`,
    );
  });

  it('names the Reporting permission TikTok did not grant, and where to grant it', async () => {
    // Ad Account Management (1) and Ads Management (2) only: no Reporting, no Creative Management.
    const { browser, workspaceId } = await northwindWorkspace('sync-scope@example.com', { scope: [1, 2] });
    const [account] = (await status(browser, workspaceId)).accounts;
    assert.equal(account?.state, 'stopped');
    assert.deepEqual(account?.stopReason, {
      cause: 'permission_missing',
      message:
        'TikTok did not grant Whathead Reporting (view campaign performance metrics and analytics) for the TikTok connection “Northwind Retail”, and reports need it. Reconnect it in Integrations and keep Reporting ticked on TikTok’s page: the sync starts again by itself.',
    });
    const answer = await syncNow(browser, workspaceId);
    assert.deepEqual(answer.queued, []);
    assert.deepEqual(
      answer.skipped.map(({ reason }) => reason),
      ['stopped'],
    );
    assert.match(answer.skipped[0]!.message, /^Northwind US: TikTok did not grant Whathead Reporting/);
    assert.equal(await jobs(workspaceId), 0);
  });

  it('syncs the reports of an Analyst-only connection: TikTok lets an analyst read them', async () => {
    const { browser, workspaceId } = await signUpWorkspace(kit.test, 'sync-analyst@example.com');
    await connect(kit, browser, workspaceId, scenario.bluebird, { email: wendy });
    const [connection] = (await listConnections(browser, workspaceId)).connections;
    assert.equal(connection?.attention?.cause, 'permission_denied');
    const advertiserId = connection!.accounts[0]!.advertiserId;
    const saved = await browser.put(`${connectionsPath(workspaceId)}/${connection!.id}/accounts`, {
      selectedAdvertiserIds: [advertiserId],
      defaultAdvertiserId: null,
    });
    assert.equal(saved.status, 200, saved.text);

    const [account] = (await status(browser, workspaceId)).accounts;
    assert.equal(account?.state, 'queued', 'choosing it for reporting queued its sync');
    assert.equal(account?.stopReason, null);
    assert.equal(await jobs(workspaceId, advertiserId), 1);
    const synced = await runSync(workspaceId, advertiserId);
    assert.ok(!('stopped' in synced), JSON.stringify(synced));
    const after = (await status(browser, workspaceId)).accounts[0]!;
    assert.equal(after.state, 'ready', JSON.stringify(after));
    assert.ok(after.backfill && after.backfill.storedDays > 0);
  });
});
