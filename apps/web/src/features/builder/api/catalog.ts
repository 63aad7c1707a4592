/**
 * What the builder's forms pick from, read from TikTok for one ad account: locations, identities,
 * pixels, apps and custom audiences (`/api/workspaces/:workspaceId/builder/accounts/:advertiserId/…`).
 * The keys sit under the workspace, so switching workspace or logging out drops them with
 * everything else.
 */

export type CatalogKind = 'regions' | 'identities' | 'pixels' | 'apps' | 'audiences';

export const catalogKeys = {
  all: (workspaceId: string, advertiserId: string) =>
    ['workspaces', workspaceId, 'builder', 'catalog', advertiserId] as const,
  list: (workspaceId: string, advertiserId: string, kind: CatalogKind, query: object = {}) =>
    ['workspaces', workspaceId, 'builder', 'catalog', advertiserId, kind, query] as const,
};

/**
 * How long a list is taken as current. TikTok's region list hardly ever changes; identities,
 * pixels, apps and audiences change when someone adds one in TikTok, which a marketer then
 * expects to see within minutes (and a retry or reopening the form asks again once this has passed).
 */
export const catalogStaleTimes: Record<CatalogKind, number> = {
  regions: 24 * 60 * 60_000,
  identities: 5 * 60_000,
  pixels: 5 * 60_000,
  apps: 5 * 60_000,
  audiences: 5 * 60_000,
};

/** The API path of an ad account's catalog list. */
export function catalogPath(workspaceId: string, advertiserId: string, kind: CatalogKind): string {
  return `/workspaces/${encodeURIComponent(workspaceId)}/builder/accounts/${encodeURIComponent(advertiserId)}/${kind}`;
}
