/**
 * The Reports dashboard over a large store (issue 12, "done when"): 10,000,000 ad-day rows and
 * the rollups built from them, read by 8 concurrent requests. Target: p95 ≤ 50 ms per scenario.
 *
 * How: 40 workspaces, the first 5 agencies with 3 ad accounts each and the others with one, so 50
 * accounts of 2,000 ads (200 ad groups, 40 campaigns) with 100 days each, are written straight in
 * SQL (scripts/lib/report-query-seed.ts): the workspaces, their connections and selected accounts,
 * each account's report sync state, the campaign mirror (the breakdown's names), the ad days, and
 * the rollups rewritten by the repository's own `finishAdDays`; then analysed, as autovacuum would
 * have. The dashboard's two requests are `ReportService.overview` (KPI totals per currency and the
 * daily series, with the previous period to compare) and `ReportService.breakdown` (campaigns,
 * by spend), called in this process with a signed-in member's actor, as the routes call them: the
 * service's own queries (the account list, settings) and its arithmetic are measured, HTTP and the
 * session lookup are not. Two scenarios over the last 30 days, each request on the next agency:
 * (a) one ad account; (b) the workspace's three accounts (one in EUR). 8 requests stay in flight,
 * over the two scenarios in turn, round after round; each scenario's p50/p95 over both requests,
 * and each request's; beside them, each scenario's SQL alone (the repository's statements called
 * one at a time, the median of 20), which tells the queries' share from the rest, and the CPU a
 * request costs this process and PostgreSQL (read from /proc), which sets the queueing of 8
 * requests on 2 cores. Also timed alone, outside the scenarios: the breakdown by ad of the same
 * scope, the one dashboard read that sums ad days (2,000 ads × 30 days an account).
 *
 * Needs PostgreSQL (its plans are what is measured): TEST_DATABASE_URL or DATABASE_URL, or
 * PostgreSQL's binaries for a throwaway cluster.
 */
import { availableParallelism } from 'node:os';
import { reportBreakdownQuerySchema, reportOverviewQuerySchema } from '@whathead/contracts';
import { migrate, openDatabase, type Database } from '@whathead/db';
import type { TikTokClient } from '@whathead/tiktok-client';
import { TikTokConnectionRepository } from '../../apps/server/src/repositories/tiktok-connection.repository.js';
import { TikTokMirrorRepository } from '../../apps/server/src/repositories/tiktok-mirror.repository.js';
import { TikTokReportAccountsRepository } from '../../apps/server/src/repositories/tiktok-report-accounts.repository.js';
import { TikTokReportFactsRepository } from '../../apps/server/src/repositories/tiktok-report-facts.repository.js';
import {
  TikTokReportQueriesRepository,
  type ReportScope,
} from '../../apps/server/src/repositories/tiktok-report-queries.repository.js';
import { WorkspaceRepository } from '../../apps/server/src/repositories/workspace.repository.js';
import { ReportService } from '../../apps/server/src/services/report.service.js';
import type { TikTokConnectionService } from '../../apps/server/src/services/tiktok-connection.service.js';
import { WorkspaceService, type Actor } from '../../apps/server/src/services/workspace.service.js';
import { percentile, rounded, type Benchmark, type Figures } from '../lib/benchmark.js';
import { openBenchPostgres } from '../lib/bench-postgres.js';
import {
  backendDifference,
  backendMilliseconds,
  cpuStallMicroseconds,
  ownMilliseconds,
} from '../lib/cpu-time.js';
import { connect } from '../lib/report-ad-days.js';
import {
  dayBefore,
  seedReportStore,
  type ReportStoreShape,
  type SeededWorkspace,
} from '../lib/report-query-seed.js';

const shape: ReportStoreShape = {
  workspaces: 40,
  agencies: 5,
  accountsPerAgency: 3,
  campaignsPerAccount: 40,
  adGroupsPerAccount: 200,
  adsPerAccount: 2_000,
  days: 100,
  lastDay: '2026-11-30',
};
const rangeDays = 30;
const concurrency = 8;
const warmUpSeconds = 2;
const rounds = 4;
const phaseSeconds = 2;
const sqlSamples = 20;
const targetP95 = 50;

