/**
 * One TikTok rate budget for every process (issue 10 §6). Four real Whathead processes — two
 * `--role=web`, two `--role=worker` — on one PostgreSQL database call the TikTok emulator (Basic
 * tier: 10 calls a second, 600 a minute) for 90 measured seconds, asking for three times what
 * TikTok allows: 20 workspaces' sync work arriving at 1.45 calls a second each (14 workspaces in
 * one worker, 6 in the other) and one call a person waits on every second (from the web
 * processes, in turn).
 *
 * The same run is made twice, side by side: with the budget in the database (what Whathead does)
 * and with a budget of each process's own (the in-memory limiter every process had before). The
 * emulator is the judge of what TikTok would have refused.
 *
 * Figures: throttled_share (40100 answers / all calls the emulator saw), utilisation (OK answers
 * a second / the limit), interactive_wait_p95_ms (how long a call a person waited on took, end to
 * end), sync_fairness (fewest / most sync calls served to one workspace), processes.
 *
 * Needs PostgreSQL (four processes share it): TEST_DATABASE_URL or DATABASE_URL, or PostgreSQL's
 * binaries to start a throwaway cluster. BENCH_SECONDS shortens the measured window for a trial.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from '@whathead/db/testing';
import { createTikTokClient, withCallPriority } from '@whathead/tiktok-client';
import { createEmulator, emulatorApp } from '@whathead/tiktok-emulator';
import { percentile, rounded, type Benchmark, type Figures } from '../lib/benchmark.js';
import { findPostgresBinaries, startPostgresCluster, type PostgresCluster } from '../lib/postgres-cluster.js';
import type { ProcessPlan, ProcessReport } from '../lib/rate-budget-process.js';

const limitPerSecond = 10;
const demandMultiple = 3;
const workspaces = Array.from(
  { length: 20 },
  (_, index) => `workspace-${String(index + 1).padStart(2, '0')}`,
);
const interactivePerSecond = 1;
const syncPerSecond = (limitPerSecond * demandMultiple - interactivePerSecond) / workspaces.length;
const measuredSeconds = Number(process.env.BENCH_SECONDS ?? 90);
const warmUpSeconds = 5;
const childScript = fileURLToPath(new URL('../lib/rate-budget-process.ts', import.meta.url));

interface Scenario {
  figures: Figures;
  failures: Record<string, number>;
}

async function postgresServer(): Promise<{ url: string; cluster?: PostgresCluster }> {
  const given = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (given) return { url: given };
  const binaries = findPostgresBinaries();
  if (!binaries)
    throw new Error(
      'rate-budget needs PostgreSQL: four processes share one database, which embedded PGlite cannot serve. Set TEST_DATABASE_URL or install PostgreSQL.',
    );
  const cluster = await startPostgresCluster(binaries);
  return { url: cluster.url, cluster };
}

function startProcess(plan: ProcessPlan) {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, `--role=${plan.role}`], {
    env: { ...process.env, RATE_BUDGET_PLAN: JSON.stringify(plan), LOG_LEVEL: 'warn' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let output = '';
  const lines: string[] = [];
  const waiters: ((line: string) => void)[] = [];
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    output += chunk;
    let end: number;
    while ((end = output.indexOf('\n')) >= 0) {
      const line = output.slice(0, end);
      output = output.slice(end + 1);
      const waiter = waiters.shift();
      if (waiter) waiter(line);
      else lines.push(line);
    }
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`${plan.role} process exited (${code}) early`))),
  );
  // Only a line still awaited turns an exit into a failure.
  exited.catch(() => undefined);
  const nextLine = () =>
    Promise.race([
      new Promise<string>((resolve) => {
        const line = lines.shift();
        if (line !== undefined) resolve(line);
        else waiters.push(resolve);
      }),
      exited,
    ]);
  const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, nextLine, done };
}

async function runScenario(
  budget: ProcessPlan['budget'],
  common: Pick<ProcessPlan, 'emulatorUrl' | 'appId' | 'secret' | 'accessToken' | 'advertiserIds'>,
  emulator: ReturnType<typeof createEmulator>,
): Promise<Scenario> {
  const database = await createTestDatabase({ migrated: false });
  try {
    const base = {
      ...common,
      databaseUrl: database.url!,
      budget,
      syncPerSecond,
      interactiveWorkspaces: workspaces,
      warmUpMilliseconds: warmUpSeconds * 1_000,
      durationMilliseconds: (warmUpSeconds + measuredSeconds) * 1_000,
    };
    const plans: ProcessPlan[] = [
      { ...base, role: 'web', syncWorkspaces: [], interactiveEverySeconds: 2, interactiveOffsetSeconds: 0 },
      { ...base, role: 'web', syncWorkspaces: [], interactiveEverySeconds: 2, interactiveOffsetSeconds: 1 },
      { ...base, role: 'worker', syncWorkspaces: workspaces.slice(0, 14) },
      { ...base, role: 'worker', syncWorkspaces: workspaces.slice(14) },
    ];
    // One after another: four processes migrating and starting at once on two cores only slow each other.
    const processes = [];
    for (const plan of plans) {
      const started = startProcess(plan);
      const ready = await started.nextLine();
      if (ready !== 'ready') throw new Error(`a ${plan.role} process said ${ready}`);
      processes.push(started);
    }
    emulator.control.clearCalls();
    const startAt = Date.now() + 1_000;
    for (const { child } of processes) child.stdin.write(`${startAt}\n`);
    console.log(`  ${budget} budget: 4 processes running for ${warmUpSeconds + measuredSeconds} s…`);
    const reports = (await Promise.all(processes.map(({ nextLine }) => nextLine()))).map(
      (line) => JSON.parse(line) as ProcessReport,
    );
    // Each process closes its connections before its database is dropped.
    await Promise.all(processes.map(({ done }) => done));
    const from = startAt + warmUpSeconds * 1_000;
    const to = startAt + (warmUpSeconds + measuredSeconds) * 1_000;
    const seen = emulator.control.calls().filter((call) => call.time >= from && call.time <= to);
    const throttled = seen.filter((call) => call.code === 40100).length;
    const answeredOk = seen.filter((call) => call.code === 0).length;
    const served = workspaces.map((workspace) =>
      reports.reduce((sum, report) => sum + (report.syncServed[workspace] ?? 0), 0),
    );
    const waits = reports.flatMap((report) => report.interactiveMilliseconds);
    const failures: Record<string, number> = {};
    for (const report of reports)
      for (const [kind, count] of Object.entries(report.failures))
        failures[kind] = (failures[kind] ?? 0) + count;
    const figures: Figures = {
      throttled_share: rounded(seen.length === 0 ? 0 : throttled / seen.length, 4),
      utilisation: rounded(answeredOk / measuredSeconds / limitPerSecond, 3),
      interactive_wait_p95_ms: rounded(percentile(waits, 95)),
      interactive_wait_p50_ms: rounded(percentile(waits, 50)),
      interactive_calls: waits.length,
      sync_fairness: rounded(Math.min(...served) / Math.max(1, ...served), 3),
      sync_calls_min: Math.min(...served),
      sync_calls_max: Math.max(...served),
      calls_seen: seen.length,
      throttled_40100: throttled,
    };
    console.log(`  ${budget} budget: ${JSON.stringify(figures)}`);
    if (Object.keys(failures).length > 0)
      console.log(`  ${budget} budget: calls failed: ${JSON.stringify(failures)}`);
    return { figures, failures };
  } finally {
    await database.close();
  }
}

export const benchmark: Benchmark = {
  description: `4 Whathead processes on one PostgreSQL call the emulator at ${demandMultiple}× its ${limitPerSecond} QPS limit for ${measuredSeconds} s: the shared budget against each process's own`,
  async run() {
    const server = await postgresServer();
    process.env.TEST_DATABASE_URL = server.url;
    const emulator = createEmulator();
    const listening = await emulator.listen({ port: 0, host: '127.0.0.1' });
    try {
      console.log(
        `PostgreSQL at ${server.cluster ? 'a throwaway cluster' : 'the given server'}; emulator at ${listening.url}`,
      );
      const oauth = createTikTokClient({
        baseUrl: `${listening.url}/open_api/v1.3`,
        appId: emulatorApp.appId,
        secret: emulatorApp.secret,
      });
      const token = await withCallPriority({ lane: 'interactive' }, () =>
        oauth.oauth.exchangeAuthorizationCode({
          authCode: emulator.control.issueAuthorizationCode({
            email: 'alex.admin@example.com',
            bcId: '7100000000000000001',
          }),
        }),
      );
      // The accounts a sync may read: those TikTok lets this app call (some are not eligible).
      const advertiserIds: string[] = [];
      for (const advertiserId of token.advertiserIds)
        await withCallPriority({ lane: 'interactive' }, () =>
          oauth.campaigns.get({ accessToken: token.accessToken, advertiserId }),
        ).then(
          () => advertiserIds.push(advertiserId),
          () => undefined,
        );
      const common = {
        emulatorUrl: listening.url,
        appId: emulatorApp.appId,
        secret: emulatorApp.secret,
        accessToken: token.accessToken,
        advertiserIds,
      };
      const shared = await runScenario('shared', common, emulator);
      const own = await runScenario('own', common, emulator);
      const figures: Figures = { processes: 4, seconds: measuredSeconds, demand_multiple: demandMultiple };
      for (const [name, value] of Object.entries(shared.figures)) figures[name] = value;
      for (const [name, value] of Object.entries(own.figures)) figures[`baseline_${name}`] = value;
      const share = Number(shared.figures.utilisation);
      const baseline = Number(own.figures.utilisation);
      figures.utilisation_over_baseline = rounded(baseline === 0 ? 0 : share / baseline, 2);
      return figures;
    } finally {
      await listening.close();
      server.cluster?.stop();
    }
  },
};
