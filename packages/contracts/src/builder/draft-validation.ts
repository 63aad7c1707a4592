import { budgetMinimum } from '../campaign-budget-rules.js';
import { controlCharacterPattern } from '../text.js';
import { fieldLabel, levelWords, settingChanges } from './draft-fields.js';
import {
  audienceListsOf,
  type AdGroupNode,
  type AdNode,
  type CampaignNode,
  type DraftDocument,
  type DraftNode,
} from './draft-nodes.js';
import { indexDraft, parentLevel, type DraftTree } from './draft-tree.js';
import {
  appPromotionTypes,
  goalBillingEvents,
  objectiveLabels,
  objectiveRules,
  optimizationGoalLabels,
  pixelGoals,
  promotionTypeLabels,
  unsupportedObjectives,
} from './objective-rules.js';

/**
 * The builder's rules, in two layers: Whathead's own (names, hierarchy, every campaign with an ad
 * group and every ad group with an ad) and TikTok's (reference §4 and its corrections): budget
 * minimums, locations, goals that fit the objective, pixel and app where the goal needs them,
 * and settings TikTok does not let change once published. The browser runs them while the user
 * types; the server runs them again before it publishes. Messages are for the marketer.
 */

export interface DraftIssue {
  key: string;
  /** A settings field, or null for the node as a whole (its place in the tree). */
  field: string | null;
  severity: 'error' | 'warning';
  message: string;
}

export interface ValidationAccount {
  name: string;
  currency: string | null;
}

export interface ValidationContext {
  /** Milliseconds since the epoch. */
  now: number;
  /** The workspace's selected ad accounts by advertiser id. */
  accounts: ReadonlyMap<string, ValidationAccount>;
}

/** TikTok's name limit (reference §4.1) for campaigns, ad groups and ads. */
export const nameMaximum = 512;
const emoji = /\p{Extended_Pictographic}/u;
const millisecondsPerHour = 3_600_000;

export function parseTikTokTime(value: string | null): number | null {
  if (!value) return null;
  const time = Date.parse(`${value.replace(' ', 'T')}Z`);
  // Date.parse rolls "02-31" over into March: only a time that reads back the same is one.
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 19).replace('T', ' ') !== value)
    return Number.NaN;
  return time;
}

export function validateDraft(document: DraftDocument, context: ValidationContext): DraftIssue[] {
  const tree = indexDraft(document);
  const issues: DraftIssue[] = [];
  const twins = sameNameSiblings(tree);
  for (const node of tree.nodes) {
    const add = (field: string | null, message: string, severity: DraftIssue['severity'] = 'error') =>
      issues.push({ key: node.key, field, severity, message });
    checkName(node, add);
    if (twins.has(node.key)) add('name', twinMessage[node.level]);
    checkPlace(node, tree, add);
    checkFixedFields(node, add);
    if (node.level === 'campaign') checkCampaign(node, tree, context, add);
    if (node.level === 'adgroup') checkAdGroup(node, tree, context, add);
    if (node.level === 'ad') checkAd(node, tree, add);
  }
  return issues;
}

/**
 * Siblings of one name: a publish that lost TikTok's answer finds what it created by name and
 * parent, so two of one name under one parent (campaigns: in one ad account) could be mistaken
 * for each other.
 */
function sameNameSiblings(tree: DraftTree): Set<string> {
  const seen = new Map<string, string>();
  const twins = new Set<string>();
  for (const node of tree.nodes) {
    const name = node.settings.name.trim();
    if (!name) continue;
    const scope =
      node.level === 'campaign' ? `campaign:${node.advertiserId}` : `${node.level}:${node.parentKey}`;
    const id = `${scope}:${name}`;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, node.key);
    else twins.add(first).add(node.key);
  }
  return twins;
}

const twinMessage: Record<DraftNode['level'], string> = {
  campaign:
    'Another campaign of this ad account in the draft has this name. Give each its own, so Whathead can tell them apart at TikTok.',
  adgroup:
    'Another ad group of this campaign has this name. Give each its own, so Whathead can tell them apart at TikTok.',
  ad: 'Another ad of this ad group has this name. Give each its own, so Whathead can tell them apart at TikTok.',
};

type Add = (field: string | null, message: string, severity?: DraftIssue['severity']) => void;

