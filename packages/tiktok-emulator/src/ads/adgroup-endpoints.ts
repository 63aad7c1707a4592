import { z } from 'zod';
import { checkAudiences } from '../audiences/audience-targeting.js';
import { ApiError, fieldError } from '../http/api-error.js';
import { defineEndpoint } from '../http/define-endpoint.js';
import { paginate } from '../http/envelope.js';
import { booleanParam, dateTimeString, idString, jsonParam, numberParam } from '../http/params.js';
import type { EmulatorRuntime } from '../runtime.js';
import { formatDateTime, millisecondsPerDay, parseDateTime } from '../state/clock.js';
import type { AdgroupRecord } from '../state/records.js';
import { recordStatus } from '../state/store.js';
import {
  ageGroups,
  billingEvents,
  bidTypes,
  genders,
  networkTypes,
  operatingSystems,
  optimizationGoals,
  pacings,
  placementTypes,
  placements,
  promotionTypes,
  scheduleTypes,
  statusUpdateOperations,
  writableOperationStatuses,
} from './ads-enums.js';
import { findCampaign } from './campaign-endpoints.js';
import { cascadeDelete } from './cascade.js';
import {
  checkRequestId,
  entityName,
  fromNowScheduleMilliseconds,
  getParams,
  idFilter,
  statusFilter,
  minimumBudget,
  primaryStatusFilter,
  rememberRequestId,
  requestIdParam,
  requireMinimumBudget,
  selectFields,
} from './entity-rules.js';
import { adgroupSecondaryStatus } from './secondary-status.js';

const twelveHours = 12 * 3_600_000;

export function describeAdgroup(runtime: EmulatorRuntime, adgroup: AdgroupRecord, now: number) {
  return { ...adgroup, secondary_status: adgroupSecondaryStatus(runtime, adgroup, now) };
}

export function findAdgroup(
  runtime: EmulatorRuntime,
  advertiserId: string,
  adgroupId: string,
  field = 'adgroup_id',
): AdgroupRecord {
  const adgroup = runtime.store.adgroups.get(adgroupId);
  if (!adgroup || adgroup.advertiser_id !== advertiserId || adgroup.operation_status === 'DELETE') {
    throw fieldError(field, `Ad group ${adgroupId} does not exist or has been deleted.`);
  }
  return adgroup;
}

const idArray = (maximum: number) => jsonParam(z.array(idString()).max(maximum));
const dayparting = () =>
  z.string().regex(/^[01]{336}$/, 'Must be 336 characters of 0 and 1 (48 half-hours × 7 days).');

const targetingFields = {
  location_ids: idArray(3000).optional(),
  zipcode_ids: idArray(3000).optional(),
  age_groups: jsonParam(z.array(z.enum(ageGroups))).optional(),
  gender: z.enum(genders).optional(),
  languages: jsonParam(z.array(z.string())).optional(),
  operating_systems: jsonParam(z.array(z.enum(operatingSystems))).optional(),
  network_types: jsonParam(z.array(z.enum(networkTypes))).optional(),
  dayparting: dayparting().optional(),
  // No cap is documented for these two lists.
  audience_ids: jsonParam(z.array(idString())).optional(),
  excluded_audience_ids: jsonParam(z.array(idString())).optional(),
};

/** Reference §4.3: TOTAL budgets are for the whole schedule, so the minimum scales with its days. */
function checkAdgroupBudget(
  runtime: EmulatorRuntime,
  advertiserId: string,
  budgetMode: string,
  budget: number,
  start: number,
  end: number,
  campaignDailyBudget: number | undefined,
): void {
  const daily = minimumBudget(runtime, advertiserId, runtime.settings.minimumAdgroupDailyBudgetUsd);
  const days =
    budgetMode === 'BUDGET_MODE_TOTAL' ? Math.max(1, Math.ceil((end - start) / millisecondsPerDay)) : 1;
  requireMinimumBudget(budget, { ...daily, amount: daily.amount * days }, 'Ad group budget');
  if (
    campaignDailyBudget !== undefined &&
    budgetMode !== 'BUDGET_MODE_TOTAL' &&
    budget > campaignDailyBudget
  ) {
    throw fieldError('budget', 'Ad group budget cannot exceed the campaign budget.');
  }
}

