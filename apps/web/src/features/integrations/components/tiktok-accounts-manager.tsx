import type { TikTokConnection } from '@whathead/contracts';
import { useId, type FormEvent } from 'react';
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

/**
 * The help page's "Selecting Ad Accounts", as a dialog: tick the accounts to use and choose the
 * workspace's default. Opens by itself right after a connect; focus starts inside it and returns
 * to what opened it.
 */
export function TikTokAccountsManager({
  workspaceId,
  connection,
  defaultAdvertiserId,
  onSaving,
  onSaved,
  onClose,
}: {
  workspaceId: string;
  connection: TikTokConnection;
  defaultAdvertiserId: string | null;
  /** The default about to be saved, so its change is not mistaken for a lost default. */
  onSaving: (defaultAdvertiserId: string | null) => void;
  onSaved: () => void;
  onClose: () => void;
}) {
  const update = useUpdateTikTokAccounts(workspaceId, connection.id);
  const defaultGroupName = useId();
  const ownDefault = connection.accounts.some((account) => account.advertiserId === defaultAdvertiserId);
  const selection = useAccountSelection(connection.accounts, ownDefault ? defaultAdvertiserId : null);
  const many = connection.accounts.length > searchFromAccounts;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSaving(selection.chosenDefault);
    update.mutate(
      { selectedAdvertiserIds: [...selection.selected], defaultAdvertiserId: selection.chosenDefault },
      { onSuccess: onSaved },
    );
  };

  return (
    <Dialog
      title={`Choose ad accounts from ${connection.businessCenterName}`}
      description="Tick the ad accounts this workspace uses, and choose one as the default: it is pre-selected when you create a campaign."
      onClose={onClose}
    >
      <form className="accounts-manager" onSubmit={submit}>
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
        <p className="accounts-manager__count" aria-live="polite">
          {selection.selected.size} of {connection.accounts.length} selected
          {selection.query && ` · ${selection.filteredCount} match “${selection.query}”`}
        </p>
        <fieldset className="accounts-manager__group">
          <legend className="accounts-manager__legend">Ad accounts and default</legend>
          <ul className="accounts-manager__list">
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
              <li className="accounts-manager__account">No account matches “{selection.query}”.</li>
            )}
          </ul>
          <label className="choice">
            <input
              type="radio"
              name={defaultGroupName}
              checked={selection.chosenDefault === null}
              onChange={() => selection.chooseDefault(null)}
            />
            <span className="choice__text">No default in this Business Center</span>
          </label>
        </fieldset>
        {selection.pageCount > 1 && <Pagination selection={selection} />}
        <FormAlert>{update.isError ? messageForError(update.error) : undefined}</FormAlert>
        <div className="button-row button-row--end">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" isLoading={update.isPending}>
            Save
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function Pagination({ selection }: { selection: ReturnType<typeof useAccountSelection> }) {
  const first = selection.page * accountsPageSize + 1;
  const last = Math.min(selection.filteredCount, first + accountsPageSize - 1);
  return (
    <nav className="button-row" aria-label="Account pages">
      <Button
        variant="secondary"
        size="small"
        aria-disabled={selection.page === 0}
        onClick={() => selection.setPage(selection.page - 1)}
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
        onClick={() => selection.setPage(selection.page + 1)}
      >
        Next
      </Button>
    </nav>
  );
}