interface Scenario {
  name: string;
  label: string;
  /** The accounts a request on workspace `workspace` asks for. */
  accounts: (workspace: SeededWorkspace) => string[];
}

const scenarios: Scenario[] = [
  {
    name: 'account',
    label: 'one account × 30 days',
    accounts: (workspace) => workspace.advertiserIds.slice(0, 1),
  },
  { name: 'workspace', label: 'all 3 accounts × 30 days', accounts: (workspace) => workspace.advertiserIds },
];
const requests = ['overview', 'breakdown'] as const;

/** The app's ReportService over `database`; overview and breakdown never reach TikTok or a connection's token. */
function reportService(database: Database, now: Date): ReportService {
  const unused = <Service>(what: string) =>
    new Proxy({} as object, {
      get: () => {
        throw new Error(`The dashboard's reads do not use ${what}.`);
      },
    }) as Service;
  return new ReportService({
    accounts: new TikTokReportAccountsRepository(database),
    facts: new TikTokReportFactsRepository(database),
    queries: new TikTokReportQueriesRepository(database),
    mirror: new TikTokMirrorRepository(database),
    connections: new TikTokConnectionRepository(database),
    connectionService: unused<TikTokConnectionService>('the TikTok connection service'),
    workspaceService: new WorkspaceService({ database, workspaces: new WorkspaceRepository(database) }),
    tiktok: unused<TikTokClient>('the TikTok client'),
    clock: { now: () => now },
  });
}

