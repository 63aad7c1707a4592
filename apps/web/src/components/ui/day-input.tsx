import { useEffect, useRef, type KeyboardEvent } from 'react';
import { isIsoDate } from '../../lib/date-range';

interface DayInputProps {
  label: string;
  /** The day the page holds (its URL); the field follows it when it changes from elsewhere. */
  day: string | null;
  max: string | undefined;
  isInvalid: boolean;
  describedBy: string | undefined;
  /** The person is done with the field: its text then, '' when it holds no whole day. */
  onDone: (text: string) => void;
}

/** Keys that edit a segment of the field: digits (or a month's letters), deleting, stepping. */
const editingKeys = new Set(['Backspace', 'Delete', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown']);

/** Not keys that may open the calendar (Alt+Arrow Down, F4, Space) or move between segments. */
function editsTheDay(event: KeyboardEvent): boolean {
  if (event.altKey || event.ctrlKey || event.metaKey || event.key === ' ') return false;
  return event.key.length === 1 || editingKeys.has(event.key);
}

/**
 * A calendar day typed or picked, handed on only when the person is done with it. The browser's
 * date field is edited a segment at a time (month, day, year) and says every whole date on the
 * way, 2026-01-01 after the "1" of "10": a field controlled by the page would apply each one and
 * be redrawn mid-typing, which resets the segment being typed. So the field keeps its own text
 * (uncontrolled), and is written only when the day changes elsewhere (Back, a preset).
 *
 * Done is leaving the field, or Enter; or a whole date that no keystroke made, which is a pick
 * from the calendar (its keys go to the calendar, not to the field, and it leaves the field
 * focused, so focus cannot tell a pick from typing), or a paste or autofill.
 */
export function DayInput({ label, day, max, isInvalid, describedBy, onDone }: DayInputProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  // Whether a key has edited the field since the person was last done with it.
  const isTyping = useRef(false);
  // The text last handed on, or last taken from the page: what the field holds when nothing is new.
  const settled = useRef(day ?? '');

  useEffect(() => {
    const text = day ?? '';
    // The day handed on arriving back: what was typed since stays.
    if (text === settled.current) return;
    settled.current = text;
    if (inputRef.current) inputRef.current.value = text;
  }, [day]);

  const finish = () => {
    isTyping.current = false;
    const text = inputRef.current?.value ?? '';
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
          else if (editsTheDay(event)) isTyping.current = true;
        }}
        // A pointer on the field goes to a segment or opens the calendar: what follows is no typing.
        onPointerDown={() => {
          isTyping.current = false;
        }}
        onChange={(event) => {
          if (!isTyping.current && isIsoDate(event.target.value)) finish();
        }}
        onBlur={finish}
      />
    </label>
  );
}
