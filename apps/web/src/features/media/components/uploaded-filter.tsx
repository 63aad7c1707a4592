import { useId, useMemo, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { DayInput } from '../../../components/ui/day-input';
import { SelectField } from '../../../components/ui/select-field';
import { customDayProblem } from '../../../lib/date-range';
// DayInput's styles live with the reports' range picker, which this page does not otherwise load.
import '../../../components/ui/date-range-picker.css';
import {
  uploadedPresetLabels,
  uploadedPresets,
  type UploadedChoice,
  type UploadedPreset,
} from './uploaded-range';

interface UploadedFilterProps {
  choice: UploadedChoice;
  /** Why the custom days are no range, or null. */
  problem: string | null;
  today: string;
  onChange: (change: Partial<UploadedChoice>) => void;
}

type End = 'from' | 'to';

/**
 * When the items were uploaded: a preset, or Custom with a first and a last day, either of which
 * may stay open. A custom day is applied once the person is done with its field (see DayInput).
 */
export function UploadedFilter({ choice, problem, today, onChange }: UploadedFilterProps) {
  const problemId = useId();
  const [dayProblem, setDayProblem] = useState<string | null>(null);
  const [pending, setPending] = useState<Record<End, boolean>>({ from: false, to: false });
  const pendingOf = useMemo(
    () => ({
      from: (isPending: boolean) => setPending((current) => ({ ...current, from: isPending })),
      to: (isPending: boolean) => setPending((current) => ({ ...current, to: isPending })),
    }),
    [],
  );
  const finishDay = (end: End, day: string) => {
    // An emptied field opens that end of the range.
    if (day === '') {
      setDayProblem(null);
      if (choice[end] !== null) onChange({ [end]: null });
      return;
    }
    const refusal = customDayProblem(end, day, today);
    setDayProblem(refusal);
    if (refusal === null && day !== choice[end]) onChange({ [end]: day });
  };
  const shownProblem = dayProblem ?? problem;

  return (
    <div className="date-range uploaded-filter">
      <SelectField
        inline
        label="Uploaded"
        value={choice.uploaded}
        onChange={(event) => {
          setDayProblem(null);
          onChange({ uploaded: event.target.value as UploadedPreset, from: null, to: null });
        }}
      >
        {uploadedPresets.map((preset) => (
          <option key={preset} value={preset}>
            {uploadedPresetLabels[preset]}
          </option>
        ))}
      </SelectField>
      {choice.uploaded === 'custom' && (
        <div className="date-range__custom">
          {(['from', 'to'] as const).map((end) => (
            <DayInput
              key={end}
              label={end === 'from' ? 'From' : 'To'}
              day={choice[end]}
              max={today}
              isInvalid={shownProblem !== null}
              describedBy={shownProblem ? problemId : undefined}
              onDone={(day) => finishDay(end, day)}
              onPending={pendingOf[end]}
            />
          ))}
          {(pending.from || pending.to) && (
            // Leaving a field applies its day; pressing Apply leaves it, in every browser.
            <Button
              variant="secondary"
              size="small"
              onClick={() => {
                if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
              }}
            >
              Apply
            </Button>
          )}
        </div>
      )}
      {shownProblem && (
        <p id={problemId} className="field__error date-range__problem" role="alert">
          {shownProblem}
        </p>
      )}
    </div>
  );
}
