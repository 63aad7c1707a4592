import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { rangeOf, type RangeChoice } from '../../lib/date-range';
import { DateRangePicker } from './date-range-picker';

// jsdom's date field has no segments to type into: the tests send what Chromium sends as one types
// into one, a keydown and then the field's new value (a whole date, or '' while it is no date).

/** The accounts' today, the field's max. */
const today = '2026-12-02';
const changes: Partial<RangeChoice>[] = [];

/** The picker as a page shows it: the range checked as the page checks it; changes are recorded. */
function pickerFor(choice: RangeChoice) {
  const { range, problem } = rangeOf(choice, today, 366);
  return (
    <DateRangePicker
      choice={choice}
      range={range}
      problem={problem}
      today={today}
      onChange={(change) => changes.push(change)}
    />
  );
}

const custom = (from: string, to: string): RangeChoice => ({ range: 'custom', from, to });

function renderPicker(choice: RangeChoice) {
  const view = render(pickerFor(choice));
  /** The page again, as its URL now holds it. */
  const showAgain = (next: RangeChoice) => view.rerender(pickerFor(next));
  return { showAgain };
}

const dayField = (label: 'From' | 'To') => screen.getByLabelText(label) as HTMLInputElement;

/** One keystroke and the value Chromium's field holds after it. */
function typeKey(input: HTMLInputElement, key: string, value: string) {
  fireEvent.keyDown(input, { key });
  fireEvent.change(input, { target: { value } });
}

beforeEach(() => {
  changes.length = 0;
});

describe('a custom range typed with the keyboard', () => {
  it('keeps what is typed, even when the page draws again, and applies it only on leaving the field', () => {
    const { showAgain } = renderPicker(custom('2026-11-01', '2026-11-30'));
    const from = dayField('From');
    from.focus();

    // The month "10", then the day "28", of a field that held 2026-11-01.
    typeKey(from, '1', '2026-01-01');
    typeKey(from, '0', '2026-10-01');
    typeKey(from, '2', '2026-10-02');
    showAgain(custom('2026-11-01', '2026-11-30'));
    typeKey(from, '8', '2026-10-28');
    expect(changes).toEqual([]);
    expect(from.value).toBe('2026-10-28');

    fireEvent.blur(from);
    expect(changes).toEqual([{ from: '2026-10-28' }]);
    showAgain(custom('2026-10-28', '2026-11-30'));
    expect(from.value).toBe('2026-10-28');
    // Leaving again with nothing new applies nothing again.
    fireEvent.blur(from);
    expect(changes).toHaveLength(1);
  });

  it('applies a typed day on Enter', () => {
    renderPicker(custom('2026-11-01', '2026-11-30'));
    const to = dayField('To');
    to.focus();
    typeKey(to, '1', '2026-11-01');
    typeKey(to, '5', '2026-11-15');
    expect(changes).toEqual([]);
    fireEvent.keyDown(to, { key: 'Enter' });
    expect(changes).toEqual([{ to: '2026-11-15' }]);
  });

  it('keeps a segment emptied with Backspace, and says a field left without a whole day', () => {
    renderPicker(custom('2026-11-01', '2026-11-30'));
    const from = dayField('From');
    from.focus();
    typeKey(from, 'Backspace', '');
    expect(from.value).toBe('');
    expect(screen.queryByRole('alert')).toBeNull();

    fireEvent.blur(from);
    expect(screen.getByRole('alert').textContent).toBe('Choose the first and last day.');
    expect(from.getAttribute('aria-invalid')).toBe('true');
    expect(changes).toEqual([]);
  });

  it('holds a day the calendar writes until Apply: its highlight passing over days applies none', () => {
    renderPicker(custom('2026-11-01', '2026-11-30'));
    const from = dayField('From');
    from.focus();
    expect(screen.queryByRole('button', { name: 'Apply' })).toBeNull();
    // The calendar's highlight moving over two days, the field still focused.
    fireEvent.change(from, { target: { value: '2026-11-06' } });
    fireEvent.change(from, { target: { value: '2026-11-05' } });
    expect(changes).toEqual([]);
    const apply = screen.getByRole('button', { name: 'Apply' });
    fireEvent.click(apply);
    expect(changes).toEqual([{ from: '2026-11-05' }]);
    expect(screen.queryByRole('button', { name: 'Apply' })).toBeNull();
  });
});

describe('a custom range’s problems', () => {
  it('says a last day after today, keeps it from the range, and applies it once it is today', () => {
    renderPicker(custom('2026-11-01', '2026-11-30'));
    const to = dayField('To');
    expect(to.max).toBe(today);
    to.focus();
    typeKey(to, '2', '2026-12-02');
    typeKey(to, '0', '2026-12-20');
    fireEvent.blur(to);

    expect(screen.getByRole('alert').textContent).toBe(
      'The range ends after today. Choose today or an earlier day.',
    );
    expect(to.getAttribute('aria-invalid')).toBe('true');
    expect(to.getAttribute('aria-describedby')).toBe(screen.getByRole('alert').id);
    expect(changes).toEqual([]);

    to.focus();
    typeKey(to, 'Backspace', '');
    typeKey(to, '2', '2026-12-02');
    fireEvent.keyDown(to, { key: 'Enter' });
    expect(changes).toEqual([{ to: '2026-12-02' }]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('applies a range that ends before it starts, which the page then says', () => {
    const { showAgain } = renderPicker(custom('2026-11-01', '2026-11-30'));
    const to = dayField('To');
    to.focus();
    typeKey(to, '1', '2026-10-30');
    fireEvent.blur(to);
    expect(changes).toEqual([{ to: '2026-10-30' }]);

    showAgain(custom('2026-11-01', '2026-10-30'));
    expect(screen.getByRole('alert').textContent).toBe(
      'The range ends before it starts. Choose a later last day.',
    );
    expect(dayField('From').getAttribute('aria-invalid')).toBe('true');
    expect(to.getAttribute('aria-invalid')).toBe('true');
  });

  it('follows days changed elsewhere (Back), dropping what was typed and said there', () => {
    const { showAgain } = renderPicker(custom('2026-11-01', '2026-11-30'));
    const to = dayField('To');
    to.focus();
    typeKey(to, '2', '2026-12-20');
    fireEvent.blur(to);
    expect(screen.getByRole('alert')).toBeTruthy();

    showAgain(custom('2026-10-01', '2026-10-31'));
    expect(dayField('From').value).toBe('2026-10-01');
    expect(to.value).toBe('2026-10-31');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(changes).toEqual([]);
  });
});
