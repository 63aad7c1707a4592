import { advertiserRoleOf } from '../accounts/access.js';
import { ApiError } from '../http/api-error.js';
import type { EmulatorRuntime } from '../runtime.js';
import type { AppRecord, AuthorizationCodeRecord, TokenRecord } from '../state/records.js';

// The rules of reference §1.2–§1.5 in one place, shared by the token API, the authorization
// pages and the control API (which can issue a code without the pages).

/** Reference §7: 40113 for an unknown app; 40101 (portal reading) for a secret that does not match. */
export function authenticateApp(runtime: EmulatorRuntime, appId: string, secret: string): AppRecord {
  const app = runtime.store.apps.get(appId);
  if (!app) throw new ApiError(40113, `The app ${appId} does not exist or has been blocked.`);
  if (app.secret !== secret) throw new ApiError(40101, 'Invalid app_id or secret.');
  return app;
}

/** Correction 14: the code carries the granted set of accounts, which may be empty. */
export function issueAuthorizationCode(
  runtime: EmulatorRuntime,
  grant: { appId: string; userId: string; advertiserIds: string[]; scope: number[]; pickedBcId?: string },
): AuthorizationCodeRecord {
  const record: AuthorizationCodeRecord = {
    appId: grant.appId,
    userId: grant.userId,
    pickedBcId: grant.pickedBcId,
    advertiserIds: [...grant.advertiserIds],
    scope: [...grant.scope],
    code: runtime.ids.authorizationCode(),
    issuedAt: runtime.clock.now(),
    used: false,
  };
  runtime.store.authorizationCodes.set(record.code, record);
  return record;
}

/**
 * Reference §1.2: single use, about an hour, bound to its app. A code never issued to this app is
 * 40110; a used or expired one answers `staleAuthCodeCode` (correction 17: 40101 by default).
 */
export function redeemAuthorizationCode(runtime: EmulatorRuntime, appId: string, code: string): TokenRecord {
  const record = runtime.store.authorizationCodes.get(code);
  if (!record || record.appId !== appId) {
    throw new ApiError(40110, 'Auth code is invalid, expired or has been used.');
  }
  const lifetime = runtime.settings.authorizationCodeLifetimeSeconds * 1000;
  if (record.used || runtime.clock.now() >= record.issuedAt + lifetime) {
    throw runtime.settings.staleAuthCodeCode === 40101
      ? new ApiError(
          40101,
          'Invalid auth_code. Not able to get long-term access_token with an old auth_code.',
        )
      : new ApiError(40110, 'Auth code is invalid, expired or has been used.');
  }
  record.used = true;
  return issueToken(runtime, record);
}

export function issueToken(
  runtime: EmulatorRuntime,
  grant: {
    appId: string;
    userId: string;
    pickedBcId: string | undefined;
    advertiserIds: string[];
    scope: number[];
  },
): TokenRecord {
  const now = runtime.clock.now();
  const { settings } = runtime;
  const refreshable = settings.tokenMode === 'refreshable';
  const reused = settings.tokenIssuance === 'per_user' ? liveTokenOf(runtime, grant, now) : undefined;
  if (reused) {
    reused.advertiserIds = [...new Set([...reused.advertiserIds, ...grant.advertiserIds])];
    reused.scope = [...grant.scope];
    reused.pickedBcId = grant.pickedBcId;
    return reused;
  }
  const token: TokenRecord = {
    accessToken: runtime.ids.accessToken(),
    appId: grant.appId,
    userId: grant.userId,
    pickedBcId: grant.pickedBcId,
    advertiserIds: [...grant.advertiserIds],
    scope: [...grant.scope],
    issuedAt: now,
    expiresAt: refreshable ? now + settings.accessTokenLifetimeSeconds * 1000 : undefined,
    refreshToken: refreshable ? runtime.ids.accessToken() : undefined,
    refreshExpiresAt: refreshable ? now + settings.refreshTokenLifetimeSeconds * 1000 : undefined,
    revoked: false,
    forcedExpired: false,
  };
  runtime.store.tokens.set(token.accessToken, token);
  return token;
}

/** The `per_user` reading: the user's live token for this app, which a new grant extends. */
function liveTokenOf(
  runtime: EmulatorRuntime,
  grant: { appId: string; userId: string },
  now: number,
): TokenRecord | undefined {
  return [...runtime.store.tokens.values()].find(
    (token) =>
      token.appId === grant.appId &&
      token.userId === grant.userId &&
      !token.revoked &&
      !token.forcedExpired &&
      (token.expiresAt === undefined || token.expiresAt > now),
  );
}

/** The token response of reference §1.3; refresh fields only in the refreshable mode. */
export function describeToken(runtime: EmulatorRuntime, token: TokenRecord, includeAdvertiserIds = true) {
  const now = runtime.clock.now();
  return {
    access_token: token.accessToken,
    ...(includeAdvertiserIds ? { advertiser_ids: token.advertiserIds } : {}),
    scope: token.scope,
    ...(token.refreshToken !== undefined
      ? {
          refresh_token: token.refreshToken,
          expires_in: Math.round(((token.expiresAt ?? now) - now) / 1000),
          refresh_token_expires_in: Math.round(((token.refreshExpiresAt ?? now) - now) / 1000),
        }
      : {}),
  };
}

/** Reference §1.3: refreshing a long-term token is 40107; an expired refresh token is 40103. */
export function refreshToken(
  runtime: EmulatorRuntime,
  appId: string,
  refreshTokenValue: string,
): TokenRecord {
  const previous = [...runtime.store.tokens.values()].find(
    (token) => token.refreshToken === refreshTokenValue && token.appId === appId,
  );
  if (!previous || previous.revoked) throw new ApiError(40107, 'Invalid refresh token.');
  if (runtime.clock.now() >= (previous.refreshExpiresAt ?? 0))
    throw new ApiError(40103, 'Refresh token has expired.');
  previous.revoked = true;
  return issueToken(runtime, previous);
}

/** The accounts a token can still use: granted, and still reachable by its user. */
export const usableAdvertiserIds = (runtime: EmulatorRuntime, token: TokenRecord): string[] =>
  token.advertiserIds.filter((advertiserId) => advertiserRoleOf(runtime.store, token.userId, advertiserId));
