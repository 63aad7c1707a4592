import type { CreateInvitationResponse, TikTokConnectionsResponse } from '@whathead/contracts';
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
    needs?: ('connection' | 'invitation' | 'grant' | 'campaign' | 'mediaBatch')[];
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
};
