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
  /**
   * The help page's "Permission denied": TikTok granted a token, but the user's roles
   * (`user_role` in /bc/get/, `advertiser_role` in /bc/asset/get/, or a 40001 on a call) only
   * let them view every ad account of this connection.
   */
  'permission_denied',
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
  /**
   * The connecting TikTok user's role on the account: ADMIN, OPERATOR, ANALYST, or OWNER for an
   * account outside any Business Center; null when TikTok did not say.
   */
  role: z.string().nullable(),
  /**
   * The user can view the account but not change it (Analyst, or a write refused with 40001):
   * it may be selected for reporting, never made the default.
   */
  readOnly: z.boolean(),
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

/**
 * What one connection holds: the granted ad accounts of one Business Center, or the granted
 * accounts that belong to no Business Center of the user ("Ad accounts outside a Business Center").
 */
export const tiktokConnectionKinds = ['business_center', 'outside_business_center'] as const;
export const tiktokConnectionKindSchema = z.enum(tiktokConnectionKinds);
export type TikTokConnectionKind = z.infer<typeof tiktokConnectionKindSchema>;

/** The name shown for the accounts of a grant that belong to no Business Center. */
export const outsideBusinessCenterName = 'Ad accounts outside a Business Center';

export const tiktokConnectionSchema = z.object({
  id: z.uuid(),
  kind: tiktokConnectionKindSchema,
  /** TikTok's Business Center id; for `outside_business_center`, an opaque key of ours. */
  businessCenterId: z.string(),
  businessCenterName: z.string(),
  /** The user's role in the Business Center (`user_role`: ADMIN or STANDARD); null outside one. */
  businessCenterRole: z.string().nullable(),
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
  /**
   * A background check is under way (the last one is older than 15 minutes and a page asked for
   * the connections): ask again shortly for the fresh state.
   */
  checking: z.boolean(),
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

/**
 * Check connection's answer: the connections as they are now, and what this check changed, in
 * plain sentences (empty: "All good — checked just now").
 */
export const checkTikTokConnectionResponseSchema = tiktokConnectionsResponseSchema.extend({
  changes: z.array(z.string()),
});
export type CheckTikTokConnectionResponse = z.infer<typeof checkTikTokConnectionResponseSchema>;

/**
 * One group of a TikTok grant that touched several: a Business Center with some of the granted
 * accounts, or the granted accounts outside any Business Center. The help page's step 3 ("Select
 * your Business Center") is the user choosing one.
 */
export const tiktokGrantGroupSchema = z.object({
  /** Stable within the grant; what the user's choice sends back. */
  key: z.string(),
  kind: tiktokConnectionKindSchema,
  name: z.string(),
  grantedAccountCount: z.number().int().nonnegative(),
  /** This workspace's live connection for the group, once connected (from this grant or before). */
  connectionId: z.uuid().nullable(),
});
export type TikTokGrantGroup = z.infer<typeof tiktokGrantGroupSchema>;

/**
 * A TikTok sign-in held for ten minutes, encrypted and bound to the session that started it, so
 * the user can connect its groups one after another without signing in at TikTok again.
 */
export const tiktokPendingGrantSchema = z.object({
  id: z.uuid(),
  expiresAt: z.iso.datetime(),
  groups: z.array(tiktokGrantGroupSchema),
});
export type TikTokPendingGrant = z.infer<typeof tiktokPendingGrantSchema>;

export const tiktokPendingGrantsResponseSchema = z.object({ grants: z.array(tiktokPendingGrantSchema) });
export type TikTokPendingGrantsResponse = z.infer<typeof tiktokPendingGrantsResponseSchema>;

export const tiktokGrantParamsSchema = z.strictObject({
  workspaceId: z.uuid('Not a workspace id.'),
  grantId: z.uuid('Not a grant id.'),
});

export const connectTikTokGrantGroupInputSchema = z.strictObject({
  groupKey: z.string().min(1, 'Select a Business Center.').max(100),
});
export type ConnectTikTokGrantGroupInput = z.infer<typeof connectTikTokGrantGroupInputSchema>;

export const connectTikTokGrantGroupResponseSchema = z.object({
  connectionId: z.uuid(),
  grant: tiktokPendingGrantSchema,
});
export type ConnectTikTokGrantGroupResponse = z.infer<typeof connectTikTokGrantGroupResponseSchema>;
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
  /** A sign-in touched several Business Centers and waits for the user's choice. */
  'grant_held',
  'connect_cancelled',
  'connect_failed',
  'connected',
  'reconnected',
  'disconnected',
  'accounts_selected',
  'default_changed',
  'needs_attention',
  'checked',
  /** The campaign builder: a publish asked for, approved, or rejected or withdrawn. */
  'publish_requested',
  'publish_approved',
  'publish_rejected',
] as const;
export const tiktokAuditActionSchema = z.enum(tiktokAuditActions);
export type TikTokAuditAction = z.infer<typeof tiktokAuditActionSchema>;

export const tiktokAuditEventSchema = z.object({
  id: z.uuid(),
  action: tiktokAuditActionSchema,
  /** Null when Whathead itself acted (the connection health job). */
  actorName: z.string().nullable(),
  /** Null for an attempt that never reached a Business Center (cancelled, refused, failed). */
  businessCenterId: z.string().nullable(),
  businessCenterName: z.string().nullable(),
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
 * What the callback tells the browser, on `/integrations/tiktok/done`: the connection made
 * (`connected=<id>`), a grant whose groups the user chooses from (`grant=<id>`), or why not
 * (`tiktok_error=<one of these>`). Never the code or the state.
 */
export const tiktokCallbackErrors = [
  'authorization_invalid',
  /** TikTok answered 40101 "Invalid auth_code …": an old or reused sign-in; Connect again. */
  'authorization_expired',
  /** The grant holds no ad account, and every Business Center of the user is connected already. */
  'no_ad_accounts',
  /** Reconnect signed in as a TikTok user who cannot reach the connection's Business Center. */
  'reconnect_mismatch',
  'cancelled',
  'permission_denied',
  'rate_limited',
  'unavailable',
  'failed',
] as const;
export const tiktokCallbackErrorSchema = z.enum(tiktokCallbackErrors);
export type TikTokCallbackError = z.infer<typeof tiktokCallbackErrorSchema>;