function checkName(node: DraftNode, add: Add): void {
  const name = node.settings.name.trim();
  const what = levelWords[node.level].one;
  if (!name) add('name', `Give the ${what} a name.`);
  else if (name.length > nameMaximum) add('name', `TikTok takes names of at most ${nameMaximum} characters.`);
  else if (emoji.test(name)) add('name', 'TikTok does not accept emoji in names.');
  else if (controlCharacterPattern.test(name) || !/[\p{L}\p{N}\p{P}\p{S}]/u.test(name))
    add('name', 'Use visible characters only: no line breaks, invisible or direction-changing characters.');
}

function checkPlace(node: DraftNode, tree: DraftTree, add: Add): void {
  const wanted = parentLevel[node.level];
  if (wanted === null) return;
  const parent = tree.parentOf(node);
  const what = levelWords[node.level].one;
  if (!parent) {
    add(null, `Connect this ${what} to ${wanted === 'campaign' ? 'a campaign' : 'an ad group'}.`);
  } else if (parent.level !== wanted) {
    add(
      null,
      `${what === 'ad' ? 'An ad' : 'An ad group'} belongs under ${withArticle(wanted)}, not under ${withArticle(parent.level)}.`,
    );
  } else if (node.tiktokId && !parent.tiktokId) {
    add(
      null,
      `This ${what} exists in TikTok under another parent; TikTok can't move it. Duplicate it instead.`,
    );
  }
  const under = node.level === 'adgroup' ? 'ad' : null;
  // TikTok has the ads of a published ad group (and the ad groups of a published campaign):
  // a draft may hold it alone, to change its own settings.
  if (under && !node.tiktokId && tree.children(node.key).length === 0)
    add(null, 'Add at least one ad to this ad group.');
}

const withArticle = (level: DraftNode['level']) =>
  level === 'campaign' ? 'a campaign' : level === 'adgroup' ? 'an ad group' : 'an ad';

function checkFixedFields(node: DraftNode, add: Add): void {
  for (const change of settingChanges(node).fixed) {
    add(
      change.field,
      `${change.label} can't change once the ${levelWords[node.level].one} is published. Duplicate it to publish a new one with this setting.`,
    );
  }
}

function checkBudget(
  level: 'campaign' | 'adgroup',
  budgetMode: string,
  budget: number | null,
  schedule: { start: number | null; end: number | null },
  account: ValidationAccount | undefined,
  now: number,
  add: Add,
): void {
  if (budgetMode === 'BUDGET_MODE_INFINITE') return;
  const daily = budgetMode === 'BUDGET_MODE_DAY';
  if (budget === null || budget <= 0) {
    add('budget', daily ? 'Enter a daily budget.' : 'Enter a lifetime budget.');
    return;
  }
  const currency = account?.currency ?? null;
  const minimum = budgetMinimum(
    { level, budgetMode, currency, scheduleStart: schedule.start, scheduleEnd: schedule.end },
    now,
  );
  if (minimum && budget < minimum.amount) {
    const per = minimum.per === 'day' ? ' a day' : ` for ${minimum.days} scheduled days (20.00 USD a day)`;
    add(
      'budget',
      `TikTok’s published minimum is ${minimum.amount.toFixed(2)} ${minimum.currency}${per}; this ${levelWords[level].one} has ${budget.toFixed(2)}.`,
    );
  } else if (!minimum && currency && currency !== 'USD') {
    add(
      'budget',
      `TikTok publishes no minimum for ${currency} that Whathead knows; TikTok checks this budget when you publish.`,
      'warning',
    );
  }
}

function checkCampaign(node: CampaignNode, tree: DraftTree, context: ValidationContext, add: Add): void {
  const settings = node.settings;
  const account = context.accounts.get(node.advertiserId);
  if (!account) add('advertiserId', 'Choose one of the workspace’s ad accounts for this campaign.');
  if (!settings.objective && node.tiktokId && node.published?.objective === null) {
    add(
      'objective',
      'TikTok runs this campaign under an objective the builder does not handle. Its name, budget and status can change here; to change more, duplicate it.',
      'warning',
    );
  } else if (!settings.objective) add('objective', 'Choose an objective.');
  else if (unsupportedObjectives[settings.objective])
    add('objective', unsupportedObjectives[settings.objective]!);
  if (settings.budgetOptimization && settings.budgetMode === 'BUDGET_MODE_INFINITE') {
    add('budgetMode', 'Campaign budget optimisation needs a daily or lifetime campaign budget.');
  }
  checkBudget(
    'campaign',
    settings.budgetMode,
    settings.budget,
    { start: null, end: null },
    account,
    context.now,
    add,
  );
  if (!node.tiktokId && tree.children(node.key).length === 0)
    add(null, 'Add at least one ad group to this campaign.');
}

