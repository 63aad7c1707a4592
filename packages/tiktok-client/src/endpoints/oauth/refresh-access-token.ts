import type { Transport } from '../../transport/create-transport.js';
import type { CallOptions } from '../../transport/tiktok-request.js';
import { tokenSchema, type AccessToken } from './token-schema.js';

export interface RefreshAccessTokenInput extends CallOptions {
  refreshToken: string;
}

/**
 * POST /oauth2/refresh_token/ (reference §1.3 reading 3), only for tokens issued with a
 * `refresh_token`; long-term tokens answer 40107. Refreshing spends the old refresh token, so
 * it is a create.
 */
export const refreshAccessToken =
  (transport: Transport) =>
  ({ refreshToken, signal }: RefreshAccessTokenInput): Promise<AccessToken> =>
    transport.send({
      method: 'POST',
      path: '/oauth2/refresh_token/',
      effect: 'create',
      schema: tokenSchema,
      body: { app_id: transport.appId, secret: transport.secret, refresh_token: refreshToken },
      sensitive: [refreshToken],
      signal,
    });
