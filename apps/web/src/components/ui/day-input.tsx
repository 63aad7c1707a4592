import { useEffect, useRef } from 'react';

interface DayInputProps {
  label: string;
  /** The day the page holds (its URL); the field follows it when it changes from elsewhere. */
  day: string | null;
  max: string | undefined;
  isInvalid: boolean;
  describedBy: string | undefined;
  /** The person is done with the field: its text then, '' when it holds no whole day. */
  onDone: (text: string) => void;
  /** Whether the field holds a day not yet handed on (a calendar pick waits for Apply). */
  onPending: (isPending: boolean) => void;
}

/**
 * A calendar day typed or picked, handed on only when the person is done with it. The browser's
 * date field is edited a segment at a time (month, day, year) and says every whole date on the
 * way, 2026-01-01 after the "1" of "10": a field controlled by the page would apply each one and
 * be redrawn mid-typing, which resets the segment being typed. So the field keeps its own text
 * (uncontrolled), and is written only when the day changes elsewhere (Back, a preset).
 *
 * Done is leaving the field, or Enter. Chromium's calendar also writes every day its highlight
 * passes over into the field, before anything is chosen, and leaves the field focused, so no
 * change says "chosen": the field only tells it holds a day not yet handed on, and the range
 * offers Apply (which, being elsewhere, is leaving the field).
 */
export function DayInput({ label, day, max, isInvalid, describedBy, onDone, onPending }: DayInputProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  // The text last handed on, or last taken from the page: what the field holds when nothing is new.
  const settled = useRef(day ?? '');

  useEffect(() => {
    const text = day ?? '';
    // The day handed on arriving back: what was typed since stays.
    if (text === settled.current) return;
    settled.current = text;
    if (inputRef.current) inputRef.current.value = text;
    onPending(false);
  }, [day, onPending]);

  const finish = () => {
    const text = inputRef.current?.value ?? '';
    onPending(false);
    if (text === settled.current) return;
    settled.current = text;
    onDone(text);
  };

  return (
    <label className="date-range__day">
      <span>{label}</span>
      <input
        ref={inputRef}
        type="date"
        className="field__control"
        defaultValue={day ?? ''}
        max={max}
        aria-invalid={isInvalid || undefined}
        aria-describedby={describedBy}
        onKeyDown={(event) => {
          if (event.key === 'Enter') finish();
        }}
        onChange={(event) => onPending(event.target.value !== settled.current)}
        onBlur={finish}
      />
    </label>
  );
}
