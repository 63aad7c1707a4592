import { useEffect, useId, useState } from 'react';
import { classNames } from '../../lib/class-names';
import { SearchIcon } from './icons';

/** Long enough to finish a word, short enough to feel immediate. */
export const searchDelayMilliseconds = 300;

interface SearchFieldProps {
  /** The search in the URL. */
  value: string;
  /** The box's name, also its placeholder. */
  label: string;
  onSearch: (search: string) => void;
  /**
   * Whether leaving the box searches what was typed at once. Where other controls change the same
   * view (Campaigns' filters), the change they make then builds on it instead of on the search before.
   */
  searchOnBlur?: boolean;
  className?: string;
}

/**
 * Searches as the user types, once typing pauses; Enter searches at once. A search changed
 * elsewhere (Back, Clear filters, a drill-down) replaces what is typed.
 */
export function SearchField({ value, label, onSearch, searchOnBlur = false, className }: SearchFieldProps) {
  const inputId = useId();
  const [draft, setDraft] = useState(value);
  const [shownValue, setShownValue] = useState(value);
  // The last search sent: its arrival in the URL must not undo what was typed since.
  const [sent, setSent] = useState<string | null>(null);
  if (shownValue !== value) {
    setShownValue(value);
    if (value === sent) setSent(null);
    else setDraft(value);
  }

  useEffect(() => {
    if (draft === value) return;
    const timeout = window.setTimeout(() => {
      setSent(draft);
      onSearch(draft);
    }, searchDelayMilliseconds);
    return () => window.clearTimeout(timeout);
  }, [draft, value, onSearch]);

  const searchNow = () => {
    if (draft === value) return;
    setSent(draft);
    onSearch(draft);
  };

  return (
    <form
      role="search"
      className={classNames('search-field', className)}
      onSubmit={(event) => {
        event.preventDefault();
        searchNow();
      }}
      onBlur={searchOnBlur ? searchNow : undefined}
    >
      <label htmlFor={inputId} className="visually-hidden">
        {label}
      </label>
      <SearchIcon />
      <input
        id={inputId}
        type="search"
        className="field__control search-field__control"
        placeholder={label}
        maxLength={200}
        autoComplete="off"
        spellCheck={false}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
      />
    </form>
  );
}
