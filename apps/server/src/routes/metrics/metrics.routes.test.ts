import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ErrorResponse } from '@whathead/contracts';
import type { FastifyInstance } from 'fastify';
import { expiredRecordsCleanupJob } from '../../jobs/expired-records-cleanup.job.js';
import { TikTokRateLimitRepository } from '../../repositories/tiktok-rate-limit.repository.js';
import { proxyHeaderExamples } from '../../testing/proxy-headers.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { signUpWorkspace } from '../../testing/tiktok-flow.js';
import { connect, scenario, startTikTokTestKit, type TikTokTestKit } from '../../testing/tiktok-test-kit.js';
import { eventually, sample, total } from '../../testing/metrics-text.js';

const remote = '203.0.113.9';
const token = 'metrics-token-for-tests-0123456789abcdef';

function scrape(app: FastifyInstance, options: { from?: string; headers?: Record<string, string> } = {}) {
  return app.inject({
    method: 'GET',
    url: '/metrics',
    remoteAddress: options.from ?? '127.0.0.1',
    headers: options.headers ?? {},
  });
}

/** The value of one series of a Prometheus text exposition, or undefined when it is absent. */

describe('GET /metrics on METRICS_PORT without METRICS_TOKEN', () => {
  let kit: TikTokTestKit;
  let metricsApp: FastifyInstance;
  let exposition: string;
  before(async () => {
    kit = await startTikTokTestKit({ environment: { TRUST_PROXY: '203.0.113.0/24', METRICS_PORT: '9464' } });
    metricsApp = kit.test.whathead.metricsApp!;
    const { browser, workspaceId } = await signUpWorkspace(kit.test, 'metrics@example.com');
    // One throttled attempt ("App reaches the QPS limit.", 40100): the client waits out the
    // pause and tries again.
    kit.emulator.control.addFault({ kind: 'rate_limit', path: '/bc/get/', times: 1 });
    await connect(kit, browser, workspaceId, scenario.northwind);
    exposition = (await scrape(metricsApp)).body;
  });
  after(async () => kit?.close());

  it('serves Prometheus text to this machine', async () => {
    const response = await scrape(metricsApp);
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/plain; version=0\.0\.4/);
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.match(response.body, /^# HELP whathead_tiktok_calls_total /m);
    assert.match(response.body, /^process_cpu_user_seconds_total /m, 'process metrics');
  });

  it('counts every TikTok attempt by endpoint, lane and outcome', () => {
    for (const call of kit.emulator.control.calls()) {
      const endpoint = new URL(call.path, 'http://x').pathname.replace(/^\/open_api\/v1\.3/, '');
      assert.ok(
        sample(exposition, 'whathead_tiktok_calls_total', { endpoint, lane: 'interactive' }) !== undefined,
        `${endpoint} is counted`,
      );
    }
    const bc = { endpoint: '/bc/get/', lane: 'interactive' };
    assert.equal(sample(exposition, 'whathead_tiktok_calls_total', { ...bc, outcome: '40100' }), 1);
    assert.equal(sample(exposition, 'whathead_tiktok_calls_total', { ...bc, outcome: 'ok' }), 1);
    assert.equal(
      sample(exposition, 'whathead_tiktok_calls_total', {
        endpoint: '/oauth2/access_token/',
        lane: 'interactive',
        outcome: 'ok',
      }),
      1,
    );
    const attempts = total(exposition, 'whathead_tiktok_calls_total', { lane: 'interactive' });
    assert.equal(attempts, kit.emulator.control.calls().length, 'one count per attempt TikTok saw');
  });

  it('counts permits and their waits by lane, one permit per attempt', () => {
    const attempts = total(exposition, 'whathead_tiktok_calls_total', { lane: 'interactive' });
    assert.equal(sample(exposition, 'whathead_tiktok_rate_permits_total', { lane: 'interactive' }), attempts);
    assert.equal(sample(exposition, 'whathead_tiktok_rate_permits_total', { lane: 'sync' }), 0);
    assert.equal(
      sample(exposition, 'whathead_tiktok_rate_wait_seconds_count', { lane: 'interactive' }),
      attempts,
    );
    assert.equal(
      sample(exposition, 'whathead_tiktok_rate_wait_seconds_bucket', { lane: 'interactive', le: '+Inf' }),
      attempts,
    );
    assert.notEqual(sample(exposition, 'whathead_tiktok_rate_wait_seconds_bucket', { le: '60' }), undefined);
  });

  it('reports running pauses by scope: seconds left of the longest, 0 for none', async () => {
    for (const scope of ['app', 'endpoint', 'advertiser'])
      assert.equal(sample(exposition, 'whathead_tiktok_rate_pause_seconds', { scope }), 0, scope);
    // Pauses another process put in the shared store count too; the app itself is left unpaused.
    const store = new TikTokRateLimitRepository(kit.test.database);
    await store.pause('endpoint:/report/task/create/', Date.now() + 300_000);
    await store.pause('endpoint:/ad/create/', Date.now() + 60_000);
    await store.pause('advertiser:7200000000000000011:/campaign/get/', Date.now() + 30_000);
    const body = (await scrape(metricsApp)).body;
    const endpoint = sample(body, 'whathead_tiktok_rate_pause_seconds', { scope: 'endpoint' })!;
    assert.ok(endpoint > 290 && endpoint <= 300, String(endpoint));
    const advertiser = sample(body, 'whathead_tiktok_rate_pause_seconds', { scope: 'advertiser' })!;
    assert.ok(advertiser > 20 && advertiser <= 30, String(advertiser));
    assert.equal(sample(body, 'whathead_tiktok_rate_pause_seconds', { scope: 'app' }), 0);
  });

  it('reports queue depth and job durations by queue', async () => {
    for (const queue of ['expired-records-cleanup', 'tiktok-connection-check']) {
      assert.equal(
        sample(exposition, 'whathead_job_queue_jobs', { queue, state: 'active' }) !== undefined,
        true,
      );
      assert.equal(
        sample(exposition, 'whathead_job_queue_jobs', { queue, state: 'waiting' }) !== undefined,
        true,
      );
    }
    await kit.test.whathead.jobs.send(expiredRecordsCleanupJob(kit.test.whathead.services), {});
    const queue = 'expired-records-cleanup';
    await eventually(async () => {
      const body = (await scrape(metricsApp)).body;
      return sample(body, 'whathead_job_duration_seconds_count', { queue, outcome: 'completed' }) === 1;
    }, 'the job’s duration');
  });

  it('refuses every other machine, with 403', async () => {
    const response = await scrape(metricsApp, { from: remote });
    assert.equal(response.statusCode, 403);
    const body = response.json<ErrorResponse>();
    assert.equal(body.error.code, 'forbidden');
    assert.match(body.error.message, /METRICS_TOKEN/);
    assert.doesNotMatch(response.body, /whathead_/);
    // This listener believes no X-Forwarded-For, whatever TRUST_PROXY says.
    const spoofed = await scrape(metricsApp, { from: remote, headers: { 'x-forwarded-for': '127.0.0.1' } });
    assert.equal(spoofed.statusCode, 403);
  });

  it('refuses a request a proxy on this machine forwards for someone else, whichever header it adds', async () => {
    for (const headers of proxyHeaderExamples) {
      const proxied = await scrape(metricsApp, { headers });
      assert.equal(proxied.statusCode, 403, JSON.stringify(headers));
      assert.doesNotMatch(proxied.body, /whathead_/);
    }
  });
});

