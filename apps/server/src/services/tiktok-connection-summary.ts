import type {
  TikTokAdAccount,
  TikTokAttentionCause,
  TikTokConnection,
  TikTokConnectionsResponse,
} from '@whathead/contracts';
import type {
  AccountSummaryRow,
  ConnectionSummaryRow,
} from '../repositories/tiktok-connection.repository.js';
import { isViewOnly, statusLabelOf, unusableReasonOf } from './tiktok-account-status.js';
import { describePermissions } from './tiktok-permissions.js';

const attentionMessages: Record<
  Exclude<TikTokAttentionCause, 'permissions_missing' | 'permission_denied'>,
  string
> = {
  token_expired: 'TikTok says this connection has expired. Reconnect to keep using it.',
  token_revoked:
    'The access Whathead had was removed at TikTok (revoked, or the authorization was withdrawn). Reconnect to restore it.',
  token_unreadable:
    'Whathead can no longer read this connection’s stored access (its encryption key changed). Reconnect to restore it.',
  business_center_access_lost:
    'Your TikTok user no longer has access to this Business Center. Ask its admin to restore your access, then reconnect.',
};

const businessCenterRoleLabels: Readonly<Record<string, string>> = {
  ADMIN: 'Admin',
  STANDARD: 'Standard member',
};

/**
 * The help page's "Permission denied", from the roles TikTok reports (correction 16): where the
 * user stands, what they need, and what their admin must do.
 */
function permissionDeniedMessage(row: ConnectionSummaryRow, accounts: readonly AccountSummaryRow[]): string {
  const accountRoles = [
    ...new Set(accounts.filter((account) => account.accessible).map((account) => account.role)),
  ];
  const refusedOnly = accountRoles.every((role) => role !== 'ANALYST');
  const has = refusedOnly
    ? 'TikTok refused changes to its ad accounts'
    : `you are ${row.business_center_role ? `a ${businessCenterRoleLabels[row.business_center_role] ?? row.business_center_role} of the Business Center with ` : ''}the Analyst role on its ad accounts, which can only view`;
  const where =
    row.kind === 'business_center'
      ? `In ${row.business_center_name}, ${has}`
      : `On these ad accounts, ${has}`;
  return `${where}. Whathead needs the Admin or Operator role to create and edit campaigns.`;
}

function attentionOf(
  row: ConnectionSummaryRow,
  accounts: readonly AccountSummaryRow[],
): TikTokConnection['attention'] {
  const cause = row.attention_cause as TikTokAttentionCause | null;
  if (row.status !== 'needs_attention' || !cause) return null;
  if (cause === 'permission_denied') return { cause, message: permissionDeniedMessage(row, accounts) };
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

function describeAccount(row: AccountSummaryRow): TikTokAdAccount {
  const facts = {
    status: row.status,
    role: row.role,
    apiEligible: row.api_eligible,
    writeRefused: row.write_refused,
  };
  const unusableReason = row.accessible ? unusableReasonOf(facts) : inaccessibleReason;
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
    readOnly: isViewOnly(facts),
    selected: row.selected,
    isDefault: row.is_default,
    accessible: row.accessible,
    isNew: row.newly_available && row.accessible,
  };
}

/** What the browser may know of a workspace's connections: never a token, ciphertext or scope id. */
export function describeConnections(
  connections: readonly ConnectionSummaryRow[],
  accounts: readonly AccountSummaryRow[],
  now: Date,
): Omit<TikTokConnectionsResponse, 'tiktokApp'> {
  const live = new Set(connections.map((connection) => connection.id));
  const defaultAccount = accounts.find((account) => account.is_default && live.has(account.connection_id));
  return {
    connections: connections.map((row) => {
      const rows = accounts.filter((account) => account.connection_id === row.id);
      const own = rows.map(describeAccount);
      return {
        id: row.id,
        kind: row.kind,
        businessCenterId: row.business_center_id,
        businessCenterName: row.business_center_name,
        businessCenterRole: row.business_center_role,
        status: row.status === 'needs_attention' ? 'needs_attention' : 'connected',
        attention: attentionOf(row, rows),
        permissions: describePermissions(row.granted_scope_ids),
        connectedAt: row.connected_at.toISOString(),
        lastCheckedAt: row.last_checked_at?.toISOString() ?? null,
        lastCheckResult: row.last_check_result,
        checking: isChecking(row, now),
        newAccountsAvailable: own.filter((account) => account.isNew).length,
        accounts: own,
      };
    }),
    defaultAdvertiserId: defaultAccount?.advertiser_id ?? null,
  };
}

/** How long a requested background check counts as under way before a page may ask again. */
export const checkClaimSeconds = 120;

/** A background check was asked for after the last check ended, and recently. */
function isChecking(row: ConnectionSummaryRow, now: Date): boolean {
  const requested = row.check_requested_at;
  if (!requested || now.getTime() - requested.getTime() > checkClaimSeconds * 1000) return false;
  return row.last_checked_at === null || requested > row.last_checked_at;
}
