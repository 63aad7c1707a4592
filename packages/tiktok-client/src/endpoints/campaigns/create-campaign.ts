import { z } from 'zod';
import type { Transport } from '../../transport/create-transport.js';
import type { CreateIdempotency } from '../../transport/tiktok-request.js';
import { idSchema, type OpenEnum } from '../../transport/wire-schemas.js';
import type { AdditionalFields, AdvertiserCall } from '../call-input.js';
import type { BudgetMode, CreatableObjective } from './campaign-schema.js';

const createdSchema = z
  .object({ campaign_id: idSchema })
  .transform((data) => ({ campaignId: data.campaign_id }));

export type CreatedCampaign = z.output<typeof createdSchema>;

export interface CreateCampaignInput extends AdvertiserCall, AdditionalFields {
  name: string;
  objectiveType: OpenEnum<CreatableObjective>;
  /** Correction 1: required unless the objective is RF_REACH. */
  budgetMode: OpenEnum<BudgetMode>;
  /** Required for DAY, TOTAL and DYNAMIC_DAILY_BUDGET, in the account currency (not micros). */
  budget?: number | undefined;
  budgetOptimizeOn?: boolean | undefined;
  operationStatus?: 'ENABLE' | 'DISABLE' | undefined;
  /** `requestId` is sent as TikTok's `request_id`: with it a retry cannot create twice. */
  idempotency?: CreateIdempotency<CreatedCampaign> | undefined;
}

/** POST /campaign/create/ (reference §4.1, correction 1). */
export const createCampaign =
  (transport: Transport) =>
  (input: CreateCampaignInput): Promise<CreatedCampaign> =>
    transport.send({
      method: 'POST',
      path: '/campaign/create/',
      effect: 'create',
      schema: createdSchema,
      accessToken: input.accessToken,
      advertiserId: input.advertiserId,
      body: {
        ...input.additionalFields,
        advertiser_id: input.advertiserId,
        campaign_name: input.name,
        objective_type: input.objectiveType,
        budget_mode: input.budgetMode,
        ...(input.budget === undefined ? {} : { budget: input.budget }),
        ...(input.budgetOptimizeOn === undefined ? {} : { budget_optimize_on: input.budgetOptimizeOn }),
        ...(input.operationStatus === undefined ? {} : { operation_status: input.operationStatus }),
        ...(input.idempotency?.requestId === undefined ? {} : { request_id: input.idempotency.requestId }),
      },
      idempotency: input.idempotency,
      signal: input.signal,
    });
