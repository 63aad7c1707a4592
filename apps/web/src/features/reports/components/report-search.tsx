import { useEffect, useId, useState } from 'react';
import { SearchIcon } from '../../../components/ui/icons';

/** Long enough to finish a word, short enough to feel immediate. */
export const searchDelayMilliseconds = 300;

interface ReportSearchProps {
  /** The search in the URL. */
  value: string;
  label: string;
  onSearch: (search: string) => void;
}

/**
 * Searches as the user types, once typing pauses; Enter searches at once. A search changed
 * elsewhere (Back, a drill-down) replaces what is typed.
 */
export function ReportSearch({ value, label, onSearch }: ReportSearchProps) {
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

  return (
    <form
      role="search"
      className="campaign-search report-search"
      onSubmit={(event) => {
        event.preventDefault();
        if (draft === value) return;
        setSent(draft);
        onSearch(draft);
      }}
    >
      <label htmlFor={inputId} className="visually-hidden">
        {label}
      </label>
      <SearchIcon />
      <input
        id={inputId}
        type="search"
        className="field__control campaign-search__control"
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