export const adgroupCreateEndpoint = defineEndpoint({
  method: 'POST',
  path: '/adgroup/create/',
  authentication: 'token',
  access: 'write',
  requiresEligibleAdvertiser: true,
  permissions: () => [211],
  input: z.object({
    advertiser_id: idString(),
    campaign_id: idString(),
    adgroup_name: entityName(),
    placement_type: z.enum(placementTypes).default('PLACEMENT_TYPE_NORMAL'),
    placements: jsonParam(z.array(z.enum(placements)).min(1)).optional(),
    promotion_type: z.enum(promotionTypes).optional(),
    ...targetingFields,
    budget_mode: z
      .enum([
        'BUDGET_MODE_DAY',
        'BUDGET_MODE_TOTAL',
        'BUDGET_MODE_DYNAMIC_DAILY_BUDGET',
        'BUDGET_MODE_INFINITE',
      ])
      .optional(),
    budget: numberParam(z.number().positive()).optional(),
    schedule_type: z.enum(scheduleTypes),
    schedule_start_time: dateTimeString(),
    schedule_end_time: dateTimeString().optional(),
    optimization_goal: z.enum(optimizationGoals),
    billing_event: z.enum(billingEvents),
    bid_type: z.enum(bidTypes).default('BID_TYPE_NO_BID'),
    bid_price: numberParam(z.number().positive()).optional(),
    conversion_bid_price: numberParam(z.number().positive()).optional(),
    pacing: z.enum(pacings).default('PACING_MODE_SMOOTH'),
    pixel_id: idString().optional(),
    optimization_event: z.string().optional(),
    operation_status: z.enum(writableOperationStatuses).default('ENABLE'),
    comment_disabled: booleanParam(z.boolean()).optional(),
    request_id: requestIdParam().optional(),
  }),
  handle({ input, runtime, now }) {
    const campaign = findCampaign(runtime, input.advertiser_id, input.campaign_id);
    const original = checkRequestId(runtime, this.path, input.advertiser_id, input.request_id);
    if (original) return describeAdgroup(runtime, runtime.store.adgroups.get(original)!, now);
    // Correction 4: NORMAL placement needs `placements`; location or zipcode ids are required.
    if (input.placement_type === 'PLACEMENT_TYPE_NORMAL' && !input.placements) {
      throw fieldError(
        'placements',
        'Missing data for required field when placement_type is PLACEMENT_TYPE_NORMAL.',
      );
    }
    const locations = (input.location_ids?.length ?? 0) + (input.zipcode_ids?.length ?? 0);
    if (locations === 0) throw fieldError('location_ids', 'Missing data for required field.');
    if (locations > 3000)
      throw fieldError('location_ids', 'location_ids and zipcode_ids together take at most 3000 ids.');
    if (!input.promotion_type && !['REACH', 'VIDEO_VIEWS', 'ENGAGEMENT'].includes(campaign.objective_type)) {
      throw fieldError('promotion_type', 'Missing data for required field.');
    }
    if (input.optimization_goal === 'VIDEO_VIEW') {
      throw fieldError('optimization_goal', 'VIDEO_VIEW is deprecated; use ENGAGED_VIEW.');
    }
    if (input.optimization_goal === 'CONVERT' && input.billing_event !== 'OCPM') {
      throw fieldError('billing_event', 'Must be OCPM when optimization_goal is CONVERT.');
    }
    if (input.optimization_goal === 'CONVERT' && input.promotion_type === 'WEBSITE' && !input.pixel_id) {
      throw fieldError('pixel_id', 'Missing data for required field when optimization_goal is CONVERT.');
    }
    // Reference §4.3: bid_price needs BID_TYPE_CUSTOM; conversion_bid_price needs OCPM + CUSTOM.
    if (input.bid_price !== undefined && input.bid_type !== 'BID_TYPE_CUSTOM') {
      throw fieldError('bid_price', 'Only allowed when bid_type is BID_TYPE_CUSTOM.');
    }
    if (
      input.conversion_bid_price !== undefined &&
      (input.bid_type !== 'BID_TYPE_CUSTOM' || input.billing_event !== 'OCPM')
    ) {
      throw fieldError(
        'conversion_bid_price',
        'Only allowed with billing_event OCPM and bid_type BID_TYPE_CUSTOM.',
      );
    }
    if (
      input.bid_type === 'BID_TYPE_CUSTOM' &&
      input.bid_price === undefined &&
      input.conversion_bid_price === undefined
    ) {
      throw fieldError(
        input.billing_event === 'OCPM' ? 'conversion_bid_price' : 'bid_price',
        'Missing data for required field when bid_type is BID_TYPE_CUSTOM.',
      );
    }
    checkAudiences(runtime, input);
    const { start, end } = schedule(input, now);
    // Correction 4: under campaign budget optimisation the ad group's budget fields are ignored.
    let budgetMode = 'BUDGET_MODE_INFINITE';
    let budget = 0;
    if (!campaign.budget_optimize_on) {
      if (!input.budget_mode) throw fieldError('budget_mode', 'Missing data for required field.');
      if (input.budget_mode === 'BUDGET_MODE_INFINITE')
        throw fieldError('budget_mode', 'Ad groups need a daily or total budget.');
      if (input.budget === undefined) throw fieldError('budget', 'Missing data for required field.');
      if (input.budget_mode === 'BUDGET_MODE_TOTAL' && input.schedule_type !== 'SCHEDULE_START_END') {
        throw fieldError(
          'schedule_type',
          'Must be SCHEDULE_START_END when budget_mode is BUDGET_MODE_TOTAL.',
        );
      }
      const campaignDaily = campaign.budget_mode === 'BUDGET_MODE_DAY' ? campaign.budget : undefined;
      checkAdgroupBudget(
        runtime,
        input.advertiser_id,
        input.budget_mode,
        input.budget,
        start,
        end,
        campaignDaily,
      );
      budgetMode = input.budget_mode;
      budget = input.budget;
    }
    const time = formatDateTime(now);
    const adgroup: AdgroupRecord = {
      advertiser_id: input.advertiser_id,
      campaign_id: campaign.campaign_id,
      campaign_name: campaign.campaign_name,
      adgroup_id: runtime.ids.entityId(),
      adgroup_name: input.adgroup_name,
      operation_status: input.operation_status,
      placement_type: input.placement_type,
      placements: input.placement_type === 'PLACEMENT_TYPE_AUTOMATIC' ? null : (input.placements ?? null),
      promotion_type: input.promotion_type ?? null,
      location_ids: input.location_ids ?? [],
      zipcode_ids: input.zipcode_ids ?? [],
      age_groups: input.age_groups ?? null,
      gender: input.gender ?? 'GENDER_UNLIMITED',
      languages: input.languages ?? [],
      operating_systems: input.operating_systems ?? [],
      budget_mode: budgetMode,
      budget,
      schedule_type: input.schedule_type,
      schedule_start_time: formatDateTime(start),
      schedule_end_time: formatDateTime(end),
      dayparting: input.dayparting ?? null,
      optimization_goal: input.optimization_goal,
      billing_event: input.billing_event,
      bid_type: input.bid_type,
      bid_price: input.bid_price ?? 0,
      conversion_bid_price: input.conversion_bid_price ?? 0,
      pacing: input.pacing,
      pixel_id: input.pixel_id ?? null,
      optimization_event: input.optimization_event ?? null,
      audience_ids: input.audience_ids ?? [],
      excluded_audience_ids: input.excluded_audience_ids ?? [],
      bid_display_mode: 'CPMV',
      create_time: time,
      modify_time: time,
    };
    runtime.store.adgroups.set(adgroup.adgroup_id, adgroup);
    recordStatus(runtime.store, adgroup.adgroup_id, now, adgroup.operation_status);
    rememberRequestId(runtime, this.path, input.advertiser_id, input.request_id, adgroup.adgroup_id);
    return describeAdgroup(runtime, adgroup, now);
  },
});

