import { AccountChecklist } from '../../../components/ui/account-checklist';
import { Badge } from '../../../components/ui/badge';
import { accountsSummary, type AccountOption } from './campaign-accounts';

interface AccountFilterProps {
  options: readonly AccountOption[];
  /** The accounts shown now. */
  accounts: readonly string[] | 'all';
  onChange: (accounts: readonly string[] | 'all') => void;
}

/** Which ad accounts the table shows; no tick at all means every account. */
export function AccountFilter({ options, accounts, onChange }: AccountFilterProps) {
  return (
    <AccountChecklist
      className="account-filter"
      title="Ad accounts to show"
      summary={accountsSummary(accounts, options)}
      accounts={options}
      ticked={accounts === 'all' ? [] : accounts}
      noneMeansAll
      onApply={(chosen) => onChange(chosen.length === 0 ? 'all' : chosen)}
      detail={(option) => option.advertiserId}
      badge={(option) => !option.syncing && <Badge>Not syncing</Badge>}
    />
  );
}
