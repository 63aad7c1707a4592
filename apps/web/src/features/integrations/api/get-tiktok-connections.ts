// The connections query is shared with the Campaigns page, so it lives in lib (features do not
// import each other); the TikTok card keeps importing it, and the routes' base path, from here.
export { tiktokConnectionsQueryOptions, useTikTokConnections } from '../../../lib/tiktok-connections';

/** The base of every TikTok route of a workspace. */
export const tiktokPath = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}/tiktok`;
