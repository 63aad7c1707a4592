import {
  hourlyMetricKeys,
  reportLevels,
  reportMetricKeys,
  reportSortColumns,
  type ReportLevel,
  type ReportMetricKey,
  type ReportSortColumn,
} from '@whathead/contracts';
import { rangeChoiceIn, writeRangeChoice, type RangeChoice } from '../../../lib/date-range';

export type SortDirection = 'asc' | 'desc';
export type Granularity = 'day' | 'hour';

/** Everything the page shows, as the URL holds it, so a view can be shared, reloaded and gone back to. */
export interface ReportView extends RangeChoice {
  /** The ad accounts chosen; null when the URL names none: the workspace's default account. */
  accounts: readonly string[] | null;
  granularity: Granularity;
  compare: boolean;
  /** The chart's metric. */
  metric: ReportMetricKey;
  level: ReportLevel;
  /** The drill-down: a campaign's ad groups (and ads), an ad group's ads. */
  campaign: string | null;
  adgroup: string | null;
  q: string;
  sort: ReportSortColumn;
  direction: SortDirection;
}

export const defaultSort: { sort: ReportSortColumn; direction: SortDirection } = {
  sort: 'spend',
  direction: 'desc',
};

const tiktokId = /^\d{1,20}$/;
/** The contract's most accounts a report. */
const maximumAccounts = 50;

/** Reads a view from the URL; anything unknown or malformed falls back to the default, never an error. */
export function parseView(params: URLSearchParams): ReportView {
  const level = oneOf(reportLevels, params.get('level')) ?? 'campaign';
  const campaign = idIn(params.get('campaign'));
  return {
    accounts: accountsIn(params.get('accounts')),
    ...rangeChoiceIn(params),
    granularity: params.get('granularity') === 'hour' ? 'hour' : 'day',
    compare: params.get('compare') === 'true',
    metric: oneOf(reportMetricKeys, params.get('metric')) ?? 'spend',
    level,
    campaign: level === 'campaign' ? null : campaign,
    adgroup: level === 'ad' ? idIn(params.get('adgroup')) : null,
    q: (params.get('q') ?? '').slice(0, 200),
    sort: oneOf(reportSortColumns, params.get('sort')) ?? defaultSort.sort,
    direction: oneOf(['asc', 'desc'] as const, params.get('direction')) ?? defaultSort.direction,
  };
}

/** The URL of a view, naming only what differs from the default, so shared links stay short. */
export function searchParamsOf(view: ReportView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.accounts !== null && view.accounts.length > 0) params.set('accounts', view.accounts.join(','));
  writeRangeChoice(params, view);
  if (view.granularity !== 'day') params.set('granularity', view.granularity);
  if (view.compare) params.set('compare', 'true');
  if (view.metric !== 'spend') params.set('metric', view.metric);
  if (view.level !== 'campaign') params.set('level', view.level);
  if (view.level !== 'campaign' && view.campaign !== null) params.set('campaign', view.campaign);
  if (view.level === 'ad' && view.adgroup !== null) params.set('adgroup', view.adgroup);
  if (view.q !== '') params.set('q', view.q);
  if (view.sort !== defaultSort.sort || view.direction !== defaultSort.direction) {
    params.set('sort', view.sort);
    params.set('direction', view.direction);
  }
  return params;
}

/** The chart's metric at this granularity: an hourly chart has only some (contract's hourlyMetricKeys). */
export function chartMetricOf(view: Pick<ReportView, 'metric'>, granularity: Granularity): ReportMetricKey {
  const offered: readonly ReportMetricKey[] = granularity === 'hour' ? hourlyMetricKeys : reportMetricKeys;
  return offered.includes(view.metric) ? view.metric : 'spend';
}

/** A header's first click sorts names A to Z and metrics largest first, as a marketer looks for them. */
export function firstDirection(column: ReportSortColumn): SortDirection {
  return column === 'name' ? 'asc' : 'desc';
}

function accountsIn(value: string | null): readonly string[] | null {
  if (value === null) return null;
  const ids = [...new Set(value.split(',').filter((id) => tiktokId.test(id)))].slice(0, maximumAccounts);
  return ids.length === 0 ? null : ids;
}

function idIn(value: string | null): string | null {
  return value !== null && tiktokId.test(value) ? value : null;
}

function oneOf<Value extends string>(values: readonly Value[], value: string | null): Value | undefined {
  return values.find((candidate) => candidate === value);
}