export const benchmark: Benchmark = {
  description: `the Reports dashboard (overview with compare + campaign breakdown) over 10,000,000 ad days at ${concurrency} concurrent requests: p50/p95 per scenario (target p95 ≤ ${targetP95} ms)`,
  async run(): Promise<Figures> {
    const postgres = await openBenchPostgres('report-query');
    let app: Database | undefined;
    let closeObserver = async () => {};
    try {
      await migrate(postgres.database);
      const seedStarted = performance.now();
      const workspaces = await seedReportStore(
        postgres.database,
        new TikTokReportFactsRepository(postgres.database),
        shape,
        (message) => console.log(`  ${message}`),
      );
      const { rows } = await postgres.database.executeSql(
        `select (select count(*) from tiktok_report_ad_days)::int as ad_days,
          (select count(*) from tiktok_report_campaign_days)::int as campaign_days,
          (select count(*) from tiktok_report_account_days)::int as account_days,
          (select pg_size_pretty(sum(pg_total_relation_size(inhrelid))) from pg_inherits
            where inhparent = 'tiktok_report_ad_days'::regclass) as size`,
      );
      const counts = rows[0] as {
        ad_days: number;
        campaign_days: number;
        account_days: number;
        size: string;
      };
      // The app's own pool (10 connections), as the web process opens it.
      app = await openDatabase({ engine: 'postgres', url: postgres.url });
      const observer = await connect(postgres.url);
      closeObserver = () => observer.end();
      const service = reportService(app, new Date(`${shape.lastDay}T20:00:00Z`));
      const queries = new TikTokReportQueriesRepository(app);
      const agencies = workspaces.slice(0, shape.agencies);
      console.log(
        `${postgres.label}; ${availableParallelism()} cores; written in ${rounded((performance.now() - seedStarted) / 1000)} s: ` +
          `${counts.ad_days} ad days (${counts.size} with indexes), ${counts.campaign_days} campaign days, ` +
          `${counts.account_days} account days, in ${workspaces.length} workspaces`,
      );

      const from = dayBefore(shape.lastDay, rangeDays - 1);
      const actorOf = (workspace: SeededWorkspace): Actor => ({
        userId: '00000000-0000-4000-8000-00000000beef',
        workspaces: [{ id: workspace.workspaceId, role: 'member' }],
      });
      const call = (scenario: Scenario, request: (typeof requests)[number], workspace: SeededWorkspace) => {
        const range = { accounts: scenario.accounts(workspace).join(','), from, to: shape.lastDay };
        return request === 'overview'
          ? service.overview(
              actorOf(workspace),
              workspace.workspaceId,
              reportOverviewQuerySchema.parse({ ...range, compare: 'true' }),
            )
          : service.breakdown(
              actorOf(workspace),
              workspace.workspaceId,
              reportBreakdownQuerySchema.parse(range),
            );
      };
      // Every answer once: what a dashboard would show, so a wrong seed or a failing read stops here.
      for (const scenario of scenarios) {
        const overview = (await call(scenario, 'overview', agencies[0]!)) as Awaited<
          ReturnType<ReportService['overview']>
        >;
        const breakdown = (await call(scenario, 'breakdown', agencies[0]!)) as Awaited<
          ReturnType<ReportService['breakdown']>
        >;
        const points = overview.totals.reduce((sum, totals) => sum + totals.series.length, 0);
        if (overview.totals.length === 0 || points === 0 || breakdown.rows.length === 0)
          throw new Error(`${scenario.name}: an empty answer`);
        console.log(
          `${scenario.label}: ${overview.totals.length} currencies (${overview.totals.map((totals) => `${totals.currency} spend ${totals.current.spend}`).join(', ')}), ` +
            `${points} days charted, ${breakdown.rows.length} campaigns in the breakdown`,
        );
      }

      // Each scenario's SQL alone: the repository's statements for one request pair, one at a time.
      const sql = new Map<string, number>();
      for (const scenario of scenarios) {
        const scope = (range: { from: string; to: string }): ReportScope => ({
          workspaceId: agencies[0]!.workspaceId,
          advertiserIds: scenario.accounts(agencies[0]!),
          ...range,
        });
        const previous = { from: dayBefore(from, rangeDays), to: dayBefore(from, 1) };
        const statements = {
          // The overview reads the range and the period before it in one statement.
          series: () => queries.series(scope({ from: previous.from, to: shape.lastDay }), 'day'),
          breakdown: () =>
            queries.breakdown(scope({ from, to: shape.lastDay }), {
              level: 'campaign',
              sort: 'spend',
              direction: 'desc',
              limit: 1001,
              sums: 'breakdown',
            }),
          // Not part of the scenario: the drill-down to ads, the one read that sums the ad days.
          ad_level_breakdown: () =>
            queries.breakdown(scope({ from, to: shape.lastDay }), {
              level: 'ad',
              sort: 'spend',
              direction: 'desc',
              limit: 1001,
              sums: 'breakdown',
            }),
        };
        for (const [name, statement] of Object.entries(statements)) {
          const times: number[] = [];
          for (let sample = 0; sample < sqlSamples; sample += 1) {
            const started = performance.now();
            await statement();
            times.push(performance.now() - started);
          }
          sql.set(`${scenario.name}_${name}`, percentile(times, 50));
        }
      }

      // 8 requests in flight: each worker takes the next request of the scenario on the next agency.
      const latencies = new Map<string, number[]>();
      let turn = 0;
      const load = async (scenario: Scenario, seconds: number, keep: boolean) => {
        const until = performance.now() + seconds * 1000;
        let answered = 0;
        await Promise.all(
          Array.from({ length: concurrency }, async () => {
            while (performance.now() < until) {
              const index = turn++;
              const request = requests[index % requests.length]!;
              const workspace = agencies[Math.floor(index / requests.length) % agencies.length]!;
              const started = performance.now();
              await call(scenario, request, workspace);
              answered += 1;
              if (keep) {
                const key = `${scenario.name}_${request}`;
                latencies.set(key, [...(latencies.get(key) ?? []), performance.now() - started]);
              }
            }
          }),
        );
        return answered;
      };
      for (const scenario of scenarios) await load(scenario, warmUpSeconds, false);
      // Each scenario's CPU per request, this process's and PostgreSQL's: what wall times on a
      // shared machine hide, and with 8 requests in flight on 2 cores what sets the queueing.
      const answered = new Map<string, number>();
      const nodeMilliseconds = new Map<string, number>();
      const postgresMilliseconds = new Map<string, number>();
      const add = (map: Map<string, number>, key: string, value: number) =>
        map.set(key, (map.get(key) ?? 0) + value);
      const stallBefore = cpuStallMicroseconds();
      const loadStarted = performance.now();
      for (let round = 0; round < rounds; round += 1)
        for (const scenario of scenarios) {
          const [backends, own] = [await backendMilliseconds(observer), ownMilliseconds()];
          add(answered, scenario.name, await load(scenario, phaseSeconds, true));
          add(nodeMilliseconds, scenario.name, ownMilliseconds() - own);
          const backendsAfter = await backendMilliseconds(observer);
          add(postgresMilliseconds, scenario.name, backendDifference(backends, backendsAfter) ?? Number.NaN);
        }
      const stallAfter = cpuStallMicroseconds();

      const figures: Figures = {
        engine: postgres.label,
        cores: availableParallelism(),
        concurrency,
        ad_days: counts.ad_days,
        campaign_days: counts.campaign_days,
        account_days: counts.account_days,
        workspaces: workspaces.length,
        range_days: rangeDays,
        measured_through: 'ReportService.overview + ReportService.breakdown',
        target_p95_ms: targetP95,
      };
      if (stallBefore !== undefined && stallAfter !== undefined)
        figures.cpu_stall_pct = rounded(
          ((stallAfter - stallBefore) / 1000 / (performance.now() - loadStarted)) * 100,
        );
      const p95s: number[] = [];
      for (const scenario of scenarios) {
        const all = requests.flatMap((request) => latencies.get(`${scenario.name}_${request}`) ?? []);
        const [p50, p95, p99] = [50, 95, 99].map((rank) => rounded(percentile(all, rank), 1)) as [
          number,
          number,
          number,
        ];
        p95s.push(p95);
        figures[`${scenario.name}_p50_ms`] = p50;
        figures[`${scenario.name}_p95_ms`] = p95;
        figures[`${scenario.name}_p99_ms`] = p99;
        figures[`${scenario.name}_rps`] = rounded(answered.get(scenario.name)! / (rounds * phaseSeconds));
        figures[`${scenario.name}_node_cpu_ms_per_request`] = rounded(
          nodeMilliseconds.get(scenario.name)! / answered.get(scenario.name)!,
          2,
        );
        const postgresCpu = postgresMilliseconds.get(scenario.name)! / answered.get(scenario.name)!;
        if (Number.isFinite(postgresCpu))
          figures[`${scenario.name}_pg_cpu_ms_per_request`] = rounded(postgresCpu, 2);
        const parts: string[] = [];
        for (const request of requests) {
          const times = latencies.get(`${scenario.name}_${request}`) ?? [];
          figures[`${scenario.name}_${request}_p50_ms`] = rounded(percentile(times, 50), 1);
          figures[`${scenario.name}_${request}_p95_ms`] = rounded(percentile(times, 95), 1);
          parts.push(
            `${request} p50 ${figures[`${scenario.name}_${request}_p50_ms`]} p95 ${figures[`${scenario.name}_${request}_p95_ms`]}`,
          );
        }
        const sqlParts: string[] = [];
        for (const [key, milliseconds] of sql)
          if (key.startsWith(`${scenario.name}_`)) {
            figures[`${key}_sql_ms`] = rounded(milliseconds, 1);
            sqlParts.push(`${key.slice(scenario.name.length + 1)} ${rounded(milliseconds, 1)}`);
          }
        console.log(
          `${scenario.label}: ${figures[`${scenario.name}_rps`]} req/s  p50 ${p50} ms  p95 ${p95} ms  p99 ${p99} ms ` +
            `(${parts.join(', ')}; SQL alone, ms: ${sqlParts.join(', ')}; CPU per request, ms: node ` +
            `${figures[`${scenario.name}_node_cpu_ms_per_request`]}, PostgreSQL ${figures[`${scenario.name}_pg_cpu_ms_per_request`] ?? '?'})`,
        );
      }
      figures.p95_ms = Math.max(...p95s);
      console.log(
        `every scenario's p95 ≤ ${figures.p95_ms} ms; some task waited for a core ${figures.cpu_stall_pct ?? '?'} % of the load`,
      );
      return figures;
    } finally {
      await closeObserver();
      await app?.close();
      await postgres.close();
    }
  },
};
