import { z } from 'zod';
import { batchLimits } from '../../pagination/split-into-batches.js';
import type { Transport } from '../../transport/create-transport.js';
import type { CreateIdempotency } from '../../transport/tiktok-request.js';
import { idListSchema } from '../../transport/wire-schemas.js';
import type { AdvertiserCall } from '../call-input.js';
import { creativeToWire, type AdCreative } from './ad-schema.js';

/** Correction 5: `data.ad_ids[]` is authoritative. */
const createdSchema = z.object({ ad_ids: idListSchema }).transform((data) => ({ adIds: data.ad_ids }));

export type CreatedAds = z.output<typeof createdSchema>;

export interface CreateAdsInput extends AdvertiserCall {
  adGroupId: string;
  /** 1–20 creatives (correction 5); one ad per creative. */
  creatives: AdCreative[];
  /**
   * /ad/create/ takes no `request_id`, so only a `lookup` (e.g. the ad group's ads by name)
   * makes a retry after an ambiguous failure safe.
   */
  idempotency?: Pick<CreateIdempotency<CreatedAds>, 'lookup'> | undefined;
}

/** POST /ad/create/ (reference §4.1). */
export const createAds =
  (transport: Transport) =>
  (input: CreateAdsInput): Promise<CreatedAds> => {
    if (input.creatives.length < 1 || input.creatives.length > batchLimits.adCreatives) {
      return Promise.reject(
        new RangeError(
          `createAds takes 1 to ${batchLimits.adCreatives} creatives, got ${input.creatives.length}`,
        ),
      );
    }
    return transport.send({
      method: 'POST',
      path: '/ad/create/',
      effect: 'create',
      schema: createdSchema,
      accessToken: input.accessToken,
      advertiserId: input.advertiserId,
      body: {
        advertiser_id: input.advertiserId,
        adgroup_id: input.adGroupId,
        creatives: input.creatives.map(creativeToWire),
      },
      idempotency: input.idempotency,
      signal: input.signal,
    });
  };
