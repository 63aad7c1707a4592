import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { ErrorResponse } from '@whathead/contracts';
import type { RegisteredRoute } from './http/route.js';
import { TestBrowser, type BrowserResponse } from './testing/test-app.js';
import { joinAsMember, signUpWorkspace } from './testing/tiktok-flow.js';
import { startTikTokTestKit } from './testing/tiktok-test-kit.js';
import {
  createConnection,
  createAwaitingPublish,
  createDraft,
  createPublish,
  createInvitation,
  createGrant,
  createMediaBatch,
  createMirroredCampaign,
  selectNorthwindUs,
  workspaceRouteFixtures,
  type RouteTarget,
  type WorkspaceResources,
} from './testing/workspace-route-fixtures.js';

// Generated from the server's own route table: a route added later is held to what it declares
// (http/route.ts) without anyone writing its authorization tests by hand.

const kit = await startTikTokTestKit();
const routes = kit.test.app.routeTable;
const keyOf = (route: RegisteredRoute) => `${route.method} ${route.url}`;
const isWorkspaceRoute = (route: RegisteredRoute) => route.access === 'member' || route.access === 'manager';

interface World {
  victim: WorkspaceResources;
  member: TestBrowser;
  outsider: { browser: TestBrowser; workspaceId: string };
  anonymous: TestBrowser;
}

async function buildWorld(): Promise<World> {
  const owner = await signUpWorkspace(kit.test, 'victim-owner@example.com');
  const member = await joinAsMember(kit.test, owner.browser, owner.workspaceId, 'victim-member@example.com');
  const anonymous = new TestBrowser(kit.test.app);
  await anonymous.get('/api/session');
  return {
    victim: { kit, owner: owner.browser, workspaceId: owner.workspaceId },
    member,
    outsider: await signUpWorkspace(kit.test, 'outsider@example.com'),
    anonymous,
  };
}

/** Fresh things in the victim's workspace for one route's calls. */
async function victimTarget(world: World, needs: string[] = []): Promise<RouteTarget> {
  if (needs.includes('account')) await selectNorthwindUs(world.victim);
  return {
    workspaceId: world.victim.workspaceId,
    connectionId: needs.includes('connection') ? await createConnection(world.victim) : randomUUID(),
    invitationId: needs.includes('invitation') ? await createInvitation(world.victim) : randomUUID(),
    grantId: needs.includes('grant') ? await createGrant(world.victim) : randomUUID(),
    campaignId: needs.includes('campaign') ? await createMirroredCampaign(world.victim) : '1000000000000001',
    batchId: needs.includes('mediaBatch') ? await createMediaBatch(world.victim) : randomUUID(),
    draftId: needs.includes('draft') ? await createDraft(world.victim) : randomUUID(),
    publishId: needs.includes('awaitingPublish')
      ? await createAwaitingPublish(world.victim)
      : needs.includes('publish')
        ? await createPublish(world.victim)
        : randomUUID(),
  };
}

function send(browser: TestBrowser, route: RegisteredRoute, call: { url: string; body?: unknown }) {
  return browser.request<ErrorResponse>(
    route.method,
    call.url,
    route.method === 'GET' ? undefined : call.body,
  );
}

/** What every API answer must be, whoever asked: never cached, and a failure in the one error shape. */
function assertApiAnswer(response: BrowserResponse<ErrorResponse>, label: string) {
  assert.equal(response.headers['cache-control'], 'no-store', `${label}: Cache-Control`);
  if (response.status >= 400)
    assert.ok(response.body?.error?.code, `${label}: error shape, got ${response.text}`);
}

function assertRefused(response: BrowserResponse<ErrorResponse>, status: number, label: string) {
  assertApiAnswer(response, label);
  assert.equal(
    response.status,
    status,
    `${label}: expected ${status}, got ${response.status} ${response.text}`,
  );
}

function assertServed(response: BrowserResponse<ErrorResponse>, label: string) {
  assertApiAnswer(response, label);
  assert.ok(response.status < 400, `${label}: expected success, got ${response.status} ${response.text}`);
}

/** A path that matches the route, for callers refused before their input is read. */
const placeholderUrl = (url: string) => url.replace(/:(\w+)/g, () => randomUUID());

describe('authorization of every API route, generated from the route table', () => {
  let world: World;
  before(async () => {
    world = await buildWorld();
  });
  after(async () => kit.close());

  it('is generated from a real table: every API route declares who may call it', () => {
    assert.ok(routes.length >= 15, `the route table holds ${routes.length} routes`);
    const undeclared = routes.filter((route) => route.access === undefined).map(keyOf);
    assert.deepEqual(undeclared, [], 'API routes registered without defineRoute and its access');
    const unscoped = routes
      .filter((route) => route.url.includes(':workspaceId') && !isWorkspaceRoute(route))
      .map(keyOf);
    assert.deepEqual(unscoped, [], 'routes that name a workspace must declare member or manager');
  });

  it('covers every workspace route with a call (testing/workspace-route-fixtures.ts)', () => {
    const workspaceRoutes = routes.filter(isWorkspaceRoute).map(keyOf);
    const missing = workspaceRoutes.filter((key) => !(key in workspaceRouteFixtures));
    assert.deepEqual(missing, [], 'add a fixture for each of these workspace routes');
    const stale = Object.keys(workspaceRouteFixtures).filter((key) => !workspaceRoutes.includes(key));
    assert.deepEqual(stale, [], 'fixtures of routes that are gone or no longer workspace-scoped');
  });

  for (const route of routes.filter((candidate) => candidate.access && candidate.access !== 'public')) {
    it(`${keyOf(route)}: a caller without a session gets 401`, async () => {
      const response = await send(world.anonymous, route, { url: placeholderUrl(route.url), body: {} });
      assertRefused(response, 401, 'anonymous');
      assert.equal(response.body.error.code, 'unauthenticated');
    });
  }

  for (const route of routes.filter(isWorkspaceRoute)) {
    const fixture = workspaceRouteFixtures[keyOf(route)];
    const memberOutcome = route.access === 'manager' ? 'a plain member gets 403' : 'a plain member is served';
    it(`${keyOf(route)}: another workspace gets 404, ${memberOutcome}, the owner is served`, async (context) => {
      if (!fixture) return assert.fail(`no fixture for ${keyOf(route)}`);
      const target = await victimTarget(world, fixture.needs);
      const call = fixture.call(target);

      const outsider = await send(world.outsider.browser, route, call);
      assertRefused(outsider, 404, 'a member of another workspace, with this workspace’s ids');
      assert.equal(outsider.body.error.code, 'not_found');
      if (fixture.needs?.length) {
        // The same ids from inside the caller's own workspace, where every role check passes.
        const ownWorkspace = await send(
          world.outsider.browser,
          route,
          fixture.call({ ...target, workspaceId: world.outsider.workspaceId }),
        );
        assertRefused(ownWorkspace, 404, 'another workspace’s owner, naming this workspace’s things');
      }

      const member = await send(
        world.member,
        route,
        fixture.consumes ? fixture.call(await victimTarget(world, fixture.needs)) : call,
      );
      if (route.access === 'manager') {
        assertRefused(member, 403, 'a plain member');
        assert.equal(member.body.error.code, 'forbidden');
      } else assertServed(member, 'a plain member');

      // Last, and on the same things: the refused calls changed nothing the owner relies on.
      assertServed(await send(world.victim.owner, route, call), 'the owner');
      context.diagnostic(`${route.access}: outsider 404, member ${member.status}, owner served`);
    });
  }
});
