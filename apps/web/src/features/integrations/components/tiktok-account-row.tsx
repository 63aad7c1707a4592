import type { TikTokAdAccount } from '@whathead/contracts';
import { useId } from 'react';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { canBeDefault } from './use-account-selection';

/** TikTok's status of an account (Active, Suspended…): green when TikTok lets it run. */
export function statusTone(account: TikTokAdAccount): BadgeTone {
  // Not `usable`: a view-only account is active at TikTok; the user's role is a separate badge.
  return account.usable || account.status === 'STATUS_ENABLE' ? 'success' : 'warning';
}

/** One account in the chooser: tick it, make it the default, and see why it can't be. */
export function TikTokAccountRow({
  account,
  ticked,
  isDefault,
  defaultGroupName,
  onTick,
  onMakeDefault,
}: {
  account: TikTokAdAccount;
  ticked: boolean;
  isDefault: boolean;
  defaultGroupName: string;
  onTick: (ticked: boolean) => void;
  onMakeDefault: () => void;
}) {
  const noteId = useId();
  const reasonId = useId();
  const label = `${account.name} (${account.advertiserId})`;
  const reason = account.accessible
    ? account.unusableReason
    : 'No longer accessible: TikTok no longer lists this account for your TikTok user.';
  const describedBy = [account.readOnly && noteId, reason && reasonId].filter(Boolean).join(' ');
  return (
    <li className="accounts-manager__account">
      <div className="accounts-manager__choices">
        <label className="choice choice--account">
          <input type="checkbox" checked={ticked} onChange={(event) => onTick(event.target.checked)} />
          <span className="choice__text">{label}</span>
        </label>
        <label className="choice choice--default">
          <input
            type="radio"
            name={defaultGroupName}
            checked={isDefault}
            disabled={!canBeDefault(account)}
            aria-describedby={describedBy || undefined}
            onChange={onMakeDefault}
          />
          <span>
            Default<span className="visually-hidden">: {label}</span>
          </span>
        </label>
      </div>
      <p className="accounts-manager__facts">
        {account.isNew && <Badge tone="accent">New</Badge>}
        {account.accessible ? (
          <Badge tone={statusTone(account)}>{account.statusLabel}</Badge>
        ) : (
          <Badge tone="warning">No longer accessible</Badge>
        )}
        {account.readOnly && (
          <span id={noteId}>
            <Badge>View only — can be used for reporting</Badge>
          </span>
        )}
        <span>
          {account.currency ?? 'Currency unknown'} · {account.timezone ?? 'time zone unknown'}
          {account.role ? ` · your role: ${account.role.toLowerCase()}` : ''}
        </span>
      </p>
      {reason && (
        <p className="accounts-manager__reason" id={reasonId}>
          {reason}
        </p>
      )}
    </li>
  );
}
