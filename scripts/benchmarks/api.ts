/**
 * The app's own request overhead (issue 10, item 7): the throughput of the main authenticated read
 * routes (GET /api/session, a workspace's members, its TikTok connections) over that of /healthz,
 * which does no work of ours, in the same run. `read_ratio` is the lowest route's on PostgreSQL.
 * Each target also reports p50/p95/p99 and p99 over p95, on PostgreSQL and on embedded PGlite,
 * and the engines' start and restart times.
 *
 * How: the real app (`startWhathead`, a `web` process, requests logged as in production into a
 * sink) listens on loopback in this process; autocannon runs beside it in a process of its own
 * (scripts/lib/load-generator.ts) with 100 keep-alive connections, one request in flight on each.
 * A workspace is seeded through the API as a browser would (scripts/lib/bench-app.ts): five
 * members, two open invitations, two TikTok connections with six ad accounts from the in-process
 * emulator, and as many sessions as connections (its members logged in from 100 browsers); each
 * request carries the next session in turn, so no two requests in a row share one. After a warm-up, /healthz and the routes take turns in phases of 1.75 s on the same
 * connections, 8 rounds, so every target meets the same machine: other programs' load comes and
 * goes, and a target measured alone for 10 s would meet another machine than the next. Each
 * phase's first half second is not measured, while the previous target's requests finish; each
 * target is measured for 10 s in all. A request counts for the phase it was sent in.
 *
 * The connections are opened during the warm-up, so the figures are the requests', not the
 * connections': libuv accepts one connection per event-loop turn, and a turn of a saturated PGlite
 * process runs a hundred requests' queries, so a burst of new connections waits seconds for its
 * first answers (the 4.98 s p99 the issue measured was that).
 *
 * PostgreSQL: a throwaway database on TEST_DATABASE_URL or DATABASE_URL when set, else on a
 * throwaway cluster (scripts/lib/postgres-cluster.ts). PGlite: a fresh data dir.
 * `restart_to_readyz_ms_*`: from spawning a new Whathead process (`node --import tsx main.ts`,
 * production mode, every role) to /readyz answering 200; on PostgreSQL on the migrated, seeded
 * database (the median of three), on PGlite on a fresh data dir and on the seeded one.
 * `startwhathead_to_readyz_ms_*`: the same from the `startWhathead` call in this process, where the
 * code is already loaded.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase } from '@whathead/db/testing';
import { createEmulator, emulatorApp } from '@whathead/tiktok-emulator';
import { emulatorSettings } from '../../apps/server/src/testing/tiktok-flow.js';
import { percentile, rounded, type Benchmark, type Figures } from '../lib/benchmark.js';
import { benchApp, processStartToReady, seedWorkspace } from '../lib/bench-app.js';
import { generateLoad } from '../lib/load-generator.js';
import { findPostgresBinaries, startPostgresCluster } from '../lib/postgres-cluster.js';

const connections = 100;
const warmUpSeconds = 3;
const rounds = 8;
const phaseSeconds = 1.75;
const settleSeconds = 0.5;
const postgresRestarts = 3;

/** The routes a signed-in page load reads; later issues add theirs here. */
const readRoutes: { name: string; path(workspaceId: string): string }[] = [
  { name: 'session', path: () => '/api/session' },
  { name: 'members', path: (workspaceId) => `/api/workspaces/${workspaceId}/members` },
  { name: 'connections', path: (workspaceId) => `/api/workspaces/${workspaceId}/tiktok/connections` },
];

type Engine = 'postgres' | 'pglite';

interface Store {
  /** What the app's environment needs to use the database (and a data dir of its own). */
  environment: Record<string, string>;
  label: string;
  close(): Promise<void>;
}

/** A new PGlite data dir, or a new database on the PostgreSQL server (dropped on close). */
async function openStore(engine: Engine): Promise<Store> {
  const dataDirectory = mkdtempSync(path.join(tmpdir(), 'whathead-bench-api-'));
  const removeDirectory = () => rmSync(dataDirectory, { recursive: true, force: true });
  if (engine === 'pglite') {
    return {
      environment: { WHATHEAD_DATA_DIR: dataDirectory },
      label: 'embedded PGlite',
      close: async () => removeDirectory(),
    };
  }
  const given = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  let cluster: { url: string; stop(): void } | undefined;
  try {
    if (!given) {
      const binaries = findPostgresBinaries();
      if (!binaries) throw new Error('No PostgreSQL found: install postgresql, or set TEST_DATABASE_URL.');
      cluster = await startPostgresCluster(binaries);
    }
    // createTestDatabase makes a new database on TEST_DATABASE_URL's server.
    process.env.TEST_DATABASE_URL = given || cluster!.url;
    const database = await createTestDatabase({ migrated: false });
    const { rows } = await database.executeSql('show server_version');
    const version = (rows[0] as { server_version: string }).server_version.split(' ')[0];
    return {
      environment: { WHATHEAD_DATA_DIR: dataDirectory, DATABASE_URL: database.url! },
      label: `PostgreSQL ${version} (${given ? 'a throwaway database on TEST_DATABASE_URL/DATABASE_URL' : 'a throwaway cluster'})`,
      async close() {
        await database.close();
        cluster?.stop();
        removeDirectory();
      },
    };
  } catch (error) {
    cluster?.stop();
    removeDirectory();
    throw error;
  }
}

