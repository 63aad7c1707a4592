/**
 * Report sync at scale (issue 12, "done when"): three ad accounts of 2,000 ads each (20 campaigns,
 * 200 ad groups), 90 days of daily reports and 3 days of hourly ones, at the emulator's default
 * rate limits (Basic tier: 10 calls a second).
 *
 * How: the real app runs as a `web` process here and a `worker` process beside it, on one
 * PostgreSQL database, as in the campaign-sync benchmark. The accounts are created 90 days ago
 * (the backfill's reach) and the workspace keeps 3 days of hours, re-read as its restatement
 * window (the hourly reads' reach). The owner selects the accounts before the worker starts; the campaign mirror's jobs that
 * queues are dropped, so the budget serves the reports alone; then **Sync now** queues the pass.
 *
 * Figures: calls (the report and account-info calls the emulator answered), their minimum
 * (`calls_min`: per account one /advertiser/info/, per 30-day span of the 90 days and per hourly
 * day ceil(rows / 1000), at least 1, counting the rows TikTok holds), `calls_ratio`; the pass's
 * wall time (first job's start to last job's end, pg-boss's times) over the time the rate limit
 * needs for the calls made (`time_ratio`); `throttled_share` (40100s / calls); rows stored against
 * TikTok's; the worker's peak RSS. Targets: calls_ratio ≤ 1.02, time_ratio ≤ 1.10,
 * throttled_share ≤ 0.001.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEmulator, emulatorApp, type ScenarioDefinition } from '@whathead/tiktok-emulator';
import { TestBrowser } from '../../apps/server/src/testing/test-app.js';
import {
  connectionsPath,
  deliverCallback,
  emulatorSettings,
  startConnect,
} from '../../apps/server/src/testing/tiktok-flow.js';
import { percentile, rounded, type Benchmark, type Figures } from '../lib/benchmark.js';
import { benchApp } from '../lib/bench-app.js';
import { openBenchPostgres } from '../lib/bench-postgres.js';
import { jobsSettled, syncPass } from '../lib/campaign-sync-steps.js';
import { startSyncWorker, type SyncWorker } from '../lib/campaign-sync-worker-process.js';

const businessCenterId = '7100000000000000501';
const tiktokUser = 'riley.reports@example.com';
const advertiserIds = ['7200000000000005001', '7200000000000005002', '7200000000000005003'];
const days = 90;
const hourlyDays = 3;
const pageSize = 1000;
const passSeconds = Number(process.env.REPORT_SYNC_PASS_SECONDS ?? 300);
const reportPath = '/report/integrated/get/';
const infoPath = '/advertiser/info/';

const twoDigits = (value: number) => String(value).padStart(2, '0');
/** TikTok's "YYYY-MM-DD HH:MM:SS" (UTC). */
const tiktokTime = (date: Date) =>
  `${date.getUTCFullYear()}-${twoDigits(date.getUTCMonth() + 1)}-${twoDigits(date.getUTCDate())} ` +
  `${twoDigits(date.getUTCHours())}:${twoDigits(date.getUTCMinutes())}:${twoDigits(date.getUTCSeconds())}`;

function scenario(): ScenarioDefinition {
  const created = tiktokTime(new Date(Date.now() - (days - 1) * 86_400_000 - 3_600_000));
  return {
    name: 'report-sync',
    description: 'Three ad accounts of 2,000 ads, created 90 days ago.',
    users: [
      {
        user_id: '6900000000000000501',
        email: tiktokUser,
        password: 'riley-password',
        display_name: 'Riley',
      },
    ],
    business_centers: [
      {
        bc_id: businessCenterId,
        name: 'Harbor Reports Group',
        members: [{ email: tiktokUser, user_role: 'ADMIN' }],
        advertisers: [
          ['Harbor US', 'USD', 'America/New_York'],
          ['Harbor EU', 'EUR', 'Europe/Berlin'],
          ['Harbor JP', 'JPY', 'Asia/Tokyo'],
        ].map(([name, currency, zone], index) => ({
          advertiser_id: advertiserIds[index]!,
          name: name!,
          currency: currency!,
          display_timezone: zone!,
          created,
          generated_entities: { campaigns: 20, ad_groups: 200, ads: 2_000 },
        })),
      },
    ],
  } as ScenarioDefinition;
}

