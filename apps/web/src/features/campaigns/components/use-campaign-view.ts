import {
  campaignMetricColumns,
  campaignSortColumns,
  campaignStatusFilters,
  type CampaignLevel,
  type CampaignRow,
  type CampaignSortColumn,
} from '@whathead/contracts';
import { rangeChoiceIn, writeRangeChoice, type DateRange, type RangeChoice } from '../../../lib/date-range';
import { useUrlView, type ChangeUrlView } from '../../../lib/use-url-view';
import type { CampaignTableView } from '../api/get-campaigns';
import type { CampaignStatusFilter } from './campaign-words';

export type SortDirection = 'asc' | 'desc';

/**
 * Everything the page shows, as the URL holds it, so a view can be shared, reloaded and gone back
 * to; its range (a preset, or Custom with `from` and `to`) is the metric columns'.
 */
export interface CampaignView extends RangeChoice {
  level: CampaignLevel;
  /** The ad accounts chosen; null when the URL names none, which means the workspace's default account. */
  accounts: readonly string[] | 'all' | null;
  /** Campaigns selected on the Campaigns tab: they narrow the Ad groups and Ads tabs. */
  campaigns: readonly string[];
  status: CampaignStatusFilter;
  objective: string;
  q: string;
  sort: CampaignSortColumn;
  direction: SortDirection;
}

/** The contract's limits: ad groups and ads narrow to at most 100 campaigns, from at most 500 accounts. */
export const maximumSelectedCampaigns = 100;
const maximumAccounts = 500;

const levelOfTab: Record<string, CampaignLevel> = {
  campaigns: 'campaign',
  'ad-groups': 'adgroup',
  ads: 'ad',
};
const tabOfLevel: Record<CampaignLevel, string> = { campaign: 'campaigns', adgroup: 'ad-groups', ad: 'ads' };
const tiktokId = /^\d{1,20}$/;

export const defaultSort: { sort: CampaignSortColumn; direction: SortDirection } = {
  sort: 'modified',
  direction: 'desc',
};

/** Reads a view from the URL; anything unknown or malformed falls back to the default, never an error. */
export function parseView(params: URLSearchParams): CampaignView {
  return {
    level: levelOfTab[params.get('tab') ?? ''] ?? 'campaign',
    accounts: accountsIn(params.get('accounts')),
    campaigns: idsIn(params.get('campaigns') ?? '', maximumSelectedCampaigns),
    status: oneOf(campaignStatusFilters, params.get('status')) ?? 'not_deleted',
    objective: (params.get('objective') ?? '').slice(0, 64),
    q: (params.get('q') ?? '').slice(0, 200),
    ...rangeChoiceIn(params),
    sort: oneOf(campaignSortColumns, params.get('sort')) ?? defaultSort.sort,
    direction: oneOf(['asc', 'desc'] as const, params.get('direction')) ?? defaultSort.direction,
  };
}

/** The URL of a view, naming only what differs from the default, so shared links stay short. */
export function searchParamsOf(view: CampaignView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.level !== 'campaign') params.set('tab', tabOfLevel[view.level]);
  if (view.accounts !== null) {
    params.set('accounts', view.accounts === 'all' ? 'all' : view.accounts.join(','));
  }
  if (view.campaigns.length > 0) params.set('campaigns', view.campaigns.join(','));
  if (view.status !== 'not_deleted') params.set('status', view.status);
  if (view.objective !== '') params.set('objective', view.objective);
  if (view.q !== '') params.set('q', view.q);
  writeRangeChoice(params, view);
  if (view.sort !== defaultSort.sort || view.direction !== defaultSort.direction) {
    params.set('sort', view.sort);
    params.set('direction', view.direction);
  }
  return params;
}

/**
 * What to ask the server for: `accounts` resolved (the default account filled in), ids as lists,
 * and the days of the metric columns. Without days (a custom range still being chosen) the rows
 * come without metrics, and a metric order, which the server refuses without them, gives way to
 * the default order rather than an error.
 */
export function tableQueryOf(
  view: CampaignView,
  accounts: readonly string[] | 'all',
  range: DateRange | null,
): CampaignTableView {
  const search = view.q.trim();
  const order = range || !isMetricSort(view.sort) ? view : defaultSort;
  return {
    level: view.level,
    accounts: accounts === 'all' ? undefined : accounts.join(','),
    campaigns: view.level !== 'campaign' && view.campaigns.length > 0 ? view.campaigns.join(',') : undefined,
    status: view.status,
    objective: view.objective === '' ? undefined : view.objective,
    q: search === '' ? undefined : search,
    ...(range && { from: range.from, to: range.to }),
    sort: order.sort,
    direction: order.direction,
  };
}

export function isMetricSort(sort: CampaignSortColumn): boolean {
  return (campaignMetricColumns as readonly CampaignSortColumn[]).includes(sort);
}

/**
 * Whether the status filter shows the row, as the server filters (campaign-table.repository.ts):
 * by delivery state, every row but deleted ones, or all.
 */
export function statusFilterShows(status: CampaignStatusFilter, row: Pick<CampaignRow, 'delivery'>): boolean {
  if (status === 'all') return true;
  if (status === 'not_deleted') return row.delivery.state !== 'deleted';
  return row.delivery.state === status;
}

export type ChangeView = ChangeUrlView<CampaignView>;

/** The campaigns' view in the URL and a way to change it (see useUrlView). */
export function useCampaignView(): { view: CampaignView; changeView: ChangeView } {
  return useUrlView(parseView, searchParamsOf);
}

function accountsIn(value: string | null): CampaignView['accounts'] {
  if (value === null) return null;
  const ids = idsIn(value, maximumAccounts);
  return value === 'all' || ids.length === 0 ? 'all' : ids;
}

function idsIn(list: string, most: number): string[] {
  const ids = list.split(',').filter((id) => tiktokId.test(id));
  return [...new Set(ids)].slice(0, most);
}

function oneOf<Value extends string>(values: readonly Value[], value: string | null): Value | undefined {
  return values.find((candidate) => candidate === value);
}
