import { z } from 'zod';
import { batchLimits, splitIntoBatches } from '../../pagination/split-into-batches.js';
import type { Transport } from '../../transport/create-transport.js';
import { idListSchema, openEnum } from '../../transport/wire-schemas.js';
import type { AdvertiserCall } from '../call-input.js';
import { mergeStatusUpdates, type OperationStatus, type StatusUpdateResult } from '../entity-status.js';

/** Correction 6: `{adgroup_ids[], status, error_list[]}`. */
const statusSchema = z
  .object({ adgroup_ids: idListSchema, status: openEnum<OperationStatus>() })
  .transform((data): StatusUpdateResult => ({ ids: data.adgroup_ids, status: data.status }));

export interface UpdateAdGroupStatusInput extends AdvertiserCall {
  adGroupIds: readonly string[];
  operationStatus: OperationStatus;
}

/**
 * POST /adgroup/status/update/ in batches of 20. All-or-nothing: a partial success (20001,
 * `allow_partial_success`) is not asked for, so one bad id fails its batch with the field named.
 */
export const updateAdGroupStatus =
  (transport: Transport) =>
  async ({ accessToken, advertiserId, adGroupIds, operationStatus, signal }: UpdateAdGroupStatusInput) => {
    const results: StatusUpdateResult[] = [];
    for (const batch of splitIntoBatches(adGroupIds, batchLimits.statusUpdate)) {
      results.push(
        await transport.send({
          method: 'POST',
          path: '/adgroup/status/update/',
          effect: 'write',
          schema: statusSchema,
          accessToken,
          advertiserId,
          body: { advertiser_id: advertiserId, adgroup_ids: batch, operation_status: operationStatus },
          signal,
        }),
      );
    }
    return mergeStatusUpdates(results, operationStatus);
  };
