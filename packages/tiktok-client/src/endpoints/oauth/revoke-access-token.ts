import { z } from 'zod';
import { TikTokApiError } from '../../errors/tiktok-api-error.js';
import type { Transport } from '../../transport/create-transport.js';
import { idListSchema, idSchema } from '../../transport/wire-schemas.js';
import type { TokenCall } from '../call-input.js';

const revokedSchema = z
  .object({ app_id: idSchema.nullish(), advertiser_ids: idListSchema })
  .transform((data) => ({ advertiserIds: data.advertiser_ids }));

export interface RevokedAccess {
  /** Correction 10: the accounts that lost access; empty when the token was already dead. */
  advertiserIds: string[];
  alreadyRevoked: boolean;
}

/**
 * POST /oauth2/revoke_token/ (reference §1.5). Revoking makes sure a token is dead, so TikTok's
 * 40105 (already revoked, e.g. by a retry after a lost answer) counts as done.
 */
export const revokeAccessToken =
  (transport: Transport) =>
  async ({ accessToken, signal }: TokenCall): Promise<RevokedAccess> => {
    try {
      const revoked = await transport.send({
        method: 'POST',
        path: '/oauth2/revoke_token/',
        effect: 'write',
        schema: revokedSchema,
        body: { app_id: transport.appId, secret: transport.secret, access_token: accessToken },
        sensitive: [accessToken],
        signal,
      });
      return { ...revoked, alreadyRevoked: false };
    } catch (error) {
      if (TikTokApiError.isInstance(error) && error.code === 40105)
        return { advertiserIds: [], alreadyRevoked: true };
      throw error;
    }
  };
