import { useState, type ReactNode } from 'react';
import { Button } from './button';
import { ChevronDownIcon } from './icons';
import { Popover } from './popover';

/** Past this many accounts the list gets a search box: agencies run hundreds. */
const searchableFrom = 8;

/** What the checklist needs of an ad account; each page brings its own kind. */
export interface ChecklistAccount {
  advertiserId: string;
  name: string;
}

interface AccountChecklistProps<Account extends ChecklistAccount> {
  /** Names the panel: what the accounts are chosen for. */
  title: string;
  /** The accounts chosen now, in words, after "Ad accounts:" on the button. */
  summary: string;
  className?: string;
  accounts: readonly Account[];
  /** The ids ticked as the panel opens. */
  ticked: readonly string[];
  /**
   * Whether no tick stands for every account (a filter, which then offers "All ad accounts");
   * otherwise Apply waits for a tick (a report needs an account).
   */
  noneMeansAll: boolean;
  /** The ticked ids, in the accounts' order. */
  onApply: (advertiserIds: string[]) => void;
  /** The small words after an account's name. */
  detail: (account: Account) => ReactNode;
  badge?: (account: Account) => ReactNode;
}

/**
 * A button that opens a checklist of ad accounts. Ticks are a draft until Apply, so choosing ten
 * accounts out of hundreds asks for the page's figures once, not ten times.
 */
export function AccountChecklist<Account extends ChecklistAccount>({
  title,
  summary,
  className,
  ...checklist
}: AccountChecklistProps<Account>) {
  return (
    <Popover
      className={className}
      title={title}
      trigger={
        <>
          <span className="popover__label">Ad accounts:</span>{' '}
          <span className="popover__summary">{summary}</span>
          <span className="popover__chevron">
            <ChevronDownIcon />
          </span>
        </>
      }
    >
      {/* The panel's content mounts as it opens, so each opening starts from the accounts chosen now. */}
      {(close) => <ChecklistForm {...checklist} close={close} />}
    </Popover>
  );
}

type ChecklistFormProps<Account extends ChecklistAccount> = Omit<
  AccountChecklistProps<Account>,
  'title' | 'summary' | 'className'
> & { close: () => void };

function ChecklistForm<Account extends ChecklistAccount>({
  accounts,
  ticked,
  noneMeansAll,
  onApply,
  detail,
  badge,
  close,
}: ChecklistFormProps<Account>) {
  const [draft, setDraft] = useState<ReadonlySet<string>>(() => new Set(ticked));
  const [search, setSearch] = useState('');
  const needle = search.trim().toLowerCase();
  const shown = needle
    ? accounts.filter(
        (account) => account.name.toLowerCase().includes(needle) || account.advertiserId.includes(needle),
      )
    : accounts;
  const tick = (advertiserId: string, isTicked: boolean) => {
    const next = new Set(draft);
    if (isTicked) next.add(advertiserId);
    else next.delete(advertiserId);
    setDraft(next);
  };
  const isRefused = !noneMeansAll && draft.size === 0;

  return (
    <form
      className="account-checklist"
      onSubmit={(event) => {
        event.preventDefault();
        if (isRefused) return;
        onApply(accounts.map((account) => account.advertiserId).filter((id) => draft.has(id)));
        close();
      }}
    >
      {accounts.length >= searchableFrom && (
        <input
          type="search"
          className="field__control account-checklist__search"
          aria-label="Find an ad account by name or ID"
          placeholder="Find an ad account"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
      )}
      {noneMeansAll && (
        <label className="choice account-checklist__all">
          <input type="checkbox" checked={draft.size === 0} onChange={() => setDraft(new Set())} />
          <span>All ad accounts</span>
        </label>
      )}
      <ul className="account-checklist__list" aria-label="Ad accounts">
        {shown.map((account) => (
          <li key={account.advertiserId}>
            <label className="choice account-checklist__account">
              <input
                type="checkbox"
                checked={draft.has(account.advertiserId)}
                onChange={(event) => tick(account.advertiserId, event.target.checked)}
              />
              <span className="account-checklist__name">
                {account.name} <span className="account-checklist__detail">{detail(account)}</span>
              </span>
              {badge?.(account)}
            </label>
          </li>
        ))}
        {shown.length === 0 && <li className="account-checklist__none">No ad account matches “{search}”.</li>}
      </ul>
      {isRefused && <p className="account-checklist__none">Tick at least one ad account.</p>}
      <div className="account-checklist__actions">
        <Button type="submit" size="small" aria-disabled={isRefused || undefined}>
          Apply
        </Button>
        <Button variant="ghost" size="small" onClick={close}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
