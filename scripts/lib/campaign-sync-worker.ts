/**
 * The worker process of the campaign-sync benchmark (scripts/benchmarks/campaign-sync.ts): the
 * real app started as `--role=worker` on the benchmark's database, working the jobs the web
 * process queues (the mirror's syncs among them) against the emulator. It runs apart so that its
 * peak memory is the sync's and not the benchmark's, which holds the emulator's 72,000 objects.
 *
 * Its settings arrive as JSON in CAMPAIGN_SYNC_WORKER. It says `ready` once started; then each
 * `memory` line on stdin is answered with one JSON line of its memory, and `stop` closes it.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import { pino } from 'pino';
import { loadConfig } from '../../apps/server/src/config.js';
import type { TikTokSettings } from '../../apps/server/src/lib/tiktok-settings.js';
import { startWhathead } from '../../apps/server/src/server.js';
import { secrets } from './bench-app.js';

export interface WorkerSettings {
  databaseUrl: string;
  tiktok: TikTokSettings;
}

/** What the process holds now, and the most it ever held (the kernel's peak resident set). */
export interface WorkerMemory {
  rssMegabytes: number;
  peakRssMegabytes: number;
  heapUsedMegabytes: number;
  /** The most JavaScript heap in use at any sample (every 50 ms): what RSS holds beyond it is slack. */
  peakHeapUsedMegabytes: number;
}

const settings = JSON.parse(process.env.CAMPAIGN_SYNC_WORKER ?? '{}') as WorkerSettings;
const config = loadConfig({
  NODE_ENV: 'test',
  HOST: '127.0.0.1',
  PORT: '3999', // a worker serves no HTTP
  WHATHEAD_ROLE: 'worker',
  DATABASE_URL: settings.databaseUrl,
  ...secrets,
});
// Logged as in production, into a sink: the logging is part of the cost.
const logger = pino({ level: 'info' }, new Writable({ write: (_chunk, _encoding, done) => done() }));
const whathead = await startWhathead(config, {
  logger: logger as unknown as FastifyBaseLogger,
  listen: false,
  webRoot: '/nonexistent-web-root',
  tiktok: settings.tiktok,
  // pg-boss's least: a queued sync starts within half a second, as a worker's would on an idle queue.
  jobPollingIntervalSeconds: 0.5,
});

const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
let peakHeapUsed = 0;
setInterval(() => {
  peakHeapUsed = Math.max(peakHeapUsed, process.memoryUsage().heapUsed);
}, 50).unref();
const memory = (): WorkerMemory => ({
  rssMegabytes: megabytes(process.memoryUsage.rss()),
  // resourceUsage() gives the peak in kilobytes.
  peakRssMegabytes: megabytes(process.resourceUsage().maxRSS * 1024),
  heapUsedMegabytes: megabytes(process.memoryUsage().heapUsed),
  peakHeapUsedMegabytes: megabytes(Math.max(peakHeapUsed, process.memoryUsage().heapUsed)),
});

process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'memory') process.stdout.write(`${JSON.stringify(memory())}\n`);
  if (line === 'stop') break;
}
await whathead.close();
process.exit(0);
