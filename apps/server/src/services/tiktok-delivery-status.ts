import type { CampaignLevel, DeliveryState } from '@whathead/contracts';

export interface Delivery {
  state: DeliveryState;
  label: string;
  /** Why it does not deliver, and what to look at; null when it delivers or is simply paused. */
  reason: string | null;
}

const reasons: Readonly<Record<string, Delivery>> = {
  CAMPAIGN_DISABLE: {
    state: 'not_delivering',
    label: 'Not delivering',
    reason: 'Its campaign is turned off.',
  },
  ADGROUP_DISABLE: {
    state: 'not_delivering',
    label: 'Not delivering',
    reason: 'Its ad group is turned off.',
  },
  CAMPAIGN_DELETE: { state: 'deleted', label: 'Deleted', reason: 'Its campaign was deleted.' },
  ADGROUP_DELETE: { state: 'deleted', label: 'Deleted', reason: 'Its ad group was deleted.' },
  NOT_START: { state: 'scheduled', label: 'Scheduled', reason: 'Its schedule has not started yet.' },
  TIME_DONE: { state: 'completed', label: 'Completed', reason: 'Its schedule has ended.' },
  DONE: { state: 'completed', label: 'Completed', reason: 'Its schedule has ended.' },
  BUDGET_EXCEED: {
    state: 'not_delivering',
    label: 'Not delivering',
    reason: 'Its budget is spent. Raise the budget to keep delivering.',
  },
  BALANCE_EXCEED: {
    state: 'not_delivering',
    label: 'Not delivering',
    reason: 'The ad account’s balance is too low. Add funds in TikTok Ads Manager.',
  },
  AUDIT: { state: 'not_delivering', label: 'In review', reason: 'TikTok is reviewing it.' },
  REAUDIT: {
    state: 'not_delivering',
    label: 'In review',
    reason: 'TikTok is reviewing it again after a change.',
  },
  AUDIT_DENY: {
    state: 'not_delivering',
    label: 'Rejected',
    reason: 'TikTok rejected it. See the reason in TikTok Ads Manager, fix it and resubmit.',
  },
  ADVERTISER_AUDIT: {
    state: 'not_delivering',
    label: 'Not delivering',
    reason: 'TikTok is reviewing the ad account.',
  },
  ADVERTISER_AUDIT_DENY: {
    state: 'not_delivering',
    label: 'Not delivering',
    reason: 'TikTok rejected the ad account. Check it in TikTok Ads Manager.',
  },
  ADVERTISER_CONTRACT_PENDING: {
    state: 'not_delivering',
    label: 'Not delivering',
    reason: 'The ad account’s contract with TikTok is not signed yet. Complete it in TikTok Ads Manager.',
  },
  ADVERTISER_ACCOUNT_PUNISH: {
    state: 'not_delivering',
    label: 'Not delivering',
    reason: 'TikTok has restricted the ad account. Check it in TikTok Ads Manager.',
  },
};

const active: Delivery = { state: 'active', label: 'Active', reason: null };
const paused: Delivery = { state: 'paused', label: 'Paused', reason: null };
const deleted: Delivery = { state: 'deleted', label: 'Deleted', reason: null };

/** TikTok's secondary statuses name the level first; the rest is what they mean. */
const levelPrefix = /^(CAMPAIGN|ADGROUP|AD)_STATUS_/;

/**
 * What a campaign, ad group or ad's delivery comes to, in words, from TikTok's operation status
 * (what the owner set) and secondary status (why it does or does not deliver; reference §4.3).
 * TikTok's sandbox sends no secondary status: the operation status alone decides then.
 */
export function deliveryOf(
  level: CampaignLevel,
  operationStatus: string,
  secondaryStatus: string | null,
): Delivery {
  if (operationStatus === 'DELETE') return deleted;
  if (operationStatus === 'FROZEN')
    return {
      state: 'not_delivering',
      label: 'Frozen',
      reason: 'TikTok froze it. Check it in TikTok Ads Manager.',
    };
  if (!secondaryStatus) return operationStatus === 'DISABLE' ? paused : active;
  const meaning = secondaryStatus.replace(levelPrefix, '');
  if (meaning === 'DELETE') return deleted;
  if (meaning === 'DISABLE') return paused;
  if (meaning === 'DELIVERY_OK' || (level === 'campaign' && meaning === 'ENABLE')) return active;
  const known = reasons[meaning];
  if (known) return known;
  // A status this build does not know yet: say what TikTok said, in words.
  const words = meaning.toLowerCase().replace(/_/g, ' ');
  return { state: 'not_delivering', label: 'Not delivering', reason: `TikTok says: ${words}.` };
}
