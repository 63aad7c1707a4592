import type { TikTokPermissionKey } from '@whathead/contracts';

/**
 * Where each of the help page's five permissions sits on TikTok's consent page, whose boxes are
 * named differently: a fix that says "tick it" must name the box the user will see there.
 */
export const tiktokConsentBoxes: Record<TikTokPermissionKey, { box: string; where?: string }> = {
  ad_account_management: { box: 'Ads Management' },
  ad_account_read: { box: 'Ad Account Management', where: 'its read items' },
  business_center_access: { box: 'Business Center', where: 'under Ad Account Management' },
  creative_management: { box: 'Creative Management' },
  reporting: { box: 'Reporting' },
};
