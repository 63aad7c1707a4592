import { DataDirectoryLockedError } from '@whathead/db';
import type { FastifyBaseLogger } from 'fastify';
import { pino } from 'pino';
import { ConfigError, loadConfig } from './config.js';
import { loggerOptions } from './lib/logger.js';
import { startWhathead } from './server.js';

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
  const logger = pino(
    loggerOptions(config.logLevel, process.stdout.isTTY && config.environment !== 'production'),
  );
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
    },
    whathead.url ? `Whathead is ready at ${whathead.url}` : 'Whathead worker is running',
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) process.exit(1); // a second signal means "now"
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests and jobs in flight');
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
