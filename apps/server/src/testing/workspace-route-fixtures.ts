import {
  newAd,
  newAdGroup,
  newCampaign,
  type CreateInvitationResponse,
  type TikTokConnectionsResponse,
} from '@whathead/contracts';
import { sql } from '@whathead/db';
import { sampleImage } from './media-samples.js';
import { multipartBody, type TestBrowser } from './test-app.js';
import { connectionsPath, deliverCallbackLanding, startConnect } from './tiktok-flow.js';
import { connect, scenario, type TikTokTestKit } from './tiktok-test-kit.js';

/** The workspace a call acts in, and the ids of things in it that the call names. */
export interface RouteTarget {
  workspaceId: string;
  connectionId: string;
  invitationId: string;
  grantId: string;
  /** A campaign of Northwind US in the workspace's campaign mirror. */
  campaignId: string;
  /** An upload batch of one image to Northwind US. */
  batchId: string;
  /** A builder draft at version 1. */
  draftId: string;
  /** A publish of a draft: finished, or (for the review routes) waiting for approval. */
  publishId: string;
}

/** One valid call of a workspace route: its path with the ids filled in, and a body it accepts. */
export interface RouteCall {
  url: string;
  body?: unknown;
}

/** Makes what a route's call needs in a workspace, through the API as its owner would. */
export interface WorkspaceResources {
  kit: TikTokTestKit;
  /** The workspace's owner. */
  owner: TestBrowser;
  workspaceId: string;
}

let uniqueness = 0;
const unique = () => (uniqueness += 1);

export async function createInvitation(resources: WorkspaceResources): Promise<string> {
  const created = await resources.owner.post<CreateInvitationResponse>(
    `/api/workspaces/${resources.workspaceId}/invitations`,
    { email: `invitee-${unique()}@example.com`, role: 'member' },
  );
  if (created.status !== 201) throw new Error(`invitation: ${created.status} ${created.text}`);
  return created.body.invitation.id;
}

/** A live TikTok connection to Northwind Retail (reconnected when an earlier call disconnected it). */
export const createConnection = (resources: WorkspaceResources): Promise<string> =>
  connect(resources.kit, resources.owner, resources.workspaceId, scenario.northwind);