describe('GET /metrics on PORT without METRICS_TOKEN', () => {
  let test: TestApp;
  before(async () => {
    test = await createTestApp({ TRUST_PROXY: 'loopback, 203.0.113.0/24' });
  });
  after(async () => test?.close());

  it('refuses everyone with 403, this machine included: a proxy here would make anyone look local', async () => {
    const refusals = [
      // nginx's plain `proxy_pass http://127.0.0.1:3000;`: loopback peer, loopback Host, no XFF.
      await scrape(test.app, { headers: { host: '127.0.0.1:3000' } }),
      await scrape(test.app, { from: '::1' }),
      await scrape(test.app, { from: remote }),
      // TRUST_PROXY makes request.ip follow X-Forwarded-For; the rule does not.
      await scrape(test.app, { from: remote, headers: { 'x-forwarded-for': '127.0.0.1' } }),
    ];
    for (const response of refusals) {
      assert.equal(response.statusCode, 403);
      const body = response.json<ErrorResponse>();
      assert.equal(body.error.code, 'forbidden');
      assert.match(body.error.message, /need METRICS_TOKEN/);
      assert.match(body.error.message, /METRICS_PORT/, 'names the other way to scrape');
      assert.equal(response.headers['www-authenticate'], undefined, 'no credential is asked for');
      assert.doesNotMatch(response.body, /whathead_/);
    }
  });
});

describe('GET /metrics with METRICS_TOKEN, on PORT and on METRICS_PORT', () => {
  let test: TestApp;
  let listeners: [string, FastifyInstance][];
  before(async () => {
    test = await createTestApp({ METRICS_TOKEN: token, METRICS_PORT: '9464' });
    listeners = [
      ['PORT', test.app],
      ['METRICS_PORT', test.whathead.metricsApp!],
    ];
  });
  after(async () => test?.close());

  it('serves whoever sends the token, from anywhere', async () => {
    for (const [name, app] of listeners) {
      const response = await scrape(app, { from: remote, headers: { authorization: `Bearer ${token}` } });
      assert.equal(response.statusCode, 200, name);
      assert.match(response.body, /^whathead_tiktok_rate_permits_total\{lane="interactive"\} 0$/m, name);
      assert.doesNotMatch(
        response.body,
        /^whathead_tiktok_calls_total\{/m,
        'another app’s calls are not here',
      );
    }
  });

  it('refuses a missing or wrong token with 401 and a Bearer challenge, on this machine too', async () => {
    for (const [name, app] of listeners) {
      const refusals = [
        await scrape(app, { from: remote }),
        await scrape(app),
        await scrape(app, { from: remote, headers: { authorization: `Bearer ${token}x` } }),
        await scrape(app, { from: remote, headers: { authorization: `Basic ${token}` } }),
        await scrape(app, { headers: { authorization: token } }),
      ];
      for (const response of refusals) {
        assert.equal(response.statusCode, 401, name);
        assert.equal(response.headers['www-authenticate'], 'Bearer realm="whathead-metrics"');
        assert.equal(response.json<ErrorResponse>().error.code, 'unauthenticated');
        assert.doesNotMatch(response.body, /whathead_/);
      }
    }
  });
});
