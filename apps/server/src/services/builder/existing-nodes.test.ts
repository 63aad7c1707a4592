import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  existingNodesResponseSchema,
  planPublish,
  validateDraft,
  type AdGroupNode,
  type AdNode,
  type CampaignNode,
  type DraftNode,
} from '@whathead/contracts';
import { existingNodes, type LibraryMedia, type MirroredObject } from './existing-nodes.js';

const account = '7200000000000000011';
const videoId = 'v10033g50000cu7s2rvog65n4j7ui4lg';
const coverId = 'ad-site-i18n-sg/202611255d0d4f3ab1b3c3e49b0c6b7d';

/** TikTok's objects as /campaign/get/, /adgroup/get/ and /ad/get/ return them (the emulator's sample). */
const campaignRaw = {
  advertiser_id: account,
  campaign_id: '1800000000000000001',
  campaign_name: 'Northwind US – Sample campaign 1',
  objective_type: 'TRAFFIC',
  campaign_type: 'REGULAR_CAMPAIGN',
  budget_mode: 'BUDGET_MODE_DAY',
  budget: 200,
  budget_optimize_on: false,
  operation_status: 'ENABLE',
  create_time: '2026-09-26 12:00:00',
};
const adGroupRaw = {
  advertiser_id: account,
  campaign_id: '1800000000000000001',
  adgroup_id: '1800000000000000002',
  adgroup_name: 'Sample ad group 1.1',
  operation_status: 'ENABLE',
  placement_type: 'PLACEMENT_TYPE_AUTOMATIC',
  placements: null,
  promotion_type: 'WEBSITE',
  location_ids: ['6252001'],
  age_groups: null,
  gender: 'GENDER_UNLIMITED',
  languages: [],
  budget_mode: 'BUDGET_MODE_DAY',
  budget: 80,
  schedule_type: 'SCHEDULE_FROM_NOW',
  schedule_start_time: '2026-09-26 12:00:00',
  schedule_end_time: '2036-09-26 12:00:00',
  dayparting: null,
  optimization_goal: 'CLICK',
  billing_event: 'CPC',
  bid_type: 'BID_TYPE_NO_BID',
  bid_price: 0,
  conversion_bid_price: 0,
  pixel_id: null,
  optimization_event: null,
};
const adRaw = {
  advertiser_id: account,
  campaign_id: '1800000000000000001',
  adgroup_id: '1800000000000000002',
  ad_id: '1800000000000000003',
  ad_name: 'Sample ad 1.1.1',
  ad_format: 'SINGLE_VIDEO',
  ad_text: 'Northwind US: see what is new',
  video_id: videoId,
  image_ids: [coverId],
  call_to_action: 'LEARN_MORE',
  landing_page_url: 'https://example.com/',
  display_name: 'Northwind US',
  identity_type: 'CUSTOMIZED_USER',
  identity_id: account,
  operation_status: 'ENABLE',
};

const mirrored = (
  overrides: { campaign?: object; adGroup?: object; ads?: object[] } = {},
): MirroredObject[] => [
  // Children first, as a careless caller might pass them: the mapping orders them itself.
  ...(overrides.ads ?? [{}]).map((ad, index) => ({
    level: 'ad' as const,
    entityId: `180000000000000010${index}`,
    campaignId: '1800000000000000001',
    adGroupId: '1800000000000000002',
    raw: { ...adRaw, ad_id: `180000000000000010${index}`, ...ad },
  })),
  {
    level: 'adgroup',
    entityId: '1800000000000000002',
    campaignId: '1800000000000000001',
    adGroupId: '1800000000000000002',
    raw: { ...adGroupRaw, ...overrides.adGroup },
  },
  {
    level: 'campaign',
    entityId: '1800000000000000001',
    campaignId: '1800000000000000001',
    adGroupId: null,
    raw: { ...campaignRaw, ...overrides.campaign },
  },
];

const video: LibraryMedia = {
  kind: 'video',
  mediaId: videoId,
  fileName: 'spring.mp4',
  width: 1080,
  height: 1920,
  sha256: 'a'.repeat(64),
};

