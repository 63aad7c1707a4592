import { z } from 'zod';
import { idListSchema, optionalNumber, optionalString } from '../../transport/wire-schemas.js';

/**
 * Reference §1.3: `advertiser_ids` may be empty (or absent with return_advertiser_ids=false);
 * `scope` holds numeric permission ids, some above 2^53 (§9), so they become exact strings.
 * Refresh fields exist only for short-lived tokens (correction 9: Marketing tokens are long-term).
 */
export const tokenSchema = z
  .object({
    access_token: z.string().min(1),
    advertiser_ids: idListSchema,
    scope: idListSchema,
    refresh_token: optionalString,
    expires_in: optionalNumber,
    refresh_token_expires_in: optionalNumber,
  })
  .transform((data) => ({
    accessToken: data.access_token,
    advertiserIds: data.advertiser_ids,
    scope: data.scope,
    refreshToken: data.refresh_token,
    expiresInSeconds: data.expires_in,
    refreshTokenExpiresInSeconds: data.refresh_token_expires_in,
  }));

export type AccessToken = z.output<typeof tokenSchema>;
