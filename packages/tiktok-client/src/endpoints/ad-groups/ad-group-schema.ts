import { z } from 'zod';
import type { ReadOperationStatus } from '../entity-status.js';
import {
  idListSchema,
  idSchema,
  openEnum,
  optional,
  optionalEntityName,
  optionalNumber,
  optionalString,
} from '../../transport/wire-schemas.js';

/** Reference §4.4 and correction 4: an ad group as /adgroup/get/ returns it, as far as we read it. */
export const adGroupSchema = z
  .object({
    adgroup_id: idSchema,
    campaign_id: idSchema.nullish(),
    advertiser_id: idSchema.nullish(),
    adgroup_name: optionalEntityName,
    operation_status: openEnum<ReadOperationStatus>(),
    secondary_status: optionalString,
    placement_type: openEnum<'PLACEMENT_TYPE_AUTOMATIC' | 'PLACEMENT_TYPE_NORMAL'>(),
    // Correction 4: null under automatic placement, or the placements TikTok chose.
    placements: optional(z.array(z.string())),
    promotion_type: optionalString,
    location_ids: idListSchema,
    budget_mode: optionalString,
    budget: optionalNumber,
    schedule_type: optionalString,
    schedule_start_time: optionalString,
    schedule_end_time: optionalString,
    optimization_goal: optionalString,
    billing_event: optionalString,
    bid_type: optionalString,
    bid_price: optionalNumber,
    create_time: optionalString,
    modify_time: optionalString,
  })
  .transform((row) => ({
    adGroupId: row.adgroup_id,
    campaignId: row.campaign_id ?? undefined,
    advertiserId: row.advertiser_id ?? undefined,
    name: row.adgroup_name ?? '',
    operationStatus: row.operation_status,
    secondaryStatus: row.secondary_status,
    placementType: row.placement_type,
    placements: row.placements,
    promotionType: row.promotion_type,
    locationIds: row.location_ids,
    budgetMode: row.budget_mode,
    budget: row.budget,
    scheduleType: row.schedule_type,
    scheduleStartTime: row.schedule_start_time,
    scheduleEndTime: row.schedule_end_time,
    optimizationGoal: row.optimization_goal,
    billingEvent: row.billing_event,
    bidType: row.bid_type,
    bidPrice: row.bid_price,
    createTime: row.create_time,
    modifyTime: row.modify_time,
  }));

export type AdGroup = z.output<typeof adGroupSchema>;
