import type {
  TikTokAdAccount,
  TikTokAttentionCause,
  TikTokConnection,
  TikTokConnectionsResponse,
} from '@whathead/contracts';
import type { TikTokAdAccountRow, TikTokConnectionRow } from '@whathead/db';
import { statusLabelOf, unusableReasonOf } from './tiktok-account-status.js';
import { describePermissions } from './tiktok-permissions.js';

const attentionMessages: Record<Exclude<TikTokAttentionCause, 'permissions_missing'>, string> = {
  token_expired: 'TikTok says this connection has expired. Reconnect to keep using it.',
  token_revoked:
    'The access Whathead had was removed at TikTok (revoked, or the authorization was withdrawn). Reconnect to restore it.',
  token_unreadable:
    'Whathead can no longer read this connection’s stored access (its encryption key changed). Reconnect to restore it.',
  business_center_access_lost:
    'Your TikTok user no longer has access to this Business Center. Ask its admin to restore your access, then reconnect.',
};

function attentionOf(row: TikTokConnectionRow): TikTokConnection['attention'] {
  const cause = row.attention_cause as TikTokAttentionCause | null;
  if (row.status !== 'needs_attention' || !cause) return null;
  if (cause !== 'permissions_missing') return { cause, message: attentionMessages[cause] ?? '' };
  const missing = describePermissions(row.granted_scope_ids).filter((permission) => !permission.granted);
  const names = missing.map((permission) => `${permission.name} (${permission.enables.toLowerCase()})`);
  return {
    cause,
    message:
      names.length > 0
        ? `TikTok did not grant: ${names.join('; ')}. Reconnect and keep every permission ticked.`
        : 'TikTok refused a call for lack of a permission or role. Reconnect and keep every permission ticked.',
  };
}

/** Why an account the token no longer reaches cannot be used, and what to check. */
export const inaccessibleReason =
  'No longer accessible: TikTok no longer lists this account for this connection (removed from the Business Center, deleted, or your access to it withdrawn). Check it in TikTok Ads Manager, then reconnect.';

function describeAccount(row: TikTokAdAccountRow): TikTokAdAccount {
  const unusableReason = row.accessible
    ? unusableReasonOf({ status: row.status, role: row.role, apiEligible: row.api_eligible })
    : inaccessibleReason;
  return {
    advertiserId: row.advertiser_id,
    name: row.name,
    status: row.status,
    statusLabel: statusLabelOf(row.status),
    usable: unusableReason === null,
    unusableReason,
    currency: row.currency,
    timezone: row.timezone,
    role: row.role,
    selected: row.selected,
    isDefault: row.is_default,
    accessible: row.accessible,
    isNew: row.newly_available && row.accessible,
  };
}

/** What the browser may know of a workspace's connections: never a token, ciphertext or scope id. */
export function describeConnections(
  connections: readonly TikTokConnectionRow[],
  accounts: readonly TikTokAdAccountRow[],
): Omit<TikTokConnectionsResponse, 'tiktokApp'> {
  const live = new Set(connections.map((connection) => connection.id));
  const defaultAccount = accounts.find((account) => account.is_default && live.has(account.connection_id));
  return {
    connections: connections.map((row) => {
      const own = accounts.filter((account) => account.connection_id === row.id).map(describeAccount);
      return {
        id: row.id,
        businessCenterId: row.business_center_id,
        businessCenterName: row.business_center_name,
        status: row.status === 'needs_attention' ? 'needs_attention' : 'connected',
        attention: attentionOf(row),
        permissions: describePermissions(row.granted_scope_ids),
        connectedAt: row.connected_at.toISOString(),
        lastCheckedAt: row.last_checked_at?.toISOString() ?? null,
        lastCheckResult: row.last_check_result,
        newAccountsAvailable: own.filter((account) => account.isNew).length,
        accounts: own,
      };
    }),
    defaultAdvertiserId: defaultAccount?.advertiser_id ?? null,
  };
}
