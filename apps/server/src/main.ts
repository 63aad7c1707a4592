import { DataDirectoryLockedError } from '@whathead/db';
import type { FastifyBaseLogger } from 'fastify';
import { pino } from 'pino';
import { ConfigError, loadConfig, type Config } from './config.js';
import { loggerOptions } from './lib/logger.js';
import { readableLogDestination } from './lib/readable-log.js';
import { emulatorSignIn } from './offline/offline-tiktok.js';
import { startWhathead } from './server.js';

/**
 * Readable lines for a person at a terminal; JSON for log collectors, tests and production, where
 * a line must parse whatever it holds.
 */
function writesText(config: Config): boolean {
  if (config.logFormat !== 'auto') return config.logFormat === 'text';
  return process.stdout.isTTY === true && config.environment !== 'production';
}

/**
 * Who can scrape this process's /metrics, and where, for the start-up line: PORT serves only
 * METRICS_TOKEN's bearer, METRICS_PORT serves this machine without one (README "Metrics").
 */
function metricsAccessSummary(config: Config): string {
  const ports = [
    ...(config.role === 'worker' ? [] : [`PORT ${config.port}`]),
    ...(config.metricsPort === undefined ? [] : [`METRICS_PORT ${config.metricsPort}`]),
  ];
  if (config.metricsToken !== undefined && ports.length > 0)
    return `${ports.join(' and ')}, to the bearer of METRICS_TOKEN`;
  if (config.metricsPort !== undefined) {
    const onPort = config.role === 'worker' ? '' : '; PORT refuses it until METRICS_TOKEN is set';
    return `METRICS_PORT ${config.metricsPort}, to this machine only${onPort}`;
  }
  return config.role === 'worker'
    ? 'not served: set METRICS_PORT'
    : 'not served: set METRICS_TOKEN to scrape PORT, or METRICS_PORT to scrape from this machine';
}

/**
 * The one entry point: `node main.ts [--role=web|worker|all]`. The flag overrides WHATHEAD_ROLE,
 * so the same build runs as a web process, a job worker, or both.
 */
async function main(): Promise<void> {
  const roleFlag = process.argv.find((argument) => argument.startsWith('--role='));
  const environment = {
    ...process.env,
    ...(roleFlag ? { WHATHEAD_ROLE: roleFlag.slice('--role='.length) } : {}),
  };
  const config = loadConfig(environment);
  const logger = writesText(config)
    ? pino(
        loggerOptions(config.logLevel),
        readableLogDestination(process.stdout, {
          colours: process.stdout.isTTY === true && !process.env.NO_COLOR,
        }),
      )
    : pino(loggerOptions(config.logLevel));
  const started = Date.now();
  const whathead = await startWhathead(config, { logger: logger as FastifyBaseLogger });
  logger.info(
    {
      role: config.role,
      database:
        config.database.engine === 'pglite'
          ? `embedded PGlite in ${config.database.dataDirectory}`
          : 'PostgreSQL',
      startedInMs: Date.now() - started,
      // The port health checks and scrapers of this process use (a worker listens on no other).
      ...(config.metricsPort === undefined ? {} : { metricsPort: config.metricsPort }),
      metrics: metricsAccessSummary(config),
    },
    whathead.url ? `Whathead is running: open ${whathead.url}` : 'Whathead worker is running',
  );
  // Last, so that what a first-time user needs ends the start-up output.
  if (whathead.url && whathead.tiktok.mode === 'emulator') {
    const signIn = emulatorSignIn();
    logger.info(`TikTok emulator sign-in: ${signIn.email} / ${signIn.password}`);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) process.exit(1); // a second signal means "now"
    stopping = true;
    logger.info(
      { signal },
      'shutting down: finishing requests and jobs in flight; those waiting for a TikTok slot stop now',
    );
    await whathead.close();
    logger.flush();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof DataDirectoryLockedError;
  process.stderr.write(`${known ? (error as Error).message : ((error as Error).stack ?? String(error))}\n`);
  process.exit(1);
});
