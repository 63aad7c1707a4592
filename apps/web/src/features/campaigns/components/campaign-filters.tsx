import { campaignStatusFilters } from '@whathead/contracts';
import { useCallback, type ReactNode } from 'react';
import { DateRangePicker } from '../../../components/ui/date-range-picker';
import { SearchField } from '../../../components/ui/search-field';
import { SelectField } from '../../../components/ui/select-field';
import { AccountFilter } from './account-filter';
import type { AccountOption } from './campaign-accounts';
import { objectiveLabels, statusFilterLabels, type CampaignStatusFilter } from './campaign-words';
import type { MetricRange, PresetDay } from './metric-range';
import type { CampaignView, ChangeView } from './use-campaign-view';

interface CampaignFiltersProps {
  view: CampaignView;
  changeView: ChangeView;
  accountOptions: readonly AccountOption[];
  /** The accounts shown now, the default one filled in. */
  accounts: readonly string[] | 'all';
  /** The days of the metric columns, worked out from the view's range. */
  metricRange: MetricRange;
  presetDay: PresetDay | undefined;
  /** The column chooser, at the bar's end. */
  children?: ReactNode;
}

/** The bar above the table: accounts, the metrics' days, status, objective, search, and which columns show. */
export function CampaignFilters({
  view,
  changeView,
  accountOptions,
  accounts,
  metricRange,
  presetDay,
  children,
}: CampaignFiltersProps) {
  const searchIsEmpty = view.q === '';
  const search = useCallback(
    // Refining a search replaces its history entry; starting one is a step Back can undo.
    (q: string) => changeView({ q }, { replace: !searchIsEmpty }),
    [changeView, searchIsEmpty],
  );
  const objectives = Object.keys(objectiveLabels);
  return (
    <div className="campaign-filters">
      <AccountFilter
        options={accountOptions}
        accounts={accounts}
        onChange={(chosen) => changeView({ accounts: chosen })}
      />
      <DateRangePicker
        choice={view}
        range={metricRange.range}
        problem={metricRange.problem}
        today={presetDay?.today}
        onChange={changeView}
        title={presetDay?.note}
      />
      <SelectField
        label="Status"
        inline
        value={view.status}
        onChange={(event) => changeView({ status: event.target.value as CampaignStatusFilter })}
      >
        {campaignStatusFilters.map((status) => (
          <option key={status} value={status}>
            {statusFilterLabels[status]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Objective"
        inline
        value={view.objective}
        onChange={(event) => changeView({ objective: event.target.value })}
      >
        <option value="">All objectives</option>
        {/* An objective from a shared link that this list doesn't know still shows as chosen. */}
        {view.objective !== '' && !objectives.includes(view.objective) && (
          <option value={view.objective}>{view.objective}</option>
        )}
        {objectives.map((objective) => (
          <option key={objective} value={objective}>
            {objectiveLabels[objective]}
          </option>
        ))}
      </SelectField>
      {/* Names (any part) and exact TikTok IDs. */}
      <SearchField value={view.q} label="Search by name or ID" onSearch={search} searchOnBlur />
      {children}
    </div>
  );
}
