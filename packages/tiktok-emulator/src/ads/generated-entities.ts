import type { EmulatorRuntime } from '../runtime.js';
import type { ScenarioAdvertiser } from '../scenarios/scenario-schema.js';
import { formatDateTime, millisecondsPerDay } from '../state/clock.js';
import { createRandom, hashToSeed, type Random } from '../state/random.js';
import type { AdRecord, AdgroupRecord, AdvertiserRecord, CampaignRecord } from '../state/records.js';
import { recordStatus } from '../state/store.js';
import { fromNowScheduleMilliseconds } from './entity-rules.js';

export type GeneratedEntityCounts = NonNullable<ScenarioAdvertiser['generated_entities']>;

/** Each objective with an ad group set-up /adgroup/create/ accepts (promotion, goal, billing event). */
const objectives = [
  { objective: 'TRAFFIC', promotion: 'WEBSITE', goal: 'CLICK', billing: 'CPC', action: 'LEARN_MORE' },
  { objective: 'TRAFFIC', promotion: 'WEBSITE', goal: 'CLICK', billing: 'CPC', action: 'SHOP_NOW' },
  {
    objective: 'WEB_CONVERSIONS',
    promotion: 'WEBSITE',
    goal: 'CONVERT',
    billing: 'OCPM',
    action: 'SHOP_NOW',
  },
  {
    objective: 'WEB_CONVERSIONS',
    promotion: 'WEBSITE',
    goal: 'CONVERT',
    billing: 'OCPM',
    action: 'ORDER_NOW',
  },
  { objective: 'REACH', promotion: null, goal: 'REACH', billing: 'CPM', action: 'LEARN_MORE' },
  { objective: 'VIDEO_VIEWS', promotion: null, goal: 'ENGAGED_VIEW', billing: 'CPV', action: 'WATCH_NOW' },
  {
    objective: 'LEAD_GENERATION',
    promotion: 'LEAD_GENERATION',
    goal: 'LEAD_GENERATION',
    billing: 'OCPM',
    action: 'SIGN_UP',
  },
  {
    objective: 'APP_PROMOTION',
    promotion: 'APP_ANDROID',
    goal: 'INSTALL',
    billing: 'OCPM',
    action: 'DOWNLOAD_NOW',
  },
] as const;
type Objective = (typeof objectives)[number];

const themes = ['Spring Sale', 'Summer Drop', 'Back to School', 'Black Friday', 'Holiday Gifting'];
const moreThemes = ['New Arrivals', 'Brand Awareness', 'Evergreen', 'Clearance', 'Loyalty Week'];
const markets = [
  { code: 'US', locationId: '6252001' },
  { code: 'CA', locationId: '6251999' },
  { code: 'UK', locationId: '2635167' },
  { code: 'DE', locationId: '2921044' },
  { code: 'FR', locationId: '3017382' },
  { code: 'AU', locationId: '2077456' },
];
const funnels = ['Prospecting', 'Retargeting', 'Lookalike', 'Broad', 'Interest stack'];
const audiences = ['Women 18–24', 'Women 25–34', 'Men 25–34', 'Adults 35–54', 'Parents', 'Gamers'];
const moreAudiences = ['Fitness fans', 'Beauty lovers', 'Foodies', 'Travellers', 'Tech early adopters'];
const concepts = [
  'UGC testimonial',
  'Product demo',
  'Unboxing',
  'Founder story',
  'How-to',
  'Before and after',
];
const moreConcepts = ['Limited offer', 'Behind the scenes', 'Creator collab', 'Customer review'];
const adTexts = [
  'Shop the new collection today',
  'Free shipping on every order',
  'See why 10,000 customers switched',
  'Your new favourite is here',
  'Limited stock: get yours now',
];
const ageBands = [null, ['AGE_18_24', 'AGE_25_34'], ['AGE_25_34', 'AGE_35_44'], ['AGE_35_44', 'AGE_45_54']];
const genders = ['GENDER_UNLIMITED', 'GENDER_UNLIMITED', 'GENDER_FEMALE', 'GENDER_MALE'];

const pick = <Item>(random: Random, items: readonly Item[]): Item =>
  items[Math.floor(random.next() * items.length)]!;
const chance = (random: Random, probability: number) => random.next() < probability;
/** Whole units of money in the account's currency (TikTok answers budgets as numbers). */
const money = (random: Random, low: number, high: number) => Math.round(low + random.next() * (high - low));

interface Timeline {
  /** The creation time of the n-th object made for the account, in creation order. */
  createdAt(sequence: number): number;
  /** A modify time: most objects were never touched again, others some time before `now`. */
  modifiedAt(created: number): number;
}

/**
 * Makes what `counts` asks for in one account, straight into the store, as if created through the
 * API between `range.from` and `range.to` (load): each campaign with its ad groups and their ads, in
 * creation order (the order /…/get/ lists in reverse), children spread evenly over parents. Ids
 * come from the seeded id generator; everything else from a stream of this seed and account, so
 * the same seed always yields the same objects.
 */
