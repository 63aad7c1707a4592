import { z } from 'zod';
import { defineEndpoint } from '../http/define-endpoint.js';
import { paginate } from '../http/envelope.js';
import { idString, jsonParam, pagingParams } from '../http/params.js';
import type { AudienceRecord } from '../state/records.js';

// GET /dmp/custom_audience/list/. Parameters from tiktok/tiktok-business-api-sdk
// `js_sdk/src/api/AudienceApi.js` (custom_audience_ids 1–100, page_size default 10, 1–100); the
// answer `{list, page_info}` and its fields from bububa/tiktok-business
// `model/dmp/customaudience/list.go`, which airbyte's "Audiences List" schema agrees with.
// Permission 30, "read custom audiences" (reference §9 group 3).

const describeAudience = (audience: AudienceRecord) => {
  const { advertiserId, calculate_type, ...fields } = audience;
  return {
    ...fields,
    ...(calculate_type === null ? {} : { calculate_type }),
    shared: false,
    is_creator: true,
    owner_id: advertiserId,
  };
};

/**
 * Open questions, answered with the plainest reading:
 * - Ids in `custom_audience_ids` the account has no audience of are left out, not an error.
 * - The list is in creation order, earliest first: nothing documents an order.
 * - Audiences shared by another account are not modelled: an account lists those it owns.
 */
export const audienceListEndpoint = defineEndpoint({
  method: 'GET',
  path: '/dmp/custom_audience/list/',
  authentication: 'token',
  access: 'read',
  requiresEligibleAdvertiser: true,
  permissions: () => [30],
  input: z.object({
    advertiser_id: idString(),
    custom_audience_ids: jsonParam(z.array(idString()).min(1).max(100)).optional(),
    ...pagingParams(100, 10),
  }),
  handle({ input, runtime }) {
    const rows = [...runtime.store.audiences.values()].filter(
      (audience) =>
        audience.advertiserId === input.advertiser_id &&
        (input.custom_audience_ids === undefined || input.custom_audience_ids.includes(audience.audience_id)),
    );
    const { list, page_info } = paginate(rows, input.page, input.page_size);
    return { list: list.map(describeAudience), page_info };
  },
});
