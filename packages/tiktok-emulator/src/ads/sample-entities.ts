import { createHash } from 'node:crypto';
import type { EmulatorRuntime } from '../runtime.js';
import { scenarioAdvertisers } from '../scenarios/scenario-schema.js';
import { formatDateTime, millisecondsPerDay, millisecondsPerHour } from '../state/clock.js';
import type { AdRecord, AdgroupRecord, AdvertiserRecord, CampaignRecord } from '../state/records.js';
import { recordStatus } from '../state/store.js';
import { fromNowScheduleMilliseconds } from './entity-rules.js';
import { seedGeneratedEntities } from './generated-entities.js';

/** Sample objects start this long before the scenario loads, so reports have history. */
const historyDays = 60;

/**
 * Creates what a scenario asks for with `sample_campaigns`: per campaign two ad groups of two
 * video ads, plus one image and one ready video in the account's library; then the account's
 * `generated_entities`, if any. Ids come from the seeded generator, so a seed always yields the
 * same sample objects.
 */
export function seedSampleEntities(runtime: EmulatorRuntime): void {
  const created =
    Math.floor(runtime.clock.now() / millisecondsPerHour) * millisecondsPerHour -
    historyDays * millisecondsPerDay;
  for (const definition of scenarioAdvertisers(runtime.scenario)) {
    const advertiser = runtime.store.advertisers.get(definition.advertiser_id);
    const generated = definition.generated_entities;
    if (!advertiser || (definition.sample_campaigns === 0 && !generated)) continue;
    const media = seedLibrary(runtime, advertiser, created);
    for (let index = 0; index < definition.sample_campaigns; index += 1) {
      seedCampaign(runtime, advertiser, index, created, media);
    }
    if (generated)
      seedGeneratedEntities(
        runtime,
        advertiser,
        generated,
        { from: created, to: runtime.clock.now() },
        media,
      );
  }
}

function seedLibrary(runtime: EmulatorRuntime, advertiser: AdvertiserRecord, at: number) {
  const time = formatDateTime(at);
  const bytes = Buffer.from(`sample media for ${advertiser.advertiserId}`);
  const signature = createHash('md5').update(bytes).digest('hex');
  const imageId = runtime.ids.imageId(at);
  runtime.store.images.set(imageId, {
    advertiserId: advertiser.advertiserId,
    image_id: imageId,
    material_id: runtime.ids.materialId(),
    width: 1080,
    height: 1920,
    format: 'png',
    image_url: `/media/${encodeURIComponent(imageId)}`,
    signature,
    size: bytes.length,
    file_name: 'sample-cover.png',
    is_carousel_usable: true,
    displayable: true,
    create_time: time,
    modify_time: time,
  });
  const videoId = runtime.ids.videoId();
  runtime.store.videos.set(videoId, {
    advertiserId: advertiser.advertiserId,
    readyAt: at,
    video_id: videoId,
    material_id: runtime.ids.materialId(),
    file_name: 'sample-video.mp4',
    format: 'mp4',
    width: 1080,
    height: 1920,
    duration: 15,
    bit_rate: 2_000_000,
    size: 3_750_000,
    signature,
    create_time: time,
    modify_time: time,
  });
  return { imageId, videoId };
}

function seedCampaign(
  runtime: EmulatorRuntime,
  advertiser: AdvertiserRecord,
  index: number,
  at: number,
  media: { imageId: string; videoId: string },
): void {
  const time = formatDateTime(at);
  const rate = runtime.settings.currencyRates[advertiser.currency] ?? 1;
  const campaign: CampaignRecord = {
    advertiser_id: advertiser.advertiserId,
    campaign_id: runtime.ids.entityId(),
    campaign_name: `${advertiser.name} – Sample campaign ${index + 1}`,
    objective_type: 'TRAFFIC',
    campaign_type: 'REGULAR_CAMPAIGN',
    budget_mode: 'BUDGET_MODE_DAY',
    budget: 200 * rate,
    budget_optimize_on: false,
    operation_status: 'ENABLE',
    special_industries: [],
    is_new_structure: true,
    is_smart_performance_campaign: false,
    is_search_campaign: false,
    po_number: null,
    create_time: time,
    modify_time: time,
  };
  runtime.store.campaigns.set(campaign.campaign_id, campaign);
  recordStatus(runtime.store, campaign.campaign_id, at, 'ENABLE');
  for (let groupIndex = 0; groupIndex < 2; groupIndex += 1) {
    const adgroup: AdgroupRecord = {
      advertiser_id: advertiser.advertiserId,
      campaign_id: campaign.campaign_id,
      campaign_name: campaign.campaign_name,
      adgroup_id: runtime.ids.entityId(),
      adgroup_name: `Sample ad group ${index + 1}.${groupIndex + 1}`,
      operation_status: 'ENABLE',
      placement_type: 'PLACEMENT_TYPE_AUTOMATIC',
      placements: null,
      promotion_type: 'WEBSITE',
      location_ids: ['6252001'],
      zipcode_ids: [],
      age_groups: null,
      gender: 'GENDER_UNLIMITED',
      languages: [],
      operating_systems: [],
      budget_mode: 'BUDGET_MODE_DAY',
      budget: 80 * rate,
      schedule_type: 'SCHEDULE_FROM_NOW',
      schedule_start_time: time,
      schedule_end_time: formatDateTime(at + fromNowScheduleMilliseconds),
      dayparting: null,
      optimization_goal: 'CLICK',
      billing_event: 'CPC',
      bid_type: 'BID_TYPE_NO_BID',
      bid_price: 0,
      conversion_bid_price: 0,
      pacing: 'PACING_MODE_SMOOTH',
      pixel_id: null,
      optimization_event: null,
      audience_ids: [],
      excluded_audience_ids: [],
      bid_display_mode: 'CPMV',
      create_time: time,
      modify_time: time,
    };
    runtime.store.adgroups.set(adgroup.adgroup_id, adgroup);
    recordStatus(runtime.store, adgroup.adgroup_id, at, 'ENABLE');
    for (let adIndex = 0; adIndex < 2; adIndex += 1) {
      const ad: AdRecord = {
        advertiser_id: advertiser.advertiserId,
        campaign_id: campaign.campaign_id,
        campaign_name: campaign.campaign_name,
        adgroup_id: adgroup.adgroup_id,
        adgroup_name: adgroup.adgroup_name,
        ad_id: runtime.ids.entityId(),
        ad_name: `Sample ad ${index + 1}.${groupIndex + 1}.${adIndex + 1}`,
        ad_format: 'SINGLE_VIDEO',
        ad_text: `${advertiser.name}: see what is new`,
        video_id: media.videoId,
        image_ids: [media.imageId],
        call_to_action: 'LEARN_MORE',
        call_to_action_id: null,
        landing_page_url: 'https://example.com/',
        display_name: advertiser.name.slice(0, 40),
        identity_type: 'CUSTOMIZED_USER',
        identity_id: advertiser.advertiserId,
        avatar_icon_web_uri: null,
        operation_status: 'ENABLE',
        is_aco: false,
        creative_authorized: false,
        deeplink_type: 'NORMAL',
        fallback_type: 'UNSET',
        create_time: time,
        modify_time: time,
      };
      runtime.store.ads.set(ad.ad_id, ad);
      recordStatus(runtime.store, ad.ad_id, at, 'ENABLE');
    }
  }
}
