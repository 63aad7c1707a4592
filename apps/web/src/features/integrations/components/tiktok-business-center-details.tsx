import type { TikTokConnection } from '@whathead/contracts';
import { ClockIcon } from '../../../components/ui/icons';
import { TikTokAccountsInUse } from './tiktok-accounts-in-use';
import { TikTokBusinessCenterActions } from './tiktok-business-center-actions';
import { TikTokConnectionAttention } from './tiktok-connection-attention';
import { TikTokPermissionList } from './tiktok-permission-list';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export interface BusinessCenterHandlers {
  workspaceId: string;
  canManage: boolean;
  onReconnect: (connectionId: string) => void;
  onManage: (connectionId: string) => void;
  /** The user did something on the card: a message about an earlier action no longer describes it. */
  onActivity: () => void;
  onDisconnected: (connection: TikTokConnection) => void;
}

/** One connection's health, accounts, permissions and actions. */
export function TikTokBusinessCenterDetails({
  connection,
  defaultAdvertiserId,
  workspaceId,
  canManage,
  onReconnect,
  onManage,
  onActivity,
  onDisconnected,
}: { connection: TikTokConnection; defaultAdvertiserId: string | null } & BusinessCenterHandlers) {
  return (
    <div className="stack">
      <p className="business-center__meta">
        {connection.kind === 'business_center' ? (
          <>
            Business Center <span className="business-center__id">{connection.businessCenterId}</span>
            {connection.businessCenterRole && ` · your role: ${connection.businessCenterRole.toLowerCase()}`}
          </>
        ) : (
          'Accounts your TikTok user reaches directly on TikTok'
        )}
      </p>
      <TikTokConnectionAttention
        connection={connection}
        canManage={canManage}
        onReconnect={(connectionId) => {
          onActivity();
          onReconnect(connectionId);
        }}
      />
      <TikTokAccountsInUse connection={connection} defaultAdvertiserId={defaultAdvertiserId} />
      <TikTokPermissionList connection={connection} />
      <p className="business-center__checked">
        <ClockIcon size={14} />
        <span>
          Connected {dateTime.format(new Date(connection.connectedAt))} ·{' '}
          {connection.checking
            ? 'Checking…'
            : `Last checked ${connection.lastCheckedAt ? dateTime.format(new Date(connection.lastCheckedAt)) : 'never'}`}
        </span>
      </p>
      {canManage && (
        <TikTokBusinessCenterActions
          workspaceId={workspaceId}
          connection={connection}
          defaultAdvertiserId={defaultAdvertiserId}
          onManage={onManage}
          onActivity={onActivity}
          onDisconnected={onDisconnected}
        />
      )}
    </div>
  );
}