/** Reference §4.3: start may be up to 12 h in the past; FROM_NOW ends 10 years after the start. */
function schedule(
  input: { schedule_type: string; schedule_start_time: string; schedule_end_time?: string | undefined },
  now: number,
) {
  const start = parseDateTime(input.schedule_start_time) ?? now;
  if (start < now - twelveHours)
    throw fieldError('schedule_start_time', 'Must not be more than 12 hours in the past.');
  if (input.schedule_type === 'SCHEDULE_FROM_NOW') return { start, end: start + fromNowScheduleMilliseconds };
  if (!input.schedule_end_time)
    throw fieldError(
      'schedule_end_time',
      'Missing data for required field when schedule_type is SCHEDULE_START_END.',
    );
  const end = parseDateTime(input.schedule_end_time) ?? start;
  if (end <= start) throw fieldError('schedule_end_time', 'Must be later than schedule_start_time.');
  return { start, end };
}

/** Reference §4.1: placements cannot change after creation. */
export const adgroupUpdateEndpoint = defineEndpoint({
  method: 'POST',
  path: '/adgroup/update/',
  authentication: 'token',
  access: 'write',
  requiresEligibleAdvertiser: true,
  permissions: () => [211],
  input: z.object({
    advertiser_id: idString(),
    adgroup_id: idString(),
    adgroup_name: entityName().optional(),
    placement_type: z.enum(placementTypes).optional(),
    placements: jsonParam(z.array(z.enum(placements))).optional(),
    ...targetingFields,
    budget: numberParam(z.number().positive()).optional(),
    schedule_start_time: dateTimeString().optional(),
    schedule_end_time: dateTimeString().optional(),
    bid_price: numberParam(z.number().positive()).optional(),
    conversion_bid_price: numberParam(z.number().positive()).optional(),
  }),
  handle({ input, runtime, now }) {
    const adgroup = findAdgroup(runtime, input.advertiser_id, input.adgroup_id);
    if (input.placement_type !== undefined && input.placement_type !== adgroup.placement_type) {
      throw fieldError('placement_type', 'Cannot be changed after the ad group is created.');
    }
    if (
      input.placements !== undefined &&
      JSON.stringify(input.placements) !== JSON.stringify(adgroup.placements)
    ) {
      throw fieldError('placements', 'Cannot be changed after the ad group is created.');
    }
    checkAudiences(runtime, input, adgroup);
    const start = parseDateTime(input.schedule_start_time ?? adgroup.schedule_start_time) ?? now;
    const end = parseDateTime(input.schedule_end_time ?? adgroup.schedule_end_time) ?? now;
    if (end <= start) throw fieldError('schedule_end_time', 'Must be later than schedule_start_time.');
    if (input.budget !== undefined) {
      if (adgroup.budget_mode === 'BUDGET_MODE_INFINITE')
        throw fieldError('budget', 'The campaign optimises the budget; set it on the campaign.');
      const campaign = runtime.store.campaigns.get(adgroup.campaign_id);
      const campaignDaily = campaign?.budget_mode === 'BUDGET_MODE_DAY' ? campaign.budget : undefined;
      checkAdgroupBudget(
        runtime,
        input.advertiser_id,
        adgroup.budget_mode,
        input.budget,
        start,
        end,
        campaignDaily,
      );
      adgroup.budget = input.budget;
    }
    if (input.bid_price !== undefined && adgroup.bid_type !== 'BID_TYPE_CUSTOM') {
      throw fieldError('bid_price', 'Only allowed when bid_type is BID_TYPE_CUSTOM.');
    }
    const changes: Partial<AdgroupRecord> = {
      ...(input.adgroup_name !== undefined ? { adgroup_name: input.adgroup_name } : {}),
      ...(input.location_ids !== undefined ? { location_ids: input.location_ids } : {}),
      ...(input.zipcode_ids !== undefined ? { zipcode_ids: input.zipcode_ids } : {}),
      ...(input.age_groups !== undefined ? { age_groups: input.age_groups } : {}),
      ...(input.gender !== undefined ? { gender: input.gender } : {}),
      ...(input.languages !== undefined ? { languages: input.languages } : {}),
      ...(input.operating_systems !== undefined ? { operating_systems: input.operating_systems } : {}),
      ...(input.dayparting !== undefined ? { dayparting: input.dayparting } : {}),
      ...(input.audience_ids !== undefined ? { audience_ids: input.audience_ids } : {}),
      ...(input.excluded_audience_ids !== undefined
        ? { excluded_audience_ids: input.excluded_audience_ids }
        : {}),
      ...(input.bid_price !== undefined ? { bid_price: input.bid_price } : {}),
      ...(input.conversion_bid_price !== undefined
        ? { conversion_bid_price: input.conversion_bid_price }
        : {}),
    };
    Object.assign(adgroup, changes, {
      schedule_start_time: formatDateTime(start),
      schedule_end_time: formatDateTime(end),
      modify_time: formatDateTime(now),
    });
    return describeAdgroup(runtime, adgroup, now);
  },
});

