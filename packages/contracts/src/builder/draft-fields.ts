import type { AdGroupSettings, AdSettings, CampaignSettings, DraftLevel, DraftNode } from './draft-nodes.js';

/**
 * Which settings TikTok lets change once an object exists (reference §4.1, correction 3), with the
 * words the preview and the messages use. A field outside `editable` that differs from what TikTok
 * has cannot be published: the object must be duplicated instead.
 */
type SettingsOf<Level extends DraftLevel> = Extract<DraftNode, { level: Level }>['settings'];
type FieldTable<Level extends DraftLevel> = Record<keyof SettingsOf<Level>, string>;

export const campaignFieldLabels: FieldTable<'campaign'> = {
  name: 'Name',
  objective: 'Objective',
  budgetMode: 'Budget type',
  budget: 'Budget',
  budgetOptimization: 'Campaign budget optimisation',
  status: 'Status',
};

export const adGroupFieldLabels: FieldTable<'adgroup'> = {
  name: 'Name',
  placementType: 'Placement type',
  placements: 'Placements',
  locations: 'Locations',
  ageGroups: 'Age groups',
  gender: 'Gender',
  languages: 'Languages',
  budgetMode: 'Budget type',
  budget: 'Budget',
  scheduleType: 'Schedule type',
  scheduleStart: 'Start time',
  scheduleEnd: 'End time',
  dayparting: 'Dayparting',
  promotionType: 'Promotion type',
  optimizationGoal: 'Optimisation goal',
  billingEvent: 'Billing event',
  bidType: 'Bid strategy',
  bid: 'Bid',
  pixelId: 'Pixel',
  optimizationEvent: 'Conversion event',
  appId: 'App',
  audienceIds: 'Audiences',
  excludedAudienceIds: 'Excluded audiences',
  status: 'Status',
};

export const adFieldLabels: FieldTable<'ad'> = {
  name: 'Name',
  format: 'Format',
  identity: 'Identity',
  creative: 'Creative',
  adText: 'Ad text',
  callToAction: 'Call to action',
  landingPageUrl: 'Landing page URL',
  displayName: 'Display name',
  status: 'Status',
};

export const fieldLabels = {
  campaign: campaignFieldLabels,
  adgroup: adGroupFieldLabels,
  ad: adFieldLabels,
} as const;

export function fieldLabel(level: DraftLevel, field: string): string {
  if (field === 'advertiserId') return 'Ad account';
  return (fieldLabels[level] as Record<string, string>)[field] ?? field;
}

/** The fields TikTok's update and status endpoints take for an existing object. */
export const editableFields: {
  campaign: readonly (keyof CampaignSettings)[];
  adgroup: readonly (keyof AdGroupSettings)[];
  ad: readonly (keyof AdSettings)[];
} = {
  campaign: ['name', 'budget', 'status'],
  adgroup: [
    'name',
    'locations',
    'ageGroups',
    'gender',
    'languages',
    'budget',
    'scheduleStart',
    'scheduleEnd',
    'dayparting',
    'bid',
    // /adgroup/update/ takes the targeting, audiences included (tiktok-business-api-sdk AdgroupUpdateBody).
    'audienceIds',
    'excludedAudienceIds',
    'status',
  ],
  ad: ['name', 'identity', 'creative', 'adText', 'callToAction', 'landingPageUrl', 'displayName', 'status'],
};

export const levelWords: Record<DraftLevel, { one: string; many: string }> = {
  campaign: { one: 'campaign', many: 'campaigns' },
  adgroup: { one: 'ad group', many: 'ad groups' },
  ad: { one: 'ad', many: 'ads' },
};

/** Whether two saved setting values are the same (settings are plain JSON). */
export function sameValue(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (Array.isArray(left) && Array.isArray(right)) {
    return left.length === right.length && left.every((item, index) => sameValue(item, right[index]));
  }
  if (left && right && typeof left === 'object' && typeof right === 'object') {
    const leftKeys = Object.keys(left);
    const rightKeys = Object.keys(right);
    return (
      leftKeys.length === rightKeys.length &&
      leftKeys.every((key) =>
        sameValue((left as Record<string, unknown>)[key], (right as Record<string, unknown>)[key]),
      )
    );
  }
  return false;
}

/**
 * Locations are the same places whatever name they were shown with (an id until the list was
 * read). Audiences are a set: picked in another order they are the same audiences, and a draft
 * saved before they existed has none.
 */
function comparable(field: string, value: unknown): unknown {
  if (field === 'locations' && Array.isArray(value))
    return value.map((location: { id: string }) => location.id);
  if (field === 'audienceIds' || field === 'excludedAudienceIds')
    return Array.isArray(value) ? [...(value as string[])].sort() : [];
  return value;
}

export interface FieldChange {
  field: string;
  label: string;
  before: unknown;
  after: unknown;
}

/**
 * The settings of a published node that differ from what TikTok has: `editable` ones an update
 * sends, `fixed` ones TikTok refuses to change.
 */
export function settingChanges(node: DraftNode): { editable: FieldChange[]; fixed: FieldChange[] } {
  const editable: FieldChange[] = [];
  const fixed: FieldChange[] = [];
  if (!node.published) return { editable, fixed };
  const allowed = editableFields[node.level] as readonly string[];
  const settings = node.settings as Record<string, unknown>;
  const before = node.published as Record<string, unknown>;
  for (const field of Object.keys(settings)) {
    if (sameValue(comparable(field, settings[field]), comparable(field, before[field]))) continue;
    const change = {
      field,
      label: fieldLabel(node.level, field),
      before: before[field],
      after: settings[field],
    };
    (allowed.includes(field) ? editable : fixed).push(change);
  }
  return { editable, fixed };
}
