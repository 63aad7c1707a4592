import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate, openDatabase, preparePrivateDirectory, type Database } from '@whathead/db';
import { createRateLimiter, createTikTokClient, type RateLimitStore } from '@whathead/tiktok-client';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { buildApp, buildMetricsApp } from './app.js';
import { TikTokRateLimitRepository } from './repositories/tiktok-rate-limit.repository.js';
import { ConfigError, type Config } from './config.js';
import { JobQueue } from './jobs/job-queue.js';
import type { JobDefinition } from './jobs/job.js';
import { createJobDefinitions } from './jobs/jobs.js';
import { systemClock, type Clock } from './lib/clock.js';
import { resolveSecrets } from './lib/generated-secrets.js';
import { logMailer, smtpMailer, type Mailer } from './lib/mailer.js';
import { standardCost, type PasswordCost } from './lib/password.js';
import type { TikTokSettings } from './lib/tiktok-settings.js';
import { TokenCipher } from './lib/token-cipher.js';
import { createMetrics } from './observability/metrics.js';
import { startOfflineTikTok } from './offline/offline-tiktok.js';
import { createServices, type AuthenticationLimits, type Services } from './services/services.js';
import { tiktokClientLogger } from './services/tiktok-call-context.js';

// Two folders up from apps/server/src (the sources) and from apps/server/dist (the compiled server
// `npm start` runs) alike.
export const builtWebRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface StartOptions {
  logger: FastifyBaseLogger;
  clock?: Clock;
  passwordCost?: PasswordCost;
  /** Throttles and hashing limits other than the standard ones (benchmarks compare with and without). */
  authenticationLimits?: AuthenticationLimits;
  webRoot?: string;
  /** Listen on the configured ports (PORT, METRICS_PORT); tests that use `inject` skip it. */
  listen?: boolean;
  /** An already-open database (tests); otherwise the configured one is opened and migrated. */
  database?: Database;
  /** TikTok as tests wire it; otherwise real TikTok, or the built-in emulator when no app is configured. */
  tiktok?: TikTokSettings;
  /**
   * Where the TikTok rate budget lives; default the database, shared by every process. The
   * rate-budget benchmark passes a store of the process's own to measure what sharing changes.
   */
  tiktokRateLimitStore?: RateLimitStore;
  /** How often a worker asks for new jobs; tests lower it so a queued job starts at once. */
  jobPollingIntervalSeconds?: number;
}

export interface RunningWhathead {
  app: FastifyInstance | undefined;
  jobs: JobQueue;
  services: Services;
  tiktok: TikTokSettings;
  database: Database;
  /** Where the HTTP server listens, when it does. */
  url: string | undefined;
  /** The METRICS_PORT listener (/healthz, /readyz, /metrics), when METRICS_PORT is set. */
  metricsApp: FastifyInstance | undefined;
  close(): Promise<void>;
}

/**
 * A new TOKEN_ENCRYPTION_KEY: queue the re-encryption of tokens sealed with an older one. Every
 * process may ask; the queue keeps one. Until it finishes, the previous keys still open tokens.
 */
async function startKeyRotationIfNeeded(
  services: Services,
  jobs: JobQueue,
  definitions: JobDefinition[],
  logger: FastifyBaseLogger,
): Promise<void> {
  if (!(await services.tiktokTokenRotation.isNeeded())) return;
  const rotation = definitions.find((definition) => definition.name === 'tiktok-token-rotation')!;
  const jobId = await jobs.send(rotation, {});
  logger.info(
    { jobId, currentKeyId: services.tiktokTokenRotation.currentKeyId },
    'TikTok tokens sealed with a previous key: re-encryption queued',
  );
}

/** SMTP when configured; otherwise mail goes to the log, which production should not rely on. */
function createMailer(config: Config, logger: FastifyBaseLogger): Mailer {
  const mailLogger = logger.child({ component: 'mail' });
  if (config.mail.smtpUrl)
    return smtpMailer({ url: config.mail.smtpUrl, from: config.mail.from, logger: mailLogger });
  if (config.environment === 'production') {
    logger.warn('SMTP_URL is not set: password reset links are written to this log instead of being mailed.');
  }
  return logMailer(mailLogger);
}

/** Listens on METRICS_PORT; a port already taken is a setting to fix, told as one. */
async function listenForMetrics(metricsApp: FastifyInstance, host: string, port: number): Promise<void> {
  try {
    await metricsApp.listen({ port, host });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    throw new ConfigError([
      `METRICS_PORT=${port} is taken by another program, or by another Whathead process on this machine. ` +
        'Fix: give each process on a machine its own METRICS_PORT, such as 9464 for the first and 9465 for the next.',
    ]);
  }
}

