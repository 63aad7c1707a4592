import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { entriesOpenToOthers } from '@whathead/db/testing';

const main = path.join(path.dirname(fileURLToPath(import.meta.url)), 'main.ts');

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

function launch(environment: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number>;
} {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  return { child, output: () => output, exited };
}

async function waitUntilHealthy(port: number, exited: Promise<number>): Promise<void> {
  let finished = false;
  void exited.then(() => (finished = true));
  for (let attempt = 0; attempt < 300 && !finished; attempt += 1) {
    try {
      if ((await fetch(`http://localhost:${port}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the server did not become healthy');
}

describe('the whathead process', () => {
  const dataDirectory = mkdtempSync(path.join(tmpdir(), 'whathead-main-'));
  after(() => rmSync(dataDirectory, { recursive: true, force: true }));

  it('starts on the embedded database, refuses a second process on the same data dir, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const emulatorPort = await freePort();
    const first = launch({
      PORT: String(port),
      WHATHEAD_DATA_DIR: dataDirectory,
      TIKTOK_EMULATOR_PORT: String(emulatorPort),
    });
    await waitUntilHealthy(port, first.exited);
    assert.ok(
      existsSync(path.join(dataDirectory, 'secrets.json')),
      'secrets were generated into the data dir',
    );

    const second = launch({ PORT: String(await freePort()), WHATHEAD_DATA_DIR: dataDirectory });
    assert.equal(await second.exited, 1);
    assert.match(second.output(), /is in use by another Whathead process \(pid \d+\)/);
    assert.doesNotMatch(second.output(), /\n\s+at /, 'a clear message, not a stack trace');

    const session = await fetch(`http://localhost:${port}/api/session`);
    assert.equal(session.status, 200, 'the first process is unharmed');
    const tiktok = await fetch(`http://localhost:${emulatorPort}/open_api/v1.3/bc/get/`);
    assert.equal(
      ((await tiktok.json()) as { code: number }).code,
      40104,
      'the built-in TikTok emulator answers, as TikTok would without a token',
    );

    first.child.kill('SIGTERM');
    assert.equal(await first.exited, 0);
    assert.deepEqual(
      entriesOpenToOthers(dataDirectory),
      [],
      'the data dir, its database and its secrets are private to their owner',
    );
    assert.ok(!existsSync(path.join(dataDirectory, 'database', 'whathead.lock')), 'the lock is released');
  });

  it('runs a worker that health checks and scrapers reach on METRICS_PORT alone, and stops cleanly', async () => {
    const workerDataDirectory = mkdtempSync(path.join(tmpdir(), 'whathead-worker-'));
    const [port, metricsPort] = [await freePort(), await freePort()];
    const worker = launch({
      WHATHEAD_ROLE: 'worker',
      PORT: String(port),
      METRICS_PORT: String(metricsPort),
      WHATHEAD_DATA_DIR: workerDataDirectory,
      TIKTOK_EMULATOR_PORT: String(await freePort()),
    });
    try {
      await waitUntilHealthy(metricsPort, worker.exited);
      assert.equal((await fetch(`http://localhost:${metricsPort}/readyz`)).status, 200);
      const scraped = await fetch(`http://localhost:${metricsPort}/metrics`);
      assert.equal(scraped.status, 200);
      assert.match(await scraped.text(), /^# HELP whathead_job_duration_seconds /m);
      await assert.rejects(fetch(`http://localhost:${port}/healthz`), 'a worker does not listen on PORT');
      worker.child.kill('SIGTERM');
      assert.equal(await worker.exited, 0, worker.output());
    } finally {
      worker.child.kill('SIGKILL');
      rmSync(workerDataDirectory, { recursive: true, force: true });
    }
  });

  it('refuses to start on bad configuration, naming every bad variable', async () => {
    const bad = launch({ PORT: 'eighty', WHATHEAD_ROLE: 'janitor', WHATHEAD_DATA_DIR: dataDirectory });
    assert.equal(await bad.exited, 1);
    assert.match(bad.output(), /2 settings need fixing/);
    assert.match(bad.output(), /PORT="eighty"/);
    assert.match(bad.output(), /WHATHEAD_ROLE="janitor"/);
  });

  it('refuses to start in production without a TikTok app, rather than run the emulator', async () => {
    const production = launch({
      NODE_ENV: 'production',
      SESSION_SECRET: 'a-production-session-secret-of-enough-length',
      TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
      WHATHEAD_DATA_DIR: dataDirectory,
      PORT: String(await freePort()),
    });
    assert.equal(await production.exited, 1);
    assert.match(production.output(), /TIKTOK_APP_ID is required when NODE_ENV=production/);
    assert.match(production.output(), /TIKTOK_APP_SECRET is required when NODE_ENV=production/);
    assert.doesNotMatch(production.output(), /emulator serves/, 'the emulator never started');
  });
});
