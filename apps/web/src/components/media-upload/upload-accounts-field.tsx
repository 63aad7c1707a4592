import { useId } from 'react';
import type { ChecklistAccount } from '../ui/account-checklist';

interface UploadAccountsFieldProps {
  accounts: readonly ChecklistAccount[];
  ticked: ReadonlySet<string>;
  onChange: (ticked: ReadonlySet<string>) => void;
  error?: string;
}

/**
 * The ad accounts the files go to. Plain checkboxes rather than the filters' account popover: in a
 * dialog the choice is part of the form, seen at a glance, not a setting tucked behind a button.
 */
export function UploadAccountsField({ accounts, ticked, onChange, error }: UploadAccountsFieldProps) {
  const errorId = useId();
  const tick = (advertiserId: string, isTicked: boolean) => {
    const next = new Set(ticked);
    if (isTicked) next.add(advertiserId);
    else next.delete(advertiserId);
    onChange(next);
  };
  return (
    <fieldset className="upload-accounts" aria-describedby={error ? errorId : undefined}>
      <legend className="field__label">Upload to these ad accounts</legend>
      <ul className="upload-accounts__list">
        {accounts.map((account) => (
          <li key={account.advertiserId}>
            <label className="choice">
              <input
                type="checkbox"
                checked={ticked.has(account.advertiserId)}
                onChange={(event) => tick(account.advertiserId, event.target.checked)}
              />
              <span className="choice__text">{account.name}</span>
              <span className="upload-accounts__id">{account.advertiserId}</span>
            </label>
          </li>
        ))}
      </ul>
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