/** The day an instant falls on in a zone ("YYYY-MM-DD"). */
const dayIn = (instant: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );
const addDays = (day: string, count: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + count * 86_400_000).toISOString().slice(0, 10);

export const benchmark: Benchmark = {
  description: 'report sync: 3 ad accounts × 2,000 ads, 90 days daily + 3 days hourly, at 10 QPS',
  async run(): Promise<Figures> {
    const postgres = await openBenchPostgres('report-sync');
    const emulator = createEmulator({ scenario: scenario(), publicUrl: 'http://localhost:3000' });
    const listening = await emulator.listen({ port: 0 });
    const tiktok = emulatorSettings(listening.url, emulatorApp);
    const dataDirectory = mkdtempSync(path.join(tmpdir(), 'whathead-bench-reports-'));
    const app = await benchApp(
      { DATABASE_URL: postgres.url, WHATHEAD_DATA_DIR: dataDirectory, PUBLIC_URL: 'http://localhost:3000' },
      tiktok,
    );
    const database = postgres.database;
    let worker: SyncWorker | undefined;
    try {
      await app.start();
      const limits = emulator.control.settings().appRateLimit;
      const perSecond = Math.min(limits.perSecond, limits.perMinute / 60);
      const owner = new TestBrowser(app.whathead.app!);
      const session = await owner.signUp({ email: 'owner@example.com', workspaceName: 'Harbor' });
      const workspaceId = session.activeWorkspaceId!;
      const { state } = await startConnect(owner, workspaceId);
      const authCode = emulator.control.issueAuthorizationCode({ email: tiktokUser, bcId: businessCenterId });
      const connectionId = await deliverCallback(owner, state, authCode, {
        workspaceId,
        groupKey: businessCenterId,
      });
      const settings = await owner.request('PUT', `/api/workspaces/${workspaceId}/reports/settings`, {
        restatementDays: hourlyDays,
        hourlyRetentionDays: hourlyDays,
      });
      if (settings.status !== 200) throw new Error(`settings: ${settings.status} ${settings.text}`);
      const saved = await owner.request('PUT', `${connectionsPath(workspaceId)}/${connectionId}/accounts`, {
        selectedAdvertiserIds: advertiserIds,
        defaultAdvertiserId: advertiserIds[0],
      });
      if (saved.status !== 200) throw new Error(`selection: ${saved.status} ${saved.text}`);
      // Only the measured pass may spend the budget: the selection's syncs and the sweeps go.
      await database.executeSql(
        "delete from pgboss.job where name in ('tiktok-campaign-sync', 'tiktok-report-sync', 'tiktok-connection-check')",
      );
      await database.executeSql(
        "delete from pgboss.schedule where name in ('tiktok-campaign-sweep', 'tiktok-report-sweep', 'tiktok-report-maintenance')",
      );
      worker = await startSyncWorker({ databaseUrl: postgres.url, tiktok });
      await jobsSettled(database);
      console.log(`${postgres.label}; 3 accounts × 2,000 ads; limit ${limits.perSecond}/s; syncing…`);

      const pass = await syncPass(
        database,
        emulator,
        advertiserIds.length,
        async () => {
          const queued = await owner.post(`/api/workspaces/${workspaceId}/reports/sync`);
          if (queued.status !== 202) throw new Error(`sync: ${queued.status} ${queued.text}`);
        },
        passSeconds * 1000,
        'tiktok-report-sync',
      );
      const calls = pass.calls.filter((call) => call.path === reportPath || call.path === infoPath);
      const throttled = calls.filter((call) => call.code === 40100).length;

      // The minimum: what TikTok holds, in the fewest pages its span limits allow.
      const token = emulator.control.tokens().at(-1)!.access_token;
      let minimumCalls = 0;
      let tiktokRows = 0;
      const store = emulator.state.store;
      for (const advertiserId of advertiserIds) {
        const zone = store.advertisers.get(advertiserId)!.displayTimezone;
        const today = dayIn(emulator.control.now(), zone);
        minimumCalls += 1; // its creation, for the backfill's reach
        for (let end = today; end > addDays(today, -days); end = addDays(end, -30)) {
          const start =
            addDays(end, -29) > addDays(today, -(days - 1)) ? addDays(end, -29) : addDays(today, -(days - 1));
          const rows = await countRows(
            listening.url,
            token,
            advertiserId,
            'AUCTION_AD',
            ['ad_id', 'stat_time_day'],
            start,
            end,
          );
          tiktokRows += rows;
          minimumCalls += Math.max(1, Math.ceil(rows / pageSize));
        }
        for (let day = 0; day < hourlyDays; day += 1) {
          const date = addDays(today, -day);
          const rows = await countRows(
            listening.url,
            token,
            advertiserId,
            'AUCTION_CAMPAIGN',
            ['campaign_id', 'stat_time_hour'],
            date,
            date,
          );
          minimumCalls += Math.max(1, Math.ceil(rows / pageSize));
        }
      }
      const { rows: stored } = await database.executeSql(
        'select count(*)::int as count from tiktok_report_ad_days where workspace_id = $1',
        [workspaceId],
      );
      const storedRows = (stored[0] as { count: number }).count;
      const seconds = pass.milliseconds / 1000;
      const secondsAtLimit = calls.length / perSecond;
      const memory = await worker.memory();
      console.log(
        `${calls.length} calls (minimum ${minimumCalls}), ${rounded(seconds, 1)} s (the limit allows ${rounded(secondsAtLimit, 1)} s), ` +
          `${throttled} throttled; ${storedRows} ad days stored of ${tiktokRows}; worker peak RSS ${memory.peakRssMegabytes} MB`,
      );
      return {
        engine: postgres.label,
        accounts: advertiserIds.length,
        ads: 6_000,
        days,
        hourly_days: hourlyDays,
        finished: pass.finished ? 'yes' : 'no',
        calls: calls.length,
        calls_min: minimumCalls,
        calls_ratio: rounded(calls.length / minimumCalls, 3),
        seconds: rounded(seconds, 2),
        seconds_at_limit: rounded(secondsAtLimit, 2),
        time_ratio: rounded(seconds / secondsAtLimit, 3),
        throttled_40100: throttled,
        throttled_share: rounded(throttled / Math.max(1, calls.length), 4),
        failed_calls: calls.filter((call) => call.code !== 0 && call.code !== 40100).length,
        calls_by_sync: pass.callsCountedBySync,
        ad_days_stored: storedRows,
        ad_days_at_tiktok: tiktokRows,
        rows_match: storedRows === tiktokRows ? 'yes' : 'no',
        emulator_ms_per_call_p50: rounded(
          percentile(
            calls.map((call) => call.durationMilliseconds),
            50,
          ),
        ),
        emulator_ms_per_call_p95: rounded(
          percentile(
            calls.map((call) => call.durationMilliseconds),
            95,
          ),
        ),
        rss_mb: memory.peakRssMegabytes,
      };
    } finally {
      await worker?.stop();
      await app.stop();
      await listening.close();
      await postgres.close();
      rmSync(dataDirectory, { recursive: true, force: true });
    }
  },
};

/** How many rows TikTok holds for a report (its first page's total), asked after the pass. */
async function countRows(
  baseUrl: string,
  token: string,
  advertiserId: string,
  level: string,
  dimensions: string[],
  start: string,
  end: string,
): Promise<number> {
  const url = new URL(`${baseUrl}/open_api/v1.3${reportPath}`);
  for (const [key, value] of Object.entries({
    advertiser_id: advertiserId,
    report_type: 'BASIC',
    data_level: level,
    dimensions: JSON.stringify(dimensions),
    metrics: JSON.stringify(['spend']),
    start_date: start,
    end_date: end,
    page_size: '1',
    filtering: JSON.stringify([
      {
        field_name: level === 'AUCTION_AD' ? 'ad_status' : 'campaign_status',
        filter_type: 'IN',
        filter_value: '["STATUS_ALL"]',
      },
    ]),
  }))
    url.searchParams.set(key, value);
  for (;;) {
    const answer = (await (await fetch(url, { headers: { 'access-token': token } })).json()) as {
      code: number;
      data: { page_info: { total_number: number } };
    };
    if (answer.code === 0) return answer.data.page_info.total_number;
    if (answer.code !== 40100) throw new Error(`${reportPath}: ${answer.code}`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}
