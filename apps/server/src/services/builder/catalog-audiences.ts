import type { Audience } from '@whathead/contracts';
import { TikTokApiError, type CustomAudience } from '@whathead/tiktok-client';

/** The call TikTok names when the grant lacks Audience Management (reference §9, scope 3: 30 read). */
const audienceListCall = '/dmp/custom_audience/list/:GET';

/**
 * TikTok's 40001 "advertiser does not grant you /dmp/custom_audience/list/:GET permission": the
 * grant lacks the scope. A refusal naming no permission is the user's role, and stays an error.
 */
export function lacksAudienceManagement(error: unknown): boolean {
  return (
    TikTokApiError.isInstance(error) &&
    error.kind === 'permission_denied' &&
    error.missingPermission === audienceListCall
  );
}

/**
 * The audiences an ad group can use, as the builder shows them. Reach-and-frequency audiences
 * serve only reach-and-frequency ads (bububa/tiktok-business `model/dmp/customaudience/list.go`,
 * `audience_sub_type`), which the builder does not make: they are left out.
 */
export function describeAudiences(audiences: readonly CustomAudience[]): Audience[] {
  return audiences
    .filter((audience) => audience.subType !== 'REACH_FREQUENCY')
    .map((audience) => ({
      id: audience.audienceId,
      name: audience.name || audience.audienceId,
      type: audience.audienceType ?? null,
      // TikTok says 0 while it is still matching people: not a size yet.
      size:
        audience.size !== undefined && Number.isInteger(audience.size) && audience.size > 0
          ? audience.size
          : null,
      ready: audience.isValid !== false,
    }));
}
