import { z } from 'zod';
import type { Transport } from '../../transport/create-transport.js';
import type { AdditionalFields, AdvertiserCall } from '../call-input.js';

export interface UpdateCampaignInput extends AdvertiserCall, AdditionalFields {
  campaignId: string;
  name?: string | undefined;
  budget?: number | undefined;
}

/** Reference §4.1: the update answer is not confirmed, so nothing of it is relied on. */
const updatedSchema = z.unknown().transform(() => undefined);

/** POST /campaign/update/; correction 3: only name, budget, po_number and special_industries change. */
export const updateCampaign =
  (transport: Transport) =>
  (input: UpdateCampaignInput): Promise<void> =>
    transport.send({
      method: 'POST',
      path: '/campaign/update/',
      effect: 'write',
      schema: updatedSchema,
      accessToken: input.accessToken,
      advertiserId: input.advertiserId,
      body: {
        ...input.additionalFields,
        advertiser_id: input.advertiserId,
        campaign_id: input.campaignId,
        ...(input.name === undefined ? {} : { campaign_name: input.name }),
        ...(input.budget === undefined ? {} : { budget: input.budget }),
      },
      signal: input.signal,
    });
