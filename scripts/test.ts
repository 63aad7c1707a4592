/**
 * `npm test`: every tier, with one summary line at the end. Stages that fit on two cores together
 * run together; the summary prints each stage's wall time.
 *   1. check (format, lint, typecheck), while the web build runs (a server test scans the bundle
 *      for leaked tokens, and the browser journeys serve it) and a throwaway PostgreSQL starts
 *   2. node:test unit + integration tests against PostgreSQL (TEST_DATABASE_URL, else a throwaway
 *      cluster when PostgreSQL is installed, else embedded PGlite)
 *   3. the database layer and the sign-up/log-in journey again on PGlite, while vitest runs the
 *      web tests
 *   4. browser journeys (Playwright, Debian's Chromium)
 * Under CI=true nothing may be skipped, neither a tier nor a single test, except the tests named
 * with their reason in scripts/allowed-skips.json.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readAllowedSkips } from './lib/allowed-skips.js';
import { parsePlaywrightReport, type PlaywrightReport } from './lib/playwright-report.js';
import { findPostgresBinaries, startPostgresCluster, type PostgresCluster } from './lib/postgres-cluster.js';
import { runTogether, type Stage, type StageOutput } from './lib/stages.js';
import { Summary } from './lib/summary.js';
import { parseTapReport } from './lib/tap-report.js';
import type { TestCounts } from './lib/test-counts.js';
import { findTestFiles } from './lib/test-files.js';
import { parseVitestReport, type VitestReport } from './lib/vitest-report.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = path.join(root, 'reports');
const ci = process.env.CI === 'true';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const allowList = 'scripts/allowed-skips.json';

const summary = new Summary({
  ci,
  allowed: readAllowedSkips(path.join(root, allowList)),
  allowListName: allowList,
});
const startedAt = Date.now();

function readReport<Report>(file: string, parse: (report: Report) => TestCounts): TestCounts | undefined {
  return existsSync(file) ? parse(JSON.parse(readFileSync(file, 'utf8')) as Report) : undefined;
}

async function nodeTests(
  output: StageOutput,
  name: string,
  files: string[],
  environment: Record<string, string | undefined>,
) {
  const tap = path.join(reports, `${name.replace(/\W+/g, '-')}.tap`);
  const exitCode = await output.run(
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
  const counts = existsSync(tap) ? parseTapReport(readFileSync(tap, 'utf8')) : undefined;
  summary.runner(name, counts, exitCode);
  if (counts) output.log(`${name}: ${counts.passed} passed, ${counts.failed} failed`);
}

async function vitest(output: StageOutput) {
  const report = path.join(reports, 'vitest.json');
  const exitCode = await output.run(
    'npx',
    [
      'vitest',
      'run',
      '--root',
      'apps/web',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    { NO_COLOR: '1' },
  );
  summary.runner(
    'vitest',
    readReport<VitestReport>(report, (parsed) => parseVitestReport(parsed, root)),
    exitCode,
  );
}

async function playwright(output: StageOutput, databaseUrl: string | undefined) {
  const report = path.join(reports, 'playwright.json');
  const exitCode = await output.run(
    'npx',
    ['playwright', 'test', '-c', 'e2e/playwright.config.ts', '--reporter=list,json'],
    {
      PLAYWRIGHT_JSON_OUTPUT_NAME: report,
      E2E_OUTPUT_DIR: path.join(reports, 'playwright-results'),
      CHROMIUM_PATH: chromium,
      E2E_ADMIN_DATABASE_URL: databaseUrl,
    },
  );
  summary.runner('browser journeys', readReport<PlaywrightReport>(report, parsePlaywrightReport), exitCode);
}

/** `npm test`'s own time and, when .ci/run started it, the set-up before it and the whole run. */
function wallTimes(): Record<string, number> {
  const now = Date.now();
  const ciStarted = Number(process.env.WHATHEAD_CI_STARTED_MS);
  const ciSetUp = Number(process.env.WHATHEAD_CI_SETUP_MS);
  return {
    ...(ciSetUp > 0 ? { '.ci/run set-up (apt, npm ci)': ciSetUp } : {}),
    'npm test': now - startedAt,
    ...(ciStarted > 0 ? { '.ci/run in all': now - ciStarted } : {}),
  };
}

