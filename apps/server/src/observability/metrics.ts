import { lanes, type RateLimitObserver, type RatePause, type TikTokCallEvent } from '@whathead/tiktok-client';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { JobDefinition } from '../jobs/job.js';

/**
 * How a TikTok call attempt ended, as the dashboards count it: `40100` (the app's budget is
 * spent) and `40133` (one advertiser on one path) are the throttles to watch; `auth` is a token
 * or permission failure that only a person reconnecting fixes; everything else is `other`.
 */
export type TikTokCallOutcome = 'ok' | '40100' | '40133' | 'auth' | 'other';

/** The error kinds (tiktok-client errors/tiktok-error-kind.ts) that only a reconnect or a new grant fixes. */
const authKinds = new Set(['auth_invalid', 'permission_denied', 'authorization_code_invalid']);

export function tiktokCallOutcome(
  event: Pick<TikTokCallEvent, 'outcome' | 'code' | 'kind'>,
): TikTokCallOutcome {
  if (event.outcome === 'success') return 'ok';
  if (event.code === 40100) return '40100';
  if (event.code === 40133) return '40133';
  if (event.kind !== undefined && authKinds.has(event.kind)) return 'auth';
  return 'other';
}

const pauseScopes = ['app', 'endpoint', 'advertiser'] as const;

/** One job queue's backlog, as pg-boss counts it. */
export interface QueueDepth {
  queue: string;
  waiting: number;
  active: number;
}

interface WarnLogger {
  warn(fields: object, message: string): void;
}

/**
 * The process's Prometheus metrics, in a registry of its own (tests run several apps in one
 * process, so prom-client's global registry would mix them). Recorders are called where things
 * happen; gauges that describe shared state (pauses, queue depth) are read from the database when
 * scraped, and a failed read leaves its series out rather than failing the whole scrape.
 */
export function createMetrics(options: { logger: WarnLogger; processMetrics?: boolean }) {
  const registry = new Registry();
  const registers = [registry];
  // Memory, CPU, event-loop lag, handles: a few reads per scrape and one GC observer.
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry });

  const tiktokCalls = new Counter({
    name: 'whathead_tiktok_calls_total',
    help: 'TikTok call attempts by endpoint, lane and outcome (ok, 40100, 40133, auth, other).',
    labelNames: ['endpoint', 'lane', 'outcome'] as const,
    registers,
  });
  const permits = new Counter({
    name: 'whathead_tiktok_rate_permits_total',
    help: 'Slots the TikTok rate limiter granted, by lane.',
    labelNames: ['lane'] as const,
    registers,
  });
  const waits = new Histogram({
    name: 'whathead_tiktok_rate_wait_seconds',
    help: 'How long a TikTok call waited for its rate-limit slot, by lane.',
    labelNames: ['lane'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers,
  });
  const jobDurations = new Histogram({
    name: 'whathead_job_duration_seconds',
    help: 'How long background jobs ran, by queue and outcome (completed, failed).',
    labelNames: ['queue', 'outcome'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
    registers,
  });
  for (const lane of lanes) {
    permits.labels(lane).inc(0);
    waits.zero({ lane });
  }

  let readPauses: (() => Promise<RatePause[]>) | undefined;
  let readQueues: (() => Promise<QueueDepth[]>) | undefined;
  const read = async <Value>(what: string, reader: (() => Promise<Value>) | undefined) => {
    try {
      return reader ? await reader() : undefined;
    } catch (error) {
      options.logger.warn({ err: error }, `metrics: could not read ${what}`);
      return undefined;
    }
  };

  new Gauge({
    name: 'whathead_tiktok_rate_pause_seconds',
    help: 'Seconds left of the longest pause TikTok asked for, by scope (app, endpoint, advertiser); 0 when none.',
    labelNames: ['scope'] as const,
    registers,
    async collect() {
      this.reset();
      const pauses = await read('TikTok rate pauses', readPauses);
      if (!pauses) return;
      const now = Date.now();
      for (const scope of pauseScopes) {
        const left = pauses
          .filter((pause) => pause.key.split(':')[0] === scope)
          .map((pause) => Math.max(0, pause.until - now) / 1000);
        this.labels(scope).set(Math.max(0, ...left));
      }
    },
  });
  new Gauge({
    name: 'whathead_job_queue_jobs',
    help: 'Background jobs by queue and state: waiting (queued or waiting to retry) and active.',
    labelNames: ['queue', 'state'] as const,
    registers,
    async collect() {
      this.reset();
      for (const depth of (await read('job queue depths', readQueues)) ?? []) {
        this.labels(depth.queue, 'waiting').set(depth.waiting);
        this.labels(depth.queue, 'active').set(depth.active);
      }
    },
  });

  return {
    registry,
    /** Counts one TikTok call attempt (the client reports every attempt, retries included). */
    recordTikTokCall(event: TikTokCallEvent): void {
      tiktokCalls.labels(event.path, event.lane, tiktokCallOutcome(event)).inc();
    },
    /** The rate limiter's observer: a permit and its wait. */
    rateLimitObserver: {
      granted({ lane, waitedMilliseconds }) {
        permits.labels(lane).inc();
        waits.labels(lane).observe(waitedMilliseconds / 1000);
      },
    } satisfies RateLimitObserver,
    /** Each job's run is timed; the queue keeps its name. */
    timeJobs(definitions: JobDefinition[]): JobDefinition[] {
      return definitions.map((definition) => ({
        ...definition,
        async run(payload: object) {
          const end = jobDurations.startTimer({ queue: definition.name });
          try {
            const outcome = await definition.run(payload);
            end({ outcome: 'completed' });
            return outcome;
          } catch (error) {
            end({ outcome: 'failed' });
            throw error;
          }
        },
      }));
    },
    /** Where the pause gauge reads the pauses still running, when scraped. */
    watchRatePauses(reader: () => Promise<RatePause[]>): void {
      readPauses = reader;
    },
    /** Where the queue gauge reads pg-boss's backlog, when scraped. */
    watchJobQueues(reader: () => Promise<QueueDepth[]>): void {
      readQueues = reader;
    },
    /** The Prometheus text exposition of everything above. */
    async render(): Promise<{ contentType: string; body: string }> {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
