/**
 * The Campaigns table at scale (issue 11, "done when"): one workspace's mirror holding 100,000
 * ads with their 15,000 ad groups and 3,000 campaigns across 10 ad accounts, read through
 * GET /api/workspaces/:id/campaigns by 8 concurrent requests. Target: p95 ≤ 50 ms.
 *
 * How: the real app (`startWhathead`, a `web` process, requests logged as in production into a
 * sink) listens on loopback in this process, on PostgreSQL. Its owner connects an agency Business
 * Center (the emulator's `agency-large`: 125 ad accounts) through the API and selects 10 of them;
 * the mirror of those accounts is then written straight into `tiktok_entities` in SQL (names,
 * statuses, budgets, TikTok times over a year; scripts/lib/campaign-table-seed.ts) and analysed, as
 * autovacuum would have by the time anyone reads it. autocannon (scripts/lib/load-generator.ts, a
 * process of its own) keeps 8 requests in flight, each with the next of 8 sessions, over the views
 * in turn, round after round: the default view (ads, newest change first), one account, a status,
 * a search, sorted by name, and the default view's second page (its cursor); each at the API's
 * default page of 100 rows, and again at the web app's pages (200 rows, then 500 as the table
 * scrolls; `web_…` figures). Each view's p50, p95 and p99, and all requests' of a page size
 * together; beside them, each view's SQL alone (the repository called in this process, one at a
 * time: the median of 20), which tells the query's share from the rest; and /healthz's, in the
 * same rounds, which tells what a busy machine adds to any request.
 *
 * Needs PostgreSQL (its plans are what is measured): TEST_DATABASE_URL or DATABASE_URL, or
 * PostgreSQL's binaries for a throwaway cluster.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { campaignTableQuerySchema, type CampaignTableResponse } from '@whathead/contracts';
import { createEmulator, emulatorApp } from '@whathead/tiktok-emulator';
import type { FastifyInstance } from 'fastify';
import { CampaignTableRepository } from '../../apps/server/src/repositories/campaign-table.repository.js';
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
import { seedMirror, type MirrorShape } from '../lib/campaign-table-seed.js';
import { generateLoad } from '../lib/load-generator.js';

const agency = { bcId: '7100000000000000301', email: 'lena.large@example.com' };
const accountCount = 10;
const shape: MirrorShape = { campaignsPerAccount: 300, adGroupsPerAccount: 1_500, adsPerAccount: 10_000 };
const connections = 8;
const sessions = 8;
const warmUpSeconds = 3;
const rounds = 4;
const phaseSeconds = 1.5;
const settleSeconds = 0.3;
const sqlSamples = 20;
const targetP95 = 50;

/**
 * The web app's page sizes (apps/web/src/features/campaigns/api/get-campaigns.ts): its first page,
 * and each one loaded as the table scrolls. The API's own default is 100.
 */
const webPageSizes = { first: 200, later: 500 };

interface View {
  name: string;
  query: Record<string, string>;
}

/**
 * The views a marketer opens, as query strings of the table route; `page2` follows `cursor`, the
 * default view's first page's. With `sizes`, each page as large as the web app asks for.
 */
function views(advertiserIds: string[], cursor: string, sizes?: typeof webPageSizes): View[] {
  const first: Record<string, string> = sizes ? { limit: String(sizes.first) } : {};
  const later: Record<string, string> = sizes ? { limit: String(sizes.later) } : {};
  return [
    { name: 'default', query: { level: 'ad', ...first } },
    { name: 'account', query: { level: 'ad', accounts: advertiserIds[3]!, ...first } },
    { name: 'status', query: { level: 'ad', status: 'paused', ...first } },
    { name: 'search', query: { level: 'ad', q: 'unboxing', ...first } },
    { name: 'name', query: { level: 'ad', sort: 'name', direction: 'asc', ...first } },
    {
      name: 'page2',
      query: {
        level: 'ad',
        after: cursor,
        ...later,
      },
    },
  ];
}

/** A view's SQL alone: the repository's statement for it, one at a time, the median of `samples`. */
async function sqlMilliseconds(
  table: CampaignTableRepository,
  workspaceId: string,
  view: View,
  samples: number,
) {
  const query = campaignTableQuerySchema.parse(view.query);
  // The cursor is [sort, direction, value, account, id] (campaign-mirror.service.ts).
  const after = query.after
    ? ((JSON.parse(Buffer.from(query.after, 'base64url').toString('utf8')) as string[]).slice(2) as [
        string,
        string,
        string,
      ])
    : undefined;
  const times: number[] = [];
  for (let sample = 0; sample < samples; sample += 1) {
    const started = performance.now();
    await table.page({
      workspaceId,
      level: query.level,
      advertiserIds: query.accounts,
      status: query.status,
      search: query.q || undefined,
      sort: query.sort,
      direction: query.direction,
      after,
      limit: query.limit + 1,
    });
    times.push(performance.now() - started);
  }
  return percentile(times, 50);
}

