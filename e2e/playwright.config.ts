import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * Ports and output folder of this run. The runner process loads this file first and picks free
 * ports and a folder of its own; its workers inherit them through the environment and load this
 * file again, so every process of one run agrees, and two runs on one machine never share a port
 * or an output folder. E2E_PORT, E2E_EMULATOR_PORT and E2E_OUTPUT_DIR set them by hand.
 */
function freePort(): string {
  // Synchronous, because a config file is read synchronously by the workers: ask the kernel for an
  // unused port in a child process, which closes it again before this run's server takes it.
  return execFileSync(
    process.execPath,
    [
      '-e',
      "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})",
    ],
    { encoding: 'utf8' },
  ).trim();
}

const port = (process.env.E2E_PORT ??= freePort());
const emulatorPort = (process.env.E2E_EMULATOR_PORT ??= freePort());
const outputDir = (process.env.E2E_OUTPUT_DIR ??= mkdtempSync(path.join(tmpdir(), 'whathead-e2e-results-')));

const baseURL = `http://localhost:${port}`;

/**
 * This process's network as the app sees it (it trusts the loopback proxy, support/start-app.ts):
 * every worker, and every worker restarted after a failure, is a process of its own, so one
 * journey's sign-ups never spend another's hourly allowance. 198.18.0.0/15 is for tests.
 */
const workerAddress = `198.${18 + ((process.pid >> 16) & 1)}.${(process.pid >> 8) & 255}.${process.pid & 255}`;

/** Debian's Chromium, never a downloaded browser; flags per stack-notes §6 for this closed network. */
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: './tests',
  outputDir,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI === 'true' ? 1 : 0,
  use: {
    baseURL,
    extraHTTPHeaders: { 'X-Forwarded-For': workerAddress },
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
    trace: 'retain-on-failure',
  },
  // The emulator's readings change settings of the one emulator the whole run shares, so their
  // journeys run alone, after every other journey, one at a time (tests/emulator-readings.spec.ts).
  projects: [
    { name: 'journeys', testIgnore: /emulator-readings\.spec\.ts$/ },
    { name: 'readings', testMatch: /emulator-readings\.spec\.ts$/, dependencies: ['journeys'] },
  ],
  webServer: {
    command: 'node --import tsx support/start-app.ts',
    cwd: import.meta.dirname,
    url: `${baseURL}/readyz`,
    reuseExistingServer: false,
    timeout: 90_000,
    // SIGTERM first, so start-app.ts removes its temporary data folder, database and mailbox.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      E2E_PORT: port,
      E2E_EMULATOR_PORT: emulatorPort,
      E2E_ADMIN_DATABASE_URL: process.env.E2E_ADMIN_DATABASE_URL ?? '',
    },
  },
});