/** The targets in turn after a warm-up, on the same connections: each one's figures. */
async function measureTargets(baseUrl: string, targets: { name: string; path: string }[], cookies: string[]) {
  const loads = await generateLoad({
    baseUrl,
    paths: targets.map((target) => target.path),
    cookies,
    connections,
    warmUpSeconds,
    rounds,
    phaseSeconds,
    settleSeconds,
  });
  return targets.map((target, index) => {
    const load = loads[index]!;
    if (load.failed > 0) throw new Error(`${target.path}: ${load.failed} requests failed`);
    const [p50, p95, p99] = [50, 95, 99].map((rank) => percentile(load.latencies, rank)) as [
      number,
      number,
      number,
    ];
    return { name: target.name, rps: load.answered / load.seconds, p50, p95, p99 };
  });
}

async function measureEngine(engine: Engine): Promise<Figures> {
  const store = await openStore(engine);
  const emulator = createEmulator({});
  const listening = await emulator.listen({ port: 0 });
  const tiktok = emulatorSettings(listening.url, emulatorApp);
  try {
    // PUBLIC_URL is where the emulator sends the TikTok sign-in back (its registered redirect).
    const app = await benchApp({ ...store.environment, PUBLIC_URL: 'http://localhost:3000' }, tiktok);
    const firstStart = await app.start();
    let measured: Awaited<ReturnType<typeof measureTargets>>;
    try {
      const { cookies, workspaceId } = await seedWorkspace(
        app.whathead,
        (grant) => emulator.control.issueAuthorizationCode(grant),
        connections,
      );
      measured = await measureTargets(
        app.baseUrl,
        [
          { name: 'healthz', path: '/healthz' },
          ...readRoutes.map((route) => ({ name: route.name, path: route.path(workspaceId) })),
        ],
        cookies,
      );
    } finally {
      await app.stop();
    }
    const figures: Figures = { [`${engine}_engine`]: store.label };
    const healthz = measured[0]!;
    for (const target of measured) {
      const prefix = `${engine}_${target.name}`;
      const ratio = target.rps / healthz.rps;
      figures[`${prefix}_rps`] = rounded(target.rps);
      figures[`${prefix}_p50_ms`] = rounded(target.p50, 1);
      figures[`${prefix}_p95_ms`] = rounded(target.p95, 1);
      figures[`${prefix}_p99_ms`] = rounded(target.p99, 1);
      figures[`${prefix}_p99_over_p95`] = rounded(target.p99 / target.p95, 2);
      if (target !== healthz) figures[`${prefix}_ratio`] = rounded(ratio, 2);
      console.log(
        `${engine.padEnd(8)} ${target.name.padEnd(12)} ${String(rounded(target.rps)).padStart(6)} req/s` +
          `  p50 ${rounded(target.p50, 1)} ms  p95 ${rounded(target.p95, 1)} ms  p99 ${rounded(target.p99, 1)} ms` +
          (target === healthz ? '' : `  ratio to /healthz ${rounded(ratio, 2)}`),
      );
    }
    const startCall = await app.start();
    await app.stop();
    if (engine === 'postgres') {
      const restarts: number[] = [];
      for (let restart = 0; restart < postgresRestarts; restart += 1)
        restarts.push(await processStartToReady(store.environment, tiktok));
      figures.restart_to_readyz_ms_postgres = rounded(percentile(restarts, 50));
      figures.startwhathead_to_readyz_ms_postgres = rounded(startCall);
      console.log(
        `${store.label}: a new process ready in ${restarts.map((each) => rounded(each)).join(', ')} ms; ` +
          `startWhathead in this process ${rounded(firstStart)} ms on a new database, ${rounded(startCall)} ms on the seeded one`,
      );
    } else {
      const fresh = mkdtempSync(path.join(tmpdir(), 'whathead-bench-api-fresh-'));
      try {
        figures.restart_to_readyz_ms_pglite_fresh = rounded(
          await processStartToReady({ WHATHEAD_DATA_DIR: fresh }, tiktok),
        );
      } finally {
        rmSync(fresh, { recursive: true, force: true });
      }
      figures.restart_to_readyz_ms_pglite = rounded(await processStartToReady(store.environment, tiktok));
      figures.startwhathead_to_readyz_ms_pglite_fresh = rounded(firstStart);
      figures.startwhathead_to_readyz_ms_pglite = rounded(startCall);
      console.log(
        `${store.label}: a new process ready in ${figures.restart_to_readyz_ms_pglite_fresh} ms on a fresh data dir, ` +
          `${figures.restart_to_readyz_ms_pglite} ms on the seeded one; startWhathead in this process ${rounded(firstStart)} ms ` +
          `on a fresh data dir, ${rounded(startCall)} ms on the seeded one`,
      );
    }
    return figures;
  } finally {
    await listening.close();
    await store.close();
  }
}

export const benchmark: Benchmark = {
  description: `read routes' throughput over /healthz's at ${connections} connections, on PostgreSQL and PGlite, and restart times`,
  async run(): Promise<Figures> {
    const measuredSeconds = rounds * (phaseSeconds - settleSeconds);
    console.log(
      `${availableParallelism()} cores; ${connections} connections; each target measured ${measuredSeconds} s ` +
        `in ${rounds} phases of ${phaseSeconds} s (the first ${settleSeconds} s of each unmeasured), in turn with the others`,
    );
    const postgres = await measureEngine('postgres');
    const pglite = await measureEngine('pglite');
    const lowestRatio = (engine: Engine, figures: Figures) =>
      Math.min(...readRoutes.map((route) => Number(figures[`${engine}_${route.name}_ratio`])));
    const tails = Object.entries({ ...postgres, ...pglite })
      .filter(([name]) => name.endsWith('_p99_over_p95'))
      .map(([, value]) => Number(value));
    return {
      cores: availableParallelism(),
      connections,
      seconds_per_target: measuredSeconds,
      read_ratio: lowestRatio('postgres', postgres),
      read_ratio_pglite: lowestRatio('pglite', pglite),
      p99_over_p95_max: Math.max(...tails),
      ...postgres,
      ...pglite,
    };
  },
};
