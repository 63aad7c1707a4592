import { useId } from 'react';
import { SelectField } from '../../../components/ui/select-field';
import {
  formatRange,
  isIsoDate,
  rangePresetLabels,
  rangePresets,
  type DateRange,
  type RangePreset,
} from '../lib/date-range';
import type { ChangeView } from '../hooks/use-report-view';
import type { ReportView } from '../lib/report-view';

interface DateRangePickerProps {
  view: ReportView;
  /** The days shown now, or null while a custom range is not a range. */
  range: DateRange | null;
  problem: string | null;
  /** The chosen accounts' today, the custom range's latest day. */
  today: string;
  changeView: ChangeView;
}

/** A preset, or Custom with its two days; the days the preset stands for are written beside it. */
export function DateRangePicker({ view, range, problem, today, changeView }: DateRangePickerProps) {
  const problemId = useId();
  const choosePreset = (preset: RangePreset) => {
    // Custom starts from the days shown, which are what one usually wants to adjust.
    if (preset === 'custom' && range) changeView({ range: preset, from: range.from, to: range.to });
    else changeView({ range: preset, from: null, to: null });
  };
  const changeDay = (end: 'from' | 'to', value: string) => {
    if (isIsoDate(value)) changeView({ [end]: value });
  };
  return (
    <div className="report-range">
      <SelectField
        inline
        label="Date range"
        value={view.range}
        onChange={(event) => choosePreset(event.target.value as RangePreset)}
      >
        {rangePresets.map((preset) => (
          <option key={preset} value={preset}>
            {rangePresetLabels[preset]}
          </option>
        ))}
      </SelectField>
      {view.range === 'custom' ? (
        <div className="report-range__custom">
          <label className="report-range__day">
            <span>From</span>
            <input
              type="date"
              className="field__control"
              value={view.from ?? ''}
              max={today}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? problemId : undefined}
              onChange={(event) => changeDay('from', event.target.value)}
            />
          </label>
          <label className="report-range__day">
            <span>To</span>
            <input
              type="date"
              className="field__control"
              value={view.to ?? ''}
              max={today}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? problemId : undefined}
              onChange={(event) => changeDay('to', event.target.value)}
            />
          </label>
        </div>
      ) : (
        range && <span className="report-range__days">{formatRange(range)}</span>
      )}
      {problem && (
        <p id={problemId} className="field__error report-range__problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
