import { fieldLabel, type DraftLevel } from '@whathead/contracts';
import { TikTokApiError } from '@whathead/tiktok-client';

/** TikTok's field names (reference §4.1) as the builder's, so an error lands on its form field. */
const wireFields: Record<string, string> = {
  campaign_name: 'name',
  adgroup_name: 'name',
  ad_name: 'name',
  objective_type: 'objective',
  budget: 'budget',
  budget_mode: 'budgetMode',
  budget_optimize_on: 'budgetOptimization',
  placement_type: 'placementType',
  placements: 'placements',
  location_ids: 'locations',
  zipcode_ids: 'locations',
  age_groups: 'ageGroups',
  gender: 'gender',
  languages: 'languages',
  schedule_type: 'scheduleType',
  schedule_start_time: 'scheduleStart',
  schedule_end_time: 'scheduleEnd',
  dayparting: 'dayparting',
  promotion_type: 'promotionType',
  optimization_goal: 'optimizationGoal',
  billing_event: 'billingEvent',
  bid_type: 'bidType',
  bid_price: 'bid',
  conversion_bid_price: 'bid',
  pixel_id: 'pixelId',
  audience_ids: 'audienceIds',
  excluded_audience_ids: 'excludedAudienceIds',
  optimization_event: 'optimizationEvent',
  app_id: 'appId',
  ad_format: 'format',
  ad_text: 'adText',
  video_id: 'creative',
  image_ids: 'creative',
  call_to_action: 'callToAction',
  landing_page_url: 'landingPageUrl',
  display_name: 'displayName',
  identity_id: 'identity',
  identity_type: 'identity',
};

/** "creatives.0.ad_text" → "adText". */
export function builderField(wireField: string | undefined): string | null {
  if (!wireField) return null;
  const last = wireField.split('.').at(-1)!;
  return wireFields[last] ?? null;
}

/**
 * A refusal TikTok will repeat whatever the retry (a setting it does not take, a missing
 * permission, an object gone), as the item's message in words with the field it concerns; or
 * undefined for TikTok being busy or down, which a later run can get past.
 */
export function publishFailure(
  error: unknown,
  level: DraftLevel,
): { message: string; field: string | null } | undefined {
  if (!TikTokApiError.isInstance(error)) return undefined;
  const field = builderField(error.field);
  const about = field ? `${fieldLabel(level, field)}: ` : '';
  switch (error.kind) {
    case 'invalid_request': {
      // TikTok's words start with the parameter ("creatives.0.ad_text: …"): once the field is
      // named in the form's words, TikTok's name for it is left out.
      const words = field ? withoutParameter(error.tiktokMessage, error.field!) : error.tiktokMessage;
      return { message: `TikTok refused it. ${about}${sentence(words)}`, field };
    }
    case 'duplicate':
      return {
        message: 'TikTok already has one by this name here. Rename it, then publish again.',
        field: 'name',
      };
    case 'not_found':
      return {
        message:
          'TikTok no longer has it: it was deleted in TikTok. Remove it from the draft, or duplicate it to publish it again.',
        field: null,
      };
    case 'permission_denied':
      return {
        message:
          'TikTok refused: the connected TikTok user may only read this ad account. Ask for an operator or admin role, then publish again.',
        field: null,
      };
    case 'advertiser_unavailable':
      return {
        message:
          'TikTok says this ad account is gone or no longer shared with the connected user. Check it in TikTok Ads Manager.',
        field: null,
      };
    default:
      return undefined;
  }
}

/** "creatives.0.ad_text: Too long." → "Too long."; a message that does not start so stays whole. */
function withoutParameter(message: string, wireField: string): string {
  const text = message.trim();
  if (!text.startsWith(`${wireField}:`)) return message;
  const rest = text.slice(wireField.length + 1).trim();
  return rest === '' ? message : rest;
}

function sentence(message: string): string {
  const text = message.trim() || 'It gave no reason.';
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
