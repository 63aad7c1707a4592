import type { TikTokAdAccount, TikTokConnection } from '@whathead/contracts';
import { Badge } from '../../../components/ui/badge';
import { statusTone } from './tiktok-account-row';

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
    // The help page's "Can't see my ad accounts after connecting": its cause and resolution.
    return (
      <div className="notice notice--warning business-center__empty">
        <p>
          <strong>No ad accounts are visible in {name}.</strong> TikTok shows no ad accounts you can use
          there: they may not be in this Business Center, or your TikTok user doesn’t have access to them.
        </p>
        <ol className="business-center__steps" aria-label="How to find your ad accounts">
          <li>Log in to TikTok Ads Manager and check which ad accounts you have access to.</li>
          <li>Make sure you connected the Business Center that holds them.</li>
          <li>If it is another one, connect it with Add Another Account, then disconnect this one.</li>
        </ol>
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
          <Badge tone={statusTone(account)}>{account.statusLabel}</Badge>
        ) : (
          <Badge tone="warning">No longer accessible</Badge>
        )}
      </span>
    </li>
  );
}