const onCrash = (stage: string, error: unknown) =>
  summary.step(`${stage} (${error instanceof Error ? error.message : String(error)})`, 1);
const together = (stages: Stage[]) => runTogether(stages, { record: (time) => summary.time(time), onCrash });

async function main() {
  rmSync(reports, { recursive: true, force: true });
  mkdirSync(reports, { recursive: true });

  let cluster: PostgresCluster | undefined;
  let databaseUrl = process.env.TEST_DATABASE_URL;
  let buildExit = 1;
  const stopCluster = () => cluster?.stop();
  process.on('exit', stopCluster);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

  try {
    await together([
      {
        name: 'check',
        title: 'check: format, lint, typecheck',
        work: async (output) =>
          summary.step('npm run check', await output.run('npm', ['run', '--silent', 'check'])),
      },
      {
        name: 'web build, database start',
        title: 'web build, and the test database',
        work: async (output) => {
          buildExit = await output.run('npm', ['run', '--silent', 'build']);
          summary.step('web build', buildExit);
          if (databaseUrl) output.log('Integration tests use PostgreSQL at TEST_DATABASE_URL.');
          else {
            const binaries = findPostgresBinaries();
            if (binaries) {
              cluster = await startPostgresCluster(binaries);
              databaseUrl = cluster.url;
              output.log(
                `Integration tests use a throwaway PostgreSQL cluster (${binaries}) at ${cluster.url}.`,
              );
            } else {
              output.log(
                summary.skipStage(
                  'PostgreSQL tier',
                  'PostgreSQL is not installed, so integration tests run on embedded PGlite instead',
                  'Install it (Debian: apt-get install postgresql) or set TEST_DATABASE_URL to run them on PostgreSQL.',
                ),
              );
            }
          }
        },
      },
    ]);

    const nodeFolders = ['packages', 'apps/server', 'scripts', 'tools'];
    await together([
      {
        name: 'node tests',
        title: `unit and integration tests (${databaseUrl ? 'PostgreSQL' : 'PGlite'})`,
        work: (output) =>
          nodeTests(output, 'node tests', findTestFiles(root, nodeFolders), {
            TEST_DATABASE_URL: databaseUrl,
          }),
      },
    ]);

    const vitestStage: Stage = { name: 'vitest', title: 'web unit tests (vitest)', work: vitest };
    if (databaseUrl) {
      // The database layer, and one journey through it (sign-up, log-in, sessions), on the engine
      // `npm start` uses; everything else ran on PostgreSQL above.
      const databaseLayer = findTestFiles(root, ['packages/db', 'apps/server/src/repositories']);
      const smokeJourney = ['apps/server/src/routes/auth/auth.routes.test.ts'];
      await together([
        {
          name: 'PGlite pass',
          title: 'database layer and the sign-up/log-in journey on PGlite',
          work: (output) =>
            nodeTests(output, 'PGlite pass', [...databaseLayer, ...smokeJourney], {
              TEST_DATABASE_ENGINE: 'pglite',
            }),
        },
        vitestStage,
      ]);
    } else await together([vitestStage]);

    await together([
      {
        name: 'Playwright',
        title: 'browser journeys (Playwright)',
        work: async (output) => {
          if (!existsSync(chromium)) {
            output.log(
              summary.skipStage(
                'browser journeys',
                `Chromium is not installed at ${chromium}`,
                "Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH, then run npm test again.",
              ),
            );
          } else if (buildExit !== 0) summary.step('browser journeys (web build failed)', 1);
          else await playwright(output, databaseUrl);
        },
      },
    ]);
  } finally {
    stopCluster();
  }

  for (const unused of summary.unusedAllowances())
    summary.notes.push(`${allowList} allows "${unused.test}" to be skipped, but no run skipped it`);
  console.log('\n━━ summary ━━');
  for (const line of summary.lines(wallTimes())) console.log(line);
  process.exit(summary.exitCode());
}

main().catch((error: unknown) => {
  console.error(error);
  summary.failed += 1;
  console.log(summary.lines(wallTimes()).at(-1));
  process.exit(1);
});
