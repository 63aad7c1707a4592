import type { TikTokConnection } from '@whathead/contracts';
import { useId, useState } from 'react';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { FormAlert } from '../../../components/ui/form-alert';
import { messageForError } from '../../../lib/error-messages';
import { useCheckTikTokConnection } from '../api/check-tiktok-connection';
import { useDisconnectTikTokConnection } from '../api/disconnect-tiktok-connection';
import { TikTokAccountsManager } from './tiktok-accounts-manager';

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
  const [confirmingDisconnect, setConfirmingDisconnect] = useState(false);
  const check = useCheckTikTokConnection(workspaceId);
  const disconnect = useDisconnectTikTokConnection(workspaceId);
  const selected = connection.accounts.filter((account) => account.selected);
  const failure = check.error ?? disconnect.error;

  return (
    <section className="stack card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {connection.businessCenterName} <span className="details__note">({connection.businessCenterId})</span>
      </h3>
      {connection.status === 'needs_attention' ? (
        <div className="notice notice--warning stack" role="status">
          <Badge tone="warning">Needs attention</Badge>
          <p>{connection.attention?.message}</p>
          {canManage && (
            <div>
              <Button onClick={() => onReconnect(connection.id)}>Reconnect</Button>
            </div>
          )}
        </div>
      ) : (
        <Badge tone="success">Connected</Badge>
      )}
      <ul className="check-list" aria-label="Permissions">
        {connection.permissions.map((permission) => (
          <li key={permission.key}>
            {permission.granted ? 'Granted' : 'Missing'}: {permission.name}
            {permission.granted ? '' : ` (without it: ${permission.enables.toLowerCase()} won’t work)`}
          </li>
        ))}
      </ul>
      <p className="details__note">
        Last checked:{' '}
        {connection.lastCheckedAt ? dateTime.format(new Date(connection.lastCheckedAt)) : 'never'}
      </p>
      {connection.accounts.length === 0 ? (
        <p className="notice">
          No ad accounts are visible in this Business Center. They may be in another Business Center, or your
          TikTok user has no access to them: check in TikTok Ads Manager, or disconnect and connect the right
          Business Center.
        </p>
      ) : (
        <ul aria-label={`Ad accounts in use from ${connection.businessCenterName}`}>
          {selected.length === 0 && <li>No ad accounts selected yet. Click Manage accounts to choose.</li>}
          {selected.map((account) => (
            <li key={account.advertiserId}>
              {account.name} ({account.advertiserId}) · {account.statusLabel}
              {account.advertiserId === defaultAdvertiserId ? ' · Default' : ''}
            </li>
          ))}
        </ul>
      )}
      {managing && (
        <TikTokAccountsManager
          workspaceId={workspaceId}
          connection={connection}
          defaultAdvertiserId={defaultAdvertiserId}
          onDone={() => setManaging(false)}
        />
      )}
      <FormAlert>{failure ? messageForError(failure) : undefined}</FormAlert>
      {canManage && !managing && (
        <div className="button-row">
          {connection.accounts.length > 0 && (
            <Button variant="secondary" onClick={() => setManaging(true)}>
              Manage accounts
            </Button>
          )}
          <Button variant="secondary" isLoading={check.isPending} onClick={() => check.mutate(connection.id)}>
            Check connection
          </Button>
          {confirmingDisconnect ? (
            <>
              <span>Disconnect {connection.businessCenterName}? Whathead’s access is revoked at TikTok.</span>
              <Button
                variant="danger"
                isLoading={disconnect.isPending}
                onClick={() => disconnect.mutate(connection.id)}
              >
                Yes, disconnect
              </Button>
              <Button variant="ghost" onClick={() => setConfirmingDisconnect(false)}>
                Keep connected
              </Button>
            </>
          ) : (
            <Button variant="danger" onClick={() => setConfirmingDisconnect(true)}>
              Disconnect
            </Button>
          )}
        </div>
      )}
    </section>
  );
}
