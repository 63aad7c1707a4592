import { z } from 'zod';
import type { Transport } from '../../transport/create-transport.js';
import type { CreateIdempotency } from '../../transport/tiktok-request.js';
import { idSchema } from '../../transport/wire-schemas.js';
import type { AdvertiserCall } from '../call-input.js';

/** bububa model/identity/create.go: `data.identity_id`. */
const createdSchema = z
  .object({ identity_id: idSchema })
  .transform((data) => ({ identityId: data.identity_id }));

export type CreatedIdentity = z.output<typeof createdSchema>;

export interface CreateIdentityInput extends AdvertiserCall {
  /** The name shown on the ad; at most 100 characters (IdentityCreateBody.md). */
  displayName: string;
  /**
   * The avatar: an `image_id` of the account's library, square. Optional in TikTok's current
   * docs (a default avatar is used), though the SDK's body model marks it required.
   */
  imageUri?: string | undefined;
  /**
   * /identity/create/ takes no `request_id`, so only a `lookup` (the account's identities by
   * name) makes a retry after an ambiguous failure safe.
   */
  idempotency?: Pick<CreateIdempotency<CreatedIdentity>, 'lookup'> | undefined;
}

/** POST /identity/create/: a CUSTOMIZED_USER identity (the only type the API creates). */
export const createIdentity =
  (transport: Transport) =>
  (input: CreateIdentityInput): Promise<CreatedIdentity> =>
    transport.send({
      method: 'POST',
      path: '/identity/create/',
      effect: 'create',
      schema: createdSchema,
      accessToken: input.accessToken,
      advertiserId: input.advertiserId,
      body: {
        advertiser_id: input.advertiserId,
        display_name: input.displayName,
        ...(input.imageUri === undefined ? {} : { image_uri: input.imageUri }),
      },
      idempotency: input.idempotency,
      signal: input.signal,
    });
