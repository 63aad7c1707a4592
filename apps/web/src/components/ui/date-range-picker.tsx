import { useId } from 'react';
import {
  formatRange,
  isIsoDate,
  rangePresetLabels,
  rangePresets,
  type DateRange,
  type RangeChoice,
  type RangePreset,
} from '../../lib/date-range';
import { SelectField } from './select-field';
import './date-range-picker.css';

interface DateRangePickerProps {
  choice: RangeChoice;
  /** The days shown now, or null while a custom range is not a range (or today is not known yet). */
  range: DateRange | null;
  problem: string | null;
  /** The ad account's today, the custom range's latest day; unknown while it loads. */
  today: string | undefined;
  onChange: (change: Partial<RangeChoice>) => void;
  /** Whose days these are, for a pointer that rests on the control. */
  title?: string;
}

/** A preset, or Custom with its two days; the days the preset stands for are written beside it. */
export function DateRangePicker({ choice, range, problem, today, onChange, title }: DateRangePickerProps) {
  const problemId = useId();
  const choosePreset = (preset: RangePreset) => {
    // Custom starts from the days shown, which are what one usually wants to adjust.
    if (preset === 'custom' && range) onChange({ range: preset, from: range.from, to: range.to });
    else onChange({ range: preset, from: null, to: null });
  };
  const changeDay = (end: 'from' | 'to', value: string) => {
    if (isIsoDate(value)) onChange({ [end]: value });
  };
  return (
    <div className="date-range" title={title}>
      <SelectField
        inline
        label="Date range"
        value={choice.range}
        onChange={(event) => choosePreset(event.target.value as RangePreset)}
      >
        {rangePresets.map((preset) => (
          <option key={preset} value={preset}>
            {rangePresetLabels[preset]}
          </option>
        ))}
      </SelectField>
      {choice.range === 'custom' ? (
        <div className="date-range__custom">
          {(['from', 'to'] as const).map((end) => (
            <label key={end} className="date-range__day">
              <span>{end === 'from' ? 'From' : 'To'}</span>
              <input
                type="date"
                className="field__control"
                value={choice[end] ?? ''}
                max={today}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? problemId : undefined}
                onChange={(event) => changeDay(end, event.target.value)}
              />
            </label>
          ))}
        </div>
      ) : (
        range && <span className="date-range__days">{formatRange(range)}</span>
      )}
      {problem && (
        <p id={problemId} className="field__error date-range__problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
