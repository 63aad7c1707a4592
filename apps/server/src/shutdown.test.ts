import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { csrfHeaderName, type ErrorResponse } from '@whathead/contracts';
import type { FastifyBaseLogger } from 'fastify';
import { pino } from 'pino';
import { buildMetricsApp } from './app.js';
import { createMetrics } from './observability/metrics.js';
import { TikTokRateLimitRepository } from './repositories/tiktok-rate-limit.repository.js';
import { signUpWorkspace } from './testing/tiktok-flow.js';
import { connect, scenario, startTikTokTestKit, type TikTokTestKit } from './testing/tiktok-test-kit.js';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

async function eventually(check: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`timed out waiting for ${what}`);
}

describe('shutting down while a request waits for a TikTok slot', () => {
  let kit: TikTokTestKit;
  let appUrl: string;
  before(async () => {
    const port = await freePort();
    kit = await startTikTokTestKit({
      // PUBLIC_URL stays the emulator's registered redirect (localhost:3000) while the app
      // listens, for real, on a free port: only a socket shows what `app.close()` waits for.
      environment: { HOST: '127.0.0.1', PORT: String(port), PUBLIC_URL: 'http://localhost:3000' },
      listen: true,
    });
    appUrl = `http://127.0.0.1:${port}`;
  });
  after(async () => {
    // The app's pause would hold for anything else on this database.
    await kit?.test.database.executeSql(`delete from tiktok_rate_buckets where key = 'app'`);
    await kit?.close();
  });

  it('fails the waiting call at once with a 503 to retry, and closes long before the pause ends', async () => {
    const { browser, workspaceId } = await signUpWorkspace(kit.test, 'shutdown@example.com');
    const connectionId = await connect(kit, browser, workspaceId, scenario.northwind);
    // Another process met a throttle: TikTok's app budget is paused for 60 s, within the client's
    // 120 s retry deadline, so a call waits it out rather than failing.
    await new TikTokRateLimitRepository(kit.test.database).pause('app', Date.now() + 60_000);

    const checkPath = `/api/workspaces/${workspaceId}/tiktok/connections/${connectionId}/check`;
    const cookie = [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    // A keep-alive connection, as browsers and load balancers hold: it must not hold the close either.
    const inFlight = fetch(`${appUrl}${checkPath}`, {
      method: 'POST',
      headers: { cookie, [csrfHeaderName]: browser.csrfToken, 'content-type': 'application/json' },
      body: '{}',
    });
    await eventually(
      () => kit.test.logs.some((line) => line.includes('incoming request') && line.includes(checkPath)),
      'the check to reach the app',
    );

    const closeStarted = Date.now();
    await kit.test.whathead.close();
    const closeSeconds = (Date.now() - closeStarted) / 1000;

    const response = await inFlight;
    assert.equal(response.status, 503);
    assert.equal(response.headers.get('retry-after'), '5');
    const body = (await response.json()) as ErrorResponse;
    assert.equal(body.error.code, 'server_busy', 'this process is going, not TikTok: not a 500');
    assert.equal(body.error.details?.retryAfterSeconds, 5);
    assert.ok(closeSeconds < 10, `closed in ${closeSeconds} s, long before the 60 s pause ends`);
  });
});

describe('shutting down while a request is being answered', () => {
  it('ends its keep-alive connection once answered, rather than waiting out keepAliveTimeout', async () => {
    let answer = () => {};
    let asked = false;
    const logger = pino({ level: 'silent' }) as FastifyBaseLogger;
    // Every Whathead listener is built alike (app.ts); this one's readiness check is the request
    // held open until closing has started.
    const app = buildMetricsApp({
      logger,
      readiness: () =>
        new Promise((resolve) => {
          asked = true;
          answer = resolve;
        }),
      metrics: { metrics: createMetrics({ logger, processMetrics: false }), token: undefined },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const inFlight = fetch(`http://127.0.0.1:${port}/readyz`);
    await eventually(() => asked, 'the readiness check to start');

    const closeStarted = Date.now();
    const closed = app.close();
    await eventually(() => !app.server.listening, 'closing to start');
    answer();
    const response = await inFlight;
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('connection'), 'close');
    await closed;
    const closeSeconds = (Date.now() - closeStarted) / 1000;
    assert.ok(closeSeconds < 10, `closed in ${closeSeconds} s, not after the 72 s keep-alive timeout`);
  });
});
