/**
 * Starts Whathead for the browser journeys: a fresh database of its own (a new database on the
 * test PostgreSQL server when E2E_ADMIN_DATABASE_URL is set, else embedded PGlite in a temp dir),
 * fresh secrets, the built web app. Playwright stops it when the run ends.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

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
    PORT: process.env.E2E_PORT ?? '3210',
    WHATHEAD_DATA_DIR: dataDirectory,
    LOG_LEVEL: 'warn',
    TIKTOK_EMULATOR_PORT: process.env.E2E_EMULATOR_PORT ?? '4210',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  },
});

const stop = () => server.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', async (code) => {
  rmSync(dataDirectory, { recursive: true, force: true });
  if (adminUrl) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect().catch(() => {});
    await admin.query(`drop database if exists ${databaseName} with (force)`).catch(() => {});
    await admin.end().catch(() => {});
  }
  process.exit(code ?? 0);
});