function checkAdGroup(node: AdGroupNode, tree: DraftTree, context: ValidationContext, add: Add): void {
  const settings = node.settings;
  const campaign = tree.campaignOf(node);
  const objective = campaign?.settings.objective ?? null;
  // An objective the builder refuses says so on the campaign; its ad groups are not checked against it.
  const rule = objective && !unsupportedObjectives[objective] ? objectiveRules[objective] : undefined;
  const objectiveName = objective ? objectiveLabels[objective] : '';

  if (settings.placementType === 'PLACEMENT_TYPE_NORMAL' && settings.placements.length === 0) {
    add('placements', 'Choose at least one placement, or let TikTok place the ads automatically.');
  }
  if (settings.locations.length === 0) add('locations', 'Choose at least one location.');

  if (rule && rule.promotionTypes.length > 0) {
    if (!settings.promotionType) add('promotionType', `Choose what the ${objectiveName} campaign promotes.`);
    else if (!rule.promotionTypes.includes(settings.promotionType)) {
      add(
        'promotionType',
        `${promotionTypeLabels[settings.promotionType]} can't be promoted by a ${objectiveName} campaign.`,
      );
    }
  }
  if (!settings.optimizationGoal) add('optimizationGoal', 'Choose what TikTok optimises for.');
  else if (rule && !rule.goals.includes(settings.optimizationGoal)) {
    add(
      'optimizationGoal',
      `A ${objectiveName} campaign can't optimise for ${optimizationGoalLabels[settings.optimizationGoal]}. Choose ${rule.goals.map((goal) => optimizationGoalLabels[goal]).join(' or ')}.`,
    );
  } else if (
    settings.billingEvent &&
    !goalBillingEvents[settings.optimizationGoal].includes(settings.billingEvent)
  ) {
    add(
      'billingEvent',
      `${optimizationGoalLabels[settings.optimizationGoal]} is billed ${goalBillingEvents[settings.optimizationGoal].join(' or ')}, not ${settings.billingEvent}.`,
    );
  }
  if (settings.optimizationGoal && !settings.billingEvent) add('billingEvent', 'Choose a billing event.');

  if (
    settings.optimizationGoal &&
    pixelGoals.includes(settings.optimizationGoal) &&
    settings.promotionType === 'WEBSITE'
  ) {
    if (!settings.pixelId)
      add('pixelId', 'Conversions on a website need a pixel: choose the one on the site.');
    if (!settings.optimizationEvent)
      add('optimizationEvent', 'Choose the conversion event TikTok optimises for.');
  }
  if (settings.promotionType && appPromotionTypes.includes(settings.promotionType) && !settings.appId) {
    add('appId', 'Choose the app this ad group promotes.');
  }
  // tiktok-business-api-sdk AdgroupUpdateBody: the two lists "cannot contain the same IDs".
  const audiences = audienceListsOf(settings);
  const inBoth = audiences.excluded.filter((audienceId) => audiences.included.includes(audienceId)).length;
  if (inBoth > 0) {
    add(
      'excludedAudienceIds',
      inBoth === 1
        ? 'One audience is both included and excluded. Keep it in one list only.'
        : `${inBoth} audiences are both included and excluded. Keep each in one list only.`,
    );
  }
  if (settings.bidType === 'BID_TYPE_CUSTOM' && (settings.bid === null || settings.bid <= 0)) {
    add('bid', 'A cost cap needs a bid: enter the most to pay per result.');
  }

  const start = parseTikTokTime(settings.scheduleStart);
  const end = parseTikTokTime(settings.scheduleEnd);
  if (Number.isNaN(start)) add('scheduleStart', 'This is not a date and time that exists.');
  if (Number.isNaN(end)) add('scheduleEnd', 'This is not a date and time that exists.');
  if (settings.scheduleType === 'SCHEDULE_START_END') {
    if (!settings.scheduleEnd) add('scheduleEnd', 'Choose when the ad group ends.');
    else if (end !== null && end <= (start ?? context.now))
      add('scheduleEnd', 'The end must be after the start.');
  }
  if (!node.tiktokId && start !== null && start < context.now - 12 * millisecondsPerHour) {
    add('scheduleStart', 'TikTok accepts a start at most 12 hours in the past.');
  }

  const campaignBudget = campaign?.settings.budgetOptimization ?? false;
  if (campaignBudget) return;
  if (settings.budgetMode === 'BUDGET_MODE_TOTAL' && settings.scheduleType !== 'SCHEDULE_START_END') {
    add('budgetMode', 'A lifetime budget needs an end date: set the schedule to start and end.');
  }
  const account = campaign ? context.accounts.get(campaign.advertiserId) : undefined;
  checkBudget(
    'adgroup',
    settings.budgetMode,
    settings.budget,
    { start: start ?? context.now, end },
    account,
    context.now,
    add,
  );
  const parentDaily = campaign?.settings.budgetMode === 'BUDGET_MODE_DAY' ? campaign.settings.budget : null;
  if (
    parentDaily !== null &&
    settings.budgetMode === 'BUDGET_MODE_DAY' &&
    settings.budget !== null &&
    settings.budget > parentDaily
  ) {
    add('budget', `The ad group's daily budget can't exceed its campaign's (${parentDaily.toFixed(2)}).`);
  }
}

