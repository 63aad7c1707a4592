import type { AdGroupNode, AdNode, CampaignNode } from './draft-nodes.js';
import { defaultGoal, type BuilderObjective } from './objective-rules.js';

/**
 * What a new node starts with: TikTok's defaults where it has them (automatic placement, every
 * age and gender, start now, no bid), and blanks where only the marketer can decide (budget,
 * locations, creative). A blank is an error the builder points at, never a silent guess.
 */
export function newCampaign(key: string, advertiserId: string, name = 'New campaign'): CampaignNode {
  return {
    level: 'campaign',
    key,
    parentKey: null,
    advertiserId,
    settings: {
      name,
      objective: 'TRAFFIC',
      budgetMode: 'BUDGET_MODE_DAY',
      budget: null,
      budgetOptimization: false,
      status: 'ENABLE',
    },
    position: null,
    tiktokId: null,
    published: null,
  };
}

export function newAdGroup(
  key: string,
  parentKey: string | null,
  objective: BuilderObjective | null,
  name = 'New ad group',
): AdGroupNode {
  const { goal, billingEvent, promotionType } = defaultGoal(objective);
  return {
    level: 'adgroup',
    key,
    parentKey,
    settings: {
      name,
      placementType: 'PLACEMENT_TYPE_AUTOMATIC',
      placements: [],
      locations: [],
      ageGroups: [],
      gender: 'GENDER_UNLIMITED',
      languages: [],
      budgetMode: 'BUDGET_MODE_DAY',
      budget: null,
      scheduleType: 'SCHEDULE_FROM_NOW',
      scheduleStart: null,
      scheduleEnd: null,
      dayparting: null,
      promotionType,
      optimizationGoal: goal,
      billingEvent,
      bidType: 'BID_TYPE_NO_BID',
      bid: null,
      pixelId: null,
      optimizationEvent: null,
      appId: null,
      audienceIds: [],
      excludedAudienceIds: [],
      status: 'ENABLE',
    },
    position: null,
    tiktokId: null,
    published: null,
  };
}

export function newAd(key: string, parentKey: string | null, name = 'New ad'): AdNode {
  return {
    level: 'ad',
    key,
    parentKey,
    settings: {
      name,
      format: 'SINGLE_VIDEO',
      identity: null,
      creative: null,
      adText: '',
      callToAction: 'LEARN_MORE',
      landingPageUrl: '',
      displayName: '',
      status: 'ENABLE',
    },
    position: null,
    tiktokId: null,
    published: null,
  };
}
