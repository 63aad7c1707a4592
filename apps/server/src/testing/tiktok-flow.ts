import type {
  ConnectTikTokGrantGroupResponse,
  CreateInvitationResponse,
  StartTikTokConnectResponse,
  TikTokConnectionsResponse,
} from '@whathead/contracts';
import type { TikTokSettings } from '../lib/tiktok-settings.js';
import { TestBrowser, type TestApp } from './test-app.js';

// The Connect flow as tests drive it, without a browser. The emulator itself is created by each
// test file (the import boundary allows it only there); these helpers only need its URL, and the
// codes it issues through its control API.

/** The emulator's app credentials (packages/tiktok-emulator README, `emulatorApp`). */
export interface EmulatorAppCredentials {
  appId: string;
  secret: string;
}

/** TikTok settings that point a test app at an emulator listening on `url`. */
export const emulatorSettings = (url: string, app: EmulatorAppCredentials): TikTokSettings => ({
  mode: 'emulator',
  appId: app.appId,
  secret: app.secret,
  apiBaseUrl: `${url}/open_api/v1.3`,
  authUrl: `${url}/portal/auth`,
});

export const connectionsPath = (workspaceId: string) => `/api/workspaces/${workspaceId}/tiktok/connections`;

export async function signUpWorkspace(test: TestApp, email: string) {
  const browser = new TestBrowser(test.app);
  const session = await browser.signUp({ email });
  return { browser, workspaceId: session.activeWorkspaceId! };
}

/** A new person signed up through an invitation to the workspace as a plain member. */
export async function joinAsMember(test: TestApp, inviter: TestBrowser, workspaceId: string, email: string) {
  const invitation = await inviter.post<CreateInvitationResponse>(
    `/api/workspaces/${workspaceId}/invitations`,
    { email, role: 'member' },
  );
  const member = new TestBrowser(test.app);
  await member.get('/api/session');
  const joined = await member.post('/api/auth/signup', {
    name: 'Plain Member',
    email,
    password: 'correct horse battery staple',
    invitationToken: new URL(invitation.body.link).pathname.split('/').pop(),
  });
  if (joined.status !== 201) throw new Error(`joining ${workspaceId} failed: ${joined.text}`);
  return member;
}

/** Starts Connect and returns the state TikTok would echo back. */
export async function startConnect(
  browser: TestBrowser,
  workspaceId: string,
  reconnectConnectionId?: string,
): Promise<{ state: string; authorizationUrl: URL }> {
  const started = await browser.post<StartTikTokConnectResponse>(
    `/api/workspaces/${workspaceId}/tiktok/connect`,
    reconnectConnectionId ? { reconnectConnectionId } : {},
  );
  if (started.status !== 200) throw new Error(`connect failed: ${started.status} ${started.text}`);
  const authorizationUrl = new URL(started.body.authorizationUrl);
  return { state: authorizationUrl.searchParams.get('state')!, authorizationUrl };
}

/** TikTok's redirect back (§1.2), carrying the code as both `auth_code` and `code`. */
export const callbackUrl = (state: string | undefined, authCode: string | undefined) => {
  const query = new URLSearchParams();
  if (authCode) {
    query.set('auth_code', authCode);
    query.set('code', authCode);
  }
  if (state) query.set('state', state);
  return `/api/integrations/tiktok/callback?${query}`;
};

/** Where the callback sent the browser: a connection, a grant to pick from, or an error. */
export type CallbackLanding = { connectionId: string } | { grantId: string } | { error: string };

export async function deliverCallbackLanding(
  browser: TestBrowser,
  state: string,
  authCode: string,
): Promise<CallbackLanding> {
  const callback = await browser.get(callbackUrl(state, authCode));
  const location = String(callback.headers.location);
  const landing = /^\/integrations\/tiktok\/done\?(connected|grant|tiktok_error)=([\w-]+)$/.exec(location);
  if (callback.status !== 303 || !landing) throw new Error(`callback failed: ${callback.status} ${location}`);
  const [, kind, value] = landing as unknown as [string, string, string];
  if (kind === 'connected') return { connectionId: value };
  if (kind === 'grant') return { grantId: value };
  return { error: value };
}

/**
 * Delivers the callback and returns the connection id it made. When the grant touched several
 * groups, picks `groupKey` ("Select your Business Center"); else throws with where it went.
 */
export async function deliverCallback(
  browser: TestBrowser,
  state: string,
  authCode: string,
  pick?: { workspaceId: string; groupKey: string },
): Promise<string> {
  const landing = await deliverCallbackLanding(browser, state, authCode);
  if ('connectionId' in landing) return landing.connectionId;
  if ('grantId' in landing && pick) {
    const chosen = await connectGrantGroup(browser, pick.workspaceId, landing.grantId, pick.groupKey);
    if (chosen.status !== 200) throw new Error(`grant connect failed: ${chosen.status} ${chosen.text}`);
    return chosen.body.connectionId;
  }
  throw new Error(`callback failed: ${JSON.stringify(landing)}`);
}

export const grantsPath = (workspaceId: string) => `/api/workspaces/${workspaceId}/tiktok/grants`;

export const connectGrantGroup = (
  browser: TestBrowser,
  workspaceId: string,
  grantId: string,
  groupKey: string,
) =>
  browser.post<ConnectTikTokGrantGroupResponse>(`${grantsPath(workspaceId)}/${grantId}/connect`, {
    groupKey,
  });

export async function listConnections(browser: TestBrowser, workspaceId: string) {
  return (await browser.get<TikTokConnectionsResponse>(connectionsPath(workspaceId))).body;
}