const adTextMaximum = 100;
const displayNameMaximum = 40;

function checkAd(node: AdNode, tree: DraftTree, add: Add): void {
  const settings = node.settings;
  if (!settings.identity) add('identity', 'Choose the identity the ad is shown under.');
  if (!settings.creative) {
    add(
      'creative',
      settings.format === 'SINGLE_VIDEO'
        ? 'Choose a video from the library.'
        : 'Choose an image from the library.',
    );
  } else if ((settings.format === 'SINGLE_VIDEO') !== (settings.creative.kind === 'video')) {
    add(
      'creative',
      settings.format === 'SINGLE_VIDEO'
        ? 'A video ad needs a video, not an image.'
        : 'An image ad needs an image, not a video.',
    );
  }
  const campaign = tree.campaignOf(node);
  const elsewhere = settings.creative?.advertiserId;
  if (campaign && elsewhere && elsewhere !== campaign.advertiserId) {
    add(
      'creative',
      'This creative is in another ad account’s library. Publishing copies it into this account first, from the file Whathead keeps.',
      'warning',
    );
  }
  const text = settings.adText.trim();
  if (!text) add('adText', 'Write the ad text.');
  else if ([...text].length > adTextMaximum)
    add('adText', `TikTok takes ad text of at most ${adTextMaximum} characters.`);
  if (settings.identity?.type === 'CUSTOMIZED_USER' || !settings.identity) {
    const displayName = settings.displayName.trim();
    if (!displayName) add('displayName', 'Enter the name shown on the ad.');
    else if ([...displayName].length > displayNameMaximum) {
      add('displayName', `TikTok takes display names of at most ${displayNameMaximum} characters.`);
    }
  }
  if (!settings.callToAction) add('callToAction', 'Choose a call to action.');
  const adGroup = tree.parentOf(node);
  const promotion = adGroup?.level === 'adgroup' ? adGroup.settings.promotionType : null;
  const needsPage = promotion === null || promotion === 'WEBSITE';
  const url = settings.landingPageUrl.trim();
  if (!url && needsPage) add('landingPageUrl', 'Enter the landing page URL.');
  else if (url && !isWebAddress(url))
    add('landingPageUrl', 'Enter a full web address starting with https:// or http://.');
}

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** Errors block publishing; warnings are shown and let it go ahead. */
export const blockingIssues = (issues: readonly DraftIssue[]) =>
  issues.filter((issue) => issue.severity === 'error');

/** "Ad group “Spring” · Budget: …" — an issue with the node and field it concerns. */
export function describeIssue(issue: DraftIssue, node: DraftNode | undefined): string {
  const where = node
    ? `${levelWords[node.level].one[0]!.toUpperCase()}${levelWords[node.level].one.slice(1)} “${node.settings.name.trim() || 'Untitled'}”`
    : 'Draft';
  const field = issue.field && node ? ` · ${fieldLabel(node.level, issue.field)}` : '';
  return `${where}${field}: ${issue.message}`;
}
