/**
 * The objectives a new campaign can take in the builder and, for each, what its ad groups may
 * promote, optimise for and be billed by (reference §4.3 and corrections 2 and 4). Product sales
 * is creatable at TikTok but needs a catalog, which the builder does not handle yet, so it is
 * listed and refused with that reason.
 */
export const builderObjectives = [
  'TRAFFIC',
  'WEB_CONVERSIONS',
  'REACH',
  'VIDEO_VIEWS',
  'ENGAGEMENT',
  'LEAD_GENERATION',
  'APP_PROMOTION',
  'PRODUCT_SALES',
] as const;
export type BuilderObjective = (typeof builderObjectives)[number];

export const unsupportedObjectives: Partial<Record<BuilderObjective, string>> = {
  PRODUCT_SALES: 'Product sales campaigns need a product catalog, which Whathead does not support yet.',
};

export const objectiveLabels: Record<BuilderObjective, string> = {
  TRAFFIC: 'Traffic',
  WEB_CONVERSIONS: 'Website conversions',
  REACH: 'Reach',
  VIDEO_VIEWS: 'Video views',
  ENGAGEMENT: 'Engagement',
  LEAD_GENERATION: 'Lead generation',
  APP_PROMOTION: 'App promotion',
  PRODUCT_SALES: 'Product sales',
};

export const optimizationGoals = [
  'CLICK',
  'TRAFFIC_LANDING_PAGE_VIEW',
  'CONVERT',
  'REACH',
  'ENGAGED_VIEW',
  'FOLLOWERS',
  'PROFILE_VIEWS',
  'LEAD_GENERATION',
  'INSTALL',
  'IN_APP_EVENT',
] as const;
export type OptimizationGoal = (typeof optimizationGoals)[number];

export const optimizationGoalLabels: Record<OptimizationGoal, string> = {
  CLICK: 'Clicks',
  TRAFFIC_LANDING_PAGE_VIEW: 'Landing page views',
  CONVERT: 'Conversions',
  REACH: 'Reach',
  ENGAGED_VIEW: '6-second views',
  FOLLOWERS: 'Followers',
  PROFILE_VIEWS: 'Profile visits',
  LEAD_GENERATION: 'Leads',
  INSTALL: 'App installs',
  IN_APP_EVENT: 'In-app events',
};

export const billingEvents = ['CPC', 'CPM', 'CPV', 'OCPM'] as const;
export type BillingEvent = (typeof billingEvents)[number];

export const billingEventLabels: Record<BillingEvent, string> = {
  CPC: 'Per click (CPC)',
  CPM: 'Per 1,000 impressions (CPM)',
  CPV: 'Per view (CPV)',
  OCPM: 'Optimised CPM (oCPM)',
};

/**
 * What each goal is billed by. TikTok bills conversion-type goals by oCPM (the emulator refuses
 * CONVERT with anything else, as TikTok does); clicks by CPC, reach by CPM, views by CPV.
 */
export const goalBillingEvents: Record<OptimizationGoal, readonly BillingEvent[]> = {
  CLICK: ['CPC'],
  TRAFFIC_LANDING_PAGE_VIEW: ['OCPM'],
  CONVERT: ['OCPM'],
  REACH: ['CPM'],
  ENGAGED_VIEW: ['CPV'],
  FOLLOWERS: ['OCPM'],
  PROFILE_VIEWS: ['OCPM'],
  LEAD_GENERATION: ['OCPM'],
  INSTALL: ['OCPM'],
  IN_APP_EVENT: ['OCPM'],
};

export const promotionTypes = ['WEBSITE', 'APP_ANDROID', 'APP_IOS', 'LEAD_GENERATION'] as const;
export type PromotionType = (typeof promotionTypes)[number];

export const promotionTypeLabels: Record<PromotionType, string> = {
  WEBSITE: 'Website',
  APP_ANDROID: 'Android app',
  APP_IOS: 'iOS app',
  LEAD_GENERATION: 'Instant form',
};

export interface ObjectiveRule {
  /** Empty: TikTok takes no promotion type for the objective (correction 4). */
  promotionTypes: readonly PromotionType[];
  goals: readonly OptimizationGoal[];
}

export const objectiveRules: Record<BuilderObjective, ObjectiveRule> = {
  TRAFFIC: {
    promotionTypes: ['WEBSITE', 'APP_ANDROID', 'APP_IOS'],
    goals: ['CLICK', 'TRAFFIC_LANDING_PAGE_VIEW'],
  },
  WEB_CONVERSIONS: { promotionTypes: ['WEBSITE'], goals: ['CONVERT', 'CLICK', 'TRAFFIC_LANDING_PAGE_VIEW'] },
  REACH: { promotionTypes: [], goals: ['REACH'] },
  VIDEO_VIEWS: { promotionTypes: [], goals: ['ENGAGED_VIEW'] },
  ENGAGEMENT: { promotionTypes: [], goals: ['FOLLOWERS', 'PROFILE_VIEWS'] },
  LEAD_GENERATION: { promotionTypes: ['LEAD_GENERATION', 'WEBSITE'], goals: ['LEAD_GENERATION', 'CONVERT'] },
  APP_PROMOTION: { promotionTypes: ['APP_ANDROID', 'APP_IOS'], goals: ['INSTALL', 'IN_APP_EVENT', 'CLICK'] },
  PRODUCT_SALES: { promotionTypes: [], goals: [] },
};

/** Goals that measure events on a website: they need a pixel and the event to optimise for. */
export const pixelGoals: readonly OptimizationGoal[] = ['CONVERT'];
/** Goals that count an app's installs or events: they need the app. */
export const appPromotionTypes: readonly PromotionType[] = ['APP_ANDROID', 'APP_IOS'];

export const bidTypes = ['BID_TYPE_NO_BID', 'BID_TYPE_CUSTOM'] as const;
export type BidType = (typeof bidTypes)[number];

export const bidTypeLabels: Record<BidType, string> = {
  BID_TYPE_NO_BID: 'Maximum delivery (no bid)',
  BID_TYPE_CUSTOM: 'Cost cap (your bid)',
};

/** The first goal and its billing event: what a new ad group of the objective starts with. */
export function defaultGoal(objective: BuilderObjective | null): {
  goal: OptimizationGoal | null;
  billingEvent: BillingEvent | null;
  promotionType: PromotionType | null;
} {
  const rule = objective ? objectiveRules[objective] : undefined;
  const goal = rule?.goals[0] ?? null;
  return {
    goal,
    billingEvent: goal ? (goalBillingEvents[goal][0] ?? null) : null,
    promotionType: rule?.promotionTypes[0] ?? null,
  };
}
