import { useEffect, useId, useState } from 'react';
import { SearchIcon } from '../../../components/ui/icons';

/** Long enough to finish a word, short enough to feel immediate. */
export const searchDelayMilliseconds = 300;

interface CampaignSearchProps {
  /** The search in the URL. */
  value: string;
  onSearch: (search: string) => void;
}

/**
 * Searches names (any part) and exact TikTok IDs as the user types, once typing pauses; Enter,
 * or leaving the box, searches at once. A search changed elsewhere (Back, Clear filters) replaces what is typed.
 */
export function CampaignSearch({ value, onSearch }: CampaignSearchProps) {
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
      className="campaign-search"
      onSubmit={(event) => {
        event.preventDefault();
        searchNow();
      }}
      // Leaving the box (for a tab, a filter) searches what was typed at once: the change it goes to
      // builds on it instead of on the search before.
      onBlur={searchNow}
    >
      <label htmlFor={inputId} className="visually-hidden">
        Search by name or ID
      </label>
      <SearchIcon />
      <input
        id={inputId}
        type="search"
        className="field__control campaign-search__control"
        placeholder="Search by name or ID"
        maxLength={200}
        autoComplete="off"
        spellCheck={false}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
      />
    </form>
  );
}
