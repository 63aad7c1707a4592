import type { TikTokConnection } from '@whathead/contracts';
import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { FormAlert } from '../../../components/ui/form-alert';
import { messageForError } from '../../../lib/error-messages';
import { useUpdateTikTokAccounts } from '../api/update-tiktok-accounts';

/**
 * Tick the accounts to use and choose the workspace's default (help page, "Selecting Ad
 * Accounts"). Accounts TikTok won't let run ads can be ticked but not made the default.
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

  return (
    <form className="stack" onSubmit={submit}>
      <fieldset className="stack">
        <legend>Ad accounts to use from {connection.businessCenterName}</legend>
        {connection.accounts.map((account) => (
          <div key={account.advertiserId} className="stack stack--small">
            <label>
              <input
                type="checkbox"
                checked={selected.has(account.advertiserId)}
                onChange={(event) => toggle(account.advertiserId, event.target.checked)}
              />{' '}
              {account.name} ({account.advertiserId})
            </label>
            <span className="details__note">
              {account.statusLabel} · {account.currency ?? 'currency unknown'} ·{' '}
              {account.timezone ?? 'time zone unknown'}
              {account.role ? ` · your role: ${account.role.toLowerCase()}` : ''}
            </span>
            {account.unusableReason && <span className="details__note">{account.unusableReason}</span>}
          </div>
        ))}
      </fieldset>
      <fieldset className="stack">
        <legend>Default account</legend>
        {connection.accounts
          .filter((account) => selected.has(account.advertiserId) && account.usable)
          .map((account) => (
            <label key={account.advertiserId}>
              <input
                type="radio"
                name={defaultName}
                checked={chosenDefault === account.advertiserId}
                onChange={() => setChosenDefault(account.advertiserId)}
              />{' '}
              {account.name} ({account.advertiserId})
            </label>
          ))}
        <label>
          <input
            type="radio"
            name={defaultName}
            checked={chosenDefault === null}
            onChange={() => setChosenDefault(null)}
          />{' '}
          No default in this Business Center
        </label>
      </fieldset>
      <FormAlert>{update.isError ? messageForError(update.error) : undefined}</FormAlert>
      <div className="button-row">
        <Button type="submit" isLoading={update.isPending}>
          Save accounts
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
