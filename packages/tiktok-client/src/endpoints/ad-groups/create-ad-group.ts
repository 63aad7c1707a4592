import { z } from 'zod';
import type { Transport } from '../../transport/create-transport.js';
import { withoutUndefined } from '../../transport/encode-query.js';
import type { CreateIdempotency } from '../../transport/tiktok-request.js';
import { idSchema } from '../../transport/wire-schemas.js';
import type { AdditionalFields, AdvertiserCall } from '../call-input.js';

const createdSchema = z
  .object({ adgroup_id: idSchema })
  .transform((data) => ({ adGroupId: data.adgroup_id }));

export type CreatedAdGroup = z.output<typeof createdSchema>;

/**
 * Reference §4.1 + correction 4: the fields every ad group needs. Targeting beyond locations,
 * bidding details and the rest go in `additionalFields` with TikTok's names.
 */
export interface CreateAdGroupInput extends AdvertiserCall, AdditionalFields {
  campaignId: string;
  name: string;
  /** Default PLACEMENT_TYPE_NORMAL, which requires `placements`; neither can change later. */
  placementType?: 'PLACEMENT_TYPE_AUTOMATIC' | 'PLACEMENT_TYPE_NORMAL' | undefined;
  placements?: string[] | undefined;
  /** Required except for REACH, VIDEO_VIEWS and ENGAGEMENT campaigns. */
  promotionType?: string | undefined;
  locationIds: string[];
  /** Ignored under campaign budget optimisation. */
  budgetMode?: string | undefined;
  budget?: number | undefined;
  scheduleType: 'SCHEDULE_FROM_NOW' | 'SCHEDULE_START_END';
  /** "YYYY-MM-DD HH:MM:SS" in UTC. */
  scheduleStartTime: string;
  scheduleEndTime?: string | undefined;
  optimizationGoal: string;
  billingEvent: string;
  bidType?: string | undefined;
  bidPrice?: number | undefined;
  pacing?: 'PACING_MODE_SMOOTH' | 'PACING_MODE_FAST' | undefined;
  operationStatus?: 'ENABLE' | 'DISABLE' | undefined;
  idempotency?: CreateIdempotency<CreatedAdGroup> | undefined;
}

/** POST /adgroup/create/ (reference §4.1); `idempotency.requestId` goes out as `request_id` (§4.2). */
export const createAdGroup =
  (transport: Transport) =>
  (input: CreateAdGroupInput): Promise<CreatedAdGroup> =>
    transport.send({
      method: 'POST',
      path: '/adgroup/create/',
      effect: 'create',
      schema: createdSchema,
      accessToken: input.accessToken,
      advertiserId: input.advertiserId,
      body: {
        ...input.additionalFields,
        advertiser_id: input.advertiserId,
        campaign_id: input.campaignId,
        adgroup_name: input.name,
        location_ids: input.locationIds,
        schedule_type: input.scheduleType,
        schedule_start_time: input.scheduleStartTime,
        optimization_goal: input.optimizationGoal,
        billing_event: input.billingEvent,
        ...withoutUndefined({
          placement_type: input.placementType,
          placements: input.placements,
          promotion_type: input.promotionType,
          budget_mode: input.budgetMode,
          budget: input.budget,
          schedule_end_time: input.scheduleEndTime,
          bid_type: input.bidType,
          bid_price: input.bidPrice,
          pacing: input.pacing,
          operation_status: input.operationStatus,
          request_id: input.idempotency?.requestId,
        }),
      },
      idempotency: input.idempotency,
      signal: input.signal,
    });
