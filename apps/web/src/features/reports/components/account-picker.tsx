import type { ReportAccountStatus } from '@whathead/contracts';
import { useState } from 'react';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { ChevronDownIcon } from '../../../components/ui/icons';
import { Popover } from '../../../components/ui/popover';

/** Past this many accounts the list gets a search box: agencies run hundreds. */
const searchableFrom = 8;

interface AccountPickerProps {
  accounts: readonly ReportAccountStatus[];
  /** The accounts shown now. */
  chosen: readonly ReportAccountStatus[];
  onChange: (advertiserIds: string[]) => void;
}

/**
 * Which ad accounts the report covers. Ticks are a draft until Apply, so choosing five accounts
 * asks for the report once, not five times. A report needs at least one account.
 */
export function AccountPicker({ accounts, chosen, onChange }: AccountPickerProps) {
  const [draft, setDraft] = useState<ReadonlySet<string>>(new Set());
  const [search, setSearch] = useState('');
  const needle = search.trim().toLowerCase();
  const shown = needle
    ? accounts.filter(
        (account) => account.name.toLowerCase().includes(needle) || account.advertiserId.includes(needle),
      )
    : accounts;
  const tick = (advertiserId: string, ticked: boolean) => {
    const next = new Set(draft);
    if (ticked) next.add(advertiserId);
    else next.delete(advertiserId);
    setDraft(next);
  };
  const summary = chosen.length === 1 ? chosen[0]!.name : `${chosen.length} ad accounts`;

  return (
    <Popover
      className="account-picker"
      title="Ad accounts to report on"
      onOpen={() => {
        setDraft(new Set(chosen.map((account) => account.advertiserId)));
        setSearch('');
      }}
      trigger={
        <>
          <span className="popover__label">Ad accounts:</span> {summary}
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
            if (draft.size === 0) return;
            onChange(accounts.map((account) => account.advertiserId).filter((id) => draft.has(id)));
            close();
          }}
        >
          {accounts.length >= searchableFrom && (
            <input
              type="search"
              className="field__control account-filter__search"
              aria-label="Find an ad account by name or ID"
              placeholder="Find an ad account"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
            />
          )}
          <ul className="account-filter__list" aria-label="Ad accounts">
            {shown.map((account) => (
              <li key={account.advertiserId}>
                <label className="choice account-filter__account">
                  <input
                    type="checkbox"
                    checked={draft.has(account.advertiserId)}
                    onChange={(event) => tick(account.advertiserId, event.target.checked)}
                  />
                  <span className="account-filter__name">
                    {account.name}{' '}
                    <span className="account-filter__id">
                      {[account.currency, account.timeZone].filter(Boolean).join(' · ') ||
                        account.advertiserId}
                    </span>
                  </span>
                  {account.isDefault && <Badge tone="accent">Default</Badge>}
                </label>
              </li>
            ))}
            {shown.length === 0 && (
              <li className="account-filter__none">No ad account matches “{search}”.</li>
            )}
          </ul>
          {draft.size === 0 && <p className="account-filter__none">Tick at least one ad account.</p>}
          <div className="account-filter__actions">
            <Button type="submit" size="small" aria-disabled={draft.size === 0 || undefined}>
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
