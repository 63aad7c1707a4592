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

function metricsOfRow(row: CampaignTableRow): NonNullable<CampaignRow['metrics']> {
  const count = (value: string | null | undefined) =>
    value === null || value === undefined ? null : Number(value);
  const spend = count(row.metric_spend);
  const impressions = count(row.metric_impressions);
  const clicks = count(row.metric_clicks);
  const conversions = count(row.metric_conversions);
  const ratio = (numerator: number | null, denominator: number | null, scale = 1) =>
    numerator === null || denominator === null || denominator === 0
      ? null
      : Math.round(((numerator * scale) / denominator) * 10_000) / 10_000;
  return {
    // PostgreSQL's exact sum; a 0 it filled in has no decimals.
    spend:
      row.metric_spend === null || row.metric_spend === undefined
        ? null
        : row.metric_spend.includes('.')
          ? row.metric_spend
          : `${row.metric_spend}.000`,
    impressions,
    clicks,
    ctr: ratio(clicks, impressions, 100),
    cpc: ratio(spend, clicks),
    conversions,
    costPerConversion: ratio(spend, conversions),
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
    ...(row.metric_spend !== undefined ? { metrics: metricsOfRow(row) } : {}),
  };
}
