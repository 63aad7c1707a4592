import { withCallPriority, type CallPriority } from '@whathead/tiktok-client';
import type { Database } from '@whathead/db';
import type { FastifyBaseLogger } from 'fastify';
import PgBoss from 'pg-boss';
import type { JobDefinition } from './job.js';

const defaultPollingIntervalSeconds = 2;
/** Where a sent job is announced, so that a worker in any process asks for it at once. */
const sentChannel = 'whathead_job_sent';

/**
 * The process's handle on pg-boss. It runs over the app's own database connection on both
 * engines (the `db` adapter of stack-notes §4), so jobs need no second connection setting. A web
 * process only sends jobs; a worker process also works them and keeps the schedules.
 */
export class JobQueue {
  readonly #boss: PgBoss;
  readonly #database: Database;
  readonly #definitions: Map<string, JobDefinition>;
  /** This process's pg-boss workers by queue (a worker process only). */
  readonly #workers = new Map<string, string[]>();
  #stopListening: (() => void) | undefined;

  private constructor(boss: PgBoss, database: Database, definitions: JobDefinition[]) {
    this.#boss = boss;
    this.#database = database;
    this.#definitions = new Map(definitions.map((definition) => [definition.name, definition]));
  }

  static async start(options: {
    database: Database;
    definitions: JobDefinition[];
    work: boolean;
    logger: FastifyBaseLogger;
    /** How often a worker asks for new jobs: pg-boss's 2 s by default, down to its 0.5 s minimum in tests. */
    pollingIntervalSeconds?: number;
  }): Promise<JobQueue> {
    const boss = new PgBoss({
      db: { executeSql: (text, values) => options.database.executeSql(text, values) },
      schema: 'pgboss',
      supervise: options.work,
      schedule: options.work,
    });
    boss.on('error', (error) => options.logger.error({ err: error }, 'job queue error'));
    await boss.start();
    const queue = new JobQueue(boss, options.database, options.definitions);
    for (const definition of options.definitions) {
      const policy = {
        name: definition.name,
        policy: definition.policy ?? 'standard',
        retryLimit: definition.retry.limit,
        retryDelay: definition.retry.delaySeconds,
        retryBackoff: definition.retry.backoff,
      };
      // createQueue does nothing when the queue exists, so a changed retry policy is applied here.
      await boss.createQueue(definition.name, policy);
      await boss.updateQueue(definition.name, policy);
      if (!options.work) continue;
      if (definition.recurring)
        await boss.schedule(definition.name, definition.recurring.cron, definition.recurring.payload);
      // pg-boss 10 works one batch at a time per worker: each worker is one run at a time.
      for (let count = 0; count < (definition.concurrency ?? 1); count += 1) {
        const worker: { id?: string } = {};
        const id = await boss.work<object>(
          definition.name,
          {
            batchSize: 1,
            pollingIntervalSeconds: options.pollingIntervalSeconds ?? defaultPollingIntervalSeconds,
          },
          async ([job]) => {
            try {
              return await queue.#run(definition, job, options.logger);
            } finally {
              // A worker that found a job asks for the next at once: pg-boss would otherwise wait
              // out its polling interval after every run, so three upload workers managed 1.5
              // uploads a second where TikTok's limit allows 10.
              if (worker.id) boss.notifyWorker(worker.id);
            }
          },
        );
        worker.id = id;
        queue.#workers.set(definition.name, [...(queue.#workers.get(definition.name) ?? []), id]);
      }
    }
    if (options.work) {
      // pg-boss finds a new job when it next polls (every 2 s); a sent job is announced so that a
      // click's job starts at once. Polling stays, for a job whose announcement was missed.
      queue.#stopListening = await options.database.listen(sentChannel, (name) => {
        for (const id of queue.#workers.get(name) ?? []) boss.notifyWorker(id);
      });
    }
    return queue;
  }

  async #run(definition: JobDefinition, job: PgBoss.Job<object> | undefined, logger: FastifyBaseLogger) {
    if (!job) return undefined;
    const log = logger.child({ job: definition.name, jobId: job.id });
    const payload = definition.payload.safeParse(job.data);
    if (!payload.success) {
      // A payload that does not parse never will: record it and do not retry.
      log.error({ issues: payload.error.issues }, 'job payload rejected');
      return { rejected: true };
    }
    const started = Date.now();
    try {
      const outcome = await withCallPriority(priorityOf(definition, payload.data), () =>
        definition.run(payload.data),
      );
      log.info({ outcome, durationMs: Date.now() - started }, 'job done');
      return outcome;
    } catch (error) {
      log.warn(
        { err: error, durationMs: Date.now() - started },
        'job failed; pg-boss retries it per its policy',
      );
      throw error;
    }
  }

  /** Queues one run. Returns the job id, or null when pg-boss dropped it as a duplicate. */
  async send<Payload extends object>(
    definition: JobDefinition<Payload>,
    payload: Payload,
    options: { delaySeconds?: number } = {},
  ): Promise<string | null> {
    if (!this.#definitions.has(definition.name)) throw new Error(`Job ${definition.name} is not registered.`);
    const parsed = definition.payload.parse(payload);
    const singletonKey = definition.singletonKey?.(parsed);
    const id = await this.#boss.send(definition.name, parsed, {
      ...(singletonKey === undefined ? {} : { singletonKey }),
      ...(options.delaySeconds ? { startAfter: options.delaySeconds } : {}),
    });
    if (id !== null && !options.delaySeconds)
      await this.#database.notify(sentChannel, definition.name).catch(() => undefined);
    return id;
  }

  async stop(): Promise<void> {
    this.#stopListening?.();
    await this.#boss.stop({ graceful: true, wait: true, timeout: 10_000, close: false });
  }

  /** Each queue's backlog, for /metrics: jobs waiting (queued, or for a retry) and jobs running. */
  async depths(): Promise<{ queue: string; waiting: number; active: number }[]> {
    return Promise.all(
      [...this.#definitions.keys()].map(async (queue) => {
        // pg-boss counts jobs in states before the one named: created and retry, then also active.
        const waiting = await this.#boss.getQueueSize(queue, { before: 'active' });
        const unfinished = await this.#boss.getQueueSize(queue, { before: 'completed' });
        return { queue, waiting, active: Math.max(0, unfinished - waiting) };
      }),
    );
  }
}

/** A job's TikTok calls go in its lane, for the workspace its payload names. */
function priorityOf(definition: JobDefinition, payload: object): CallPriority {
  const tenant =
    'workspaceId' in payload && typeof payload.workspaceId === 'string'
      ? payload.workspaceId.toLowerCase()
      : undefined;
  return { lane: definition.lane, tenant };
}
