import type { MediaAccount } from '@whathead/contracts';
import { SelectField } from '../../../components/ui/select-field';

interface AccountSelectProps {
  accounts: readonly MediaAccount[];
  advertiserId: string;
  onChange: (advertiserId: string) => void;
}

/** Whose library the page shows: one ad account at a time, as TikTok keeps one library per account. */
export function AccountSelect({ accounts, advertiserId, onChange }: AccountSelectProps) {
  return (
    <SelectField
      inline
      label="Ad account"
      className="account-select"
      value={advertiserId}
      onChange={(event) => onChange(event.target.value)}
    >
      {accounts.map((account) => (
        <option key={account.advertiserId} value={account.advertiserId}>
          {account.isDefault ? `${account.name} (default)` : account.name}
        </option>
      ))}
    </SelectField>
  );
}
