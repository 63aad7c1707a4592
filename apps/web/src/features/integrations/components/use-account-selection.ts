import type { TikTokAdAccount } from '@whathead/contracts';
import { useState } from 'react';

export const accountsPageSize = 50;

/** Only an account TikTok lets run ads, that the user may change, and can still reach. */
export function canBeDefault(account: TikTokAdAccount): boolean {
  return account.accessible && account.usable && !account.readOnly;
}

/** Usable accounts first, then view-only, then unusable, then no longer accessible; TikTok's order within. */
function rank(account: TikTokAdAccount): number {
  if (!account.accessible) return 3;
  if (!account.usable) return 2;
  return account.readOnly ? 1 : 0;
}

function matches(account: TikTokAdAccount, query: string): boolean {
  const needle = query.trim().toLowerCase();
  return (
    needle === '' || account.name.toLowerCase().includes(needle) || account.advertiserId.includes(needle)
  );
}

/**
 * The chooser's state for dozens or hundreds of accounts: the ticked ids and the default survive
 * searching and paging; Select all / Select none act on what the search shows.
 */
export function useAccountSelection(accounts: TikTokAdAccount[], initialDefault: string | null) {
  const [selected, setSelected] = useState(
    () => new Set(accounts.filter((account) => account.selected).map((account) => account.advertiserId)),
  );
  const [chosenDefault, setChosenDefault] = useState(initialDefault);
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);

  const ordered = [...accounts].sort((first, second) => rank(first) - rank(second));
  const filtered = ordered.filter((account) => matches(account, query));
  const pageCount = Math.max(1, Math.ceil(filtered.length / accountsPageSize));
  const currentPage = Math.min(page, pageCount - 1);
  const visible = filtered.slice(currentPage * accountsPageSize, (currentPage + 1) * accountsPageSize);

  const setTicked = (advertiserIds: string[], ticked: boolean) => {
    const next = new Set(selected);
    for (const advertiserId of advertiserIds) {
      if (ticked) next.add(advertiserId);
      else next.delete(advertiserId);
    }
    setSelected(next);
    if (!ticked && chosenDefault !== null && advertiserIds.includes(chosenDefault)) setChosenDefault(null);
  };

  return {
    selected,
    chosenDefault,
    query,
    visible,
    filteredCount: filtered.length,
    page: currentPage,
    pageCount,
    search: (value: string) => {
      setQuery(value);
      setPage(0);
    },
    setPage,
    toggle: (advertiserId: string, ticked: boolean) => setTicked([advertiserId], ticked),
    selectAll: () =>
      setTicked(
        filtered.filter((account) => account.accessible).map((account) => account.advertiserId),
        true,
      ),
    selectNone: () =>
      setTicked(
        filtered.map((account) => account.advertiserId),
        false,
      ),
    /** Making an account the default also ticks it; null: no default in this connection. */
    chooseDefault: (advertiserId: string | null) => {
      if (advertiserId !== null && !selected.has(advertiserId))
        setSelected(new Set(selected).add(advertiserId));
      setChosenDefault(advertiserId);
    },
  };
}
