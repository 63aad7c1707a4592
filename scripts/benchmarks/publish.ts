/**
 * Publishing a draft (issue 14, "done when"): 5 campaigns × 4 ad groups × 5 single-image ads
 * (100 ads), from the click to every item confirmed, at the emulator's default rate limits.
 *
 * How: the emulator listens in this process; Whathead's web process runs here too (role `web`:
 * it takes the click and queues the job) and its worker runs apart as `npm start` runs it (the
 * compiled server, `WHATHEAD_ROLE=worker`, woken by the sent job's announcement), both on a throwaway
 * PostgreSQL database and so sharing one TikTok rate budget. The owner signs up, connects the
 * Northwind Business Center and selects its US account through the API; the syncs that selection
 * queues are let finish (and the sweeps unscheduled) so that nothing else uses the budget. Then,
 * PUBLISH_BENCH_RUNS times (default 3), a new draft is saved and published, and the publish
 * polled in the database until it ends.
 *
 * Figures (each run's, and the BENCH line's from the median run by time_ratio, `_max` the worst):
 *   - `time_ratio`: wall time from the click (the POST) to the last item's confirm, over the least
 *     the limits and the parent-before-child order allow (`seconds_min`, formula below; ≤ 1.10).
 *   - `calls_ratio`: TikTok write calls (POSTs the emulator answered, retries and refusals
 *     included) over the least the draft needs: one create per campaign and ad group, and one
 *     /ad/create/ per ad group per 20 ads (45; ≤ 1.02).
 *   - `duplicates`: what the emulator's own store holds more than once: campaigns by name, ad
 *     groups by (campaign, name), ads by (ad group, name), plus anything missing (0).
 *   - where the time went: the click's answer (the POST), its answer → the job's start (pg-boss)
 *     → the first call, the write calls' median spacing per endpoint, last call → last confirm →
 *     publish finished; and `seconds_min_as_paced`, the same bound with the spacing Whathead's
 *     rate budget keeps (its intervals with headroom). PUBLISH_BENCH_CALLS=1 prints every write.
 *
 * The minimum. TikTok counts calls per second and per minute, app-wide and per endpoint
 * (/ad/create/ has its own). Read as sustained rates (no burst: a client cannot know how TikTok's
 * windows are aligned), the k-th call of a bucket (from 0) goes no sooner than
 * t(k) = max(k · 1000/perSecond, ⌊k / perMinute⌋ · 60,000) ms after the first. An ad group goes
 * after its campaign's answer and an ad call after its ad group's (ℓ, an answer's latency: the
 * emulator's median for these writes). So from the click:
 *   seconds_min = max( t_app(N − 1) + ℓ,                         all N calls through the app's budget
 *                      t_first_ad + t_ad(N_ad − 1) + ℓ,          the ad calls through /ad/create/'s
 *                      3ℓ )                                      campaign → ad group → ad
 *   t_first_ad  = max(max(ℓ, t_app(1)) + ℓ, t_app(2))             its ad group's answer, the 3rd slot
 * with N = 45 and N_ad = 20. It is a lower bound: no schedule does better, and with the default
 * limits one that interleaves ad calls between ad group creates reaches it.
 *
 * Needs PostgreSQL (TEST_DATABASE_URL, DATABASE_URL, or its binaries for a throwaway cluster).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import {
  draftSchema,
  newAd,
  newAdGroup,
  newCampaign,
  publishSchema,
  type DraftDocument,
} from '@whathead/contracts';
import { intervalOf, type RateLimits } from '@whathead/tiktok-client';
import { createEmulator, emulatorApp, type CallRecord, type Emulator } from '@whathead/tiktok-emulator';
import { TestBrowser } from '../../apps/server/src/testing/test-app.js';
import {
  connectionsPath,
  deliverCallback,
  emulatorSettings,
  startConnect,
} from '../../apps/server/src/testing/tiktok-flow.js';
import { percentile, rounded, type Benchmark, type Figures } from '../lib/benchmark.js';
import { benchApp, secrets } from '../lib/bench-app.js';
import { openBenchPostgres } from '../lib/bench-postgres.js';
import { jobsSettled } from '../lib/campaign-sync-steps.js';
import { freePort } from '../lib/postgres-cluster.js';
import { builtServer, bundleServer, serverNodeFlags } from '../lib/server-bundle.js';

const businessCenterId = '7100000000000000001';
const tiktokUser = 'alex.admin@example.com';
const advertiserId = '7200000000000000011';
const shape = { campaigns: 5, adGroups: 4, ads: 5 };
/** TikTok takes at most 20 creatives per /ad/create/ call (correction 5). */
const adsPerCall = 20;
const runs = Number(process.env.PUBLISH_BENCH_RUNS ?? 3);
const createPaths = ['/campaign/create/', '/adgroup/create/', '/ad/create/'] as const;

