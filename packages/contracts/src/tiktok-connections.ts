import { z } from 'zod';

/**
 * The five permissions of the help page's "Required Permissions" table, in its order. Each maps
 * to TikTok scope ids on the server (reference §9); the browser only sees these keys.
 */
export const tiktokPermissionKeys = [
  'ad_account_management',
  'ad_account_read',
  'business_center_access',
  'creative_management',
  'reporting',
] as const;
export const tiktokPermissionKeySchema = z.enum(tiktokPermissionKeys);
export type TikTokPermissionKey = z.infer<typeof tiktokPermissionKeySchema>;

export const tiktokPermissionSchema = z.object({
  key: tiktokPermissionKeySchema,
  /** TikTok's name for it, as the help page and TikTok's consent page show it. */
  name: z.string(),
  /** What stops working in Whathead without it. */
  enables: z.string(),
  granted: z.boolean(),
});
export type TikTokPermission = z.infer<typeof tiktokPermissionSchema>;

/** Why a connection needs attention; each has one plain-language message and one fix: Reconnect. */
export const tiktokAttentionCauses = [
  'token_expired',
  'token_revoked',
  'permissions_missing',
  'token_unreadable',
  'business_center_access_lost',
] as const;
export const tiktokAttentionCauseSchema = z.enum(tiktokAttentionCauses);
export type TikTokAttentionCause = z.infer<typeof tiktokAttentionCauseSchema>;

export const tiktokAdAccountSchema = z.object({
  /** TikTok ids are 19-digit numbers beyond 2^53: always strings (reference §9). */
  advertiserId: z.string(),
  name: z.string(),
  /** TikTok's account status, e.g. STATUS_ENABLE (reference §3.4). */
  status: z.string(),
  /** A plain-language label for the status. */
  statusLabel: z.string(),
  usable: z.boolean(),
  /** Why the account cannot be the default, and what to check with TikTok; null when usable. */
  unusableReason: z.string().nullable(),
  currency: z.string().nullable(),
  timezone: z.string().nullable(),
  /** The connecting TikTok user's role on the account: ADMIN, OPERATOR or ANALYST. */
  role: z.string().nullable(),
  selected: z.boolean(),
  isDefault: z.boolean(),
  /**
   * False once TikTok stops listing the account for this connection (removed from the Business
   * Center, or the user's access withdrawn): show "No longer accessible".
   */
  accessible: z.boolean(),
  /** Found by a health check since the user last saved the selection or reconnected. */
  isNew: z.boolean(),
});
export type TikTokAdAccount = z.infer<typeof tiktokAdAccountSchema>;

export const tiktokCheckResults = ['ok', 'needs_attention', 'tiktok_unavailable'] as const;
export const tiktokCheckResultSchema = z.enum(tiktokCheckResults);
export type TikTokCheckResult = z.infer<typeof tiktokCheckResultSchema>;

export const tiktokConnectionSchema = z.object({
  id: z.uuid(),
  businessCenterId: z.string(),
  businessCenterName: z.string(),
  status: z.enum(['connected', 'needs_attention']),
  attention: z.object({ cause: tiktokAttentionCauseSchema, message: z.string() }).nullable(),
  permissions: z.array(tiktokPermissionSchema),
  connectedAt: z.iso.datetime(),
  lastCheckedAt: z.iso.datetime().nullable(),
  /**
   * How the last check (the health job every four hours, or Check connection) went; null before
   * the first. `tiktok_unavailable`: TikTok did not answer, nothing changed. Always sent (see
   * `accessible` for why optional).
   */
  lastCheckResult: tiktokCheckResultSchema.nullable().optional(),
  /** Accounts with `isNew`: "2 new accounts available". */
  newAccountsAvailable: z.number().int().nonnegative(),
  accounts: z.array(tiktokAdAccountSchema),
});
export type TikTokConnection = z.infer<typeof tiktokConnectionSchema>;

export const tiktokConnectionsResponseSchema = z.object({
  connections: z.array(tiktokConnectionSchema),
  /** The workspace's one default account, across every connection; null when none is chosen. */
  defaultAdvertiserId: z.string().nullable(),
  /** For whoever registers the TikTok app: the one redirect URI it must list, and what TikTok is. */
  tiktokApp: z.object({
    redirectUri: z.url(),
    /** True when no TikTok app is configured and the built-in emulator stands in for TikTok. */
    usingEmulator: z.boolean(),
  }),
});
export type TikTokConnectionsResponse = z.infer<typeof tiktokConnectionsResponseSchema>;

export const startTikTokConnectInputSchema = z.strictObject({
  /** Reconnect this connection (same Business Center expected); omit for Connect / Add Another Account. */
  reconnectConnectionId: z.uuid('Not a connection id.').optional(),
});
export type StartTikTokConnectInput = z.infer<typeof startTikTokConnectInputSchema>;

export const startTikTokConnectResponseSchema = z.object({ authorizationUrl: z.url() });
export type StartTikTokConnectResponse = z.infer<typeof startTikTokConnectResponseSchema>;

const advertiserIdSchema = z.string().regex(/^\d{1,30}$/, 'Not a TikTok advertiser id.');

export const updateTikTokAccountsInputSchema = z.strictObject({
  selectedAdvertiserIds: z.array(advertiserIdSchema).max(1000),
  /**
   * The workspace default, which must be one of the selected, usable accounts of this connection;
   * null when the default is not in this connection (clears it if it was).
   */
  defaultAdvertiserId: advertiserIdSchema.nullable(),
});
export type UpdateTikTokAccountsInput = z.infer<typeof updateTikTokAccountsInputSchema>;

export const tiktokConnectionParamsSchema = z.strictObject({
  workspaceId: z.uuid('Not a workspace id.'),
  connectionId: z.uuid('Not a connection id.'),
});

export const tiktokAuditActions = [
  'connected',
  'reconnected',
  'disconnected',
  'accounts_selected',
  'default_changed',
  'needs_attention',
  'checked',
] as const;
export const tiktokAuditActionSchema = z.enum(tiktokAuditActions);
export type TikTokAuditAction = z.infer<typeof tiktokAuditActionSchema>;

export const tiktokAuditEventSchema = z.object({
  id: z.uuid(),
  action: tiktokAuditActionSchema,
  /** Null when Whathead itself acted (the connection health job). */
  actorName: z.string().nullable(),
  businessCenterId: z.string(),
  businessCenterName: z.string(),
  /** A plain sentence: what changed. */
  summary: z.string(),
  /** TikTok's request_id of the call behind the change, for TikTok support. */
  tiktokRequestId: z.string().nullable(),
  occurredAt: z.iso.datetime(),
});
export type TikTokAuditEvent = z.infer<typeof tiktokAuditEventSchema>;

export const tiktokAuditResponseSchema = z.object({ events: z.array(tiktokAuditEventSchema) });
export type TikTokAuditResponse = z.infer<typeof tiktokAuditResponseSchema>;

/**
 * What the callback tells the browser, on `/integrations/tiktok/done`: the connection made, or
 * why not. Never the code or the state.
 */
export const tiktokCallbackErrors = [
  'authorization_invalid',
  'cancelled',
  'permission_denied',
  'rate_limited',
  'unavailable',
  'failed',
] as const;
export const tiktokCallbackErrorSchema = z.enum(tiktokCallbackErrors);
export type TikTokCallbackError = z.infer<typeof tiktokCallbackErrorSchema>;
