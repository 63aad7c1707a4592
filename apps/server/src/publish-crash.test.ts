import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import {
  draftSchema,
  newAd,
  newAdGroup,
  newCampaign,
  publishSchema,
  type Draft,
  type DraftDocument,
  type Publish,
} from '@whathead/contracts';
import { testEngine } from '@whathead/db/testing';
import { withCallPriority } from '@whathead/tiktok-client';
import { emulatorApp } from '@whathead/tiktok-emulator';
import { TestBrowser, testEnvironment } from './testing/test-app.js';
import { connectionsPath } from './testing/tiktok-flow.js';
import { connect, scenario, startTikTokTestKit, type TikTokTestKit } from './testing/tiktok-test-kit.js';
import { startWhatheadProcess, type WhatheadProcess } from './testing/whathead-process.js';

/**
 * Issue 14's crash test: the worker running a publish is killed with SIGKILL after intent, after
 * send and before confirm, and after confirm, in turn; after a restart every publish completes
 * and the emulator holds no duplicate campaign, ad group or ad (its own records are the judge).
 *
 * The web app runs in this process (role `web`: it queues, never works); the worker is main.ts in
 * a child process on the same PostgreSQL database, its TikTok the emulator listening here. Each
 * crash point is a test-only trigger that puts the worker's statement to sleep (pg_sleep) at the
 * moment to crash in: the test sees the backend asleep in pg_stat_activity, kills the worker,
 * terminates the sleeping backend (its transaction rolls back now, as a dead client's would once
 * PostgreSQL notices), drops the trigger, waits out the lease (PUBLISH_LEASE_SECONDS=5) and starts
 * a fresh worker, whose start-up recovery queues the publish again. Production code has no hook.
 */

const northwindUs = '7200000000000000011';
const leaseSeconds = 5;
const skip =
  testEngine() === 'pglite'
    ? 'needs PostgreSQL (TEST_DATABASE_URL): a second process shares the database, and PGlite serves one process'
    : false;

/** One moment to crash in: a trigger that sleeps, and how many of the worker's statements it catches. */
interface CrashPoint {
  label: string;
  table: 'publish_items' | 'publishes';
  /** The trigger's WHEN condition. */
  when: string;
  /** Statements that reach the trigger before the worker can do anything more (all in flight). */
  pauses: number;
}

type JournalRow = {
  node_key: string;
  level: 'campaign' | 'adgroup' | 'ad';
  name: string;
  parent_key: string | null;
  state: string;
  request_id: string | null;
  intent_at: Date | null;
  sent_at: Date | null;
  tiktok_id: string | null;
};

