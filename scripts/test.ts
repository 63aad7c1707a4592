/**
 * `npm test`: every tier, in order, with one summary line at the end.
 *   1. check (format, lint, typecheck)
 *   2. web build (first: a server test scans the bundle for leaked tokens)
 *   3. node:test unit + integration tests against PostgreSQL (TEST_DATABASE_URL, else a throwaway
 *      cluster when PostgreSQL is installed, else embedded PGlite), then the database-layer and
 *      account tests again on PGlite
 *   4. web unit tests (vitest)
 *   5. browser journeys (Playwright, Debian's Chromium)
 * Under CI=true nothing may be skipped: a missing PostgreSQL or Chromium is a failure.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPostgresBinaries, startPostgresCluster, type PostgresCluster } from './lib/postgres-cluster.js';
import { run } from './lib/run-step.js';
import { findTestFiles } from './lib/test-files.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = path.join(root, 'reports');
const ci = process.env.CI === 'true';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const totals = { passed: 0, failed: 0, skipped: 0 };
const notes: string[] = [];

function banner(title: string) {
  console.log(`\n━━ ${title} ━━`);
}

/** A step that is not a test runner counts as one test: it passed or it failed. */
function countStep(name: string, exitCode: number) {
  if (exitCode === 0) totals.passed += 1;
  else {
    totals.failed += 1;
    notes.push(`${name} failed (exit ${exitCode})`);
  }
}

function skip(what: string, why: string, howToRun: string) {
  totals.skipped += 1;
  const message = `SKIPPED ${what}: ${why}. ${howToRun}`;
  if (ci) {
    totals.failed += 1;
    notes.push(`${what} cannot be skipped under CI=true: ${why}`);
  } else notes.push(message);
  console.log(message);
}

/** Reads `# pass N` / `# fail N` from a TAP report written by node's test runner. */
function readTap(file: string, name: string, exitCode: number) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const count = (label: string) => Number(new RegExp(`^# ${label} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  const passed = count('pass');
  const failed = count('fail') + count('cancelled');
  totals.passed += passed;
  totals.failed += failed;
  if (exitCode !== 0 && failed === 0) countStep(name, exitCode);
  console.log(`${name}: ${passed} passed, ${failed} failed`);
}

async function nodeTests(name: string, files: string[], environment: Record<string, string | undefined>) {
  const tap = path.join(reports, `${name.replace(/\W+/g, '-')}.tap`);
  const exitCode = await run(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-concurrency=2',
      '--test-timeout=120000',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...files,
    ],
    { ...environment, NODE_ENV: 'test' },
  );
  readTap(tap, name, exitCode);
}

async function main() {
  rmSync(reports, { recursive: true, force: true });
  mkdirSync(reports, { recursive: true });

  banner('check: format, lint, typecheck');
  countStep('npm run check', await run('npm', ['run', '--silent', 'check']));

  banner('web build');
  const buildExit = await run('npm', ['run', '--silent', 'build']);
  countStep('web build', buildExit);

  banner('database');
  let cluster: PostgresCluster | undefined;
  let databaseUrl = process.env.TEST_DATABASE_URL;
  if (databaseUrl) console.log('Integration tests use PostgreSQL at TEST_DATABASE_URL.');
  else {
    const binaries = findPostgresBinaries();
    if (binaries) {
      cluster = await startPostgresCluster(binaries);
      databaseUrl = cluster.url;
      console.log(`Integration tests use a throwaway PostgreSQL cluster (${binaries}) at ${cluster.url}.`);
    } else {
      skip(
        'PostgreSQL tier',
        'PostgreSQL is not installed, so integration tests run on embedded PGlite instead',
        'Install it (Debian: apt-get install postgresql) or set TEST_DATABASE_URL to run them on PostgreSQL.',
      );
    }
  }
  const stopCluster = () => cluster?.stop();
  process.on('exit', stopCluster);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

  try {
    const nodeFolders = ['packages', 'apps/server', 'scripts', 'tools'];
    banner(`unit and integration tests (${databaseUrl ? 'PostgreSQL' : 'PGlite'})`);
    await nodeTests('node tests', findTestFiles(root, nodeFolders), { TEST_DATABASE_URL: databaseUrl });

    if (databaseUrl) {
      banner('database-layer and account tests on PGlite');
      // The database layer, and the journeys that lean on it hardest, on the engine `npm start` uses.
      const databaseLayer = findTestFiles(root, [
        'packages/db',
        'apps/server/src/repositories',
        'apps/server/src/routes/auth',
        'apps/server/src/routes/invitations',
        'apps/server/src/jobs',
      ]);
      await nodeTests('database layer on PGlite', databaseLayer, { TEST_DATABASE_ENGINE: 'pglite' });
    }

    banner('web unit tests (vitest)');
    const vitestReport = path.join(reports, 'vitest.json');
    const vitestExit = await run(
      'npx',
      [
        'vitest',
        'run',
        '--root',
        'apps/web',
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${vitestReport}`,
      ],
      { NO_COLOR: '1' },
    );
    if (existsSync(vitestReport)) {
      const report = JSON.parse(readFileSync(vitestReport, 'utf8')) as {
        numPassedTests: number;
        numFailedTests: number;
      };
      totals.passed += report.numPassedTests;
      totals.failed += report.numFailedTests;
      if (vitestExit !== 0 && report.numFailedTests === 0) countStep('vitest', vitestExit);
    } else countStep('vitest', vitestExit || 1);

    banner('browser journeys (Playwright)');
    if (!existsSync(chromium)) {
      skip(
        'browser journeys',
        `Chromium is not installed at ${chromium}`,
        "Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH, then run npm test again.",
      );
    } else if (buildExit !== 0) {
      countStep('browser journeys (web build failed)', 1);
    } else {
      const playwrightReport = path.join(reports, 'playwright.json');
      const exitCode = await run(
        'npx',
        ['playwright', 'test', '-c', 'e2e/playwright.config.ts', '--reporter=list,json'],
        {
          PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
          CHROMIUM_PATH: chromium,
          E2E_ADMIN_DATABASE_URL: databaseUrl,
        },
      );
      if (existsSync(playwrightReport)) {
        const { stats } = JSON.parse(readFileSync(playwrightReport, 'utf8')) as {
          stats: { expected: number; unexpected: number; flaky: number; skipped: number };
        };
        totals.passed += stats.expected + stats.flaky;
        totals.failed += stats.unexpected;
        totals.skipped += stats.skipped;
        if (exitCode !== 0 && stats.unexpected === 0) countStep('playwright', exitCode);
      } else countStep('playwright', exitCode || 1);
    }
  } finally {
    stopCluster();
  }

  banner('summary');
  for (const note of notes) console.log(`- ${note}`);
  console.log(
    `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
  );
  process.exit(totals.failed > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  console.log(`${totals.passed} passed, ${totals.failed + 1} failed`);
  process.exit(1);
});
