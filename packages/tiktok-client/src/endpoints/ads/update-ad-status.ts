import { z } from 'zod';
import { batchLimits, splitIntoBatches } from '../../pagination/split-into-batches.js';
import type { Transport } from '../../transport/create-transport.js';
import { idListSchema, openEnum } from '../../transport/wire-schemas.js';
import type { AdvertiserCall } from '../call-input.js';
import { mergeStatusUpdates, type OperationStatus, type StatusUpdateResult } from '../entity-status.js';

/** Correction 6: `{ad_ids[], aco_ad_ids[], status}`. */
const statusSchema = z
  .object({ ad_ids: idListSchema, status: openEnum<OperationStatus>() })
  .transform((data): StatusUpdateResult => ({ ids: data.ad_ids, status: data.status }));

export interface UpdateAdStatusInput extends AdvertiserCall {
  adIds: readonly string[];
  operationStatus: OperationStatus;
}

/** POST /ad/status/update/ in batches of 20 (reference §4.1). */
export const updateAdStatus =
  (transport: Transport) =>
  async ({ accessToken, advertiserId, adIds, operationStatus, signal }: UpdateAdStatusInput) => {
    const results: StatusUpdateResult[] = [];
    for (const batch of splitIntoBatches(adIds, batchLimits.statusUpdate)) {
      results.push(
        await transport.send({
          method: 'POST',
          path: '/ad/status/update/',
          effect: 'write',
          schema: statusSchema,
          accessToken,
          advertiserId,
          body: { advertiser_id: advertiserId, ad_ids: batch, operation_status: operationStatus },
          signal,
        }),
      );
    }
    return mergeStatusUpdates(results, operationStatus);
  };
