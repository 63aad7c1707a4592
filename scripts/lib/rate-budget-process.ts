/**
 * One Whathead process of the rate-budget benchmark (scripts/benchmarks/rate-budget.ts): the real
 * app, started with its role, spends TikTok calls against the emulator the way its role would —
 * a web process makes the calls people wait on, a worker the sync calls of its workspaces — and
 * reports what it saw as one JSON line on stdout.
 *
 * Its plan arrives as JSON in RATE_BUDGET_PLAN; once started it says `ready` and waits for the
 * common start time on stdin, so that every process begins at the same moment.
 */
import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { Writable } from 'node:stream';
import { createInMemoryRateLimitStore, withCallPriority } from '@whathead/tiktok-client';
import type { FastifyBaseLogger } from 'fastify';
import { pino } from 'pino';
import { loadConfig } from '../../apps/server/src/config.js';
import { startWhathead } from '../../apps/server/src/server.js';

export interface ProcessPlan {
  role: 'web' | 'worker';
  databaseUrl: string;
  emulatorUrl: string;
  appId: string;
  secret: string;
  accessToken: string;
  advertiserIds: string[];
  /** Workspaces whose sync this process runs, each asking for `syncPerSecond` calls a second. */
  syncWorkspaces: string[];
  syncPerSecond: number;
  /** Calls a person waits on: one every `interactiveEverySeconds`, first after `interactiveOffsetSeconds`. */
  interactiveEverySeconds?: number;
  interactiveOffsetSeconds?: number;
  interactiveWorkspaces: string[];
  /** `shared`: the database budget every process spends; `own`: a budget of this process alone. */
  budget: 'shared' | 'own';
  warmUpMilliseconds: number;
  durationMilliseconds: number;
}

export interface ProcessReport {
  role: string;
  /** OK calls per workspace completed inside the measured window. */
  syncServed: Record<string, number>;
  /** How long each interactive call took (milliseconds), for those completed inside the window. */
  interactiveMilliseconds: number[];
  failures: Record<string, number>;
}

const plan = JSON.parse(process.env.RATE_BUDGET_PLAN ?? '{}') as ProcessPlan;
const config = loadConfig({
  NODE_ENV: 'test',
  HOST: '127.0.0.1',
  PORT: '3999', // not listened on: the benchmark calls TikTok from inside the process
  WHATHEAD_ROLE: plan.role,
  DATABASE_URL: plan.databaseUrl,
  SESSION_SECRET: randomBytes(48).toString('base64'),
  TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
});
// Logged as in production, into a sink: the logging is part of the cost.
const logger = pino({ level: 'info' }, new Writable({ write: (_chunk, _encoding, done) => done() }));
const whathead = await startWhathead(config, {
  logger: logger as unknown as FastifyBaseLogger,
  listen: false,
  webRoot: '/nonexistent-web-root',
  tiktok: {
    mode: 'emulator',
    appId: plan.appId,
    secret: plan.secret,
    apiBaseUrl: `${plan.emulatorUrl}/open_api/v1.3`,
    authUrl: `${plan.emulatorUrl}/portal/auth`,
  },
  tiktokRateLimitStore: plan.budget === 'own' ? createInMemoryRateLimitStore() : undefined,
});
const client = whathead.services.tiktokClient;
process.stdout.write('ready\n');
const startAt = await new Promise<number>((resolve) => {
  process.stdin.setEncoding('utf8');
  process.stdin.once('data', (line: string) => resolve(Number(line.trim())));
});
process.stdin.pause();
const stop = new AbortController();
// Every call listens for the end of the run.
setMaxListeners(0, stop.signal);
const report: ProcessReport = { role: plan.role, syncServed: {}, interactiveMilliseconds: [], failures: {} };
const measuredFrom = startAt + plan.warmUpMilliseconds;
const measuredTo = startAt + plan.durationMilliseconds;
const inWindow = (time: number) => time >= measuredFrom && time <= measuredTo;
const pending = new Set<Promise<unknown>>();

function call(lane: 'sync' | 'interactive', workspace: string, index: number) {
  const advertiserId = plan.advertiserIds[index % plan.advertiserIds.length]!;
  const started = Date.now();
  const request = withCallPriority({ lane, tenant: workspace }, () =>
    client.campaigns.get({ accessToken: plan.accessToken, advertiserId, signal: stop.signal }),
  ).then(
    () => {
      const finished = Date.now();
      if (!inWindow(finished)) return;
      if (lane === 'sync') report.syncServed[workspace] = (report.syncServed[workspace] ?? 0) + 1;
      else report.interactiveMilliseconds.push(finished - started);
    },
    (error: unknown) => {
      if (stop.signal.aborted) return;
      const kind = (error as { kind?: string }).kind ?? (error as Error).name;
      report.failures[kind] = (report.failures[kind] ?? 0) + 1;
    },
  );
  pending.add(request);
  void request.finally(() => pending.delete(request));
}

/** Calls arriving at a steady rate (open loop): demand does not slow down when answers do. */
function arrivals(everyMilliseconds: number, offsetMilliseconds: number, fire: (index: number) => void) {
  let index = 0;
  const next = () => {
    const due = startAt + offsetMilliseconds + index * everyMilliseconds;
    if (due > measuredTo) return;
    setTimeout(
      () => {
        fire(index);
        index += 1;
        next();
      },
      Math.max(0, due - Date.now()),
    );
  };
  next();
}

plan.syncWorkspaces.forEach((workspace, position) =>
  arrivals(1_000 / plan.syncPerSecond, (position * 37) % 1_000, (index) => call('sync', workspace, index)),
);
if (plan.interactiveEverySeconds)
  arrivals(plan.interactiveEverySeconds * 1_000, (plan.interactiveOffsetSeconds ?? 0) * 1_000, (index) =>
    call('interactive', plan.interactiveWorkspaces[index % plan.interactiveWorkspaces.length]!, index),
  );

await new Promise((resolve) => setTimeout(resolve, Math.max(0, measuredTo - Date.now())));
stop.abort(new Error('the benchmark is over'));
await Promise.allSettled([...pending]);
process.stdout.write(`${JSON.stringify(report)}\n`);
await whathead.close();
process.exit(0);
