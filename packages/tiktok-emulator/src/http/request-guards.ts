import type { FastifyRequest } from 'fastify';
import { advertiserRoleOf } from '../accounts/access.js';
import { scopeGrants } from '../limits/permission-catalogue.js';
import type { EmulatorRuntime } from '../runtime.js';
import type { TokenRecord } from '../state/records.js';
import { ApiError, advertiserNotFound } from './api-error.js';
import type { Endpoint } from './define-endpoint.js';

/** Reference §7: 40104 without a token, 40105 for an unknown or revoked one, 40102 once expired. */
export function resolveToken(runtime: EmulatorRuntime, request: FastifyRequest, now: number): TokenRecord {
  const header = request.headers['access-token'];
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) {
    throw new ApiError(
      40104,
      'Access token is null, you should set it in http header with key Access-Token.',
    );
  }
  const token = runtime.store.tokens.get(value);
  if (!token || token.revoked) throw new ApiError(40105, 'Access token is incorrect or has been revoked.');
  if (token.forcedExpired || (token.expiresAt !== undefined && now >= token.expiresAt)) {
    throw new ApiError(40102, 'Access token has expired.');
  }
  return token;
}

/** Reference §8: app-wide and endpoint buckets, in-band 40100, nothing counted when refused. */
export function checkRateLimits(
  runtime: EmulatorRuntime,
  endpoint: Endpoint,
  appId: string,
  now: number,
): void {
  const { appRateLimit, endpointRateLimits } = runtime.settings;
  const endpointLimit = endpointRateLimits[endpoint.path];
  const appKey = `app:${appId}`;
  const buckets = [{ key: appKey, limit: appRateLimit }];
  if (endpointLimit) buckets.push({ key: `${appKey}:${endpoint.path}`, limit: endpointLimit });
  const overflow = runtime.limiter.take(buckets, now, runtime.settings.rateWindows);
  if (!overflow) return;
  // airbyte's observed text is "App reaches the QPS limit."; the endpoint variant names the path.
  const suffix = overflow.key === appKey ? '' : ` of ${endpoint.path}`;
  throw new ApiError(40100, `App reaches the ${overflow.window} limit${suffix}.`);
}

/**
 * Tokens act only on the accounts granted to them and still reachable by their user (reference
 * §1.3, §3.4), within the granted scope (§9) and the user's current role; then the per-advertiser
 * path limit (40133) and API eligibility apply.
 */
export function authorizeAdvertisers(
  runtime: EmulatorRuntime,
  endpoint: Endpoint,
  token: TokenRecord,
  input: unknown,
  advertiserIds: string[],
  now: number,
): void {
  const { store, settings } = runtime;
  for (const advertiserId of advertiserIds) {
    if (!token.advertiserIds.includes(advertiserId) || !advertiserRoleOf(store, token.userId, advertiserId)) {
      throw advertiserNotFound(advertiserId);
    }
  }
  const missing = (endpoint.permissions?.(input) ?? []).some(
    (permission) => !scopeGrants(token.scope, permission),
  );
  if (missing) {
    // PostHog #82183 (reference §7): TikTok's wording for a permission the user did not grant.
    throw new ApiError(40001, `advertiser does not grant you ${endpoint.path}:${endpoint.method} permission`);
  }
  for (const advertiserId of advertiserIds) {
    const role = advertiserRoleOf(store, token.userId, advertiserId);
    // Correction 16: analysts are granted tokens, but their writes fail with 40001 (our wording).
    if (endpoint.access === 'write' && role === 'ANALYST') {
      throw new ApiError(
        40001,
        `No permission to operate advertiser ${advertiserId}: the ANALYST role can only view it.`,
      );
    }
    const overflow = runtime.limiter.take(
      [
        {
          key: `advertiser:${advertiserId}:${endpoint.path}`,
          limit: { perSecond: settings.advertiserRateLimitPerSecond, perMinute: Infinity, perDay: Infinity },
        },
      ],
      now,
      settings.rateWindows,
    );
    if (overflow)
      throw new ApiError(40133, `Advertiser ${advertiserId} reaches the QPS limit of ${endpoint.path}.`);
    if (endpoint.requiresEligibleAdvertiser && !store.advertisers.get(advertiserId)?.apiEligible) {
      throw new ApiError(
        settings.ineligibleAdvertiserCode,
        `The advertiser ${advertiserId} is not eligible for API access.`,
      );
    }
  }
}
