import { z } from 'zod';
import { ApiError } from '../http/api-error.js';
import { defineEndpoint } from '../http/define-endpoint.js';
import { booleanParam } from '../http/params.js';
import {
  authenticateApp,
  describeToken,
  redeemAuthorizationCode,
  refreshToken,
  usableAdvertiserIds,
} from './token-service.js';

// Correction 9: app_id is parsed as a 64-bit integer, so a JSON number is accepted as well and
// anything else is marshmallow's "Not a valid integer.".
const appIdParam = z
  .union([z.string().regex(/^\d{1,19}$/, 'Not a valid integer.'), z.number().int().nonnegative()])
  .transform(String);

/** Reference §1.3 + correction 9: `grant_type` may be sent and is ignored. */
export const accessTokenEndpoint = defineEndpoint({
  method: 'POST',
  path: '/oauth2/access_token/',
  authentication: 'app',
  input: z.object({
    app_id: appIdParam,
    secret: z.string(),
    auth_code: z.string().min(1),
    return_advertiser_ids: booleanParam(z.boolean()).default(true),
  }),
  handle({ input, runtime }) {
    authenticateApp(runtime, input.app_id, input.secret);
    const token = redeemAuthorizationCode(runtime, input.app_id, input.auth_code);
    return describeToken(runtime, token, input.return_advertiser_ids);
  },
});

/** Reference §1.3 option 3: only meaningful in the refreshable token mode. */
export const refreshTokenEndpoint = defineEndpoint({
  method: 'POST',
  path: '/oauth2/refresh_token/',
  authentication: 'app',
  input: z.object({ app_id: appIdParam, secret: z.string(), refresh_token: z.string().min(1) }),
  handle({ input, runtime }) {
    authenticateApp(runtime, input.app_id, input.secret);
    return describeToken(runtime, refreshToken(runtime, input.app_id, input.refresh_token));
  },
});

/** Reference §1.4: the accounts the token may still use, no pagination. */
export const authorizedAdvertisersEndpoint = defineEndpoint({
  method: 'GET',
  path: '/oauth2/advertiser/get/',
  authentication: 'token',
  permissions: () => [100],
  input: z.object({ app_id: appIdParam, secret: z.string() }),
  handle({ input, runtime, token }) {
    authenticateApp(runtime, input.app_id, input.secret);
    if (!token || token.appId !== input.app_id) {
      throw new ApiError(40113, `The access token was not issued to app ${input.app_id}.`);
    }
    return {
      list: usableAdvertiserIds(runtime, token).map((advertiserId) => ({
        advertiser_id: advertiserId,
        advertiser_name: runtime.store.advertisers.get(advertiserId)?.name ?? '',
      })),
    };
  },
});

/** Reference §1.5 + correction 10: answers the accounts that lost access; later calls get 40105. */
export const revokeTokenEndpoint = defineEndpoint({
  method: 'POST',
  path: '/oauth2/revoke_token/',
  authentication: 'app',
  input: z.object({ app_id: appIdParam, secret: z.string(), access_token: z.string().min(1) }),
  handle({ input, runtime }) {
    authenticateApp(runtime, input.app_id, input.secret);
    const token = runtime.store.tokens.get(input.access_token);
    if (!token || token.revoked) throw new ApiError(40105, 'Access token is incorrect or has been revoked.');
    if (token.appId !== input.app_id)
      throw new ApiError(40113, `The access token was not issued to app ${input.app_id}.`);
    token.revoked = true;
    return { app_id: input.app_id, advertiser_ids: token.advertiserIds };
  },
});

export const oauthEndpoints = [
  accessTokenEndpoint,
  refreshTokenEndpoint,
  authorizedAdvertisersEndpoint,
  revokeTokenEndpoint,
];
