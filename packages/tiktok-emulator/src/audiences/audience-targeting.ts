import { fieldError } from '../http/api-error.js';
import type { EmulatorRuntime } from '../runtime.js';

// /adgroup/create/ and /adgroup/update/ take `audience_ids` and `excluded_audience_ids`, ids from
// /dmp/custom_audience/list/ (tiktok-business-api-sdk `AdgroupCreateBody.audience_ids`). The
// refusals' wording is ours, field first as TikTok's messages are: no captured one was found.

interface AudienceLists {
  audience_ids?: string[] | undefined;
  excluded_audience_ids?: string[] | undefined;
}

/**
 * Both lists, when sent, name audiences of the account; and no audience is in both once the ad
 * group has them (`current`: what it has now, for an update that sends one list only).
 * tiktok-business-api-sdk `AdgroupUpdateBody.audience_type`: the two lists "cannot contain the
 * same IDs".
 */
export function checkAudiences(
  runtime: EmulatorRuntime,
  input: AudienceLists & { advertiser_id: string },
  current: Required<AudienceLists> = { audience_ids: [], excluded_audience_ids: [] },
): void {
  requireOwnAudiences(runtime, input.advertiser_id, 'audience_ids', input.audience_ids);
  requireOwnAudiences(runtime, input.advertiser_id, 'excluded_audience_ids', input.excluded_audience_ids);
  const included = input.audience_ids ?? current.audience_ids;
  const both = (input.excluded_audience_ids ?? current.excluded_audience_ids).find((audienceId) =>
    included.includes(audienceId),
  );
  if (both !== undefined)
    throw fieldError('excluded_audience_ids', `Audience ${both} cannot be both included and excluded.`);
}

function requireOwnAudiences(
  runtime: EmulatorRuntime,
  advertiserId: string,
  field: 'audience_ids' | 'excluded_audience_ids',
  audienceIds: readonly string[] | undefined,
): void {
  for (const audienceId of audienceIds ?? []) {
    if (runtime.store.audiences.get(audienceId)?.advertiserId !== advertiserId)
      throw fieldError(field, `Audience ${audienceId} does not exist in this ad account.`);
  }
}
