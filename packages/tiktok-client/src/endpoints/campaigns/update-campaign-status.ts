import { z } from 'zod';
import { batchLimits, splitIntoBatches } from '../../pagination/split-into-batches.js';
import type { Transport } from '../../transport/create-transport.js';
import { idListSchema, openEnum } from '../../transport/wire-schemas.js';
import type { AdvertiserCall } from '../call-input.js';
import { mergeStatusUpdates, type OperationStatus, type StatusUpdateResult } from '../entity-status.js';

/** Correction 6: `{campaign_ids[], status, campaign_list[]}`. */
const statusSchema = z
  .object({ campaign_ids: idListSchema, status: openEnum<OperationStatus>() })
  .transform((data): StatusUpdateResult => ({ ids: data.campaign_ids, status: data.status }));

export interface UpdateCampaignStatusInput extends AdvertiserCall {
  /** Any number: sent 20 per call (reference §4.1). */
  campaignIds: readonly string[];
  operationStatus: OperationStatus;
}

/** POST /campaign/status/update/ in batches of 20; setting a status twice is harmless, so retried. */
export const updateCampaignStatus =
  (transport: Transport) =>
  async ({ accessToken, advertiserId, campaignIds, operationStatus, signal }: UpdateCampaignStatusInput) => {
    const results: StatusUpdateResult[] = [];
    for (const batch of splitIntoBatches(campaignIds, batchLimits.statusUpdate)) {
      results.push(
        await transport.send({
          method: 'POST',
          path: '/campaign/status/update/',
          effect: 'write',
          schema: statusSchema,
          accessToken,
          advertiserId,
          body: { advertiser_id: advertiserId, campaign_ids: batch, operation_status: operationStatus },
          signal,
        }),
      );
    }
    return mergeStatusUpdates(results, operationStatus);
  };