describe(
  'a publish whose worker is killed (SIGKILL) mid-way completes after a restart, creating nothing twice',
  {
    skip,
  },
  () => {
    let kit: TikTokTestKit;
    let alex: TestBrowser;
    let workspaceId: string;
    let imageId: string;
    let dataDirectory: string;
    let workerEnvironment: Record<string, string>;
    let worker: WhatheadProcess | undefined;
    /** Every worker started, each killed in after() whatever happened. */
    const workers: WhatheadProcess[] = [];
    let spawns = 0;

    before(async () => {
      kit = await startTikTokTestKit({ environment: { WHATHEAD_ROLE: 'web' } });
      const url = kit.test.database.url;
      assert.ok(url, 'the test database is PostgreSQL');
      alex = new TestBrowser(kit.test.app);
      workspaceId = (await alex.signUp({ name: 'Alex', email: 'alex-crash@example.com' })).activeWorkspaceId!;
      const connectionId = await connect(kit, alex, workspaceId, scenario.northwind);
      const saved = await alex.put(`${connectionsPath(workspaceId)}/${connectionId}/accounts`, {
        selectedAdvertiserIds: [northwindUs],
        defaultAdvertiserId: northwindUs,
      });
      assert.equal(saved.status, 200, saved.text);
      imageId = [...kit.emulator.state.store.images.values()].find(
        (image) => image.advertiserId === northwindUs,
      )!.image_id;
      dataDirectory = mkdtempSync(path.join(tmpdir(), 'whathead-crash-'));
      workerEnvironment = {
        ...testEnvironment,
        WHATHEAD_DATA_DIR: dataDirectory,
        DATABASE_URL: url,
        WHATHEAD_ROLE: 'worker',
        TIKTOK_APP_ID: emulatorApp.appId,
        TIKTOK_APP_SECRET: emulatorApp.secret,
        TIKTOK_API_BASE_URL: kit.tiktokBaseUrl,
        TIKTOK_AUTH_URL: kit.tiktokBaseUrl.replace(/\/open_api\/v1\.3$/, '/portal/auth'),
        PUBLISH_LEASE_SECONDS: String(leaseSeconds),
        LOG_LEVEL: 'warn',
        LOG_FORMAT: 'json',
      };
    });

    after(async () => {
      await Promise.all(workers.map((each) => each.kill()));
      await kit?.close();
      if (dataDirectory) rmSync(dataDirectory, { recursive: true, force: true });
    });

    const api = (route: string) => `/api/workspaces/${workspaceId}${route}`;
    const sql = async <Row>(text: string, values: unknown[] = []) =>
      (await kit.test.database.executeSql(text, values)).rows as Row[];

    function startWorker(): WhatheadProcess {
      spawns += 1;
      worker = startWhatheadProcess(workerEnvironment);
      workers.push(worker);
      return worker;
    }

    async function until<Value>(
      what: string,
      check: () => Promise<Value | undefined>,
      seconds = 30,
    ): Promise<Value> {
      const deadline = Date.now() + seconds * 1000;
      for (;;) {
        const value = await check();
        if (value !== undefined) return value;
        if (Date.now() > deadline)
          throw new Error(`${what}: not within ${seconds} s. Worker output:\n${worker?.output() ?? ''}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }

    /** 2 campaigns × 2 ad groups × 2 single-image ads, every name starting with `prefix`. */
    function tree(prefix: string): DraftDocument {
      const nodes: DraftDocument['nodes'] = [];
      for (let c = 0; c < 2; c += 1) {
        const campaign = newCampaign(`${prefix}c${c}`, northwindUs, `${prefix} campaign ${c}`);
        campaign.settings.budget = 500;
        nodes.push(campaign);
        for (let g = 0; g < 2; g += 1) {
          const adGroup = newAdGroup(
            `${prefix}g${c}${g}`,
            campaign.key,
            'TRAFFIC',
            `${prefix} ad group ${c}.${g}`,
          );
          adGroup.settings.budget = 40;
          adGroup.settings.locations = [{ id: '6252001', name: 'United States' }];
          nodes.push(adGroup);
          for (let a = 0; a < 2; a += 1) {
            const ad = newAd(`${prefix}a${c}${g}${a}`, adGroup.key, `${prefix} ad ${c}.${g}.${a}`);
            ad.settings = {
              ...ad.settings,
              format: 'SINGLE_IMAGE',
              identity: { type: 'CUSTOMIZED_USER', id: '7300000000000000009', displayName: 'Northwind' },
              creative: {
                kind: 'image',
                materialId: imageId,
                fileName: 'a.png',
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

    async function saveDraft(document: DraftDocument): Promise<Draft> {
      const created = await alex.post(api('/drafts'), {});
      assert.equal(created.status, 201, created.text);
      const draft = draftSchema.parse(created.body);
      const saved = await alex.put(api(`/drafts/${draft.id}`), {
        version: draft.version,
        name: draft.name,
        document,
      });
      assert.equal(saved.status, 200, saved.text);
      return draftSchema.parse((await alex.get(api(`/drafts/${draft.id}`))).body);
    }

    async function startPublish(draft: Draft): Promise<string> {
      const started = await alex.post(api(`/drafts/${draft.id}/publishes`), { version: draft.version });
      assert.equal(started.status, 202, started.text);
      return publishSchema.parse(started.body).id;
    }

    const journal = (publishId: string) =>
      sql<JournalRow>(
        `select node_key, level, name, parent_key, state, request_id, intent_at, sent_at, tiktok_id
         from publish_items where publish_id = $1 order by node_key`,
        [publishId],
      );

    const sleeping = async () =>
      (
        await sql<{ pid: number }>(
          "select pid from pg_stat_activity where datname = current_database() and wait_event = 'PgSleep'",
        )
      ).map((row) => row.pid);

    async function install(point: CrashPoint): Promise<void> {
      // One crash point at a time, whatever an earlier failure left.
      for (const table of ['publish_items', 'publishes'])
        await sql(`drop trigger if exists crash_test_point on ${table}`);
      await sql(`create or replace function crash_test_pause() returns trigger language plpgsql as $$
      begin perform pg_sleep(60); return new; end $$`);
      await sql(
        `create trigger crash_test_point before update on ${point.table} for each row
         when (${point.when}) execute function crash_test_pause()`,
      );
    }

    /**
     * Waits until the worker sleeps in the crash point (as many statements as it catches), kills
     * the worker, and ends its sleeping backends so their transactions roll back at once.
     */
    async function crash(point: CrashPoint, t: TestContext): Promise<void> {
      const started = Date.now();
      const pids = await until(`the worker reaching “${point.label}”`, async () => {
        const asleep = await sleeping();
        return asleep.length >= point.pauses ? asleep : undefined;
      });
      await worker!.kill();
      const killedAt = Date.now();
      worker = undefined;
      await sql('select pg_terminate_backend(pid) from unnest($1::int[]) as pid', [pids]);
      await until('the sleeping backends ending', async () =>
        (await sleeping()).length === 0 ? true : undefined,
      );
      await sql(`drop trigger crash_test_point on ${point.table}`);
      t.diagnostic(
        `${point.label}: ${pids.length} statement(s) caught ${killedAt - started} ms after the round began`,
      );
    }

    /** Waits out the killed worker's lease, then starts a fresh worker; its start-up recovery takes the publish. */
    async function restart(publishId: string, t: TestContext, next?: CrashPoint): Promise<void> {
      const started = Date.now();
      await until(
        'the lease lapsing',
        async () =>
          (
            await sql<{ lapsed: boolean }>(
              'select lease_until < now() as lapsed from publishes where id = $1',
              [publishId],
            )
          )[0]?.lapsed
            ? true
            : undefined,
        leaseSeconds * 3,
      );
      t.diagnostic(`lease lapsed ${Date.now() - started} ms after the kill`);
      if (next) await install(next);
      startWorker();
    }

    async function finished(publishId: string, t: TestContext): Promise<Publish> {
      const started = Date.now();
      const publish = await until(
        'the publish finishing',
        async () => {
          const current = publishSchema.parse((await alex.get(api(`/publishes/${publishId}`))).body);
          return ['queued', 'running'].includes(current.state) ? undefined : current;
        },
        60,
      );
      t.diagnostic(`publish ${publish.state} ${Date.now() - started} ms after the restart`);
      return publish;
    }

    /** What the emulator holds: entities of our account by name, under a given parent. */
    const store = () => kit.emulator.state.store;
    const campaignsNamed = (name: string) =>
      [...store().campaigns.values()].filter(
        (campaign) => campaign.advertiser_id === northwindUs && campaign.campaign_name === name,
      );
    const adGroupsNamed = (campaignId: string, name: string) =>
      [...store().adgroups.values()].filter(
        (adGroup) => adGroup.campaign_id === campaignId && adGroup.adgroup_name === name,
      );
    const adsNamed = (adGroupId: string, name: string) =>
      [...store().ads.values()].filter((ad) => ad.adgroup_id === adGroupId && ad.ad_name === name);
    const withPrefix = (prefix: string) => ({
      campaigns: [...store().campaigns.values()].filter((campaign) =>
        campaign.campaign_name.startsWith(`${prefix} `),
      ),
      adGroups: [...store().adgroups.values()].filter((adGroup) =>
        adGroup.adgroup_name.startsWith(`${prefix} `),
      ),
      ads: [...store().ads.values()].filter((ad) => ad.ad_name.startsWith(`${prefix} `)),
    });

    /**
     * The end state: succeeded, every item confirmed with the TikTok id the emulator holds exactly
     * one object of, the ids written back into the draft (one version up), and nothing else created.
     */
    async function assertCompleted(prefix: string, draft: Draft, publish: Publish): Promise<void> {
      assert.equal(
        publish.state,
        'succeeded',
        JSON.stringify(publish.items.filter((item) => item.state !== 'confirmed')),
      );
      assert.equal(publish.items.length, 14);
      for (const item of publish.items) {
        assert.equal(item.state, 'confirmed', item.name);
        assert.match(item.tiktokId ?? '', /^\d+$/, item.name);
      }
      const byKey = new Map(publish.items.map((item) => [item.key, item]));
      for (const item of publish.items) {
        const parentId = item.parentKey ? byKey.get(item.parentKey)!.tiktokId! : null;
        const held =
          item.level === 'campaign'
            ? campaignsNamed(item.name).map((campaign) => campaign.campaign_id)
            : item.level === 'adgroup'
              ? adGroupsNamed(parentId!, item.name).map((adGroup) => adGroup.adgroup_id)
              : adsNamed(parentId!, item.name).map((ad) => ad.ad_id);
        assert.deepEqual(
          held,
          [item.tiktokId],
          `the emulator holds “${item.name}” exactly once, as the publish says`,
        );
      }
      const created = withPrefix(prefix);
      assert.deepEqual(
        [created.campaigns.length, created.adGroups.length, created.ads.length],
        [2, 4, 8],
        'nothing else was created',
      );
      const reloaded = draftSchema.parse((await alex.get(api(`/drafts/${draft.id}`))).body);
      assert.equal(
        reloaded.version,
        draft.version + 2,
        'the start took one version, the write-back one more: written back once',
      );
      for (const node of reloaded.document.nodes)
        assert.equal(node.tiktokId, byKey.get(node.key)!.tiktokId, `${node.key} has its TikTok id`);
    }

    /** Every create call the emulator answered, by path (the lookups are GETs). */
    const createCalls = () =>
      kit.emulator.control
        .calls()
        .filter((call) => call.method === 'POST' && call.path.endsWith('/create/'))
        .map((call) => call.path.replace(/^.*\/v1\.3/, ''));

    const count = (paths: string[]) =>
      Object.fromEntries(
        ['/campaign/create/', '/adgroup/create/', '/ad/create/'].map((each) => [
          each,
          paths.filter((sent) => sent === each).length,
        ]),
      );

    const heldOnce = (rows: JournalRow[], byKey: Map<string, JournalRow>) => {
      for (const row of rows) {
        const parent = row.parent_key ? byKey.get(row.parent_key) : undefined;
        const held =
          row.level === 'campaign'
            ? campaignsNamed(row.name)
            : row.level === 'adgroup'
              ? adGroupsNamed(parent!.tiktok_id!, row.name)
              : adsNamed(parent!.tiktok_id!, row.name);
        assert.equal(held.length, 1, `TikTok has “${row.name}” once, its confirm never committed`);
      }
    };

    it('killed after intent (pending → sending caught): nothing was sent, and the next worker sends each once', async (t) => {
      const prefix = 'S1';
      const point: CrashPoint = {
        label: 'after intent',
        table: 'publish_items',
        when: `old.state = 'pending' and new.state = 'sending' and new.name like '${prefix} %'`,
        pauses: 2,
      };
      const draft = await saveDraft(tree(prefix));
      await install(point);
      const publishId = await startPublish(draft);
      const intended = await journal(publishId);
      for (const row of intended) {
        assert.equal(row.state, 'pending');
        // The intent: a create's request id is chosen and saved before anything is sent (TikTok
        // takes none for ads, which are looked up by name under their ad group instead).
        assert.equal(row.level !== 'ad', Boolean(row.request_id && row.intent_at), row.name);
      }
      startWorker();
      await crash(point, t);
      const afterKill = await journal(publishId);
      assert.deepEqual(
        afterKill.map((row) => [row.name, row.state, row.sent_at]),
        intended.map((row) => [row.name, 'pending', null]),
        'the sending mark rolled back with the worker',
      );
      assert.deepEqual(withPrefix(prefix).campaigns, [], 'nothing reached TikTok');
      const createsBefore = createCalls().length;
      await restart(publishId, t);
      await assertCompleted(prefix, draft, await finished(publishId, t));
      assert.deepEqual(
        count(createCalls().slice(createsBefore)),
        { '/campaign/create/': 2, '/adgroup/create/': 4, '/ad/create/': 4 },
        'each create sent once: 2 campaigns, 4 ad groups, one /ad/create/ call per ad group',
      );
    });

    it('killed after TikTok created them, before their confirms committed (a campaign, an ad group, ads): each is found, not sent again', async (t) => {
      const prefix = 'S2';
      // One kill catches all three levels: campaign 0's confirm sleeps; campaign 1 goes on, and
      // under it ad group 1.0's confirm sleeps while 1.1 goes on to its /ad/create/ call, whose
      // first confirm sleeps. Each of them TikTok has created; the journal says `sending`.
      const caught: Record<string, string> = {
        [`${prefix} campaign 0`]: 'sending',
        [`${prefix} campaign 1`]: 'confirmed',
        [`${prefix} ad group 1.0`]: 'sending',
        [`${prefix} ad group 1.1`]: 'confirmed',
        [`${prefix} ad 1.1.0`]: 'sending',
        [`${prefix} ad 1.1.1`]: 'sending',
      };
      const point: CrashPoint = {
        label: 'after send, before confirm',
        table: 'publish_items',
        when: `old.state = 'sending' and new.state = 'confirmed' and new.name in (${Object.keys(caught)
          .filter((name) => caught[name] === 'sending')
          .map((name) => `'${name}'`)
          .join(', ')})`,
        pauses: 3,
      };
      const draft = await saveDraft(tree(prefix));
      await install(point);
      const publishId = await startPublish(draft);
      if (!worker) startWorker();
      await crash(point, t);
      const rows = await journal(publishId);
      assert.deepEqual(
        rows.map((row) => [row.name, row.state]),
        rows.map((row) => [row.name, caught[row.name] ?? 'pending']),
        'the journal after the kill',
      );
      const sending = rows.filter((row) => row.state === 'sending');
      assert.ok(
        sending.every((row) => row.sent_at),
        'sent_at is journalled before each call',
      );
      heldOnce(sending, new Map(rows.map((row) => [row.node_key, row])));
      const createsBefore = createCalls();
      await restart(publishId, t);
      await assertCompleted(prefix, draft, await finished(publishId, t));
      // What was left to create: campaign 0's 2 ad groups, then an /ad/create/ call under each of
      // them and under ad group 1.0. Nothing TikTok had is sent again.
      assert.deepEqual(createCalls().slice(createsBefore.length).sort(), [
        '/ad/create/',
        '/ad/create/',
        '/ad/create/',
        '/adgroup/create/',
        '/adgroup/create/',
      ]);
    });

    it('killed after every confirm, before the publish finished and wrote back: the next worker only finishes it', async (t) => {
      const prefix = 'S3';
      const draft = await saveDraft(tree(prefix));
      const point: CrashPoint = {
        label: 'after confirm, before finish',
        table: 'publishes',
        when: `new.state in ('succeeded', 'failed') and new.draft_id = '${draft.id}'`,
        pauses: 1,
      };
      await install(point);
      const publishId = await startPublish(draft);
      if (!worker) startWorker();
      await crash(point, t);
      const rows = await journal(publishId);
      assert.ok(
        rows.every((row) => row.state === 'confirmed' && row.tiktok_id),
        'every confirm had committed',
      );
      const [publish] = await sql<{ state: string }>('select state from publishes where id = $1', [
        publishId,
      ]);
      assert.equal(publish!.state, 'running', 'the finish rolled back with the worker');
      const unchanged = draftSchema.parse((await alex.get(api(`/drafts/${draft.id}`))).body);
      assert.equal(
        unchanged.version,
        draft.version + 1,
        'nothing was written back yet (the start took one version)',
      );
      const createsBefore = createCalls().length;
      await restart(publishId, t);
      await assertCompleted(prefix, draft, await finished(publishId, t));
      assert.equal(createCalls().length, createsBefore, 'the restart sent nothing to TikTok');
    });

    it('stops the last worker cleanly', async (t) => {
      await worker?.stop();
      worker = undefined;
      t.diagnostic(`${spawns} worker processes started`);
    });

    it('runs a publish once when one process is given it twice (recovery queued it again before a run took it)', async () => {
      // No worker runs now: the job the API queues waits, and this process runs the publish
      // itself, twice at once, as a worker working two jobs of the same publish would.
      const prefix = 'S4';
      const draft = await saveDraft(tree(prefix));
      const publishId = await startPublish(draft);
      const createsBefore = createCalls().length;
      const runner = kit.test.whathead.services.publishRunner;
      // As a job runs it: its TikTok calls in the publish lane, for the workspace.
      const asJob = () =>
        withCallPriority({ lane: 'publish', tenant: workspaceId.toLowerCase() }, () => runner.run(publishId));
      const outcomes = await Promise.all([asJob(), asJob()]);
      assert.equal(outcomes.filter((outcome) => 'skipped' in outcome).length, 1, JSON.stringify(outcomes));
      const publish = publishSchema.parse((await alex.get(api(`/publishes/${publishId}`))).body);
      await assertCompleted(prefix, draft, publish);
      assert.deepEqual(count(createCalls().slice(createsBefore)), {
        '/campaign/create/': 2,
        '/adgroup/create/': 4,
        '/ad/create/': 4,
      });
    });
  },
);
