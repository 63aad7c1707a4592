import type { TikTokConnection, TikTokConnectionsResponse } from '@whathead/contracts';
import { useId, useRef, type FormEvent, type RefObject } from 'react';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { FormAlert } from '../../../components/ui/form-alert';
import { TextField } from '../../../components/ui/text-field';
import { messageForError } from '../../../lib/error-messages';
import { useUpdateTikTokAccounts } from '../api/update-tiktok-accounts';
import { TikTokAccountRow } from './tiktok-account-row';
import { accountsPageSize, useAccountSelection } from './use-account-selection';

/** Below this many accounts a search box and Select all are more noise than help. */
const searchFromAccounts = 10;

/** The workspace's default account when it lives in another connection: "in Northwind Retail". */
export interface DefaultElsewhere {
  name: string;
  where: string;
}

/**
 * The help page's "Selecting Ad Accounts", as a dialog: tick the accounts to use and choose the
 * workspace's default. Opens by itself right after a connect; focus starts inside it and returns
 * to what opened it. The workspace has one default across its connections, so a default chosen
 * elsewhere is named, with the fact that choosing one here replaces it. Save and Cancel (and the
 * pages) stay in view however long the list.
 */
export function TikTokAccountsManager({
  workspaceId,
  connection,
  defaultAdvertiserId,
  defaultElsewhere,
  outcome,
  onSaving,
  onSaved,
  onClose,
}: {
  workspaceId: string;
  connection: TikTokConnection;
  defaultAdvertiserId: string | null;
  defaultElsewhere: DefaultElsewhere | null;
  /** "Connected." when the chooser opens right after a connect; part of the dialog's description. */
  outcome?: string | undefined;
  /** The default about to be saved, so its change is not mistaken for a lost default. */
  onSaving: (defaultAdvertiserId: string | null) => void;
  onSaved: (response: TikTokConnectionsResponse) => void;
  onClose: () => void;
}) {
  const update = useUpdateTikTokAccounts(workspaceId, connection.id);
  const defaultGroupName = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const ownDefault = connection.accounts.some((account) => account.advertiserId === defaultAdvertiserId);
  const selection = useAccountSelection(connection.accounts, ownDefault ? defaultAdvertiserId : null);
  const many = connection.accounts.length > searchFromAccounts;
  const outside = connection.kind === 'outside_business_center';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSaving(selection.chosenDefault);
    update.mutate(
      { selectedAdvertiserIds: [...selection.selected], defaultAdvertiserId: selection.chosenDefault },
      { onSuccess: (response) => onSaved(response) },
    );
  };

  return (
    <Dialog
      title={
        outside
          ? 'Choose ad accounts outside a Business Center'
          : `Choose ad accounts from ${connection.businessCenterName}`
      }
      description={`${outcome ? `${outcome} ` : ''}Tick the ad accounts this workspace uses, and choose one as the default: it is pre-selected when you create a campaign.`}
      onClose={onClose}
    >
      <form className="accounts-manager" onSubmit={submit}>
        {defaultElsewhere && (
          <p className="notice accounts-manager__workspace-default">
            Workspace default: {defaultElsewhere.name}, {defaultElsewhere.where} — choosing one here replaces
            it.
          </p>
        )}
        {many && (
          <div className="accounts-manager__toolbar">
            <TextField
              label="Search accounts by name or id"
              name="account-search"
              type="search"
              value={selection.query}
              onChange={(event) => selection.search(event.target.value)}
            />
            <div className="button-row">
              <Button variant="secondary" size="small" onClick={selection.selectAll}>
                Select all
              </Button>
              <Button variant="secondary" size="small" onClick={selection.selectNone}>
                Select none
              </Button>
            </div>
          </div>
        )}
        {connection.accounts.length === 0 ? (
          <p className="notice">
            TikTok shows no ad accounts you can use{' '}
            {outside ? 'outside a Business Center' : 'in this Business Center'}.
          </p>
        ) : (
          <p className="accounts-manager__count" aria-live="polite">
            {selection.selected.size} of {connection.accounts.length} selected
            {selection.query && ` · ${selection.filteredCount} match “${selection.query}”`}
          </p>
        )}
        <fieldset className="accounts-manager__group">
          <legend className="accounts-manager__legend">Ad accounts and default</legend>
          {connection.accounts.length > 0 && (
            <ul ref={listRef} className="accounts-manager__list">
              {selection.visible.map((account) => (
                <TikTokAccountRow
                  key={account.advertiserId}
                  account={account}
                  ticked={selection.selected.has(account.advertiserId)}
                  isDefault={selection.chosenDefault === account.advertiserId}
                  defaultGroupName={defaultGroupName}
                  onTick={(ticked) => selection.toggle(account.advertiserId, ticked)}
                  onMakeDefault={() => selection.chooseDefault(account.advertiserId)}
                />
              ))}
              {selection.visible.length === 0 && (
                <li className="accounts-manager__account">No account matches “{selection.query.trim()}”.</li>
              )}
            </ul>
          )}
          <label className="choice">
            <input
              type="radio"
              name={defaultGroupName}
              checked={selection.chosenDefault === null}
              onChange={() => selection.chooseDefault(null)}
            />
            <span className="choice__text">
              {defaultElsewhere ? `Keep ${defaultElsewhere.name} as the default` : 'No default account'}
            </span>
          </label>
        </fieldset>
        <div className="accounts-manager__footer">
          {selection.pageCount > 1 && <Pagination selection={selection} listRef={listRef} />}
          <FormAlert>{update.isError ? messageForError(update.error) : undefined}</FormAlert>
          <div className="button-row button-row--end">
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" isLoading={update.isPending}>
              Save
            </Button>
          </div>
        </div>
      </form>
    </Dialog>
  );
}

function Pagination({
  selection,
  listRef,
}: {
  selection: ReturnType<typeof useAccountSelection>;
  listRef: RefObject<HTMLUListElement | null>;
}) {
  const first = selection.page * accountsPageSize + 1;
  const last = Math.min(selection.filteredCount, first + accountsPageSize - 1);
  const goTo = (page: number) => {
    if (page < 0 || page >= selection.pageCount) return;
    selection.setPage(page);
    // The next page starts at its first account, not where the last one was scrolled to.
    const list = listRef.current;
    if (!list) return;
    list.scrollTop = 0;
    list.scrollIntoView({ block: 'start' });
  };
  return (
    <nav className="button-row accounts-manager__pages" aria-label="Account pages">
      <Button
        variant="secondary"
        size="small"
        aria-disabled={selection.page === 0}
        onClick={() => goTo(selection.page - 1)}
      >
        Previous
      </Button>
      <span aria-live="polite">
        {first}–{last} of {selection.filteredCount}
      </span>
      <Button
        variant="secondary"
        size="small"
        aria-disabled={selection.page >= selection.pageCount - 1}
        onClick={() => goTo(selection.page + 1)}
      >
        Next
      </Button>
    </nav>
  );
}
