import type { Audience } from '@whathead/contracts';
import { TikTokApiError, type CustomAudience } from '@whathead/tiktok-client';

/**
 * TikTok's 40001 "advertiser does not grant you <path>:GET permission": the grant lacks the scope
 * that reads `path` (Audience Management for /dmp/custom_audience/list/, Pixel Management for
 * /pixel/list/, App Management for /app/list/; reference §9). These are optional to Whathead, so
 * the builder answers "not granted" rather than flagging the connection. A refusal naming no
 * permission is the user's role, and stays an error.
 */
export function lacksPermissionFor(error: unknown, path: string): boolean {
  return (
    TikTokApiError.isInstance(error) &&
    error.kind === 'permission_denied' &&
    error.missingPermission === `${path}:GET`
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
