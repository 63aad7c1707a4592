import type { TikTokConnectionsResponse, TikTokPendingGrantsResponse } from '@whathead/contracts';
import type { TikTokConnectResult } from './tiktok-connect-channel';

/**
 * What the workspace held when a Connect attempt began: each connection's id and connection time,
 * and the held sign-ins. Compared with a later read, it tells what the attempt made even when the
 * TikTok window's own answer never reaches this tab (a busy machine, a closed window).
 */
export interface TikTokAttemptSnapshot {
  connectedAt: ReadonlyMap<string, string>;
  grantIds: ReadonlySet<string>;
}

export function snapshotOf(
  connections: TikTokConnectionsResponse | undefined,
  grants: TikTokPendingGrantsResponse | undefined,
): TikTokAttemptSnapshot {
  return {
    connectedAt: new Map((connections?.connections ?? []).map((item) => [item.id, item.connectedAt])),
    grantIds: new Set((grants?.grants ?? []).map((grant) => grant.id)),
  };
}

/** The connection (re)made or the sign-in held since `before`, or undefined when nothing changed. */
export function resultSince(
  before: TikTokAttemptSnapshot,
  connections: TikTokConnectionsResponse,
  grants: TikTokPendingGrantsResponse,
): TikTokConnectResult | undefined {
  const grant = grants.grants.find((candidate) => !before.grantIds.has(candidate.id));
  if (grant) return { grant: grant.id };
  const connection = connections.connections.find(
    (candidate) => before.connectedAt.get(candidate.id) !== candidate.connectedAt,
  );
  return connection ? { connected: connection.id } : undefined;
}
