import type { Transport } from '../../transport/create-transport.js';
import type { CallOptions } from '../../transport/tiktok-request.js';
import { tokenSchema, type AccessToken } from './token-schema.js';

export interface ExchangeAuthorizationCodeInput extends CallOptions {
  authCode: string;
  /** Correction 9: false avoids time-outs for users with thousands of accounts. */
  returnAdvertiserIds?: boolean | undefined;
}

/**
 * POST /oauth2/access_token/ (reference §1.3). A code is single-use, so this is a create:
 * never retried after an ambiguous failure, where a repeat could only answer 40110.
 */
export const exchangeAuthorizationCode =
  (transport: Transport) =>
  ({ authCode, returnAdvertiserIds, signal }: ExchangeAuthorizationCodeInput): Promise<AccessToken> =>
    transport.send({
      method: 'POST',
      path: '/oauth2/access_token/',
      effect: 'create',
      schema: tokenSchema,
      body: {
        app_id: transport.appId,
        secret: transport.secret,
        auth_code: authCode,
        ...(returnAdvertiserIds === undefined ? {} : { return_advertiser_ids: returnAdvertiserIds }),
      },
      sensitive: [authCode],
      signal,
    });