let counter = 0;
const load = (
  objects: MirroredObject[],
  media: LibraryMedia[] = [video],
  regions = new Map<string, string>(),
) => {
  const nodes = existingNodes({
    advertiserId: account,
    objects,
    media: new Map(media.map((item) => [item.mediaId, item])),
    regionNames: regions,
    newKey: () => `key-${(counter += 1)}`,
  });
  // Whatever TikTok sent, the answer is valid under the contract.
  existingNodesResponseSchema.parse({ nodes });
  return nodes;
};

describe('existing nodes from the campaign mirror', () => {
  it('maps a mirrored tree to nodes with their TikTok ids, parents first and linked', () => {
    const nodes = load(mirrored(), [video], new Map([['6252001', 'United States']]));
    assert.deepEqual(
      nodes.map((node) => [node.level, node.tiktokId]),
      [
        ['campaign', '1800000000000000001'],
        ['adgroup', '1800000000000000002'],
        ['ad', '1800000000000000100'],
      ],
    );
    const [campaign, adGroup, ad] = nodes as [CampaignNode, AdGroupNode, AdNode];
    assert.equal(adGroup.parentKey, campaign.key);
    assert.equal(ad.parentKey, adGroup.key);
    assert.equal(campaign.advertiserId, account);
    assert.deepEqual(campaign.settings, {
      name: 'Northwind US – Sample campaign 1',
      objective: 'TRAFFIC',
      budgetMode: 'BUDGET_MODE_DAY',
      budget: 200,
      budgetOptimization: false,
      status: 'ENABLE',
    });
    assert.deepEqual(adGroup.settings, {
      name: 'Sample ad group 1.1',
      placementType: 'PLACEMENT_TYPE_AUTOMATIC',
      placements: [],
      locations: [{ id: '6252001', name: 'United States' }],
      ageGroups: [],
      gender: 'GENDER_UNLIMITED',
      languages: [],
      budgetMode: 'BUDGET_MODE_DAY',
      budget: 80,
      scheduleType: 'SCHEDULE_FROM_NOW',
      scheduleStart: '2026-09-26 12:00:00',
      scheduleEnd: null,
      dayparting: null,
      promotionType: 'WEBSITE',
      optimizationGoal: 'CLICK',
      billingEvent: 'CPC',
      bidType: 'BID_TYPE_NO_BID',
      bid: null,
      pixelId: null,
      optimizationEvent: null,
      appId: null,
      audienceIds: [],
      excludedAudienceIds: [],
      status: 'ENABLE',
    });
    assert.deepEqual(ad.settings, {
      name: 'Sample ad 1.1.1',
      format: 'SINGLE_VIDEO',
      identity: { type: 'CUSTOMIZED_USER', id: account, displayName: 'Northwind US' },
      creative: {
        kind: 'video',
        materialId: videoId,
        fileName: 'spring.mp4',
        sha256: 'a'.repeat(64),
        width: 1080,
        height: 1920,
        coverImageId: coverId,
      },
      adText: 'Northwind US: see what is new',
      callToAction: 'LEARN_MORE',
      landingPageUrl: 'https://example.com/',
      displayName: 'Northwind US',
      status: 'ENABLE',
    });
    for (const node of nodes) {
      assert.deepEqual(node.published, node.settings, `${node.level}: published is what it starts with`);
      assert.notEqual(node.published, node.settings, 'a copy, so an edit of one leaves the other');
    }
    assert.equal(new Set(nodes.map((node) => node.key)).size, 3, 'a fresh key each');
  });

  it('plans a loaded tree as nothing to do, and one budget change as one update of the budget', () => {
    const nodes = load(mirrored({ ads: [{}, { ad_name: 'Sample ad 1.1.2' }] }));
    const untouched = planPublish({ nodes });
    assert.deepEqual(untouched.counts, { create: 0, update: 0, skip: 4 });

    const [campaign, ...rest] = nodes as [CampaignNode, ...DraftNode[]];
    const changed = { ...campaign, settings: { ...campaign.settings, budget: 350 } };
    const plan = planPublish({ nodes: [changed, ...rest] });
    assert.deepEqual(plan.counts, { create: 0, update: 1, skip: 3 });
    const update = plan.items.find((item) => item.action === 'update')!;
    assert.equal(update.key, campaign.key);
    assert.deepEqual(update.changes, [{ field: 'budget', label: 'Budget', before: 200, after: 350 }]);
  });

  it('loads the audiences TikTok has, or none when the mirror holds none, and either plans as nothing to do', () => {
    const withAudiences = load(
      mirrored({
        adGroup: {
          audience_ids: [7400000000000001, '7400000000000000002', '7400000000000000002', 'lookalike'],
          excluded_audience_ids: ['7400000000000000003'],
        },
      }),
    );
    const adGroup = withAudiences.find((node): node is AdGroupNode => node.level === 'adgroup')!;
    assert.deepEqual(
      [adGroup.settings.audienceIds, adGroup.settings.excludedAudienceIds],
      [['7400000000000001', '7400000000000000002'], ['7400000000000000003']],
    );
    assert.deepEqual(planPublish({ nodes: withAudiences }).counts, { create: 0, update: 0, skip: 3 });

    // Stored before TikTok's ad groups carried audiences in the mirror (adGroupRaw has neither field).
    const without = load(mirrored());
    const bare = without.find((node): node is AdGroupNode => node.level === 'adgroup')!;
    assert.deepEqual([bare.settings.audienceIds, bare.settings.excludedAudienceIds], [[], []]);
    assert.deepEqual(planPublish({ nodes: without }).counts, { create: 0, update: 0, skip: 3 });
  });

  it('loads a tree TikTok and the builder agree on without a single issue', () => {
    const nodes = load(mirrored(), [video], new Map([['6252001', 'United States']]));
    const issues = validateDraft(
      { nodes },
      {
        now: Date.parse('2026-11-25T12:00:00Z'),
        accounts: new Map([[account, { name: 'Northwind US', currency: 'USD' }]]),
      },
    );
    assert.deepEqual(issues, []);
  });

  it('maps TikTok’s renamed objectives and dynamic daily budgets, and claims no objective it cannot name', () => {
    const [renamed] = load(mirrored({ campaign: { objective_type: 'CONVERSIONS' } })) as [CampaignNode];
    assert.equal(renamed.settings.objective, 'WEB_CONVERSIONS');
    const [dynamic] = load(
      mirrored({ campaign: { budget_mode: 'BUDGET_MODE_DYNAMIC_DAILY_BUDGET', budget: 300 } }),
    ) as [CampaignNode];
    assert.deepEqual([dynamic.settings.budgetMode, dynamic.settings.budget], ['BUDGET_MODE_DAY', 300]);

    const nodes = load(mirrored({ campaign: { objective_type: 'RF_REACH' } }));
    const [frequency] = nodes as [CampaignNode];
    assert.equal(frequency.settings.objective, null);
    // What the marketer then sees: a warning that the builder can't name the objective (TikTok
    // keeps it; name, budget and status can still change), and nothing else is guessed.
    const issues = validateDraft(
      { nodes },
      {
        now: Date.parse('2026-11-25T12:00:00Z'),
        accounts: new Map([[account, { name: 'Northwind US', currency: 'USD' }]]),
      },
    );
    assert.deepEqual(
      issues.filter((issue) => issue.key === frequency.key).map((issue) => [issue.field, issue.message]),
      [
        [
          'objective',
          'TikTok runs this campaign under an objective the builder does not handle. Its name, budget and status can change here; to change more, duplicate it.',
        ],
      ],
    );
    // Still nothing to send: TikTok's objective is not overwritten by loading it.
    assert.equal(planPublish({ nodes }).counts.update, 0);
  });

  it('keeps the response valid whatever odd values TikTok sends', () => {
    const nodes = load(
      mirrored({
        campaign: {
          campaign_name: 'x'.repeat(2000),
          objective_type: 'SOMETHING_NEW',
          budget_mode: 'BUDGET_MODE_WEEKLY',
          budget: 'lots',
          budget_optimize_on: 'yes',
          operation_status: 'FROZEN',
        },
        adGroup: {
          placement_type: 'PLACEMENT_TYPE_NORMAL',
          placements: ['PLACEMENT_TIKTOK', 'PLACEMENT_TOPBUZZ', 7],
          location_ids: [6252001, '6252001', 'not-a-place', null],
          age_groups: ['AGE_18_24', 'AGE_OTHER', 'AGE_18_24'],
          gender: 'GENDER_OTHER',
          languages: ['en', 'a-language-code-far-too-long', 3],
          budget_mode: 'BUDGET_MODE_DYNAMIC_DAILY_BUDGET',
          schedule_type: 'SCHEDULE_START_END',
          schedule_start_time: '2026-12-01T00:00:00Z',
          schedule_end_time: '2026-12-31 00:00:00',
          dayparting: '1'.repeat(12),
          promotion_type: 'WEBSITE_OR_DISPLAY',
          optimization_goal: 'VALUE',
          billing_event: 'OCPC',
          bid_type: 'BID_TYPE_CUSTOM',
          bid_price: 0,
          conversion_bid_price: '1.5',
          pixel_id: 7100000000000123,
          optimization_event: 'SHOPPING',
          app_id: 'com.example.app',
        },
        ads: [
          {
            call_to_action: 'WHATSAPP_NOW',
            identity_type: 'UNKNOWN',
            video_id: 'v-unknown',
            image_ids: null,
          },
          { ad_format: 'CAROUSEL_ADS' },
          { ad_format: 'SINGLE_IMAGE', image_ids: ['img-1'], video_id: null, identity_id: 12345 },
        ],
      }),
    );
    const [campaign, adGroup, ...ads] = nodes as [CampaignNode, AdGroupNode, ...AdNode[]];
    assert.equal(campaign.settings.name.length, 1024);
    assert.deepEqual(
      [campaign.settings.objective, campaign.settings.budgetMode, campaign.settings.budget],
      [null, 'BUDGET_MODE_INFINITE', null],
    );
    assert.deepEqual([campaign.settings.budgetOptimization, campaign.settings.status], [false, 'DISABLE']);
    assert.deepEqual(adGroup.settings.placements, ['PLACEMENT_TIKTOK']);
    assert.deepEqual(adGroup.settings.locations, [{ id: '6252001', name: '6252001' }]);
    assert.deepEqual(adGroup.settings.ageGroups, ['AGE_18_24']);
    assert.equal(adGroup.settings.gender, 'GENDER_UNLIMITED');
    assert.deepEqual(adGroup.settings.languages, ['en']);
    assert.equal(adGroup.settings.budgetMode, 'BUDGET_MODE_DAY');
    assert.deepEqual(
      [adGroup.settings.scheduleStart, adGroup.settings.scheduleEnd],
      [null, '2026-12-31 00:00:00'],
    );
    assert.equal(adGroup.settings.dayparting, null);
    assert.deepEqual(
      [adGroup.settings.promotionType, adGroup.settings.optimizationGoal, adGroup.settings.billingEvent],
      [null, null, null],
    );
    assert.deepEqual([adGroup.settings.bidType, adGroup.settings.bid], ['BID_TYPE_CUSTOM', 1.5]);
    assert.deepEqual(
      [adGroup.settings.pixelId, adGroup.settings.optimizationEvent, adGroup.settings.appId],
      ['7100000000000123', 'SHOPPING', null],
    );

    assert.equal(ads.length, 2, 'the carousel ad is left out: the builder cannot show it');
    const [unknownVideo, image] = ads as [AdNode, AdNode];
    assert.deepEqual([unknownVideo.settings.callToAction, unknownVideo.settings.identity], [null, null]);
    assert.deepEqual(unknownVideo.settings.creative, {
      kind: 'video',
      materialId: 'v-unknown',
      fileName: 'v-unknown',
      sha256: null,
      width: null,
      height: null,
      coverImageId: null,
    });
    assert.equal(image.settings.creative?.kind, 'image');
    assert.equal(image.settings.identity?.id, '12345');
  });

  it('reads a missing or broken object as blanks, never as a failure', () => {
    const nodes = load([
      { level: 'campaign', entityId: '1', campaignId: '1', adGroupId: null, raw: null },
      { level: 'adgroup', entityId: '2', campaignId: '1', adGroupId: '2', raw: ['not', 'an', 'object'] },
      { level: 'ad', entityId: '3', campaignId: '1', adGroupId: '2', raw: { ad_format: 'SINGLE_IMAGE' } },
    ]);
    assert.deepEqual(
      nodes.map((node) => [node.level, node.settings.name]),
      [
        ['campaign', ''],
        ['adgroup', ''],
        ['ad', ''],
      ],
    );
  });

  it('leaves a node whose parent was not loaded without one, for the browser to attach by TikTok id', () => {
    const nodes = load(mirrored().filter((object) => object.level !== 'campaign'));
    assert.deepEqual(
      nodes.map((node) => [node.level, node.parentKey === null]),
      [
        ['adgroup', true],
        ['ad', false],
      ],
    );
  });
});
