import type { TikTokAdAccount, TikTokConnection } from '@whathead/contracts';
import { Badge } from '../../../components/ui/badge';

/** The accounts this workspace uses from one connection, or why none are visible. */
export function TikTokAccountsInUse({
  connection,
  defaultAdvertiserId,
}: {
  connection: TikTokConnection;
  defaultAdvertiserId: string | null;
}) {
  const name = connection.businessCenterName;
  if (connection.accounts.length === 0) {
    return (
      <div className="notice business-center__empty">
        <p>
          <strong>No ad accounts are visible in {name}.</strong> Your ad accounts may be in another Business
          Center, or your TikTok user has no access to them here.
        </p>
        <p>
          Check in TikTok Ads Manager which accounts you can reach. Then use Add Another Account to connect
          the Business Center that holds them, or Disconnect this one.
        </p>
      </div>
    );
  }
  const selected = connection.accounts.filter((account) => account.selected);
  const fresh = connection.newAccountsAvailable;
  return (
    <div className="stack stack--small">
      <h4 className="business-center__label">Ad accounts in use</h4>
      <ul className="account-list" aria-label={`Ad accounts in use from ${name}`}>
        {selected.length === 0 && (
          <li className="account-list__empty">
            No ad accounts chosen yet. Use Manage accounts to pick the ones this workspace runs.
          </li>
        )}
        {selected.map((account) => (
          <AccountInUse
            key={account.advertiserId}
            account={account}
            isDefault={account.advertiserId === defaultAdvertiserId}
          />
        ))}
      </ul>
      {fresh > 0 && (
        <p className="notice business-center__news" role="status">
          {fresh === 1 ? '1 new ad account available' : `${fresh} new ad accounts available`} in {name}. Use
          Manage accounts to choose whether this workspace uses {fresh === 1 ? 'it' : 'them'}.
        </p>
      )}
    </div>
  );
}

function AccountInUse({ account, isDefault }: { account: TikTokAdAccount; isDefault: boolean }) {
  return (
    <li className="account-list__item">
      <span className="account-list__name">
        {account.name} <span className="account-list__id">({account.advertiserId})</span>
      </span>
      <span className="account-list__badges">
        {isDefault && <Badge tone="accent">Default</Badge>}
        {account.readOnly && <Badge>View only — can be used for reporting</Badge>}
        {account.accessible ? (
          <Badge tone={account.usable ? 'success' : 'warning'}>{account.statusLabel}</Badge>
        ) : (
          <Badge tone="warning">No longer accessible</Badge>
        )}
      </span>
    </li>
  );
}
