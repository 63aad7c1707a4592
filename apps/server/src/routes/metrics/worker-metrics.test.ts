import assert from 'node:assert/strict';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { ErrorResponse } from '@whathead/contracts';
import { createTestDatabase, type TestDatabase } from '@whathead/db/testing';
import { createEmulator, emulatorApp } from '@whathead/tiktok-emulator';
import type { FastifyBaseLogger } from 'fastify';
import { pino } from 'pino';
import { ConfigError, loadConfig } from '../../config.js';
import { tiktokConnectionHealthJob } from '../../jobs/tiktok-connection-health.job.js';
import { testCost } from '../../lib/password.js';
import type { TikTokSettings } from '../../lib/tiktok-settings.js';
import { startWhathead, type RunningWhathead } from '../../server.js';
import { proxyHeaderExamples } from '../../testing/proxy-headers.js';
import { createTestApp, testEnvironment, type TestApp } from '../../testing/test-app.js';
import {
  deliverCallback,
  emulatorSettings,
  signUpWorkspace,
  startConnect,
} from '../../testing/tiktok-flow.js';
import { eventually, total } from '../../testing/metrics-text.js';

const token = 'metrics-token-for-tests-0123456789abcdef';
const silent = { info() {}, warn() {} };
/** For processes that make no TikTok call: nothing listens there. */
const unreachableTikTok: TikTokSettings = {
  mode: 'emulator',
  appId: 'none',
  secret: 'none',
  apiBaseUrl: 'http://127.0.0.1:9/none',
  authUrl: 'http://127.0.0.1:9/none',
};

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

// One database for the file (an embedded one takes seconds to create); each process on it is
// what it would be in production, one of several sharing a database.
let database: TestDatabase;
before(async () => {
  database = await createTestDatabase({ migrated: false });
});
after(async () => database?.close());

/** A Whathead process as main.ts starts one, listening for real, on a test database. */
function startProcess(
  environment: Record<string, string>,
  tiktok: TikTokSettings = unreachableTikTok,
): Promise<RunningWhathead> {
  return startWhathead(loadConfig({ ...testEnvironment, HOST: '127.0.0.1', ...environment }), {
    logger: pino({ level: 'silent' }) as FastifyBaseLogger,
    passwordCost: testCost,
    database,
    tiktok,
    webRoot: '/nonexistent-web-root',
    jobPollingIntervalSeconds: 0.5,
  });
}

/**
 * A GET over node:http, which sends every header as given (fetch sets Host itself): the requests
 * a proxy on this machine would make.
 */
