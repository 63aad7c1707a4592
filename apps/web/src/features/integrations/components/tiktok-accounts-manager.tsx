import type { TikTokConnection } from '@whathead/contracts';
import { useId, useState, type FormEvent } from 'react';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { FormAlert } from '../../../components/ui/form-alert';
import { messageForError } from '../../../lib/error-messages';
import { useUpdateTikTokAccounts } from '../api/update-tiktok-accounts';

/**
 * Tick the accounts to use and choose the workspace's default (help page, "Selecting Ad
 * Accounts"). Accounts TikTok won't let run ads can be ticked but not made the default, and
 * each says what to check with TikTok.
 */
export function TikTokAccountsManager({
  workspaceId,
  connection,
  defaultAdvertiserId,
  onDone,
}: {
  workspaceId: string;
  connection: TikTokConnection;
  defaultAdvertiserId: string | null;
  onDone: () => void;
}) {
  const update = useUpdateTikTokAccounts(workspaceId, connection.id);
  const defaultName = useId();
  const reasonPrefix = useId();
  const reasonId = (advertiserId: string) => `${reasonPrefix}-${advertiserId}`;
  const [selected, setSelected] = useState(
    () =>
      new Set(
        connection.accounts.filter((account) => account.selected).map((account) => account.advertiserId),
      ),
  );
  const ownDefault = connection.accounts.some((account) => account.advertiserId === defaultAdvertiserId);
  const [chosenDefault, setChosenDefault] = useState<string | null>(ownDefault ? defaultAdvertiserId : null);

  const toggle = (advertiserId: string, checked: boolean) => {
    const next = new Set(selected);
    if (checked) next.add(advertiserId);
    else next.delete(advertiserId);
    setSelected(next);
    if (!checked && chosenDefault === advertiserId) setChosenDefault(null);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { selectedAdvertiserIds: [...selected], defaultAdvertiserId: chosenDefault },
      { onSuccess: onDone },
    );
  };

  const selectedAccounts = connection.accounts.filter((account) => selected.has(account.advertiserId));

  return (
    <form className="accounts-manager" onSubmit={submit}>
      <fieldset className="accounts-manager__group">
        <legend className="accounts-manager__legend">
          Ad accounts to use from {connection.businessCenterName}
        </legend>
        <ul className="accounts-manager__list">
          {connection.accounts.map((account, index) => (
            <li key={account.advertiserId} className="accounts-manager__account">
              <label className="choice">
                <input
                  type="checkbox"
                  // Opening the form hid the Manage accounts button that had the focus.
                  autoFocus={index === 0}
                  checked={selected.has(account.advertiserId)}
                  onChange={(event) => toggle(account.advertiserId, event.target.checked)}
                />
                <span className="choice__text">
                  {account.name} ({account.advertiserId})
                </span>
              </label>
              <p className="accounts-manager__facts">
                {account.isNew && <Badge tone="accent">New</Badge>}
                {account.accessible ? (
                  <Badge tone={account.usable ? 'success' : 'warning'}>{account.statusLabel}</Badge>
                ) : (
                  <Badge tone="warning">No longer accessible</Badge>
                )}
                <span>
                  {account.currency ?? 'Currency unknown'} · {account.timezone ?? 'time zone unknown'}
                  {account.role ? ` · your role: ${account.role.toLowerCase()}` : ''}
                </span>
              </p>
              {account.unusableReason && (
                <p className="accounts-manager__reason" id={reasonId(account.advertiserId)}>
                  {account.unusableReason}
                </p>
              )}
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset className="accounts-manager__group">
        <legend className="accounts-manager__legend">Default account</legend>
        <p className="accounts-manager__hint">
          Pre-selected when you create a campaign. Only one account is the default across all your Business
          Centers, and only an active account can be it.
        </p>
        <div className="accounts-manager__defaults">
          {selectedAccounts.map((account) => (
            <label key={account.advertiserId} className="choice">
              <input
                type="radio"
                name={defaultName}
                checked={chosenDefault === account.advertiserId}
                disabled={!account.usable}
                aria-describedby={account.usable ? undefined : reasonId(account.advertiserId)}
                onChange={() => setChosenDefault(account.advertiserId)}
              />
              <span className="choice__text">
                {account.name} ({account.advertiserId})
              </span>
              {!account.usable && <span className="choice__note">Can’t be the default</span>}
            </label>
          ))}
          <label className="choice">
            <input
              type="radio"
              name={defaultName}
              checked={chosenDefault === null}
              onChange={() => setChosenDefault(null)}
            />
            <span className="choice__text">No default in this Business Center</span>
          </label>
        </div>
      </fieldset>
      <FormAlert>{update.isError ? messageForError(update.error) : undefined}</FormAlert>
      <div className="button-row">
        <Button type="submit" size="small" isLoading={update.isPending}>
          Save accounts
        </Button>
        <Button variant="secondary" size="small" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