/** Correction 6: `{adgroup_ids, status, error_list}`; with allow_partial_success, failures are listed (20001). */
export const adgroupStatusUpdateEndpoint = defineEndpoint({
  method: 'POST',
  path: '/adgroup/status/update/',
  authentication: 'token',
  access: 'write',
  requiresEligibleAdvertiser: true,
  permissions: () => [211],
  input: z.object({
    advertiser_id: idString(),
    adgroup_ids: jsonParam(z.array(idString()).min(1).max(20)),
    operation_status: z.enum(statusUpdateOperations),
    allow_partial_success: booleanParam(z.boolean()).default(false),
  }),
  handle({ input, runtime, now }) {
    const errorList: { adgroup_id: string; error_message: string }[] = [];
    const found = input.adgroup_ids.flatMap((adgroupId) => {
      try {
        return [findAdgroup(runtime, input.advertiser_id, adgroupId, 'adgroup_ids')];
      } catch (error) {
        if (!input.allow_partial_success) throw error;
        errorList.push({ adgroup_id: adgroupId, error_message: (error as Error).message });
        return [];
      }
    });
    for (const adgroup of found) {
      adgroup.operation_status = input.operation_status;
      adgroup.modify_time = formatDateTime(now);
      recordStatus(runtime.store, adgroup.adgroup_id, now, input.operation_status);
      if (input.operation_status === 'DELETE') cascadeDelete(runtime, { adgroupId: adgroup.adgroup_id }, now);
    }
    const data = {
      adgroup_ids: found.map((adgroup) => adgroup.adgroup_id),
      status: input.operation_status,
      error_list: errorList,
    };
    if (errorList.length > 0) throw new ApiError(20001, 'Partial success.', data);
    return data;
  },
});

