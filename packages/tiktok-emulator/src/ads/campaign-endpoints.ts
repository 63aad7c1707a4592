import { z } from 'zod';
import { ApiError, fieldError } from '../http/api-error.js';
import { defineEndpoint } from '../http/define-endpoint.js';
import { paginate } from '../http/envelope.js';
import { booleanParam, idString, jsonParam, numberParam, dateTimeString } from '../http/params.js';
import type { EmulatorRuntime } from '../runtime.js';
import { formatDateTime } from '../state/clock.js';
import type { CampaignRecord } from '../state/records.js';
import { recordStatus } from '../state/store.js';
import {
  budgetModes,
  creatableObjectives,
  deprecatedObjectives,
  readOnlyObjectives,
  specialIndustries,
  statusUpdateOperations,
  writableOperationStatuses,
} from './ads-enums.js';
import {
  checkRequestId,
  entityName,
  getParams,
  idFilter,
  minimumBudget,
  primaryStatusFilter,
  rememberRequestId,
  statusFilter,
  requestIdParam,
  requireMinimumBudget,
  selectFields,
} from './entity-rules.js';
import { campaignSecondaryStatus } from './secondary-status.js';
import { cascadeDelete } from './cascade.js';

/** Reference §4.4: TikTok's campaign rows also carry `deep_bid_type` (null) and `roas_bid` (0) when unused. */
export function describeCampaign(runtime: EmulatorRuntime, campaign: CampaignRecord) {
  return {
    ...campaign,
    deep_bid_type: null,
    roas_bid: 0,
    secondary_status: campaignSecondaryStatus(runtime, campaign),
  };
}

export function findCampaign(
  runtime: EmulatorRuntime,
  advertiserId: string,
  campaignId: string,
  field = 'campaign_id',
): CampaignRecord {
  const campaign = runtime.store.campaigns.get(campaignId);
  if (!campaign || campaign.advertiser_id !== advertiserId || campaign.operation_status === 'DELETE') {
    throw fieldError(field, `Campaign ${campaignId} does not exist or has been deleted.`);
  }
  return campaign;
}

/** Reference §4.3 + correction 2: creatable, deprecated and read-only objectives answer differently. */
function checkObjective(objective: string): void {
  if ((creatableObjectives as readonly string[]).includes(objective)) return;
  if ((deprecatedObjectives as readonly string[]).includes(objective)) {
    throw fieldError(
      'objective_type',
      `${objective} is deprecated and can no longer be used to create campaigns.`,
    );
  }
  if (objective === 'RF_REACH')
    throw new ApiError(40118, 'objective_type: RF_REACH is only available to allowlisted advertisers.');
  if ((readOnlyObjectives as readonly string[]).includes(objective)) {
    throw fieldError('objective_type', `${objective} cannot be created through the API.`);
  }
  throw fieldError('objective_type', `Must be one of: ${creatableObjectives.join(', ')}.`);
}

export const campaignCreateEndpoint = defineEndpoint({
  method: 'POST',
  path: '/campaign/create/',
  authentication: 'token',
  access: 'write',
  requiresEligibleAdvertiser: true,
  permissions: () => [201],
  input: z.object({
    advertiser_id: idString(),
    campaign_name: entityName(),
    objective_type: z.string(),
    budget_mode: z.enum(budgetModes).optional(),
    budget: numberParam(z.number().positive()).optional(),
    budget_optimize_on: booleanParam(z.boolean()).default(false),
    operation_status: z.enum(writableOperationStatuses).default('ENABLE'),
    campaign_type: z.enum(['REGULAR_CAMPAIGN', 'IOS14_CAMPAIGN']).default('REGULAR_CAMPAIGN'),
    special_industries: jsonParam(z.array(z.enum(specialIndustries))).default([]),
    is_search_campaign: booleanParam(z.boolean()).default(false),
    po_number: z.string().max(100).optional(),
    request_id: requestIdParam().optional(),
  }),
  handle({ input, runtime, now }) {
    checkObjective(input.objective_type);
    const original = checkRequestId(runtime, this.path, input.advertiser_id, input.request_id);
    if (original) return describeCampaign(runtime, runtime.store.campaigns.get(original)!);
    // Correction 1: budget_mode is required (RF_REACH aside); budget for every mode but INFINITE.
    if (!input.budget_mode) throw fieldError('budget_mode', 'Missing data for required field.');
    const limited = input.budget_mode !== 'BUDGET_MODE_INFINITE';
    if (limited && input.budget === undefined)
      throw fieldError('budget', `Missing data for required field when budget_mode is ${input.budget_mode}.`);
    if (!limited && input.budget_optimize_on)
      throw fieldError(
        'budget_mode',
        'Campaign budget optimization needs a daily, total or dynamic daily budget.',
      );
    if (limited) {
      requireMinimumBudget(
        input.budget ?? 0,
        minimumBudget(runtime, input.advertiser_id, runtime.settings.minimumCampaignDailyBudgetUsd),
        'Campaign budget',
      );
    }
    // Reference §4.2: `request_id` is what lets a name repeat; without it names are unique per account.
    const taken = [...runtime.store.campaigns.values()].some(
      (campaign) =>
        campaign.advertiser_id === input.advertiser_id &&
        campaign.operation_status !== 'DELETE' &&
        campaign.campaign_name === input.campaign_name,
    );
    if (taken && input.request_id === undefined)
      throw fieldError('campaign_name', 'Campaign name already exists.');
    const time = formatDateTime(now);
    const campaign: CampaignRecord = {
      advertiser_id: input.advertiser_id,
      campaign_id: runtime.ids.entityId(),
      campaign_name: input.campaign_name,
      objective_type: input.objective_type,
      campaign_type: input.campaign_type,
      budget_mode: input.budget_mode,
      budget: limited ? (input.budget ?? 0) : 0,
      budget_optimize_on: input.budget_optimize_on,
      operation_status: input.operation_status,
      special_industries: input.special_industries,
      is_new_structure: true,
      is_smart_performance_campaign: false,
      is_search_campaign: input.is_search_campaign,
      po_number: input.po_number ?? null,
      create_time: time,
      modify_time: time,
    };
    runtime.store.campaigns.set(campaign.campaign_id, campaign);
    recordStatus(runtime.store, campaign.campaign_id, now, campaign.operation_status);
    rememberRequestId(runtime, this.path, input.advertiser_id, input.request_id, campaign.campaign_id);
    return describeCampaign(runtime, campaign);
  },
});

