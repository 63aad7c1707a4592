import { useState } from 'react';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { ChevronDownIcon } from '../../../components/ui/icons';
import { Popover } from '../../../components/ui/popover';
import { accountsSummary, type AccountOption } from './campaign-accounts';

/** Past this many accounts the list gets a search box: agencies run hundreds. */
const searchableFrom = 8;

interface AccountFilterProps {
  options: readonly AccountOption[];
  /** The accounts shown now. */
  accounts: readonly string[] | 'all';
  onChange: (accounts: readonly string[] | 'all') => void;
}

/**
 * Which ad accounts the table shows. Ticks are a draft until Apply, so choosing ten accounts out of
 * hundreds loads the table once, not ten times; no tick at all means every account.
 */
export function AccountFilter({ options, accounts, onChange }: AccountFilterProps) {
  const [draft, setDraft] = useState<ReadonlySet<string>>(new Set());
  const [search, setSearch] = useState('');
  const needle = search.trim().toLowerCase();
  const shown = needle
    ? options.filter(
        (option) => option.name.toLowerCase().includes(needle) || option.advertiserId.includes(needle),
      )
    : options;
  const tick = (advertiserId: string, ticked: boolean) => {
    const next = new Set(draft);
    if (ticked) next.add(advertiserId);
    else next.delete(advertiserId);
    setDraft(next);
  };

  return (
    <Popover
      className="account-filter"
      title="Ad accounts to show"
      onOpen={() => {
        setDraft(new Set(accounts === 'all' ? [] : accounts));
        setSearch('');
      }}
      trigger={
        <>
          <span className="popover__label">Ad accounts:</span> {accountsSummary(accounts, options)}
          <span className="popover__chevron">
            <ChevronDownIcon />
          </span>
        </>
      }
    >
      {(close) => (
        <form
          className="account-filter__form"
          onSubmit={(event) => {
            event.preventDefault();
            const chosen = options.map((option) => option.advertiserId).filter((id) => draft.has(id));
            onChange(chosen.length === 0 ? 'all' : chosen);
            close();
          }}
        >
          {options.length >= searchableFrom && (
            <input
              type="search"
              className="field__control account-filter__search"
              aria-label="Find an ad account by name or ID"
              placeholder="Find an ad account"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
            />
          )}
          <label className="choice account-filter__all">
            <input type="checkbox" checked={draft.size === 0} onChange={() => setDraft(new Set())} />
            <span>All ad accounts</span>
          </label>
          <ul className="account-filter__list" aria-label="Ad accounts">
            {shown.map((option) => (
              <li key={option.advertiserId}>
                <label className="choice account-filter__account">
                  <input
                    type="checkbox"
                    checked={draft.has(option.advertiserId)}
                    onChange={(event) => tick(option.advertiserId, event.target.checked)}
                  />
                  <span className="account-filter__name">
                    {option.name} <span className="account-filter__id">{option.advertiserId}</span>
                  </span>
                  {!option.syncing && <Badge>Not syncing</Badge>}
                </label>
              </li>
            ))}
            {shown.length === 0 && (
              <li className="account-filter__none">No ad account matches “{search}”.</li>
            )}
          </ul>
          <div className="account-filter__actions">
            <Button type="submit" size="small">
              Apply
            </Button>
            <Button variant="ghost" size="small" onClick={close}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </Popover>
  );
}
