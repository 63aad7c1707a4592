import type { ReportAccountStatus } from '@whathead/contracts';
import type { ChangeView } from '../hooks/use-report-view';
import { formatRange, previousPeriod, type DateRange } from '../lib/date-range';
import type { ReportView } from '../lib/report-view';
import { AccountPicker } from './account-picker';
import { DateRangePicker } from './date-range-picker';

interface ReportToolbarProps {
  view: ReportView;
  changeView: ChangeView;
  accounts: readonly ReportAccountStatus[];
  chosen: readonly ReportAccountStatus[];
  range: DateRange | null;
  rangeProblem: string | null;
}

/** What the report covers: ad accounts, days, and whether the period before is compared. */
export function ReportToolbar({
  view,
  changeView,
  accounts,
  chosen,
  range,
  rangeProblem,
}: ReportToolbarProps) {
  const first = chosen[0]!;
  return (
    <div className="report-toolbar">
      <div className="report-toolbar__controls">
        <AccountPicker
          accounts={accounts}
          chosen={chosen}
          // Another account has other campaigns: the drill-down starts again from the top.
          onChange={(advertiserIds) => changeView({ accounts: advertiserIds, campaign: null, adgroup: null })}
        />
        <DateRangePicker
          view={view}
          range={range}
          problem={rangeProblem}
          today={first.today}
          changeView={changeView}
        />
        <label className="choice report-toolbar__compare">
          <input
            type="checkbox"
            checked={view.compare}
            onChange={(event) => changeView({ compare: event.target.checked })}
          />
          <span>
            Compare to previous period
            {view.compare && range && (
              <span className="report-toolbar__note"> ({formatRange(previousPeriod(range))})</span>
            )}
          </span>
        </label>
      </div>
      <p className="report-toolbar__note">{zoneSentence(chosen)}</p>
    </div>
  );
}

/** Days are the accounts' own: say whose, since the presets follow the first account's calendar. */
function zoneSentence(chosen: readonly ReportAccountStatus[]): string {
  const first = chosen[0]!;
  const zones = new Set(chosen.map((account) => account.timeZone));
  const zone = first.timeZone ?? 'its own time zone';
  if (zones.size <= 1) return `Days are in ${zone}, ${first.name}’s time zone.`;
  return `Each ad account’s days are in its own time zone; the presets follow ${first.name} (${zone}).`;
}