/**
 * Starts one Whathead process in the configured role: opens and migrates the database, starts
 * the job queue (working jobs unless the role is `web`), the HTTP app (unless `worker`) and, when
 * METRICS_PORT is set, the listener that serves only health and metrics (in every role).
 */
export async function startWhathead(config: Config, options: StartOptions): Promise<RunningWhathead> {
  const clock = options.clock ?? systemClock;
  const generatesSecrets = !(config.sessionSecret && config.tokenEncryptionKey);
  const embedsDatabase = config.database.engine === 'pglite' && !options.database;
  // Generated secrets and the embedded database live here: nobody but this user may read them.
  if (generatesSecrets || embedsDatabase) preparePrivateDirectory(config.dataDirectory);
  const secrets = resolveSecrets(config, config.dataDirectory);
  if (config.database.engine === 'postgres' && generatesSecrets) {
    // Generated secrets live in this machine's data dir: processes on other machines sharing the
    // database would have their own, and could not read each other's sessions or TikTok tokens.
    options.logger.warn(
      `SESSION_SECRET/TOKEN_ENCRYPTION_KEY are generated in ${config.dataDirectory}: every Whathead process on this ` +
        'database must use that folder, or set both variables to the same values everywhere.',
    );
  }
  const database = options.database ?? (await openDatabase(config.database));
  const closers: (() => Promise<void>)[] = options.database ? [] : [() => database.close()];
  // Shutdown first fails every TikTok call still waiting for a rate-limit slot: one can wait out a
  // pause TikTok asked for, up to the client's 120 s retry deadline, and would hold the app's and
  // the job queue's drain as long. Its request answers 503 (tiktok-errors.ts), its job is retried.
  let stopTikTokCalls = () => {};
  let closing: Promise<void> | undefined;
  // Once: a second call waits for the first shutdown rather than closing everything again.
  const closeAll = () =>
    (closing ??= (async () => {
      stopTikTokCalls();
      for (const close of closers.reverse())
        await close().catch((error) => options.logger.error({ err: error }, 'shutdown step failed'));
    })());
  try {
    let tiktok = options.tiktok;
    if (!tiktok && config.tiktok.mode === 'emulator') {
      const offline = await startOfflineTikTok(config, options.logger);
      closers.push(offline.close);
      tiktok = offline.settings;
    }
    tiktok ??= {
      mode: 'tiktok',
      appId: config.tiktok.appId!,
      secret: config.tiktok.appSecret!,
      apiBaseUrl: config.tiktok.apiBaseUrl,
      authUrl: config.tiktok.authUrl,
    };
    const applied = await migrate(database);
    if (applied.length > 0) options.logger.info({ migrations: applied }, 'database migrated');
    const mailer = createMailer(config, options.logger);
    closers.push(() => mailer.close());
    // This process's /metrics: TikTok calls, rate-limit permits and pauses, job queues.
    const metrics = createMetrics({ logger: options.logger.child({ component: 'metrics' }) });
    // One budget for every process on this database: a pause TikTok asks of one holds for all, and
    // lanes and fair shares are counted across all of them.
    const tiktokRateLimiter = createRateLimiter({
      tier: config.tiktok.rateLimits,
      store: options.tiktokRateLimitStore ?? new TikTokRateLimitRepository(database),
      observer: metrics.rateLimitObserver,
    });
    stopTikTokCalls = () => tiktokRateLimiter.close();
    metrics.watchRatePauses(() => tiktokRateLimiter.pauses());
    const services = createServices(
      database,
      {
        sessionSecret: secrets.sessionSecret,
        publicUrl: config.publicUrl,
        passwordCost: options.passwordCost ?? standardCost,
        mailer,
        authenticationLimits: options.authenticationLimits,
        tiktok: createTikTokClient({
          limiter: tiktokRateLimiter,
          // Every call names its lane (where work enters: a request, a job); one that does not fails.
          defaultPriority: null,
          baseUrl: tiktok.apiBaseUrl,
          appId: tiktok.appId,
          secret: tiktok.secret,
          authorizationPageUrl: tiktok.authUrl,
          logger: tiktokClientLogger(options.logger.child({ component: 'tiktok' }), metrics.recordTikTokCall),
        }),
        usingTikTokEmulator: tiktok.mode === 'emulator',
        tiktokRateLimiter,
        tiktokRateLimits: config.tiktok.rateLimits,
        tokenCipher: new TokenCipher(secrets.tokenEncryptionKey, config.tokenEncryptionPreviousKeys),
        media: config.media,
        publishLeaseSeconds: config.publishLeaseSeconds,
      },
      clock,
    );
    closers.push(() => services.passwordHashing.close());
    const definitions = metrics.timeJobs(createJobDefinitions(services, options.logger));
    // Closed after the job queue has drained (closers run last to first): a worker finishing its
    // jobs after SIGTERM stays scrapable, and its liveness probe keeps answering meanwhile.
    let metricsApp: FastifyInstance | undefined;
    closers.push(async () => metricsApp?.close());
    const jobs = await JobQueue.start({
      database,
      definitions,
      work: config.role !== 'web',
      logger: options.logger,
      pollingIntervalSeconds: options.jobPollingIntervalSeconds,
    });
    closers.push(() => jobs.stop());
    metrics.watchJobQueues(() => jobs.depths());
    const checkJob = definitions.find((definition) => definition.name === 'tiktok-connection-check')!;
    services.tiktokConnections.useCheckQueue((target) => jobs.send(checkJob, target));
    const campaignSyncJob = definitions.find((definition) => definition.name === 'tiktok-campaign-sync')!;
    services.campaignMirror.useSyncQueue((target) => jobs.send(campaignSyncJob, target));
    const reportSyncJob = definitions.find((definition) => definition.name === 'tiktok-report-sync')!;
    services.reports.useSyncQueue((target) => jobs.send(reportSyncJob, target));
    const statisticsJob = definitions.find((definition) => definition.name === 'table-statistics')!;
    services.tableStatistics.useRefreshQueue((tables) => jobs.send(statisticsJob, { tables }));
    const named = (name: string) => definitions.find((definition) => definition.name === name)!;
    services.mediaLibrary.useSyncQueue((target) => jobs.send(named('tiktok-media-sync'), target));
    services.mediaUploads.useUploadQueue((target, lane) =>
      jobs.send(named(lane === 'interactive' ? 'media-upload-now' : 'media-upload'), target),
    );
    services.mediaUploadWorker.useQueues({
      upload: (target, delaySeconds) => jobs.send(named('media-upload'), target, { delaySeconds }),
      processing: (target, delaySeconds) =>
        jobs.send(named('media-processing-check'), target, { delaySeconds }),
    });
    services.publishRunner.onPublished((workspaceId, advertiserIds) =>
      services.campaignMirror.queueSync(workspaceId, advertiserIds),
    );
    const publishJob = named('draft-publish');
    services.publishes.usePublishQueue((target) => jobs.send(publishJob, target));
    services.publishRecovery.usePublishQueue((target) => jobs.send(publishJob, target));
    // A worker starting (after a crash, a deploy) picks up at once what a stopped one left.
    if (config.role !== 'web') await jobs.send(named('draft-publish-recovery'), {});
    services.tiktokConnections.onAccountsSelected(async (workspaceId, advertiserIds) => {
      // A Reconnect lets publishes that stopped for it go on where they stopped.
      await services.publishes.resumeBlocked(workspaceId);
      await services.campaignMirror.queueSync(workspaceId, advertiserIds);
      await services.reports.queueSync(workspaceId, advertiserIds);
      await services.mediaLibrary.queueSync(workspaceId, advertiserIds);
    });
    await startKeyRotationIfNeeded(services, jobs, definitions, options.logger);

    const readiness = async () => void (await database.executeSql('select 1'));
    const metricsRoutes = { metrics, token: config.metricsToken };
    let app: FastifyInstance | undefined;
    let url: string | undefined;
    if (config.role !== 'worker') {
      app = await buildApp({
        services,
        logger: options.logger,
        publicUrl: config.publicUrl,
        secureCookies: config.secureCookies,
        sessionSecret: secrets.sessionSecret,
        trustProxy: config.trustProxy,
        // `npm run dev --workspace @whathead/web` serves the app from Vite, which proxies /api here.
        extraAllowedOrigins: config.environment === 'development' ? ['http://localhost:5173'] : [],
        readiness,
        webRoot: options.webRoot ?? builtWebRoot,
        metrics: metricsRoutes,
        // The emulator serves its previews over plain http, which the page's https: rule leaves out.
        mediaOrigins: tiktok.mode === 'emulator' ? [new URL(tiktok.apiBaseUrl).origin] : [],
      });
      closers.push(() => app!.close());
      if (options.listen !== false) {
        await app.listen({ port: config.port, host: config.host });
        url = config.publicUrl;
      } else await app.ready();
    }
    if (config.metricsPort !== undefined) {
      metricsApp = buildMetricsApp({ logger: options.logger, readiness, metrics: metricsRoutes });
      if (options.listen !== false) await listenForMetrics(metricsApp, config.host, config.metricsPort);
      else await metricsApp.ready();
    }
    return { app, jobs, services, tiktok, database, url, metricsApp, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
