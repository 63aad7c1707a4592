import type { TikTokConnection } from '@whathead/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { FormAlert } from '../../../components/ui/form-alert';
import { AlertIcon, CheckIcon, ClockIcon } from '../../../components/ui/icons';
import { messageForError } from '../../../lib/error-messages';
import { useCheckTikTokConnection } from '../api/check-tiktok-connection';
import { TikTokAccountsManager } from './tiktok-accounts-manager';
import { TikTokDisconnectDialog } from './tiktok-disconnect-dialog';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** One connected Business Center: its health, permissions, accounts and actions. */
export function TikTokBusinessCenter({
  workspaceId,
  connection,
  defaultAdvertiserId,
  canManage,
  onReconnect,
}: {
  workspaceId: string;
  connection: TikTokConnection;
  defaultAdvertiserId: string | null;
  canManage: boolean;
  onReconnect: (connectionId: string) => void;
}) {
  const headingId = useId();
  const [managing, setManaging] = useState(false);
  const manageButtonRef = useRef<HTMLButtonElement>(null);
  const wasManaging = useRef(false);
  useEffect(() => {
    // Saved or cancelled: the accounts form and its buttons are gone, so focus returns to Manage accounts.
    if (wasManaging.current && !managing) manageButtonRef.current?.focus();
    wasManaging.current = managing;
  }, [managing]);
  const [confirmingDisconnect, setConfirmingDisconnect] = useState(false);
  const check = useCheckTikTokConnection(workspaceId);
  const selected = connection.accounts.filter((account) => account.selected);
  const needsAttention = connection.status === 'needs_attention';
  const missingPermissions = connection.permissions.filter((permission) => !permission.granted);

  return (
    <section
      className={needsAttention ? 'business-center business-center--attention' : 'business-center'}
      aria-labelledby={headingId}
    >
      <header className="business-center__header">
        <div className="business-center__title-group">
          <h3 id={headingId} className="business-center__title">
            {connection.businessCenterName}
          </h3>
          <p className="business-center__meta">
            Business Center <span className="business-center__id">{connection.businessCenterId}</span>
          </p>
        </div>
        {needsAttention ? (
          <Badge tone="warning">Needs attention</Badge>
        ) : (
          <Badge tone="success">Connected</Badge>
        )}
      </header>

      {needsAttention && (
        <div className="notice notice--warning business-center__attention" role="status">
          <AlertIcon />
          <div className="stack stack--small">
            <p>{connection.attention?.message}</p>
            {canManage && (
              <div>
                <Button size="small" onClick={() => onReconnect(connection.id)}>
                  Reconnect
                </Button>
              </div>
            )}
          </div>
        </div>
      )}

      {connection.accounts.length === 0 ? (
        <div className="notice business-center__empty">
          <p>
            <strong>No ad accounts are visible in {connection.businessCenterName}.</strong> Your ad accounts
            may be in another Business Center, or your TikTok user has no access to them here.
          </p>
          <p>
            Check in TikTok Ads Manager which accounts you can reach. Then use Add Another Account to connect
            the Business Center that holds them, or Disconnect this one.
          </p>
        </div>
      ) : (
        <div className="stack stack--small">
          <h4 className="business-center__label">Ad accounts in use</h4>
          <ul
            className="account-list"
            aria-label={`Ad accounts in use from ${connection.businessCenterName}`}
          >
            {selected.length === 0 && (
              <li className="account-list__empty">
                No ad accounts chosen yet. Use Manage accounts to pick the ones this workspace runs.
              </li>
            )}
            {selected.map((account) => (
              <li key={account.advertiserId} className="account-list__item">
                <span className="account-list__name">
                  {account.name} <span className="account-list__id">({account.advertiserId})</span>
                </span>
                <span className="account-list__badges">
                  {account.advertiserId === defaultAdvertiserId && <Badge tone="accent">Default</Badge>}
                  {account.accessible ? (
                    <Badge tone={account.usable ? 'success' : 'warning'}>{account.statusLabel}</Badge>
                  ) : (
                    <Badge tone="warning">No longer accessible</Badge>
                  )}
                </span>
              </li>
            ))}
          </ul>
          {connection.newAccountsAvailable > 0 && (
            <p className="notice business-center__news" role="status">
              {connection.newAccountsAvailable === 1
                ? '1 new ad account available'
                : `${connection.newAccountsAvailable} new ad accounts available`}{' '}
              in {connection.businessCenterName}. Use Manage accounts to choose whether this workspace uses{' '}
              {connection.newAccountsAvailable === 1 ? 'it' : 'them'}.
            </p>
          )}
        </div>
      )}

      {managing && (
        <TikTokAccountsManager
          workspaceId={workspaceId}
          connection={connection}
          defaultAdvertiserId={defaultAdvertiserId}
          onDone={() => setManaging(false)}
        />
      )}

      <div className="stack stack--small">
        <h4 className="business-center__label">Permissions</h4>
        <ul className="permission-list" aria-label="Permissions">
          {connection.permissions.map((permission) => (
            <li
              key={permission.key}
              className={permission.granted ? 'permission' : 'permission permission--missing'}
              title={permission.enables}
            >
              {permission.granted ? <CheckIcon size={14} /> : <AlertIcon size={14} />}
              <span className="visually-hidden">{permission.granted ? 'Granted:' : 'Missing:'}</span>
              {permission.name}
            </li>
          ))}
        </ul>
        {missingPermissions.length > 0 && (
          <ul className="permission-gaps" aria-label="What stops working without the missing permissions">
            {missingPermissions.map((permission) => (
              <li key={permission.key}>
                <strong>{permission.name}</strong> is missing: it is needed to{' '}
                {permission.enables.charAt(0).toLowerCase() + permission.enables.slice(1)}. Reconnect and keep
                it ticked on TikTok’s page.
              </li>
            ))}
          </ul>
        )}
      </div>

      <p className="business-center__checked">
        <ClockIcon size={14} />
        <span>
          Connected {dateTime.format(new Date(connection.connectedAt))} · Last checked{' '}
          {connection.lastCheckedAt ? dateTime.format(new Date(connection.lastCheckedAt)) : 'never'}
        </span>
      </p>

      <FormAlert>{check.isError ? messageForError(check.error) : undefined}</FormAlert>
      {canManage && !managing && (
        <div className="button-row">
          {connection.accounts.length > 0 && (
            <Button ref={manageButtonRef} variant="secondary" size="small" onClick={() => setManaging(true)}>
              Manage accounts
            </Button>
          )}
          <Button
            variant="secondary"
            size="small"
            isLoading={check.isPending}
            onClick={() => check.mutate(connection.id)}
          >
            Check connection
          </Button>
          <Button
            variant="ghost"
            size="small"
            className="button-row__push"
            onClick={() => setConfirmingDisconnect(true)}
          >
            Disconnect
          </Button>
        </div>
      )}
      {confirmingDisconnect && (
        <TikTokDisconnectDialog
          workspaceId={workspaceId}
          connection={connection}
          onClose={() => setConfirmingDisconnect(false)}
        />
      )}
    </section>
  );
}
