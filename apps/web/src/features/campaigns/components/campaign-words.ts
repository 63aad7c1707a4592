import type { CampaignLevel, campaignStatusFilters, DeliveryState } from '@whathead/contracts';

export type CampaignStatusFilter = (typeof campaignStatusFilters)[number];

/** How each level is named in a sentence, one and many. */
export const levelNouns: Record<CampaignLevel, { one: string; many: string; title: string }> = {
  campaign: { one: 'campaign', many: 'campaigns', title: 'Campaigns' },
  adgroup: { one: 'ad group', many: 'ad groups', title: 'Ad groups' },
  ad: { one: 'ad', many: 'ads', title: 'Ads' },
};

export const statusFilterLabels: Record<CampaignStatusFilter, string> = {
  not_deleted: 'All but deleted',
  active: 'Active',
  paused: 'Paused',
  not_delivering: 'Not delivering',
  scheduled: 'Scheduled',
  completed: 'Completed',
  deleted: 'Deleted',
  all: 'All',
};

export const deliveryTones: Record<DeliveryState, 'success' | 'neutral' | 'warning' | 'accent'> = {
  active: 'success',
  paused: 'neutral',
  not_delivering: 'warning',
  scheduled: 'accent',
  completed: 'neutral',
  deleted: 'neutral',
};

/**
 * TikTok's objective types (reference §4.3) as Ads Manager names them; the filter offers the
 * ones a campaign can have today, and any other value is still shown, in readable words.
 */
export const objectiveLabels: Record<string, string> = {
  REACH: 'Reach',
  TRAFFIC: 'Traffic',
  VIDEO_VIEWS: 'Video views',
  ENGAGEMENT: 'Community interaction',
  APP_PROMOTION: 'App promotion',
  LEAD_GENERATION: 'Lead generation',
  WEB_CONVERSIONS: 'Website conversions',
  PRODUCT_SALES: 'Product sales',
  CONVERSIONS: 'Conversions',
  APP_INSTALL: 'App installs',
  CATALOG_SALES: 'Catalog sales',
  SHOP: 'Shop purchases',
  RF_REACH: 'Reach (Reservation)',
  RF_TRAFFIC: 'Traffic (Reservation)',
  RF_VIDEO_VIEW: 'Video views (Reservation)',
  RF_ENGAGEMENT: 'Community interaction (Reservation)',
  RF_APP_INSTALL: 'App installs (Reservation)',
  TOPVIEW_REACH: 'TopView',
};

export const budgetModeLabels: Record<string, string> = {
  BUDGET_MODE_DAY: 'Daily',
  BUDGET_MODE_DYNAMIC_DAILY_BUDGET: 'Daily (averaged over the week)',
  BUDGET_MODE_TOTAL: 'Lifetime',
  BUDGET_MODE_INFINITE: 'No limit',
};

export const bidStrategyLabels: Record<string, string> = {
  BID_TYPE_NO_BID: 'Maximum delivery',
  BID_TYPE_CUSTOM: 'Cost cap',
  BID_TYPE_MAX_CONVERSION: 'Maximum conversions',
};

export const optimizationGoalLabels: Record<string, string> = {
  CLICK: 'Clicks',
  REACH: 'Reach',
  SHOW: 'Impressions',
  VIDEO_VIEW: 'Video views',
  ENGAGED_VIEW: 'Engaged views',
  CONVERT: 'Conversions',
  INSTALL: 'App installs',
  IN_APP_EVENT: 'In-app events',
  VALUE: 'Value',
  LEAD_GENERATION: 'Leads',
  TRAFFIC_LANDING_PAGE_VIEW: 'Landing page views',
  FOLLOWERS: 'Followers',
  PROFILE_VIEWS: 'Profile views',
  CONVERSATION: 'Conversations',
  PAGE_VISIT: 'Page visits',
};

/** A TikTok value in words: the known name, or the code made readable ("NEW_THING" → "New thing"). */
export function inWords(labels: Record<string, string>, value: string | null): string | null {
  if (value === null || value === '') return null;
  const known = labels[value];
  if (known) return known;
  const words = value
    .replace(/^(BUDGET_MODE|BID_TYPE)_/, '')
    .replaceAll('_', ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
