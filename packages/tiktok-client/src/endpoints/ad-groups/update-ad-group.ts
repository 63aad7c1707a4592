import { z } from 'zod';
import type { Transport } from '../../transport/create-transport.js';
import { withoutUndefined } from '../../transport/encode-query.js';
import type { AdditionalFields, AdvertiserCall } from '../call-input.js';

export interface UpdateAdGroupInput extends AdvertiserCall, AdditionalFields {
  adGroupId: string;
  name?: string | undefined;
  budget?: number | undefined;
  locationIds?: string[] | undefined;
  scheduleStartTime?: string | undefined;
  scheduleEndTime?: string | undefined;
  bidPrice?: number | undefined;
}

const updatedSchema = z.unknown().transform(() => undefined);

/** POST /adgroup/update/ (reference §4.1: placements cannot change; the answer is not relied on). */
export const updateAdGroup =
  (transport: Transport) =>
  (input: UpdateAdGroupInput): Promise<void> =>
    transport.send({
      method: 'POST',
      path: '/adgroup/update/',
      effect: 'write',
      schema: updatedSchema,
      accessToken: input.accessToken,
      advertiserId: input.advertiserId,
      body: {
        ...input.additionalFields,
        advertiser_id: input.advertiserId,
        adgroup_id: input.adGroupId,
        ...withoutUndefined({
          adgroup_name: input.name,
          budget: input.budget,
          location_ids: input.locationIds,
          schedule_start_time: input.scheduleStartTime,
          schedule_end_time: input.scheduleEndTime,
          bid_price: input.bidPrice,
        }),
      },
      signal: input.signal,
    });