/** The owner's workspace with the agency connected and 10 accounts selected, and 8 signed-in sessions. */
async function seedWorkspace(
  app: FastifyInstance,
  issueCode: (grant: { email: string; bcId: string }) => string,
) {
  const owner = new TestBrowser(app);
  const session = await owner.signUp({ email: 'owner@example.com', workspaceName: 'Atlas Media' });
  const workspaceId = session.activeWorkspaceId!;
  const { state } = await startConnect(owner, workspaceId);
  const connectionId = await deliverCallback(owner, state, issueCode(agency), {
    workspaceId,
    groupKey: agency.bcId,
  });
  const advertiserIds = Array.from({ length: accountCount }, (_, index) =>
    String(7200000000000003001n + BigInt(index)),
  );
  const saved = await owner.request('PUT', `${connectionsPath(workspaceId)}/${connectionId}/accounts`, {
    selectedAdvertiserIds: advertiserIds,
    defaultAdvertiserId: advertiserIds[0],
  });
  if (saved.status !== 200) throw new Error(`selection: ${saved.status} ${saved.text}`);
  const cookieOf = (browser: TestBrowser) =>
    [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const cookies = [cookieOf(owner)];
  while (cookies.length < sessions) {
    const browser = new TestBrowser(app);
    await browser.get('/api/session');
    const loggedIn = await browser.post('/api/auth/login', {
      email: 'owner@example.com',
      password: 'correct horse battery staple',
    });
    if (loggedIn.status !== 200) throw new Error(`log-in: ${loggedIn.status} ${loggedIn.text}`);
    cookies.push(cookieOf(browser));
  }
  return { owner, workspaceId, advertiserIds, cookies };
}

export const benchmark: Benchmark = {
  description: `the Campaigns table API over ${accountCount * shape.adsPerAccount} mirrored ads at ${connections} concurrent requests: p50/p95/p99 per view (target p95 ≤ ${targetP95} ms)`,
  async run(): Promise<Figures> {
    const postgres = await openBenchPostgres('campaign-table');
    const emulator = createEmulator({ scenario: 'agency-large', publicUrl: 'http://localhost:3000' });
    const listening = await emulator.listen({ port: 0 });
    const dataDirectory = mkdtempSync(path.join(tmpdir(), 'whathead-bench-table-'));
    const app = await benchApp(
      { DATABASE_URL: postgres.url, WHATHEAD_DATA_DIR: dataDirectory, PUBLIC_URL: 'http://localhost:3000' },
      emulatorSettings(listening.url, emulatorApp),
    );
    try {
      await app.start();
      const { owner, workspaceId, advertiserIds, cookies } = await seedWorkspace(app.whathead.app!, (grant) =>
        emulator.control.issueAuthorizationCode(grant),
      );
      const seedStarted = performance.now();
      await seedMirror(postgres.database, workspaceId, advertiserIds, shape);
      await postgres.database.executeSql('vacuum analyze tiktok_entities');
      const { rows } = await postgres.database.executeSql(
        'select level, count(*)::int as count from tiktok_entities where workspace_id = $1 group by level order by level',
        [workspaceId],
      );
      const counts = Object.fromEntries(
        (rows as { level: string; count: number }[]).map((row) => [row.level, row.count]),
      );
      console.log(
        `${postgres.label}; ${availableParallelism()} cores; mirror written in ${rounded((performance.now() - seedStarted) / 1000, 1)} s: ` +
          `${counts.campaign} campaigns, ${counts.adgroup} ad groups, ${counts.ad} ads in ${advertiserIds.length} accounts`,
      );
      const base = `/api/workspaces/${workspaceId}/campaigns`;
      const pathOf = (view: View) => `${base}?${new URLSearchParams(view.query)}`;
      const firstPage = async (limit?: number) => {
        const answer = await owner.get<CampaignTableResponse>(
          `${base}?level=ad${limit ? `&limit=${limit}` : ''}`,
        );
        if (answer.status !== 200 || !answer.body.nextCursor)
          throw new Error(`first page: ${answer.status} ${answer.text.slice(0, 200)}`);
        return { cursor: answer.body.nextCursor, bytesPerRow: answer.text.length / answer.body.rows.length };
      };
      const apiFirst = await firstPage();
      const webFirst = await firstPage(webPageSizes.first);
      const sets = [
        { prefix: '', label: 'API default page (100 rows)', views: views(advertiserIds, apiFirst.cursor) },
        {
          prefix: 'web_',
          label: `the web app's pages (${webPageSizes.first} rows, ${webPageSizes.later} after)`,
          views: views(advertiserIds, webFirst.cursor, webPageSizes),
        },
      ];
      const table = new CampaignTableRepository(app.whathead.database);
      const sql = new Map<string, number>();
      for (const set of sets)
        for (const view of set.views) {
          const answer = await owner.get<CampaignTableResponse>(pathOf(view));
          if (answer.status !== 200 || answer.body.rows.length === 0)
            throw new Error(`${view.name}: ${answer.status} ${answer.text.slice(0, 200)}`);
          sql.set(set.prefix + view.name, await sqlMilliseconds(table, workspaceId, view, sqlSamples));
        }

      const targets = sets.flatMap((set) => set.views.map((view) => ({ key: set.prefix + view.name, view })));
      // /healthz, which does no work of ours, in the same rounds: what the machine alone costs a request.
      const loads = await generateLoad({
        baseUrl: app.baseUrl,
        paths: [...targets.map((target) => pathOf(target.view)), '/healthz'],
        cookies,
        connections,
        warmUpSeconds,
        rounds,
        phaseSeconds,
        settleSeconds,
      });
      const figures: Figures = {
        engine: postgres.label,
        cores: availableParallelism(),
        connections,
        ads: counts.ad ?? 0,
        ad_groups: counts.adgroup ?? 0,
        campaigns: counts.campaign ?? 0,
        accounts: advertiserIds.length,
        bytes_per_row: rounded(apiFirst.bytesPerRow),
        target_p95_ms: targetP95,
      };
      const healthz = loads.at(-1)!.latencies;
      figures.healthz_p50_ms = rounded(percentile(healthz, 50), 1);
      figures.healthz_p95_ms = rounded(percentile(healthz, 95), 1);
      const latencies = new Map<string, number[]>();
      targets.forEach((target, index) => {
        const load = loads[index]!;
        if (load.failed > 0) throw new Error(`${target.key}: ${load.failed} requests failed`);
        latencies.set(target.key, load.latencies);
        const [p50, p95, p99] = [50, 95, 99].map((rank) => percentile(load.latencies, rank)) as [
          number,
          number,
          number,
        ];
        const sqlAlone = sql.get(target.key)!;
        figures[`${target.key}_p50_ms`] = rounded(p50, 1);
        figures[`${target.key}_p95_ms`] = rounded(p95, 1);
        figures[`${target.key}_p99_ms`] = rounded(p99, 1);
        figures[`${target.key}_rps`] = rounded(load.answered / load.seconds);
        figures[`${target.key}_sql_ms`] = rounded(sqlAlone, 1);
        console.log(
          `${target.key.padEnd(12)} ${String(rounded(load.answered / load.seconds)).padStart(5)} req/s  p50 ${rounded(p50, 1)} ms  ` +
            `p95 ${rounded(p95, 1)} ms  p99 ${rounded(p99, 1)} ms  (its SQL alone: ${rounded(sqlAlone, 1)} ms)`,
        );
      });
      for (const set of sets) {
        const all = set.views.flatMap((view) => latencies.get(set.prefix + view.name)!);
        const [p50, p95, p99] = [50, 95, 99].map((rank) => rounded(percentile(all, rank), 1)) as [
          number,
          number,
          number,
        ];
        figures[`${set.prefix}p50_ms`] = p50;
        figures[`${set.prefix}p95_ms`] = p95;
        figures[`${set.prefix}p99_ms`] = p99;
        figures[`${set.prefix}p95_max_view_ms`] = Math.max(
          ...set.views.map((view) => Number(figures[`${set.prefix}${view.name}_p95_ms`])),
        );
        console.log(`${set.label}, every view: p50 ${p50} ms  p95 ${p95} ms  p99 ${p99} ms`);
      }
      console.log(
        `/healthz in the same rounds: p50 ${figures.healthz_p50_ms} ms  p95 ${figures.healthz_p95_ms} ms`,
      );
      return figures;
    } finally {
      await app.stop();
      await listening.close();
      await postgres.close();
      rmSync(dataDirectory, { recursive: true, force: true });
    }
  },
};