export function seedGeneratedEntities(
  runtime: EmulatorRuntime,
  advertiser: AdvertiserRecord,
  counts: GeneratedEntityCounts,
  range: { from: number; to: number },
  media: { imageId: string; videoId: string },
): void {
  const random = createRandom(hashToSeed(runtime.seed, 'generated-entities', advertiser.advertiserId));
  const total = counts.campaigns + counts.ad_groups + counts.ads;
  const second = 1_000;
  const timeline: Timeline = {
    createdAt: (sequence) =>
      Math.floor((range.from + ((range.to - range.from) * sequence) / Math.max(1, total)) / second) * second,
    modifiedAt: (created) =>
      chance(random, 0.6)
        ? created
        : Math.floor((created + random.next() * (range.to - created)) / second) * second,
  };
  const rate = runtime.settings.currencyRates[advertiser.currency] ?? 1;
  let sequence = 0;
  let adGroupIndex = 0;
  let adIndex = 0;
  for (let campaignIndex = 0; campaignIndex < counts.campaigns; campaignIndex += 1) {
    const profile = pick(random, objectives);
    const campaign = makeCampaign(runtime, random, advertiser, campaignIndex, profile, rate);
    add(runtime, campaign.campaign_id, campaign, timeline, timeline.createdAt(sequence++));
    runtime.store.campaigns.set(campaign.campaign_id, campaign);
    const adGroupsEnd = Math.round(((campaignIndex + 1) * counts.ad_groups) / counts.campaigns);
    for (; adGroupIndex < adGroupsEnd; adGroupIndex += 1) {
      const created = timeline.createdAt(sequence++);
      const adgroup = makeAdgroup(runtime, random, campaign, profile, adGroupIndex, rate, created);
      add(runtime, adgroup.adgroup_id, adgroup, timeline, created);
      runtime.store.adgroups.set(adgroup.adgroup_id, adgroup);
      const adsEnd = Math.round(((adGroupIndex + 1) * counts.ads) / counts.ad_groups);
      for (; adIndex < adsEnd; adIndex += 1) {
        const ad = makeAd(runtime, random, advertiser, adgroup, profile, adIndex, media);
        add(runtime, ad.ad_id, ad, timeline, timeline.createdAt(sequence++));
        runtime.store.ads.set(ad.ad_id, ad);
      }
    }
  }
}

/** Sets an object's times and its status history (a paused one was paused at its last change). */
function add(
  runtime: EmulatorRuntime,
  id: string,
  record: { operation_status: string; create_time: string; modify_time: string },
  timeline: Timeline,
  created: number,
): void {
  const modified = timeline.modifiedAt(created);
  const paused = record.operation_status === 'DISABLE';
  record.create_time = formatDateTime(created);
  record.modify_time = formatDateTime(modified);
  // Reports read the history: a paused object delivered until its last change paused it.
  recordStatus(runtime.store, id, created, paused && modified === created ? 'DISABLE' : 'ENABLE');
  if (paused && modified > created) recordStatus(runtime.store, id, modified, 'DISABLE');
}

function makeCampaign(
  runtime: EmulatorRuntime,
  random: Random,
  advertiser: AdvertiserRecord,
  index: number,
  profile: Objective,
  rate: number,
): CampaignRecord {
  const theme = pick(random, chance(random, 0.5) ? themes : moreThemes);
  const name = `${theme} ${2025 + (index % 2)} – ${pick(random, markets).code} – ${pick(random, funnels)} #${index + 1}`;
  const mode = random.next();
  // Most campaigns have a daily budget; some optimise it across ad groups (CBO), some have none.
  const budgetOptimized = mode >= 0.7 && mode < 0.85;
  const unlimited = mode >= 0.85;
  return {
    advertiser_id: advertiser.advertiserId,
    campaign_id: runtime.ids.entityId(),
    campaign_name: name,
    objective_type: profile.objective,
    campaign_type: 'REGULAR_CAMPAIGN',
    budget_mode: unlimited ? 'BUDGET_MODE_INFINITE' : 'BUDGET_MODE_DAY',
    budget: unlimited ? 0 : money(random, 50, 2_000) * rate,
    budget_optimize_on: budgetOptimized,
    operation_status: chance(random, 0.15) ? 'DISABLE' : 'ENABLE',
    special_industries: [],
    is_new_structure: true,
    is_smart_performance_campaign: false,
    is_search_campaign: false,
    po_number: null,
    create_time: '',
    modify_time: '',
  };
}