export const adgroupGetEndpoint = defineEndpoint({
  method: 'GET',
  path: '/adgroup/get/',
  authentication: 'token',
  access: 'read',
  requiresEligibleAdvertiser: true,
  permissions: () => [210],
  input: z.object(
    getParams(
      z
        .object({
          adgroup_ids: idFilter(),
          campaign_ids: idFilter(),
          adgroup_name: z.string().optional(),
          primary_status: primaryStatusFilter(),
          secondary_status: z.string().optional(),
          optimization_goal: z.string().optional(),
          promotion_type: z.string().optional(),
          creation_filter_start_time: dateTimeString().optional(),
          creation_filter_end_time: dateTimeString().optional(),
        })
        .loose(),
    ),
  ),
  handle({ input, runtime, now }) {
    const filtering = input.filtering ?? {};
    const statusMatches = statusFilter(filtering, 'ADGROUP');
    const rows = [...runtime.store.adgroups.values()]
      .reverse()
      .filter((adgroup) => adgroup.advertiser_id === input.advertiser_id)
      .filter((adgroup) => !filtering.adgroup_ids || filtering.adgroup_ids.includes(adgroup.adgroup_id))
      .filter((adgroup) => !filtering.campaign_ids || filtering.campaign_ids.includes(adgroup.campaign_id))
      .filter((adgroup) => !filtering.adgroup_name || adgroup.adgroup_name.includes(filtering.adgroup_name))
      .filter(
        (adgroup) =>
          !filtering.optimization_goal || adgroup.optimization_goal === filtering.optimization_goal,
      )
      .filter((adgroup) => !filtering.promotion_type || adgroup.promotion_type === filtering.promotion_type)
      .filter((adgroup) => statusMatches(adgroup, () => adgroupSecondaryStatus(runtime, adgroup, now)));
    const page = paginate(rows, input.page, input.page_size);
    const list = page.list.map((adgroup) => describeAdgroup(runtime, adgroup, now));
    return { ...page, list: selectFields(list, input.fields) };
  },
});

export const adgroupEndpoints = [
  adgroupCreateEndpoint,
  adgroupUpdateEndpoint,
  adgroupStatusUpdateEndpoint,
  adgroupGetEndpoint,
];
