import { z } from 'zod';
import type { ReadOperationStatus } from '../entity-status.js';
import {
  idSchema,
  openEnum,
  optionalBoolean,
  optionalEntityName,
  optionalNumber,
  optionalString,
} from '../../transport/wire-schemas.js';

/** Reference §4.3 + correction 2: the objectives a campaign can be created with. */
export type CreatableObjective =
  | 'APP_PROMOTION'
  | 'WEB_CONVERSIONS'
  | 'REACH'
  | 'TRAFFIC'
  | 'VIDEO_VIEWS'
  | 'ENGAGEMENT'
  | 'LEAD_GENERATION'
  | 'PRODUCT_SALES'
  | 'RF_REACH';

export type BudgetMode =
  'BUDGET_MODE_INFINITE' | 'BUDGET_MODE_DAY' | 'BUDGET_MODE_TOTAL' | 'BUDGET_MODE_DYNAMIC_DAILY_BUDGET';

/** Reference §4.4: a campaign as /campaign/get/ returns it, modelled as far as Whathead reads it. */
export const campaignSchema = z
  .object({
    campaign_id: idSchema,
    advertiser_id: idSchema.nullish(),
    campaign_name: optionalEntityName,
    objective_type: openEnum<CreatableObjective>(),
    budget_mode: openEnum<BudgetMode>(),
    budget: optionalNumber,
    budget_optimize_on: optionalBoolean,
    operation_status: openEnum<ReadOperationStatus>(),
    secondary_status: optionalString,
    create_time: optionalString,
    modify_time: optionalString,
  })
  .transform((row) => ({
    campaignId: row.campaign_id,
    advertiserId: row.advertiser_id ?? undefined,
    name: row.campaign_name ?? '',
    objectiveType: row.objective_type,
    budgetMode: row.budget_mode,
    budget: row.budget,
    budgetOptimizeOn: row.budget_optimize_on,
    operationStatus: row.operation_status,
    secondaryStatus: row.secondary_status,
    /** "YYYY-MM-DD HH:MM:SS" in UTC (reference §10). */
    createTime: row.create_time,
    modifyTime: row.modify_time,
  }));

export type Campaign = z.output<typeof campaignSchema>;
