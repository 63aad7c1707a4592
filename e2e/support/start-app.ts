/**
 * Starts Whathead for the browser journeys: a fresh database of its own (a new database on the
 * test PostgreSQL server when E2E_ADMIN_DATABASE_URL is set, else embedded PGlite in a temp dir),
 * fresh secrets, the built web app, on the free ports playwright.config.ts chose for this run.
 * Playwright stops it when the run ends.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startMailbox } from './mailbox.js';

/** playwright.config.ts picks free ports for each run and passes them down. */
function requiredPort(name: string): string {
  const port = process.env[name];
  if (!port)
    throw new Error(
      `${name} is not set: start the journeys with npx playwright test -c e2e/playwright.config.ts`,
    );
  return port;
}

const port = requiredPort('E2E_PORT');
const emulatorPort = requiredPort('E2E_EMULATOR_PORT');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dataDirectory = mkdtempSync(path.join(tmpdir(), 'whathead-e2e-'));
const adminUrl = process.env.E2E_ADMIN_DATABASE_URL;
let databaseUrl: string | undefined;
const databaseName = `whathead_e2e_${process.pid}`;

if (adminUrl) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${databaseName} with (force)`);
  await admin.query(`create database ${databaseName}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${databaseName}`;
  databaseUrl = url.toString();
}

// Mail goes to a sink the journeys read (support/mailbox.ts), never out of the machine.
const mailbox = await startMailbox();

// The journeys must not reach a developer's own database, TikTok app or secrets from their shell.
const inherited = Object.fromEntries(
  Object.entries(process.env).filter(
    ([name]) =>
      !['DATABASE_URL', 'PUBLIC_URL', 'SESSION_SECRET', 'TOKEN_ENCRYPTION_KEY', 'WHATHEAD_ROLE'].includes(
        name,
      ) && !name.startsWith('TIKTOK_'),
  ),
);

const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'apps/server/src/main.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...inherited,
    NODE_ENV: 'test',
    PORT: port,
    WHATHEAD_DATA_DIR: dataDirectory,
    LOG_LEVEL: 'warn',
    // Each Playwright worker says it is its own network (X-Forwarded-For, playwright.config.ts), as
    // the people the journeys play would be: sign-up and log-in limits count per network.
    TRUST_PROXY: 'loopback',
    TIKTOK_EMULATOR_PORT: emulatorPort,
    SMTP_URL: mailbox.url,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  },
});

const stop = () => server.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', async (code) => {
  rmSync(dataDirectory, { recursive: true, force: true });
  await mailbox.close();
  if (adminUrl) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect().catch(() => {});
    await admin.query(`drop database if exists ${databaseName} with (force)`).catch(() => {});
    await admin.end().catch(() => {});
  }
  process.exit(code ?? 0);
});
