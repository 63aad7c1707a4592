import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ErrorResponse, TikTokUsageResponse } from '@whathead/contracts';
import { tiktokUsageResponseSchema } from '@whathead/contracts';
import { TikTokRateLimitRepository } from '../../repositories/tiktok-rate-limit.repository.js';
import type { TestBrowser } from '../../testing/test-app.js';
import {
  connectionsPath,
  joinAsMember,
  listConnections,
  signUpWorkspace,
} from '../../testing/tiktok-flow.js';
import { connect, scenario, startTikTokTestKit, type TikTokTestKit } from '../../testing/tiktok-test-kit.js';

const usagePath = (workspaceId: string) => `/api/workspaces/${workspaceId}/tiktok/usage`;
const northwindUs = '7200000000000000011';
const cafeLumen = '7200000000000000021';
const minutes = (count: number) => count * 60_000;

describe('TikTok usage', () => {
  let kit: TikTokTestKit;
  let owner: { browser: TestBrowser; workspaceId: string };
  let other: { browser: TestBrowser; workspaceId: string };
  before(async () => {
    kit = await startTikTokTestKit();
    owner = await signUpWorkspace(kit.test, 'usage-owner@example.com');
    other = await signUpWorkspace(kit.test, 'usage-other@example.com');
  });
  after(async () => kit?.close());

  const usageOf = async (browser: TestBrowser, workspaceId: string) => {
    const response = await browser.get<TikTokUsageResponse>(usagePath(workspaceId));
    assert.equal(response.status, 200, response.text);
    return tiktokUsageResponseSchema.parse(response.body);
  };
  const lane = (usage: TikTokUsageResponse, name: string) =>
    usage.lanes.find((entry) => entry.lane === name)!;

  it('starts at zero', async () => {
    const usage = await usageOf(owner.browser, owner.workspaceId);
    assert.equal(usage.day, new Date().toISOString().slice(0, 10));
    assert.equal(usage.appDayShare, 0);
    assert.deepEqual(usage.lanes, [
      { lane: 'interactive', workspaceCalls: 0 },
      { lane: 'publish', workspaceCalls: 0 },
      { lane: 'sync', workspaceCalls: 0 },
    ]);
    assert.deepEqual(usage.pauses, []);
  });

  it('counts today’s calls by lane for this workspace, and no other workspace’s', async () => {
    const connectionId = await connect(kit, owner.browser, owner.workspaceId, scenario.northwind);
    const check = await owner.browser.post(
      `/api/workspaces/${owner.workspaceId}/tiktok/connections/${connectionId}/check`,
    );
    assert.equal(check.status, 200, check.text);

    const usage = await usageOf(owner.browser, owner.workspaceId);
    // Check connection names the workspace; the sign-in's callback (public) names none yet.
    const counted = lane(usage, 'interactive').workspaceCalls;
    assert.ok(counted > 0, JSON.stringify(usage.lanes));
    // A call is counted when its slot is booked, before TikTok sees it, and the connection's
    // background work (its syncs) may still be sending: every call counted reaches TikTok soon.
    let tiktokCalls = kit.emulator.control.calls().length;
    for (let waited = 0; tiktokCalls < counted && waited < 100; waited += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      tiktokCalls = kit.emulator.control.calls().length;
    }
    assert.ok(counted <= tiktokCalls, `${counted} counted, ${tiktokCalls} seen by TikTok`);
    const spelledInCapitals = await usageOf(owner.browser, owner.workspaceId.toUpperCase());
    assert.deepEqual(spelledInCapitals.lanes, usage.lanes, 'the same workspace, whatever the case of its id');

    const theirs = await usageOf(other.browser, other.workspaceId);
    assert.deepEqual(
      theirs.lanes.map((entry) => entry.workspaceCalls),
      [0, 0, 0],
      'the owner’s calls are not told to another workspace',
    );
    assert.equal(theirs.appDayShare, 0, 'a few calls round away: under 0.05 % of 864,000');
  });

  it('tells the app’s day as a share rounded to 0.1 %, never another workspace’s counts', async () => {
    // 2,000 sync calls today for a third workspace: 0.23 % of the basic tier's 864,000 with the calls above.
    const dayStart = Math.floor(Date.now() / 86_400_000) * 86_400_000;
    await kit.test.database.db
      .insertInto('tiktok_rate_usage')
      .values(
        ['', 'a-third-workspace'].map((tenant) => ({
          day_start: dayStart,
          lane: 'sync',
          tenant,
          calls: 2_000,
        })),
      )
      .execute();

    const response = await other.browser.get<TikTokUsageResponse>(usagePath(other.workspaceId));
    assert.equal(response.status, 200, response.text);
    const usage = tiktokUsageResponseSchema.parse(response.body);
    assert.equal(usage.appDayShare, 0.002, 'TIKTOK_RATE_LIMITS=basic');
    assert.deepEqual(Object.keys(response.body).sort(), ['appDayShare', 'day', 'lanes', 'pauses']);
    assert.deepEqual(
      response.body.lanes.map((entry) => Object.keys(entry).sort()),
      [0, 1, 2].map(() => ['lane', 'workspaceCalls']),
    );
    assert.deepEqual(
      usage.lanes.map((entry) => entry.workspaceCalls),
      [0, 0, 0],
    );
    assert.doesNotMatch(response.text, /2000|2,000|"calls"|appCalls/, 'no count of another workspace');
  });

  it('is for owners and admins: a plain member gets 403, another workspace 404', async () => {
    const member = await joinAsMember(kit.test, owner.browser, owner.workspaceId, 'usage-member@example.com');
    const refused = await member.get<ErrorResponse>(usagePath(owner.workspaceId));
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'forbidden');
    const outsider = await other.browser.get<ErrorResponse>(usagePath(owner.workspaceId));
    assert.equal(outsider.status, 404);
  });

  it('tells the pauses TikTok asked for, naming only this workspace’s ad accounts', async () => {
    const store = new TikTokRateLimitRepository(kit.test.database);
    const now = Date.now();
    const midnight = Math.floor(now / 86_400_000) * 86_400_000 + 86_400_000;
    await store.pause('app', now + minutes(5));
    await store.pause('endpoint:/report/task/create/', midnight);
    await store.pause(`advertiser:${northwindUs}:/campaign/get/`, now + minutes(3));
    await store.pause(`advertiser:${cafeLumen}:/campaign/get/`, now + minutes(4));

    const usage = await usageOf(owner.browser, owner.workspaceId);
    assert.deepEqual(
      usage.pauses.map(({ until, ...pause }) => ({ ...pause, until: Date.parse(until) })),
      [
        {
          scope: 'ad_account',
          until: now + minutes(3),
          budget: 'rate',
          endpoint: '/campaign/get/',
          advertiserId: northwindUs,
          advertiserName: 'Northwind US',
        },
        {
          scope: 'app',
          until: now + minutes(5),
          budget: 'rate',
          endpoint: null,
          advertiserId: null,
          advertiserName: null,
        },
        {
          scope: 'endpoint',
          until: midnight,
          budget: 'day',
          endpoint: '/report/task/create/',
          advertiserId: null,
          advertiserName: null,
        },
      ],
    );
    const theirs = await usageOf(other.browser, other.workspaceId);
    assert.deepEqual(
      theirs.pauses.map((pause) => pause.scope),
      ['app', 'endpoint'],
      'another workspace sees the app’s pauses, not Northwind’s accounts',
    );
    // Once disconnected, the workspace's former accounts are whoever uses them now's business.
    // (Disconnecting revokes at TikTok, which waits for the app's pause: lift it first.)
    await kit.test.database.db.deleteFrom('tiktok_rate_buckets').where('key', '=', 'app').execute();
    const { connections } = await listConnections(owner.browser, owner.workspaceId);
    for (const connection of connections) {
      const gone = await owner.browser.delete(`${connectionsPath(owner.workspaceId)}/${connection.id}`);
      assert.equal(gone.status, 204, JSON.stringify(gone.body));
    }
    const after = await usageOf(owner.browser, owner.workspaceId);
    assert.deepEqual(
      after.pauses.map((pause) => pause.scope),
      ['endpoint'],
    );
  });
});
