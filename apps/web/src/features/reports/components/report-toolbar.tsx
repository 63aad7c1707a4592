import type { ReportAccountStatus } from '@whathead/contracts';
import { useId, useState } from 'react';
import { DateRangePicker } from '../../../components/ui/date-range-picker';
import { formatRange, previousPeriod, type DateRange } from '../../../lib/date-range';
import type { ChangeView } from '../hooks/use-report-view';
import type { ReportView } from '../lib/report-view';
import { timeZoneWords } from '../lib/time-zone-words';
import { AccountPicker } from './account-picker';

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
  const previousId = useId();
  const [compare, setCompare] = useShownAtOnce(view.compare);
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
          choice={view}
          range={range}
          problem={rangeProblem}
          today={first.today}
          onChange={changeView}
        />
        <label className="choice report-toolbar__compare">
          <input
            type="checkbox"
            checked={compare}
            aria-describedby={compare && range ? previousId : undefined}
            onChange={(event) => {
              setCompare(event.target.checked);
              changeView({ compare: event.target.checked });
            }}
          />
          <span>Compare to previous period</span>
        </label>
      </div>
      {/* Below the controls, so ticking Compare never pushes them onto another line. */}
      <p className="report-toolbar__notes">
        <span className="report-toolbar__note">{zoneSentence(chosen)}</span>
        {compare && range && (
          <span id={previousId} className="report-toolbar__note">
            Compared with the previous period, {formatRange(previousPeriod(range))}.
            {range.to >= first.today &&
              ' Today counts only its hours so far; the period before counts whole days.'}
          </span>
        )}
      </p>
    </div>
  );
}

/**
 * A value the URL holds, shown as changed at once: the URL follows a moment later (the router
 * navigates in a transition), and a checkbox bound to it alone would spring back meanwhile. A
 * change of the URL itself (Back, a link) is shown as it comes.
 */
function useShownAtOnce<Value>(value: Value): [Value, (next: Value) => void] {
  const [shown, setShown] = useState(value);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setShown(value);
  }
  return [shown, setShown];
}

/** Days are the accounts' own: say whose, since the presets follow the first account's calendar. */
function zoneSentence(chosen: readonly ReportAccountStatus[]): string {
  const first = chosen[0]!;
  const zones = new Set(chosen.map((account) => account.timeZone));
  const zone = first.timeZone === null ? 'its own time zone' : timeZoneWords(first.timeZone);
  if (zones.size <= 1) return `Days are in ${zone}, ${first.name}’s time zone.`;
  return `Each ad account’s days are in its own time zone; the presets follow ${first.name}, in ${zone}.`;
}
