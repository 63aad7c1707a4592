import { z } from 'zod';
import type { Transport } from '../../transport/create-transport.js';
import { idSchema, listSchema, optionalName } from '../../transport/wire-schemas.js';
import type { TokenCall } from '../call-input.js';

const authorizedAdvertiserSchema = z
  .object({ advertiser_id: idSchema, advertiser_name: optionalName })
  .transform((row) => ({ advertiserId: row.advertiser_id, advertiserName: row.advertiser_name ?? '' }));

export type AuthorizedAdvertiser = z.output<typeof authorizedAdvertiserSchema>;

/** GET /oauth2/advertiser/get/ (reference §1.4): the accounts the token may use now; no paging. */
export const getAuthorizedAdvertisers =
  (transport: Transport) =>
  ({ accessToken, signal }: TokenCall): Promise<AuthorizedAdvertiser[]> =>
    transport.send({
      method: 'GET',
      path: '/oauth2/advertiser/get/',
      effect: 'read',
      schema: listSchema(authorizedAdvertiserSchema),
      accessToken,
      // Reference §1.4 puts app_id and secret in the query; the URL is never logged.
      query: { app_id: transport.appId, secret: transport.secret },
      signal,
    });