const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));
const pathOf = (call: CallRecord) => call.path.replace(/^.*\/v1\.3/, '');

/** When the k-th call (from 0) of a bucket may go at the soonest, after its first, at sustained rates. */
const slotAt = (k: number, limits: RateLimits) =>
  Math.max((k * 1000) / limits.perSecond, Math.floor(k / limits.perMinute) * 60_000);

/** The same with a fixed spacing (how Whathead's budget paces a bucket below its per-minute count). */
const pacedAt = (k: number, interval: number) => k * interval;

/** The least time from the click to the last answer (module comment), in milliseconds. */
function minimum(
  calls: number,
  adCalls: number,
  latency: number,
  app: (k: number) => number,
  ad: (k: number) => number,
): number {
  const firstAd = Math.max(Math.max(latency, app(1)) + latency, app(2));
  return Math.max(app(calls - 1) + latency, firstAd + ad(adCalls - 1) + latency, 3 * latency);
}

interface WorkerLine {
  time: number;
  msg: string;
  job?: string;
  durationMs?: number;
  tiktok?: { path: string; code: number; durationMilliseconds: number; attempt: number };
}

/** The worker as `npm start` runs it, its JSON log lines kept for the profile. */
async function startWorker(environment: Record<string, string>) {
  await bundleServer();
  const metricsPort = await freePort();
  const child: ChildProcess = spawn(process.execPath, [...serverNodeFlags, builtServer], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      WHATHEAD_ROLE: 'worker',
      METRICS_PORT: String(metricsPort),
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      ...secrets,
      ...environment,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: WorkerLine[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    try {
      lines.push(JSON.parse(line) as WorkerLine);
    } catch {
      // not a log line
    }
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const deadline = performance.now() + 120_000;
  for (;;) {
    const ready = await fetch(`http://127.0.0.1:${metricsPort}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (child.exitCode !== null || performance.now() > deadline)
      throw new Error(`the worker did not become ready (exit ${child.exitCode})`);
    await pause(50);
  }
  return {
    lines,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timeout = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timeout);
    },
  };
}

/** The draft: every name starts with `prefix`, so each run's objects are told apart at TikTok. */
function draftDocument(prefix: string, imageId: string): DraftDocument {
  const nodes: DraftDocument['nodes'] = [];
  for (let c = 0; c < shape.campaigns; c += 1) {
    const campaign = newCampaign(`${prefix}c${c}`, advertiserId, `${prefix} campaign ${c}`);
    campaign.settings.budget = 500;
    nodes.push(campaign);
    for (let g = 0; g < shape.adGroups; g += 1) {
      const adGroup = newAdGroup(
        `${prefix}g${c}-${g}`,
        campaign.key,
        'TRAFFIC',
        `${prefix} ad group ${c}.${g}`,
      );
      adGroup.settings.budget = 40;
      adGroup.settings.locations = [{ id: '6252001', name: 'United States' }];
      nodes.push(adGroup);
      for (let a = 0; a < shape.ads; a += 1) {
        const ad = newAd(`${prefix}a${c}-${g}-${a}`, adGroup.key, `${prefix} ad ${c}.${g}.${a}`);
        ad.settings = {
          ...ad.settings,
          format: 'SINGLE_IMAGE',
          identity: { type: 'CUSTOMIZED_USER', id: '7300000000000000009', displayName: 'Northwind' },
          creative: {
            kind: 'image',
            materialId: imageId,
            fileName: 'spring.png',
            sha256: null,
            width: 1080,
            height: 1080,
            coverImageId: null,
          },
          adText: 'Spring is here',
          displayName: 'Northwind',
          landingPageUrl: 'https://example.com/spring',
        };
        nodes.push(ad);
      }
    }
  }
  return { nodes };
}

/** What the emulator holds of one run's draft more than once, or not at all. */
function duplicatesOf(emulator: Emulator, prefix: string) {
  const store = emulator.state.store;
  const mine = (name: string) => name.startsWith(`${prefix} `);
  const campaigns = [...store.campaigns.values()].filter((each) => mine(each.campaign_name));
  const adGroups = [...store.adgroups.values()].filter((each) => mine(each.adgroup_name));
  const ads = [...store.ads.values()].filter((each) => mine(each.ad_name));
  const extra = (keys: string[]) => keys.length - new Set(keys).size;
  const duplicates =
    extra(campaigns.map((each) => `${each.advertiser_id}/${each.campaign_name}`)) +
    extra(adGroups.map((each) => `${each.campaign_id}/${each.adgroup_name}`)) +
    extra(ads.map((each) => `${each.adgroup_id}/${each.ad_name}`));
  const expected = shape.campaigns * (1 + shape.adGroups * (1 + shape.ads));
  const held = campaigns.length + adGroups.length + ads.length;
  return { duplicates, missing: Math.max(0, expected - (held - duplicates)), held };
}

/** The spacing of successive calls, in milliseconds (median and largest). */
function spacing(times: number[]) {
  const gaps = times.slice(1).map((time, index) => time - times[index]!);
  return { median: percentile(gaps, 50), max: gaps.length ? Math.max(...gaps) : Number.NaN };
}

export const benchmark: Benchmark = {
  description:
    'publishing a draft of 5 campaigns × 4 ad groups × 5 ads (100 ads) through a worker at the emulator’s default limits: click to all confirmed over the least the limits allow, calls over the least, duplicates',
  async run(): Promise<Figures> {
    const postgres = await openBenchPostgres('publish');
    const emulator = createEmulator({ publicUrl: 'http://localhost:3000' });
    const listening = await emulator.listen({ port: 0 });
    const tiktok = emulatorSettings(listening.url, emulatorApp);
    const dataDirectory = mkdtempSync(path.join(tmpdir(), 'whathead-bench-publish-'));
    const app = await benchApp(
      { DATABASE_URL: postgres.url, WHATHEAD_DATA_DIR: dataDirectory, PUBLIC_URL: 'http://localhost:3000' },
      tiktok,
    );
    const database = postgres.database;
    let worker: Awaited<ReturnType<typeof startWorker>> | undefined;
    try {
      await app.start();
      worker = await startWorker({
        DATABASE_URL: postgres.url,
        WHATHEAD_DATA_DIR: dataDirectory,
        TIKTOK_APP_ID: tiktok.appId,
        TIKTOK_APP_SECRET: tiktok.secret,
        TIKTOK_API_BASE_URL: tiktok.apiBaseUrl,
        TIKTOK_AUTH_URL: tiktok.authUrl,
      });
      const settings = emulator.control.settings();
      const appLimits = settings.appRateLimit;
      const adLimits = settings.endpointRateLimits['/ad/create/'] ?? appLimits;
      console.log(
        `${postgres.label}; emulator limits: app ${appLimits.perSecond}/s ${appLimits.perMinute}/min, ` +
          `/ad/create/ ${adLimits.perSecond}/s ${adLimits.perMinute}/min (${settings.rateWindows} windows); ${runs} runs`,
      );

      const owner = new TestBrowser(app.whathead.app!);
      const session = await owner.signUp({ email: 'owner@example.com', workspaceName: 'Northwind' });
      const workspaceId = session.activeWorkspaceId!;
      const api = (route: string) => `/api/workspaces/${workspaceId}${route}`;
      const { state } = await startConnect(owner, workspaceId);
      const authCode = emulator.control.issueAuthorizationCode({ email: tiktokUser, bcId: businessCenterId });
      const connectionId = await deliverCallback(owner, state, authCode, {
        workspaceId,
        groupKey: businessCenterId,
      });
      const selected = await owner.put(`${connectionsPath(workspaceId)}/${connectionId}/accounts`, {
        selectedAdvertiserIds: [advertiserId],
        defaultAdvertiserId: advertiserId,
      });
      if (selected.status !== 200) throw new Error(`selection: ${selected.status} ${selected.text}`);
      // The syncs the selection queued use the same budget: let them end, and keep the sweeps off.
      await jobsSettled(database, 120_000);
      await database.executeSql("delete from pgboss.schedule where name <> 'draft-publish-recovery'");
      const imageId = [...emulator.state.store.images.values()].find(
        (image) => image.advertiserId === advertiserId,
      )!.image_id;

      const results: Figures[] = [];
      for (let run = 1; run <= runs; run += 1) {
        const prefix = `P${run}`;
        const created = await owner.post(api('/drafts'), {});
        const draft = draftSchema.parse(created.body);
        const saved = await owner.put(api(`/drafts/${draft.id}`), {
          version: draft.version,
          name: `Spring ${run}`,
          document: draftDocument(prefix, imageId),
        });
        if (saved.status !== 200) throw new Error(`draft: ${saved.status} ${saved.text}`);
        const version = draftSchema.parse((await owner.get(api(`/drafts/${draft.id}`))).body).version;
        await jobsSettled(database);
        // A second apart, so no run shares a rate window with the one before.
        await pause(1_500);
        emulator.control.clearCalls();
        const logFrom = worker.lines.length;

        const clickedAt = Date.now();
        const started = await owner.post(api(`/drafts/${draft.id}/publishes`), { version });
        const answeredAt = Date.now();
        if (started.status !== 202) throw new Error(`publish: ${started.status} ${started.text}`);
        const publishId = publishSchema.parse(started.body).id;
        let final = '';
        for (const deadline = Date.now() + 300_000; Date.now() < deadline; await pause(50)) {
          const { rows } = await database.executeSql('select state from publishes where id = $1', [
            publishId,
          ]);
          final = (rows[0] as { state: string }).state;
          if (!['queued', 'running'].includes(final)) break;
        }
        if (final !== 'succeeded') throw new Error(`publish ${run} ended ${final}`);

        const { rows: times } = await database.executeSql(
          `select extract(epoch from max(item.confirmed_at)) * 1000 as "confirmedAt",
                  count(*) filter (where item.state = 'confirmed')::int as confirmed,
                  count(*)::int as items,
                  extract(epoch from publish.finished_at) * 1000 as "finishedAt",
                  (select extract(epoch from min(job.started_on)) * 1000 from pgboss.job
                    where job.name = 'draft-publish' and job.data ->> 'publishId' = $1::text) as "jobStartedAt"
             from publish_items item join publishes publish on publish.id = item.publish_id
            where item.publish_id = $1::uuid group by publish.finished_at`,
          [publishId],
        );
        const at = times[0] as Record<string, number>;
        const calls = emulator.control.calls();
        const writes = calls.filter((call) => call.method === 'POST');
        const byPath = (wanted: string) => writes.filter((call) => pathOf(call) === wanted);
        const adCalls = byPath('/ad/create/').length;
        const minimumCalls = shape.campaigns * (1 + shape.adGroups * (1 + Math.ceil(shape.ads / adsPerCall)));
        const minimumAdCalls = shape.campaigns * shape.adGroups * Math.ceil(shape.ads / adsPerCall);
        const latency = percentile(
          writes.map((call) => call.durationMilliseconds),
          50,
        );
        const least = minimum(
          minimumCalls,
          minimumAdCalls,
          latency,
          (k) => slotAt(k, appLimits),
          (k) => slotAt(k, adLimits),
        );
        const asPaced = minimum(
          minimumCalls,
          minimumAdCalls,
          latency,
          (k) => pacedAt(k, intervalOf(appLimits)),
          (k) => Math.max(pacedAt(k, intervalOf(adLimits)), pacedAt(k, intervalOf(appLimits))),
        );
        const wall = at.confirmedAt! - clickedAt;
        const firstCall = Math.min(...writes.map((call) => call.time));
        const lastCall = Math.max(...writes.map((call) => call.time + call.durationMilliseconds));
        const { duplicates, missing } = duplicatesOf(emulator, prefix);
        const logged = worker.lines.slice(logFrom);
        const publishJob = logged.find((line) => line.job === 'draft-publish' && line.msg === 'job done');
        const perPath = Object.fromEntries(
          createPaths.map((wanted) => [wanted, spacing(byPath(wanted).map((call) => call.time))]),
        );
        // PUBLISH_BENCH_CALLS=1 prints each write: its milliseconds after the first, and its endpoint.
        if (process.env.PUBLISH_BENCH_CALLS)
          console.log(
            writes.map((call) => `${call.time - firstCall}:${pathOf(call).split('/')[1]}`).join(' '),
          );
        const figures: Figures = {
          seconds: rounded(wall / 1000, 2),
          seconds_min: rounded(least / 1000, 2),
          time_ratio: rounded(wall / least, 2),
          seconds_min_as_paced: rounded(asPaced / 1000, 2),
          calls: writes.length,
          calls_min: minimumCalls,
          calls_ratio: rounded(writes.length / minimumCalls, 3),
          calls_campaign: byPath('/campaign/create/').length,
          calls_adgroup: byPath('/adgroup/create/').length,
          calls_ad: adCalls,
          reads: calls.length - writes.length,
          refused: writes.filter((call) => call.code !== 0).length,
          throttled_40100: calls.filter((call) => call.code === 40100).length,
          duplicates: duplicates + missing,
          confirmed: at.confirmed!,
          items: at.items!,
          ms_click_answered: answeredAt - clickedAt,
          ms_answer_to_job: rounded(at.jobStartedAt! - answeredAt),
          ms_job_to_first_call: rounded(firstCall - at.jobStartedAt!),
          ms_first_to_last_call: rounded(lastCall - firstCall),
          ms_last_call_to_confirm: rounded(at.confirmedAt! - lastCall),
          ms_confirm_to_finish: rounded(at.finishedAt! - at.confirmedAt!),
          ms_job_logged: publishJob?.durationMs ?? -1,
          ms_latency_p50: rounded(latency, 1),
          ms_gap_campaign: rounded(perPath['/campaign/create/']!.median),
          ms_gap_adgroup: rounded(perPath['/adgroup/create/']!.median),
          ms_gap_ad: rounded(perPath['/ad/create/']!.median),
          ms_gap_all: rounded(spacing(writes.map((call) => call.time).sort((a, b) => a - b)).median),
          ms_gap_all_max: rounded(spacing(writes.map((call) => call.time).sort((a, b) => a - b)).max),
        };
        console.log(
          `run ${run}: ${figures.seconds} s from the click to all ${at.items} confirmed (least ${figures.seconds_min} s; ` +
            `as Whathead paces ${figures.seconds_min_as_paced} s): time_ratio ${figures.time_ratio}; ` +
            `${writes.length} writes (least ${minimumCalls}), ${figures.reads} reads, ${figures.duplicates} duplicates; ` +
            `click answered in ${figures.ms_click_answered} ms → job ${figures.ms_answer_to_job} ms → first call ${figures.ms_job_to_first_call} ms; ` +
            `calls over ${figures.ms_first_to_last_call} ms (median spacing: all ${figures.ms_gap_all}, ` +
            `campaign ${figures.ms_gap_campaign}, ad group ${figures.ms_gap_adgroup}, ad ${figures.ms_gap_ad} ms); ` +
            `last call → last confirm ${figures.ms_last_call_to_confirm} ms → finished ${figures.ms_confirm_to_finish} ms`,
        );
        results.push(figures);
      }
      console.log(
        'seconds_min = max(t_app(N−1) + ℓ, t_first_ad + t_ad(N_ad−1) + ℓ, 3ℓ), t(k) = max(k·1000/perSecond, ⌊k/perMinute⌋·60000) ms, ' +
          't_first_ad = max(max(ℓ, t_app(1)) + ℓ, t_app(2)); N = 45 writes, N_ad = 20 /ad/create/ calls, ℓ = the median write latency. ' +
          'seconds_min_as_paced: the same with the spacing Whathead’s budget keeps (intervalOf: 1/perSecond less 3 % headroom; the per-minute count is not reached by 45 calls).',
      );
      const ordered = [...results].sort((left, right) => Number(left.time_ratio) - Number(right.time_ratio));
      const median = ordered[Math.floor((ordered.length - 1) / 2)]!;
      const worst = (key: string) => Math.max(...results.map((figures) => Number(figures[key])));
      return {
        engine: postgres.label,
        runs,
        ads: shape.campaigns * shape.adGroups * shape.ads,
        ...median,
        time_ratio_max: worst('time_ratio'),
        calls_ratio_max: worst('calls_ratio'),
        duplicates: results.reduce((sum, figures) => sum + Number(figures.duplicates), 0),
        rate_limit_per_second: appLimits.perSecond,
        ad_create_per_second: adLimits.perSecond,
        ad_create_per_minute: adLimits.perMinute,
      };
    } finally {
      await worker?.stop();
      await app.stop();
      await listening.close();
      await postgres.close();
      rmSync(dataDirectory, { recursive: true, force: true });
    }
  },
};
