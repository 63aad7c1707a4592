import { useId, useMemo, useState } from 'react';
import {
  customDayProblem,
  formatRange,
  rangePresetLabels,
  rangePresets,
  type DateRange,
  type RangeChoice,
  type RangePreset,
} from '../../lib/date-range';
import { Button } from './button';
import { DayInput } from './day-input';
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
        <CustomDays choice={choice} problem={problem} today={today} onChange={onChange} />
      ) : (
        <>
          {range && <span className="date-range__days">{formatRange(range)}</span>}
          {problem && <RangeProblem id={problemId}>{problem}</RangeProblem>}
        </>
      )}
    </div>
  );
}

type End = 'from' | 'to';
type DayProblems = Record<End, string | null>;

/**
 * The custom range's two days. A day is applied once the person is done with it (see DayInput),
 * unless it is no day or after today: then it stays in its field, said, and the range stays as it
 * was, so the report is never asked for days that cannot be.
 */
function CustomDays({
  choice,
  problem,
  today,
  onChange,
}: Pick<DateRangePickerProps, 'choice' | 'problem' | 'today' | 'onChange'>) {
  const problemId = useId();
  const [problems, setProblems] = useState<DayProblems>({ from: null, to: null });
  // A day changed elsewhere (Back) replaces what its field held, and what was said of it.
  const [seen, setSeen] = useState({ from: choice.from, to: choice.to });
  if (seen.from !== choice.from || seen.to !== choice.to) {
    setSeen({ from: choice.from, to: choice.to });
    setProblems((current) => ({
      from: seen.from === choice.from ? current.from : null,
      to: seen.to === choice.to ? current.to : null,
    }));
  }

  // Days in their fields not yet applied (a calendar pick): Apply is offered for them.
  const [pending, setPending] = useState<Record<End, boolean>>({ from: false, to: false });
  const pendingOf = useMemo(
    () => ({
      from: (isPending: boolean) => setPending((current) => ({ ...current, from: isPending })),
      to: (isPending: boolean) => setPending((current) => ({ ...current, to: isPending })),
    }),
    [],
  );
  const finishDay = (end: End, day: string) => {
    const dayProblem = customDayProblem(end, day, today);
    setProblems((current) => ({ ...current, [end]: dayProblem }));
    if (dayProblem === null && day !== choice[end]) onChange({ [end]: day });
  };
  const shownProblem = problems.from ?? problems.to ?? problem;
  return (
    <>
      <div className="date-range__custom">
        {(['from', 'to'] as const).map((end) => (
          <DayInput
            key={end}
            label={end === 'from' ? 'From' : 'To'}
            day={choice[end]}
            max={today}
            isInvalid={problems[end] !== null || problem !== null}
            describedBy={shownProblem ? problemId : undefined}
            onDone={(day) => finishDay(end, day)}
            onPending={pendingOf[end]}
          />
        ))}
        {(pending.from || pending.to) && (
          // Leaving a field applies its day (DayInput); pressing Apply leaves it, in every browser.
          <Button
            variant="secondary"
            size="small"
            type="button"
            onClick={() => {
              if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
            }}
          >
            Apply
          </Button>
        )}
      </div>
      {shownProblem && <RangeProblem id={problemId}>{shownProblem}</RangeProblem>}
    </>
  );
}

function RangeProblem({ id, children }: { id: string; children: string }) {
  return (
    <p id={id} className="field__error date-range__problem" role="alert">
      {children}
    </p>
  );
}