function makeAdgroup(
  runtime: EmulatorRuntime,
  random: Random,
  campaign: CampaignRecord,
  profile: Objective,
  index: number,
  rate: number,
  created: number,
): AdgroupRecord {
  const market = pick(random, markets);
  const automatic = chance(random, 0.7);
  const kind = random.next();
  // Most run from their creation for TikTok's 10 years; some had a set flight (TOTAL budget,
  // often over by now); a few start later.
  const flight = kind >= 0.85 && kind < 0.97;
  const later = kind >= 0.97;
  const start = later ? created + (1 + random.next() * 30) * millisecondsPerDay : created;
  const flightDays = 7 + Math.floor(random.next() * 39);
  const end = flight ? start + flightDays * millisecondsPerDay : start + fromNowScheduleMilliseconds;
  const daily = money(random, 20, campaign.budget_mode === 'BUDGET_MODE_DAY' ? campaign.budget / rate : 500);
  const budgetMode = campaign.budget_optimize_on
    ? 'BUDGET_MODE_INFINITE'
    : flight
      ? 'BUDGET_MODE_TOTAL'
      : 'BUDGET_MODE_DAY';
  const custom = chance(random, 0.2);
  return {
    advertiser_id: campaign.advertiser_id,
    campaign_id: campaign.campaign_id,
    campaign_name: campaign.campaign_name,
    adgroup_id: runtime.ids.entityId(),
    adgroup_name: `${pick(random, chance(random, 0.5) ? audiences : moreAudiences)} · ${market.code} · ${automatic ? 'Auto placement' : 'TikTok only'} #${index + 1}`,
    operation_status: chance(random, 0.2) ? 'DISABLE' : 'ENABLE',
    placement_type: automatic ? 'PLACEMENT_TYPE_AUTOMATIC' : 'PLACEMENT_TYPE_NORMAL',
    placements: automatic ? null : ['PLACEMENT_TIKTOK'],
    promotion_type: profile.promotion,
    location_ids: [market.locationId],
    zipcode_ids: [],
    age_groups: pick(random, ageBands),
    gender: pick(random, genders),
    languages: [],
    operating_systems: profile.promotion === 'APP_ANDROID' ? ['ANDROID'] : [],
    budget_mode: budgetMode,
    budget:
      budgetMode === 'BUDGET_MODE_INFINITE'
        ? 0
        : (budgetMode === 'BUDGET_MODE_TOTAL' ? flightDays : 1) * daily * rate,
    schedule_type: flight ? 'SCHEDULE_START_END' : 'SCHEDULE_FROM_NOW',
    schedule_start_time: formatDateTime(start),
    schedule_end_time: formatDateTime(end),
    dayparting: null,
    optimization_goal: profile.goal,
    billing_event: profile.billing,
    bid_type: custom ? 'BID_TYPE_CUSTOM' : 'BID_TYPE_NO_BID',
    bid_price: custom && profile.billing !== 'OCPM' ? money(random, 1, 4) * rate : 0,
    conversion_bid_price: custom && profile.billing === 'OCPM' ? money(random, 5, 40) * rate : 0,
    pacing: 'PACING_MODE_SMOOTH',
    pixel_id: profile.goal === 'CONVERT' ? `7${campaign.advertiser_id.slice(-15)}` : null,
    optimization_event: profile.goal === 'CONVERT' ? 'COMPLETE_PAYMENT' : null,
    audience_ids: [],
    excluded_audience_ids: [],
    bid_display_mode: 'CPMV',
    create_time: '',
    modify_time: '',
  };
}

function makeAd(
  runtime: EmulatorRuntime,
  random: Random,
  advertiser: AdvertiserRecord,
  adgroup: AdgroupRecord,
  profile: Objective,
  index: number,
  media: { imageId: string; videoId: string },
): AdRecord {
  const video = chance(random, 0.85);
  const concept = pick(random, chance(random, 0.6) ? concepts : moreConcepts);
  return {
    advertiser_id: advertiser.advertiserId,
    campaign_id: adgroup.campaign_id,
    campaign_name: adgroup.campaign_name,
    adgroup_id: adgroup.adgroup_id,
    adgroup_name: adgroup.adgroup_name,
    ad_id: runtime.ids.entityId(),
    ad_name: `${concept} – ${video ? `${pick(random, [9, 15, 30])}s video` : 'static'} v${1 + (index % 4)} #${index + 1}`,
    ad_format: video ? 'SINGLE_VIDEO' : 'SINGLE_IMAGE',
    ad_text: pick(random, adTexts),
    video_id: video ? media.videoId : null,
    image_ids: [media.imageId],
    call_to_action: profile.action,
    call_to_action_id: null,
    landing_page_url:
      profile.promotion === 'APP_ANDROID' ? null : `https://example.com/${profile.objective.toLowerCase()}`,
    display_name: advertiser.name.slice(0, 40),
    identity_type: 'CUSTOMIZED_USER',
    identity_id: advertiser.advertiserId,
    avatar_icon_web_uri: null,
    operation_status: chance(random, 0.15) ? 'DISABLE' : 'ENABLE',
    is_aco: false,
    creative_authorized: false,
    deeplink_type: 'NORMAL',
    fallback_type: 'UNSET',
    create_time: '',
    modify_time: '',
  };
}
