import type { ReportAccountStatus } from '@whathead/contracts';
import { AccountChecklist } from '../../../components/ui/account-checklist';
import { Badge } from '../../../components/ui/badge';

interface AccountPickerProps {
  accounts: readonly ReportAccountStatus[];
  /** The accounts shown now. */
  chosen: readonly ReportAccountStatus[];
  onChange: (advertiserIds: string[]) => void;
}

/**
 * Which ad accounts the report covers: at least one, since a report of none has nothing to show.
 * A report opens on the default account alone, as the server reads one that names none (its
 * currency and calendar then lead, and a shared link without accounts keeps its meaning), so the
 * button says when others are in use beside the ones shown.
 */
export function AccountPicker({ accounts, chosen, onChange }: AccountPickerProps) {
  return (
    <AccountChecklist
      className="account-picker"
      title="Ad accounts to report on"
      summary={pickerSummary(chosen, accounts.length)}
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

/**
 * After "Ad accounts:": "Northwind US", "Northwind US (default) · 3 in use", "2 ad accounts ·
 * 3 in use", or "3 ad accounts" when they are all of them.
 */
export function pickerSummary(chosen: readonly ReportAccountStatus[], inUse: number): string {
  const [first] = chosen;
  const shown =
    chosen.length === 1 && first
      ? `${first.name}${first.isDefault && inUse > 1 ? ' (default)' : ''}`
      : `${chosen.length} ad accounts`;
  return chosen.length < inUse ? `${shown} · ${inUse} in use` : shown;
}