/** Northwind US selected and imported into the campaign mirror: its first campaign's id. */
export async function createMirroredCampaign(resources: WorkspaceResources): Promise<string> {
  const { owner, workspaceId } = resources;
  const connectionId = await createConnection(resources);
  const northwindUs = '7200000000000000011';
  const saved = await owner.request('PUT', `${connectionsPath(workspaceId)}/${connectionId}/accounts`, {
    selectedAdvertiserIds: [northwindUs],
    defaultAdvertiserId: northwindUs,
  });
  if (saved.status !== 200) throw new Error(`accounts: ${saved.status} ${saved.text}`);
  for (let attempt = 0; attempt < 400; attempt += 1) {
    const page = await owner.get<{ rows: { id: string }[] }>(
      `/api/workspaces/${workspaceId}/campaigns?level=campaign`,
    );
    if (page.body.rows[0]) return page.body.rows[0].id;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the campaign mirror imported nothing');
}

/** The image the last `createMediaBatch` checked, for a call that confirms it again. */
const matrixFile = { sha256: '' };

/** Northwind US selected, one image checked and confirmed to it: the batch's id. */
export async function createMediaBatch(resources: WorkspaceResources): Promise<string> {
  const { owner, workspaceId } = resources;
  const connectionId = await createConnection(resources);
  const northwindUs = '7200000000000000011';
  const saved = await owner.request('PUT', `${connectionsPath(workspaceId)}/${connectionId}/accounts`, {
    selectedAdvertiserIds: [northwindUs],
    defaultAdvertiserId: northwindUs,
  });
  if (saved.status !== 200) throw new Error(`accounts: ${saved.status} ${saved.text}`);
  const image = await sampleImage({ width: 300, height: 300, format: 'png', seed: unique() });
  const checked = await owner.postFile<{ sha256: string }>(`/api/workspaces/${workspaceId}/media/files`, {
    name: `matrix-${unique()}.png`,
    bytes: image,
  });
  if (checked.status !== 200) throw new Error(`check: ${checked.status} ${checked.text}`);
  matrixFile.sha256 = checked.body.sha256;
  const batch = await owner.post<{ batchId: string }>(`/api/workspaces/${workspaceId}/media/uploads`, {
    files: [{ sha256: checked.body.sha256, fileName: `matrix-${unique()}.png` }],
    advertiserIds: [northwindUs],
  });
  if (batch.status !== 201) throw new Error(`batch: ${batch.status} ${batch.text}`);
  return batch.body.batchId;
}

/**
 * Northwind US selected on a live connection, with the syncs that selecting or connecting started
 * finished: what the builder's catalog reads from TikTok. A live connection that has it selected
 * already is kept. Reconnecting revokes the token a sync may still be using, and TikTok's refusal
 * of it puts the connection in Needs attention, so the connection is looked at again once every
 * sync has finished, and made live again until it stays so.
 */
export async function selectNorthwindUs(resources: WorkspaceResources): Promise<void> {
  const { owner, workspaceId } = resources;
  const northwindUs = '7200000000000000011';
  for (let round = 0; round < 5; round += 1) {
    const listed = await owner.get<TikTokConnectionsResponse>(connectionsPath(workspaceId));
    const live = listed.body.connections.find(
      (connection) => connection.status === 'connected' && connection.businessCenterId === scenario.northwind,
    );
    const ready = live?.accounts.some((account) => account.advertiserId === northwindUs && account.selected);
    if (ready && round > 0) return;
    if (!ready) {
      const connectionId = live?.id ?? (await createConnection(resources));
      const saved = await owner.request('PUT', `${connectionsPath(workspaceId)}/${connectionId}/accounts`, {
        selectedAdvertiserIds: [northwindUs],
        defaultAdvertiserId: northwindUs,
      });
      if (saved.status !== 200) throw new Error(`accounts: ${saved.status} ${saved.text}`);
    }
    await syncsFinished(resources);
  }
  throw new Error('the connection to Northwind Retail did not stay live');
}

/** Every ad account's campaign, report and library passes done (none queued or under way). */
export async function syncsFinished({ owner, workspaceId }: WorkspaceResources): Promise<void> {
  const busy = new Set(['queued', 'importing', 'syncing']);
  const passes = ['campaigns/sync', 'reports/status', 'media/accounts'];
  for (let attempt = 0; attempt < 400; attempt += 1) {
    const states = await Promise.all(
      passes.map(async (pass) => {
        const answer = await owner.get<{ accounts: { state: string }[] }>(
          `/api/workspaces/${workspaceId}/${pass}`,
        );
        return answer.body.accounts.map((account) => account.state);
      }),
    );
    if (!states.flat().some((state) => busy.has(state))) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the syncs of the workspace did not finish');
}

/** An empty builder draft, at version 1, made by the owner. */
export async function createDraft(resources: WorkspaceResources): Promise<string> {
  const created = await resources.owner.post<{ id: string }>(
    `/api/workspaces/${resources.workspaceId}/drafts`,
    {},
  );
  if (created.status !== 201) throw new Error(`draft: ${created.status} ${created.text}`);
  return created.body.id;
}

/** A publish of an empty draft: nothing to send, so it has finished. */
export async function createPublish(resources: WorkspaceResources): Promise<string> {
  const draftId = await createDraft(resources);
  const started = await resources.owner.post<{ id: string }>(
    `/api/workspaces/${resources.workspaceId}/drafts/${draftId}/publishes`,
    { version: 1 },
  );
  if (started.status !== 202) throw new Error(`publish: ${started.status} ${started.text}`);
  return started.body.id;
}

/**
 * A publish waiting for approval: a campaign whose ad group spends more a day than the
 * workspace's limit. It was asked for by someone who has since left the workspace (the owner
 * cannot approve their own), so the owner may review it.
 */
export async function createAwaitingPublish(resources: WorkspaceResources): Promise<string> {
  const { owner, workspaceId, kit } = resources;
  await selectNorthwindUs(resources);
  const northwindUs = '7200000000000000011';
  const limits = await owner.put(`/api/workspaces/${workspaceId}/builder/guardrails`, {
    maxAdGroupDailyBudget: 25,
    maxBudgetIncreasePercent: null,
  });
  if (limits.status !== 200) throw new Error(`guardrails: ${limits.status} ${limits.text}`);
  const image = [...kit.emulator.state.store.images.values()].find(
    (each) => each.advertiserId === northwindUs,
  )!;
  const campaign = newCampaign(`c${unique()}`, northwindUs, `Matrix campaign ${unique()}`);
  campaign.settings.budget = 100;
  const adGroup = newAdGroup(`g${unique()}`, campaign.key, 'TRAFFIC', 'Matrix ad group');
  adGroup.settings.budget = 60;
  adGroup.settings.locations = [{ id: '6252001', name: 'United States' }];
  const ad = newAd(`a${unique()}`, adGroup.key, 'Matrix ad');
  ad.settings = {
    ...ad.settings,
    format: 'SINGLE_IMAGE',
    identity: { type: 'CUSTOMIZED_USER', id: '7300000000000000009', displayName: 'Northwind' },
    creative: {
      kind: 'image',
      materialId: image.image_id,
      fileName: 'a.png',
      sha256: null,
      width: null,
      height: null,
      coverImageId: null,
    },
    adText: 'Matrix',
    displayName: 'Northwind',
    landingPageUrl: 'https://example.com/matrix',
  };
  const draftId = await createDraft(resources);
  const saved = await owner.put(`/api/workspaces/${workspaceId}/drafts/${draftId}`, {
    version: 1,
    name: 'Over the limit',
    document: { nodes: [campaign, adGroup, ad] },
  });
  if (saved.status !== 200) throw new Error(`draft: ${saved.status} ${saved.text}`);
  const started = await owner.post<{ id: string; state: string }>(
    `/api/workspaces/${workspaceId}/drafts/${draftId}/publishes`,
    { version: 2 },
  );
  if (started.body.state !== 'awaiting_approval')
    throw new Error(`publish: ${started.status} ${started.text}`);
  await sql`update publishes set requested_by = null where id = ${started.body.id}`.execute(
    kit.test.database.db,
  );
  return started.body.id;
}

/**
 * A held TikTok sign-in spanning Northwind and Bluebird. Both must be unconnected for the grant
 * to be held, so the workspace's connections are disconnected first.
 */
export async function createGrant(resources: WorkspaceResources): Promise<string> {
  const { owner, workspaceId, kit } = resources;
  const listed = await owner.get<TikTokConnectionsResponse>(connectionsPath(workspaceId));
  for (const connection of listed.body.connections)
    await owner.delete(`${connectionsPath(workspaceId)}/${connection.id}`);
  const { state } = await startConnect(owner, workspaceId);
  const authCode = kit.emulator.control.issueAuthorizationCode({ email: scenario.alex });
  const landing = await deliverCallbackLanding(owner, state, authCode);
  if (!('grantId' in landing)) throw new Error(`grant: ${JSON.stringify(landing)}`);
  return landing.grantId;
}

/**
 * Every workspace-scoped route (access `member` or `manager`), keyed `METHOD url`, with what it
 * needs made fresh and a valid call of it. The authorization test calls each as an outsider, a
 * plain member and the owner; a workspace route missing here fails that test. Add a line with
 * every new workspace route.
 */
export const workspaceRouteFixtures: Record<
  string,
  {
    /** Which of the target's ids the call names besides the workspace. */
    needs?: (
      | 'connection'
      | 'invitation'
      | 'grant'
      | 'campaign'
      | 'mediaBatch'
      | 'draft'
      | 'account'
      | 'publish'
      | 'awaitingPublish'
    )[];
    /**
     * A served call uses up what it names (a delete; a save of the version it names): the plain
     * member is then served on things of its own, and the owner on the ones the refused calls named.
     */
    consumes?: true;
    call(target: RouteTarget): RouteCall;
  }
> = {
  'POST /api/session/workspace': {
    call: ({ workspaceId }) => ({ url: '/api/session/workspace', body: { workspaceId } }),
  },
  'GET /api/workspaces/:workspaceId/members': {
    call: ({ workspaceId }) => ({ url: `/api/workspaces/${workspaceId}/members` }),
  },
  'POST /api/workspaces/:workspaceId/invitations': {
    call: ({ workspaceId }) => ({
      url: `/api/workspaces/${workspaceId}/invitations`,
      body: { email: `matrix-${unique()}@example.com`, role: 'member' },
    }),
  },
  'DELETE /api/workspaces/:workspaceId/invitations/:invitationId': {
    needs: ['invitation'],
    call: ({ workspaceId, invitationId }) => ({
      url: `/api/workspaces/${workspaceId}/invitations/${invitationId}`,
      body: {},
    }),
  },
  'GET /api/workspaces/:workspaceId/tiktok/connections': {
    call: ({ workspaceId }) => ({ url: `/api/workspaces/${workspaceId}/tiktok/connections` }),
  },
  'POST /api/workspaces/:workspaceId/tiktok/connect': {
    call: ({ workspaceId }) => ({ url: `/api/workspaces/${workspaceId}/tiktok/connect`, body: {} }),
  },
  'PUT /api/workspaces/:workspaceId/tiktok/connections/:connectionId/accounts': {
    needs: ['connection'],
    call: ({ workspaceId, connectionId }) => ({
      url: `/api/workspaces/${workspaceId}/tiktok/connections/${connectionId}/accounts`,
      body: { selectedAdvertiserIds: ['7200000000000000011'], defaultAdvertiserId: '7200000000000000011' },
    }),
  },
  'POST /api/workspaces/:workspaceId/tiktok/connections/:connectionId/check': {
    needs: ['connection'],
    call: ({ workspaceId, connectionId }) => ({
      url: `/api/workspaces/${workspaceId}/tiktok/connections/${connectionId}/check`,
      body: {},
    }),
  },
  'DELETE /api/workspaces/:workspaceId/tiktok/connections/:connectionId': {
    needs: ['connection'],
    call: ({ workspaceId, connectionId }) => ({
      url: `/api/workspaces/${workspaceId}/tiktok/connections/${connectionId}`,
      body: {},
    }),
  },
  'GET /api/workspaces/:workspaceId/tiktok/grants': {
    call: ({ workspaceId }) => ({ url: `/api/workspaces/${workspaceId}/tiktok/grants` }),
  },
  'GET /api/workspaces/:workspaceId/tiktok/grants/:grantId': {
    needs: ['grant'],
    call: ({ workspaceId, grantId }) => ({ url: `/api/workspaces/${workspaceId}/tiktok/grants/${grantId}` }),
  },
  'POST /api/workspaces/:workspaceId/tiktok/grants/:grantId/connect': {
    needs: ['grant'],
    call: ({ workspaceId, grantId }) => ({
      url: `/api/workspaces/${workspaceId}/tiktok/grants/${grantId}/connect`,
      body: { groupKey: scenario.northwind },
    }),
  },
  'GET /api/workspaces/:workspaceId/tiktok/usage': {
    call: ({ workspaceId }) => ({ url: `/api/workspaces/${workspaceId}/tiktok/usage` }),
  },
  'GET /api/workspaces/:workspaceId/tiktok/audit': {
    call: ({ workspaceId }) => ({ url: `/api/workspaces/${workspaceId}/tiktok/audit` }),
  },
  'GET /api/workspaces/:workspaceId/campaigns': {
    call: ({ workspaceId }) => ({ url: `/api/workspaces/${workspaceId}/campaigns?level=ad&status=all` }),
  },
  'GET /api/workspaces/:workspaceId/campaigns/sync': {
    call: ({ workspaceId }) => ({ url: `/api/workspaces/${workspaceId}/campaigns/sync` }),
  },
  'POST /api/workspaces/:workspaceId/campaigns/status': {
    call: ({ workspaceId }) => ({
      url: `/api/workspaces/${workspaceId}/campaigns/status`,
      body: {
        level: 'campaign',
        operation: 'DISABLE',
        targets: [{ advertiserId: '7200000000000000011', id: '1' }],
      },
    }),
  },
  'PATCH /api/workspaces/:workspaceId/campaigns/:level/:advertiserId/:id': {
    needs: ['campaign'],
    call: ({ workspaceId, campaignId }) => ({
      url: `/api/workspaces/${workspaceId}/campaigns/campaign/7200000000000000011/${campaignId}`,
      body: { name: 'Renamed' },
    }),
  },
  'GET /api/workspaces/:workspaceId/campaigns/:level/:advertiserId/:id/changes': {
    needs: ['campaign'],
    call: ({ workspaceId, campaignId }) => ({
      url: `/api/workspaces/${workspaceId}/campaigns/campaign/7200000000000000011/${campaignId}/changes`,
    }),
  },
  'POST /api/workspaces/:workspaceId/campaigns/refresh': {
    call: ({ workspaceId }) => ({ url: `/api/workspaces/${workspaceId}/campaigns/refresh` }),
  },
  'GET /api/workspaces/:workspaceId/reports/status': {
    call: ({ workspaceId }) => ({ url: `/api/workspaces/${workspaceId}/reports/status` }),
  },
  'POST /api/workspaces/:workspaceId/reports/sync': {
    call: ({ workspaceId }) => ({ url: `/api/workspaces/${workspaceId}/reports/sync` }),
  },
  'PUT /api/workspaces/:workspaceId/reports/settings': {
    call: ({ workspaceId }) => ({
      url: `/api/workspaces/${workspaceId}/reports/settings`,
      body: { restatementDays: 7, hourlyRetentionDays: 30 },
    }),
  },
  'GET /api/workspaces/:workspaceId/reports/overview': {
    call: ({ workspaceId }) => ({
      url: `/api/workspaces/${workspaceId}/reports/overview?from=2026-11-18&to=2026-11-24&compare=true`,
    }),
  },
  'GET /api/workspaces/:workspaceId/reports/breakdown': {
    call: ({ workspaceId }) => ({
      url: `/api/workspaces/${workspaceId}/reports/breakdown?from=2026-11-18&to=2026-11-24&level=ad`,
    }),
  },
  'GET /api/workspaces/:workspaceId/reports/breakdown.csv': {
    call: ({ workspaceId }) => ({
      url: `/api/workspaces/${workspaceId}/reports/breakdown.csv?from=2026-11-18&to=2026-11-24`,
    }),
  },
  'GET /api/workspaces/:workspaceId/media': {
    needs: ['mediaBatch'],
    call: ({ workspaceId }) => ({ url: `/api/workspaces/${workspaceId}/media?account=7200000000000000011` }),
  },
  'GET /api/workspaces/:workspaceId/media/accounts': {
    call: ({ workspaceId }) => ({ url: `/api/workspaces/${workspaceId}/media/accounts` }),
  },
  'POST /api/workspaces/:workspaceId/media/refresh': {
    call: ({ workspaceId }) => ({ url: `/api/workspaces/${workspaceId}/media/refresh`, body: {} }),
  },
  'POST /api/workspaces/:workspaceId/media/files': {
    call: ({ workspaceId }) => ({
      url: `/api/workspaces/${workspaceId}/media/files`,
      // Not an image: checked and refused in words, which is still the route serving its caller.
      body: multipartBody('file', 'notes.png', Buffer.from('not a picture')),
    }),
  },
  'GET /api/workspaces/:workspaceId/media/uploads': {
    call: ({ workspaceId }) => ({ url: `/api/workspaces/${workspaceId}/media/uploads` }),
  },
  'POST /api/workspaces/:workspaceId/media/uploads': {
    needs: ['mediaBatch'],
    call: ({ workspaceId }) => ({
      url: `/api/workspaces/${workspaceId}/media/uploads`,
      // The batch's file, checked in the victim's workspace: another workspace holds no such bytes.
      body: {
        files: [{ sha256: matrixFile.sha256, fileName: 'again.png' }],
        advertiserIds: ['7200000000000000011'],
      },
    }),
  },
  'GET /api/workspaces/:workspaceId/media/uploads/:batchId': {
    needs: ['mediaBatch'],
    call: ({ workspaceId, batchId }) => ({ url: `/api/workspaces/${workspaceId}/media/uploads/${batchId}` }),
  },
  'POST /api/workspaces/:workspaceId/media/uploads/:batchId/retry': {
    needs: ['mediaBatch'],
    call: ({ workspaceId, batchId }) => ({
      url: `/api/workspaces/${workspaceId}/media/uploads/${batchId}/retry`,
      body: {},
    }),
  },
  'GET /api/workspaces/:workspaceId/drafts': {
    call: ({ workspaceId }) => ({ url: `/api/workspaces/${workspaceId}/drafts` }),
  },
  'POST /api/workspaces/:workspaceId/drafts': {
    call: ({ workspaceId }) => ({ url: `/api/workspaces/${workspaceId}/drafts`, body: {} }),
  },
  'GET /api/workspaces/:workspaceId/drafts/:draftId': {
    needs: ['draft'],
    call: ({ workspaceId, draftId }) => ({ url: `/api/workspaces/${workspaceId}/drafts/${draftId}` }),
  },
  'PUT /api/workspaces/:workspaceId/drafts/:draftId': {
    needs: ['draft'],
    consumes: true,
    call: ({ workspaceId, draftId }) => ({
      url: `/api/workspaces/${workspaceId}/drafts/${draftId}`,
      body: { version: 1, name: 'Saved by the matrix', document: { nodes: [] } },
    }),
  },
  'DELETE /api/workspaces/:workspaceId/drafts/:draftId': {
    needs: ['draft'],
    consumes: true,
    call: ({ workspaceId, draftId }) => ({
      url: `/api/workspaces/${workspaceId}/drafts/${draftId}`,
      body: {},
    }),
  },
  'POST /api/workspaces/:workspaceId/drafts/:draftId/preview': {
    needs: ['draft'],
    call: ({ workspaceId, draftId }) => ({
      url: `/api/workspaces/${workspaceId}/drafts/${draftId}/preview`,
      body: { version: 1 },
    }),
  },
  'POST /api/workspaces/:workspaceId/drafts/:draftId/publishes': {
    needs: ['draft'],
    consumes: true,
    call: ({ workspaceId, draftId }) => ({
      url: `/api/workspaces/${workspaceId}/drafts/${draftId}/publishes`,
      body: { version: 1 },
    }),
  },
  'GET /api/workspaces/:workspaceId/publishes': {
    call: ({ workspaceId }) => ({ url: `/api/workspaces/${workspaceId}/publishes` }),
  },
  'GET /api/workspaces/:workspaceId/publishes/:publishId': {
    needs: ['publish'],
    call: ({ workspaceId, publishId }) => ({ url: `/api/workspaces/${workspaceId}/publishes/${publishId}` }),
  },
  'GET /api/workspaces/:workspaceId/publishes/:publishId/events': {
    // A publish that has ended: its stream sends it once and ends.
    needs: ['publish'],
    call: ({ workspaceId, publishId }) => ({
      url: `/api/workspaces/${workspaceId}/publishes/${publishId}/events`,
    }),
  },
  'POST /api/workspaces/:workspaceId/publishes/:publishId/approve': {
    needs: ['awaitingPublish'],
    call: ({ workspaceId, publishId }) => ({
      url: `/api/workspaces/${workspaceId}/publishes/${publishId}/approve`,
      body: {},
    }),
  },
  'POST /api/workspaces/:workspaceId/publishes/:publishId/reject': {
    needs: ['awaitingPublish'],
    call: ({ workspaceId, publishId }) => ({
      url: `/api/workspaces/${workspaceId}/publishes/${publishId}/reject`,
      body: {},
    }),
  },
  'GET /api/workspaces/:workspaceId/builder/guardrails': {
    call: ({ workspaceId }) => ({ url: `/api/workspaces/${workspaceId}/builder/guardrails` }),
  },
  'PUT /api/workspaces/:workspaceId/builder/guardrails': {
    call: ({ workspaceId }) => ({
      url: `/api/workspaces/${workspaceId}/builder/guardrails`,
      body: { maxAdGroupDailyBudget: 500, maxBudgetIncreasePercent: 50 },
    }),
  },
  'GET /api/workspaces/:workspaceId/builder/existing': {
    needs: ['campaign'],
    call: ({ workspaceId, campaignId }) => ({
      url: `/api/workspaces/${workspaceId}/builder/existing?advertiserId=7200000000000000011&campaigns=${campaignId}`,
    }),
  },
  'GET /api/workspaces/:workspaceId/builder/accounts/:advertiserId/regions': {
    needs: ['account'],
    call: ({ workspaceId }) => ({
      url: `/api/workspaces/${workspaceId}/builder/accounts/7200000000000000011/regions?q=united`,
    }),
  },
  'GET /api/workspaces/:workspaceId/builder/accounts/:advertiserId/identities': {
    needs: ['account'],
    call: ({ workspaceId }) => ({
      url: `/api/workspaces/${workspaceId}/builder/accounts/7200000000000000011/identities`,
    }),
  },
  'POST /api/workspaces/:workspaceId/builder/accounts/:advertiserId/identities': {
    needs: ['account'],
    call: ({ workspaceId }) => ({
      url: `/api/workspaces/${workspaceId}/builder/accounts/7200000000000000011/identities`,
      body: { displayName: `Matrix ${unique()}` },
    }),
  },
  'GET /api/workspaces/:workspaceId/builder/accounts/:advertiserId/pixels': {
    needs: ['account'],
    call: ({ workspaceId }) => ({
      url: `/api/workspaces/${workspaceId}/builder/accounts/7200000000000000011/pixels`,
    }),
  },
  'GET /api/workspaces/:workspaceId/builder/accounts/:advertiserId/audiences': {
    needs: ['account'],
    call: ({ workspaceId }) => ({
      url: `/api/workspaces/${workspaceId}/builder/accounts/7200000000000000011/audiences`,
    }),
  },
  'GET /api/workspaces/:workspaceId/builder/accounts/:advertiserId/apps': {
    needs: ['account'],
    call: ({ workspaceId }) => ({
      url: `/api/workspaces/${workspaceId}/builder/accounts/7200000000000000011/apps`,
    }),
  },
};