function get(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { headers, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('a worker with METRICS_PORT', () => {
  const emulator = createEmulator({ publicUrl: 'http://localhost:3000' });
  let closeEmulator: () => Promise<void>;
  let web: TestApp;
  let worker: RunningWhathead;
  let metricsUrl: string;
  before(async () => {
    const listening = await emulator.listen({ port: 0 });
    closeEmulator = listening.close;
    const tiktok = emulatorSettings(listening.url, emulatorApp);
    // The web process only queues jobs: whatever a job does, the worker does it. Its METRICS_PORT
    // listener is built but not listening: the test calls it in-process.
    web = await createTestApp({ WHATHEAD_ROLE: 'web', METRICS_PORT: '9464' }, { tiktok, database });
    const port = await freePort();
    worker = await startProcess({ WHATHEAD_ROLE: 'worker', METRICS_PORT: String(port) }, tiktok);
    metricsUrl = `http://127.0.0.1:${port}`;
  });
  after(async () => {
    await worker?.close();
    await web?.close();
    await closeEmulator?.();
  });

  it('answers health checks, readiness from its database, and nothing of the app', async () => {
    assert.equal(worker.app, undefined, 'a worker serves no app');
    const health = await fetch(`${metricsUrl}/healthz`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok' });
    const ready = await fetch(`${metricsUrl}/readyz`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { status: 'ready' });
    const api = await fetch(`${metricsUrl}/api/session`);
    assert.equal(api.status, 404);
    assert.equal(((await api.json()) as ErrorResponse).error.code, 'not_found');
  });

  it('serves this machine the durations of its own jobs and the sync-lane TikTok calls they make', async () => {
    const { browser, workspaceId } = await signUpWorkspace(web, 'worker-metrics@example.com');
    const { state } = await startConnect(browser, workspaceId);
    const code = emulator.control.issueAuthorizationCode({
      email: 'alex.admin@example.com',
      bcId: '7100000000000000001',
    });
    await deliverCallback(browser, state, code);
    await web.whathead.jobs.send(tiktokConnectionHealthJob(web.whathead.services, silent), {});

    let exposition = '';
    await eventually(async () => {
      const response = await fetch(`${metricsUrl}/metrics`);
      assert.equal(response.status, 200);
      assert.match(String(response.headers.get('content-type')), /^text\/plain; version=0\.0\.4/);
      exposition = await response.text();
      const labels = { queue: 'tiktok-connection-health', outcome: 'completed' };
      return total(exposition, 'whathead_job_duration_seconds_count', labels) === 1;
    }, 'the health check job’s duration on the worker');
    assert.match(exposition, /^# HELP whathead_job_queue_jobs /m);
    assert.match(
      exposition,
      /^whathead_job_queue_jobs\{queue="tiktok-connection-health",state="waiting"\} 0$/m,
    );
    assert.match(exposition, /^# HELP whathead_tiktok_rate_permits_total /m);
    const syncCalls = total(exposition, 'whathead_tiktok_calls_total', { lane: 'sync', outcome: 'ok' });
    assert.ok(syncCalls > 0, 'the job’s TikTok calls are counted');
    assert.equal(total(exposition, 'whathead_tiktok_rate_permits_total', { lane: 'sync' }), syncCalls);

    const onWeb = await web.whathead.metricsApp!.inject({
      method: 'GET',
      url: '/metrics',
      remoteAddress: '127.0.0.1',
    });
    assert.equal(
      total(onWeb.body, 'whathead_tiktok_rate_permits_total', { lane: 'sync' }),
      0,
      'counted by the process that made them, not the one that queued the job',
    );
  });

  it('refuses a request from this machine that carries any proxy header', async () => {
    for (const headers of proxyHeaderExamples) {
      const proxied = await get(`${metricsUrl}/metrics`, headers);
      assert.equal(proxied.status, 403, JSON.stringify(headers));
      assert.equal((JSON.parse(proxied.body) as ErrorResponse).error.code, 'forbidden');
    }
  });
});

describe('a worker with METRICS_PORT and METRICS_TOKEN', () => {
  let worker: RunningWhathead;
  let metricsUrl: string;
  let closed = false;
  before(async () => {
    const port = await freePort();
    worker = await startProcess({
      WHATHEAD_ROLE: 'worker',
      METRICS_PORT: String(port),
      METRICS_TOKEN: token,
    });
    metricsUrl = `http://127.0.0.1:${port}`;
  });
  after(async () => {
    if (!closed) await worker?.close();
  });

  it('refuses a scrape without the token with 401 and a Bearer challenge, on this machine too', async () => {
    const refused = await fetch(`${metricsUrl}/metrics`);
    assert.equal(refused.status, 401);
    assert.equal(refused.headers.get('www-authenticate'), 'Bearer realm="whathead-metrics"');
    assert.equal(((await refused.json()) as ErrorResponse).error.code, 'unauthenticated');
    const served = await fetch(`${metricsUrl}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(served.status, 200);
    assert.match(await served.text(), /^# HELP whathead_tiktok_rate_permits_total /m);
  });

  it('stops listening when the process closes', async () => {
    closed = true;
    await worker.close();
    await assert.rejects(fetch(`${metricsUrl}/healthz`));
  });
});

describe('a process that serves the app, with METRICS_PORT', () => {
  let whathead: RunningWhathead;
  let appUrl: string;
  let metricsUrl: string;
  before(async () => {
    const [port, metricsPort] = [await freePort(), await freePort()];
    whathead = await startProcess({
      WHATHEAD_ROLE: 'all',
      PORT: String(port),
      METRICS_PORT: String(metricsPort),
    });
    appUrl = `http://127.0.0.1:${port}`;
    metricsUrl = `http://127.0.0.1:${metricsPort}`;
  });
  after(async () => whathead?.close());

  it('serves /metrics to this machine on METRICS_PORT, and the app on PORT only', async () => {
    const scraped = await fetch(`${metricsUrl}/metrics`);
    assert.equal(scraped.status, 200);
    assert.match(await scraped.text(), /^# HELP whathead_job_queue_jobs /m);
    for (const url of [appUrl, metricsUrl]) assert.equal((await fetch(`${url}/readyz`)).status, 200, url);
    assert.equal((await fetch(`${appUrl}/api/session`)).status, 200);
    assert.equal((await fetch(`${metricsUrl}/api/session`)).status, 404);
  });

  it('refuses /metrics on PORT without METRICS_TOKEN, even from this machine', async () => {
    // What a remote visitor's request looks like after nginx's plain `proxy_pass
    // http://127.0.0.1:PORT;`: a loopback peer, a loopback Host, and no forwarding header.
    const proxied = await get(`${appUrl}/metrics`, { host: appUrl.slice('http://'.length) });
    assert.equal(proxied.status, 403);
    const refused = JSON.parse(proxied.body) as ErrorResponse;
    assert.equal(refused.error.code, 'forbidden');
    assert.match(refused.error.message, /need METRICS_TOKEN.*METRICS_PORT/);
    assert.doesNotMatch(proxied.body, /whathead_/);
  });
});

describe('a METRICS_PORT another program holds', () => {
  it('stops start-up with a message naming the setting to change', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as { port: number };
    try {
      await assert.rejects(
        startProcess({ WHATHEAD_ROLE: 'worker', METRICS_PORT: String(port) }),
        (error: unknown) =>
          error instanceof ConfigError && /^METRICS_PORT=\d+ is taken by .*Fix: /.test(error.problems[0]!),
      );
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});
