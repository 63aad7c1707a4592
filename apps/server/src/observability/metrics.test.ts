import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { defineJob } from '../jobs/job.js';
import { createMetrics, tiktokCallOutcome } from './metrics.js';

const quiet = { warn: () => undefined };

describe('TikTok call outcomes', () => {
  it('sorts attempts into ok, the two throttles to watch, auth failures and the rest', () => {
    const failure = (code: number | undefined, kind: string) => ({ outcome: 'failure' as const, code, kind });
    assert.equal(tiktokCallOutcome({ outcome: 'success', code: 0, kind: undefined }), 'ok');
    assert.equal(tiktokCallOutcome(failure(40100, 'rate_limited')), '40100');
    assert.equal(tiktokCallOutcome(failure(40133, 'rate_limited')), '40133');
    for (const [code, kind] of [
      [40105, 'auth_invalid'],
      [40102, 'auth_invalid'],
      [40001, 'permission_denied'],
      [40101, 'authorization_code_invalid'],
    ] as const)
      assert.equal(tiktokCallOutcome(failure(code, kind)), 'auth', `${code} ${kind}`);
    for (const [code, kind] of [
      [40016, 'rate_limited'],
      [50000, 'transient'],
      [undefined, 'transient'],
      [40002, 'invalid_request'],
    ] as const)
      assert.equal(tiktokCallOutcome(failure(code, kind)), 'other', `${code} ${kind}`);
  });
});

describe('metrics', () => {
  it('keeps a registry per app, so two apps in one process neither collide nor mix', async () => {
    const first = createMetrics({ logger: quiet, processMetrics: false });
    const second = createMetrics({ logger: quiet, processMetrics: false });
    first.rateLimitObserver.granted({ lane: 'sync', waitedMilliseconds: 1500 });
    const firstText = (await first.render()).body;
    assert.match(firstText, /^whathead_tiktok_rate_permits_total\{lane="sync"\} 1$/m);
    assert.match(firstText, /^whathead_tiktok_rate_wait_seconds_bucket\{le="2.5",lane="sync"\} 1$/m);
    assert.match(firstText, /^whathead_tiktok_rate_wait_seconds_bucket\{le="1",lane="sync"\} 0$/m);
    assert.match((await second.render()).body, /^whathead_tiktok_rate_permits_total\{lane="sync"\} 0$/m);
  });

  it('serves the rest when a gauge cannot read the database, and says so in the log', async () => {
    const warnings: string[] = [];
    const metrics = createMetrics({
      logger: { warn: (_fields, message) => void warnings.push(message) },
      processMetrics: false,
    });
    metrics.watchRatePauses(async () => {
      throw new Error('connection refused');
    });
    metrics.watchJobQueues(async () => [{ queue: 'mail', waiting: 3, active: 1 }]);
    const text = (await metrics.render()).body;
    assert.doesNotMatch(text, /^whathead_tiktok_rate_pause_seconds\{/m);
    assert.match(text, /^whathead_job_queue_jobs\{queue="mail",state="waiting"\} 3$/m);
    assert.match(text, /^whathead_job_queue_jobs\{queue="mail",state="active"\} 1$/m);
    assert.deepEqual(warnings, ['metrics: could not read TikTok rate pauses']);
  });

  it('times jobs by queue and outcome, passing results and failures through unchanged', async () => {
    const metrics = createMetrics({ logger: quiet, processMetrics: false });
    const job = (name: string, run: () => Promise<Record<string, unknown>>) =>
      defineJob({
        name,
        lane: 'sync',
        payload: z.object({}),
        retry: { limit: 0, delaySeconds: 1, backoff: false },
        run,
      });
    const [works, fails] = metrics.timeJobs([
      job('works', async () => ({ done: true })),
      job('fails', async () => {
        throw new Error('boom');
      }),
    ]);
    assert.equal(works!.lane, 'sync');
    assert.deepEqual(await works!.run({}), { done: true });
    await assert.rejects(fails!.run({}), /boom/);
    const text = (await metrics.render()).body;
    assert.match(text, /^whathead_job_duration_seconds_count\{queue="works",outcome="completed"\} 1$/m);
    assert.match(text, /^whathead_job_duration_seconds_count\{queue="fails",outcome="failed"\} 1$/m);
  });
});
