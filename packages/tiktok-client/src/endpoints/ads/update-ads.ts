import { z } from 'zod';
import type { Transport } from '../../transport/create-transport.js';
import type { AdvertiserCall } from '../call-input.js';
import { creativeToWire, type AdCreative } from './ad-schema.js';

export interface UpdateAdsInput extends AdvertiserCall {
  adGroupId: string;
  /** Each creative names the ad it replaces. */
  creatives: (Partial<AdCreative> & { adId: string })[];
  /** TikTok's `patch_update`: only the fields sent change; without it a creative is replaced whole. */
  patchUpdate?: boolean | undefined;
}

const updatedSchema = z.unknown().transform(() => undefined);

/** POST /ad/update/ (reference §4.1). */
export const updateAds =
  (transport: Transport) =>
  (input: UpdateAdsInput): Promise<void> =>
    transport.send({
      method: 'POST',
      path: '/ad/update/',
      effect: 'write',
      schema: updatedSchema,
      accessToken: input.accessToken,
      advertiserId: input.advertiserId,
      body: {
        advertiser_id: input.advertiserId,
        adgroup_id: input.adGroupId,
        creatives: input.creatives.map(({ adId, ...creative }) => ({
          ...creativeToWire(creative as AdCreative),
          ad_id: adId,
        })),
        ...(input.patchUpdate === undefined ? {} : { patch_update: input.patchUpdate }),
      },
      signal: input.signal,
    });
