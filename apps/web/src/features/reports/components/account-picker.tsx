import type { ReportAccountStatus } from '@whathead/contracts';
import { AccountChecklist } from '../../../components/ui/account-checklist';
import { Badge } from '../../../components/ui/badge';

interface AccountPickerProps {
  accounts: readonly ReportAccountStatus[];
  /** The accounts shown now. */
  chosen: readonly ReportAccountStatus[];
  onChange: (advertiserIds: string[]) => void;
}

/** Which ad accounts the report covers: at least one, since a report of none has nothing to show. */
export function AccountPicker({ accounts, chosen, onChange }: AccountPickerProps) {
  return (
    <AccountChecklist
      className="account-picker"
      title="Ad accounts to report on"
      summary={chosen.length === 1 ? chosen[0]!.name : `${chosen.length} ad accounts`}
      accounts={accounts}
      ticked={chosen.map((account) => account.advertiserId)}
      noneMeansAll={false}
      onApply={onChange}
      // Currency and time zone: what decides how the account's figures add up and which days they are.
      detail={(account) =>
        [account.currency, account.timeZone].filter(Boolean).join(' · ') || account.advertiserId
      }
      badge={(account) => account.isDefault && <Badge tone="accent">Default</Badge>}
    />
  );
}