/** Correction 3: only these fields; others (budget_mode, objective_type…) are ignored. */
export const campaignUpdateEndpoint = defineEndpoint({
  method: 'POST',
  path: '/campaign/update/',
  authentication: 'token',
  access: 'write',
  requiresEligibleAdvertiser: true,
  permissions: () => [201],
  input: z.object({
    advertiser_id: idString(),
    campaign_id: idString(),
    campaign_name: entityName().optional(),
    budget: numberParam(z.number().positive()).optional(),
    po_number: z.string().max(100).optional(),
    special_industries: jsonParam(z.array(z.enum(specialIndustries))).optional(),
  }),
  handle({ input, runtime, now }) {
    const campaign = findCampaign(runtime, input.advertiser_id, input.campaign_id);
    if (input.budget !== undefined) {
      if (campaign.budget_mode === 'BUDGET_MODE_INFINITE') {
        throw fieldError('budget', 'Budget cannot be set when budget_mode is BUDGET_MODE_INFINITE.');
      }
      requireMinimumBudget(
        input.budget,
        minimumBudget(runtime, input.advertiser_id, runtime.settings.minimumCampaignDailyBudgetUsd),
        'Campaign budget',
      );
      campaign.budget = input.budget;
    }
    if (input.campaign_name !== undefined) campaign.campaign_name = input.campaign_name;
    if (input.po_number !== undefined) campaign.po_number = input.po_number;
    if (input.special_industries !== undefined) campaign.special_industries = input.special_industries;
    campaign.modify_time = formatDateTime(now);
    return describeCampaign(runtime, campaign);
  },
});

/** Correction 6: `{campaign_ids, status, campaign_list}`; deleting also deletes the children. */
export const campaignStatusUpdateEndpoint = defineEndpoint({
  method: 'POST',
  path: '/campaign/status/update/',
  authentication: 'token',
  access: 'write',
  requiresEligibleAdvertiser: true,
  permissions: () => [201],
  input: z.object({
    advertiser_id: idString(),
    campaign_ids: jsonParam(z.array(idString()).min(1).max(20)),
    operation_status: z.enum(statusUpdateOperations),
  }),
  handle({ input, runtime, now }) {
    const campaigns = input.campaign_ids.map((campaignId) =>
      findCampaign(runtime, input.advertiser_id, campaignId, 'campaign_ids'),
    );
    for (const campaign of campaigns) {
      campaign.operation_status = input.operation_status;
      campaign.modify_time = formatDateTime(now);
      recordStatus(runtime.store, campaign.campaign_id, now, input.operation_status);
      if (input.operation_status === 'DELETE')
        cascadeDelete(runtime, { campaignId: campaign.campaign_id }, now);
    }
    return {
      campaign_ids: input.campaign_ids,
      status: input.operation_status,
      campaign_list: campaigns.map((campaign) => ({
        campaign_id: campaign.campaign_id,
        status: input.operation_status,
      })),
    };
  },
});

export const campaignGetEndpoint = defineEndpoint({
  method: 'GET',
  path: '/campaign/get/',
  authentication: 'token',
  access: 'read',
  requiresEligibleAdvertiser: true,
  permissions: () => [200],
  input: z.object(
    getParams(
      z
        .object({
          campaign_ids: idFilter(),
          campaign_name: z.string().optional(),
          objective_type: z.string().optional(),
          primary_status: primaryStatusFilter(),
          secondary_status: z.string().optional(),
          creation_filter_start_time: dateTimeString().optional(),
          creation_filter_end_time: dateTimeString().optional(),
        })
        .loose(),
    ),
  ),
  handle({ input, runtime }) {
    const filtering = input.filtering ?? {};
    // Reference §4.1: filtering by CONVERSIONS or WEB_CONVERSIONS returns both.
    const objectives =
      filtering.objective_type === 'CONVERSIONS' || filtering.objective_type === 'WEB_CONVERSIONS'
        ? ['CONVERSIONS', 'WEB_CONVERSIONS']
        : filtering.objective_type
          ? [filtering.objective_type]
          : undefined;
    const statusMatches = statusFilter(filtering, 'CAMPAIGN');
    const rows = [...runtime.store.campaigns.values()]
      .reverse()
      .filter((campaign) => campaign.advertiser_id === input.advertiser_id)
      .map((campaign) => describeCampaign(runtime, campaign))
      .filter((campaign) => !filtering.campaign_ids || filtering.campaign_ids.includes(campaign.campaign_id))
      .filter(
        (campaign) => !filtering.campaign_name || campaign.campaign_name.includes(filtering.campaign_name),
      )
      .filter((campaign) => !objectives || objectives.includes(campaign.objective_type))
      .filter((campaign) => statusMatches(campaign, () => campaign.secondary_status));
    const page = paginate(rows, input.page, input.page_size);
    return { ...page, list: selectFields(page.list, input.fields) };
  },
});

export const campaignEndpoints = [
  campaignCreateEndpoint,
  campaignUpdateEndpoint,
  campaignStatusUpdateEndpoint,
  campaignGetEndpoint,
];
