import type { CampaignRow } from '@whathead/contracts';
import type { CampaignTableRow } from '../repositories/campaign-table.repository.js';
import { deliveryOf } from './tiktok-delivery-status.js';

/** TikTok's statuses say it, unless the sync found it gone (unlisted, or under a deleted parent). */
function deliveryOfRow(row: CampaignTableRow): CampaignRow['delivery'] {
  const delivery = deliveryOf(row.level, row.operation_status, row.secondary_status);
  if (row.delivery !== 'deleted' || delivery.state === 'deleted') return delivery;
  return {
    state: 'deleted',
    label: 'Deleted',
    reason: 'Deleted at TikTok, or with the campaign or ad group it was in.',
  };
}

export function describeRow(row: CampaignTableRow): CampaignRow {
  return {
    level: row.level,
    id: row.entity_id,
    advertiserId: row.advertiser_id,
    accountName: row.account_name ?? row.advertiser_id,
    currency: row.currency,
    name: row.name,
    campaignId: row.campaign_id,
    campaignName: row.campaign_name,
    adGroupId: row.adgroup_id,
    adGroupName: row.adgroup_name,
    operationStatus: row.operation_status,
    secondaryStatus: row.secondary_status,
    delivery: deliveryOfRow(row),
    objective: row.objective,
    budgetMode: row.budget_mode,
    budget: row.budget,
    bidStrategy: row.bid_strategy,
    bid: row.bid,
    optimizationGoal: row.optimization_goal,
    placements: row.placements,
    scheduleStart: row.schedule_start,
    scheduleEnd: row.schedule_end,
    targeting: row.targeting,
    creative: row.creative,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
    readOnly: !row.syncing,
  };
}
