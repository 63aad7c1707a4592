import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** A timestamp column: read as Date, written as Date or an ISO string, defaulted by the database. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type Role = 'owner' | 'admin' | 'member';

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  created_at: CreatedAt;
}

export interface WorkspacesTable {
  id: Generated<string>;
  name: string;
  created_at: CreatedAt;
}

export interface MembershipsTable {
  workspace_id: string;
  user_id: string;
  role: Role;
  created_at: CreatedAt;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  active_workspace_id: string | null;
  created_at: CreatedAt;
  last_seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
  expires_at: Timestamp;
}

export interface InvitationsTable {
  id: Generated<string>;
  workspace_id: string;
  email: string;
  role: Exclude<Role, 'owner'>;
  token_hash: string;
  invited_by: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
  accepted_at: NullableTimestamp;
  accepted_by: string | null;
  revoked_at: NullableTimestamp;
}

/** One counter per throttle key (a named limit and what it counts: an account, an address…). */
export interface ThrottlesTable {
  key: string;
  attempts: number;
  window_ends_at: Timestamp;
}

/** A password reset link; only the keyed hash of its token is kept. */
export interface PasswordResetsTable {
  token_hash: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface TikTokOauthStatesTable {
  state_hash: string;
  session_token_hash: string;
  workspace_id: string;
  user_id: string;
  purpose: 'connect' | 'reconnect';
  connection_id: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
  auth_code_hash: string | null;
}

export type TikTokConnectionStatus = 'connected' | 'needs_attention' | 'disconnected';
export type TikTokConnectionKind = 'business_center' | 'outside_business_center';

/** A TikTok sign-in whose accounts fall into several groups, held while the user picks. */
export interface TikTokPendingGrantsTable {
  id: string;
  workspace_id: string;
  user_id: string;
  session_token_hash: string;
  token_ciphertext: Uint8Array;
  token_iv: Uint8Array;
  token_auth_tag: Uint8Array;
  token_key_id: string;
  token_fingerprint: string;
  granted_scope_ids: ColumnType<string[], string[] | undefined, string[]>;
  /** JSON text of the grant's groups; the service parses it. */
  groups: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface TikTokConnectionsTable {
  id: string;
  workspace_id: string;
  business_center_id: string;
  business_center_name: string;
  kind: ColumnType<TikTokConnectionKind, TikTokConnectionKind | undefined, TikTokConnectionKind>;
  business_center_role: string | null;
  check_requested_at: NullableTimestamp;
  status: TikTokConnectionStatus;
  attention_cause: string | null;
  /** Scope ids as text: some exceed 2^53 (reference §9). */
  granted_scope_ids: ColumnType<string[], string[] | undefined, string[]>;
  /** bytea: a Buffer from `pg`, a Uint8Array from PGlite. */
  token_ciphertext: Uint8Array | null;
  token_iv: Uint8Array | null;
  token_auth_tag: Uint8Array | null;
  token_key_id: string | null;
  /** SHA-256 (hex) of the stored token: which connections hold the same TikTok token. */
  token_fingerprint: string | null;
  connected_by: string | null;
  connected_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  last_checked_at: NullableTimestamp;
  /** The outcome of the last check: 'ok', 'needs_attention' or 'tiktok_unavailable'. */
  last_check_result: TikTokCheckResult | null;
  disconnected_at: NullableTimestamp;
}

export type TikTokCheckResult = 'ok' | 'needs_attention' | 'tiktok_unavailable';

export interface TikTokAdAccountsTable {
  connection_id: string;
  workspace_id: string;
  advertiser_id: string;
  name: string;
  status: string;
  currency: string | null;
  timezone: string | null;
  role: string | null;
  api_eligible: ColumnType<boolean, boolean | undefined, boolean>;
  selected: ColumnType<boolean, boolean | undefined, boolean>;
  is_default: ColumnType<boolean, boolean | undefined, boolean>;
  /** False once the token no longer reaches the account; the row stays to say so. */
  accessible: ColumnType<boolean, boolean | undefined, boolean>;
  /** Found by a health check and not yet reviewed by the user. */
  newly_available: ColumnType<boolean, boolean | undefined, boolean>;
  /** TikTok refused a write with 40001: the user can only view this account. */
  write_refused: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface TikTokAuditEventsTable {
  id: Generated<string>;
  /** Only for ordering; int8 reads differently per engine, so it is never selected. */
  sequence: ColumnType<never, never, never>;
  workspace_id: string;
  connection_id: string | null;
  actor_user_id: string | null;
  action: string;
  business_center_id: string | null;
  business_center_name: string | null;
  summary: string;
  tiktok_request_id: string | null;
  occurred_at: CreatedAt;
}

/** One TikTok rate budget shared by every process (times in Unix milliseconds; migration 0008). */
export interface TikTokRateBucketsTable {
  key: string;
  next_at: ColumnType<number, number | undefined, number>;
  /** bigint: read back as text by `pg`. */
  day_start: ColumnType<string, number | undefined, number>;
  day_count: ColumnType<number, number | undefined, number>;
  paused_until: ColumnType<string, number | undefined, number>;
  /** The slots booked in the last minute, oldest first (migration 0020). */
  minute_slots: ColumnType<number[], number[] | undefined, number[]>;
}

/** Calls booked by one tenant in a fair-shared lane. */
export interface TikTokRateTenantsTable {
  lane: string;
  tenant: string;
  served: ColumnType<string, number | undefined, number>;
  seen_at: number;
}

/** Calls booked per UTC day, lane and tenant ('' for the lane's total). */
export interface TikTokRateUsageTable {
  day_start: ColumnType<string, number, number>;
  lane: string;
  tenant: string;
  calls: ColumnType<string, number, number>;
}

/** Every table, as Kysely sees it. Column names are the database's (snake_case). */
export interface TikTokMirrorAccountsTable {
  workspace_id: string;
  advertiser_id: string;
  state: ColumnType<MirrorAccountState, MirrorAccountState | undefined, MirrorAccountState>;
  campaigns: ColumnType<number, number | undefined, number>;
  ad_groups: ColumnType<number, number | undefined, number>;
  ads: ColumnType<number, number | undefined, number>;
  /** TikTok's "YYYY-MM-DD HH:MM:SS" (UTC) of the newest ad modification seen. */
  ads_modified_through: string | null;
  first_imported_at: Date | null;
  last_synced_at: Date | null;
  last_attempt_at: Date | null;
  error: string | null;
}

/** Where an account's report sync stands (migration 0015); days are "YYYY-MM-DD" text. */
export interface TikTokReportAccountsTable {
  workspace_id: string;
  advertiser_id: string;
  state: ColumnType<
    'queued' | 'syncing' | 'ready' | 'failed' | 'stopped',
    'queued' | 'syncing' | 'ready' | 'failed' | 'stopped' | undefined,
    'queued' | 'syncing' | 'ready' | 'failed' | 'stopped'
  >;
  time_zone: string | null;
  currency: string | null;
  backfill_start: string | null;
  stored_from: string | null;
  stored_through: string | null;
  hours_from: string | null;
  last_synced_at: Date | null;
  last_attempt_at: Date | null;
  error: string | null;
}

export interface TikTokReportSettingsTable {
  workspace_id: string;
  restatement_days: number;
  hourly_retention_days: number;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export type MirrorAccountState = 'queued' | 'importing' | 'ready' | 'failed' | 'stopped';
export type EntityLevel = 'campaign' | 'adgroup' | 'ad';

export interface TikTokEntitiesTable {
  workspace_id: string;
  advertiser_id: string;
  level: EntityLevel;
  entity_id: string;
  campaign_id: string;
  adgroup_id: string | null;
  name: string;
  operation_status: string;
  secondary_status: string | null;
  delivery: string;
  objective: string | null;
  budget_mode: string | null;
  /** numeric: read as text, so no digit is lost. */
  budget: ColumnType<string | null, string | number | null, string | number | null>;
  bid_strategy: string | null;
  bid: ColumnType<string | null, string | number | null, string | number | null>;
  optimization_goal: string | null;
  placements: ColumnType<string[], string[] | undefined, string[]>;
  schedule_start: Date | null;
  schedule_end: Date | null;
  targeting: string | null;
  creative: string | null;
  created_at: Date | null;
  modified_at: Date | null;
  raw: unknown;
  synced_at: Date;
  /** The parent campaign's name and objective, and the parent ad group's name (migration 0013). */
  campaign_name: ColumnType<string | null, string | null | undefined, string | null>;
  campaign_objective: ColumnType<string | null, string | null | undefined, string | null>;
  adgroup_name: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface TikTokEntityChangesTable {
  id: Generated<string>;
  /** Only for ordering; int8 reads differently per engine, so it is never selected. */
  sequence: ColumnType<never, never, never>;
  workspace_id: string;
  advertiser_id: string;
  level: EntityLevel;
  entity_id: string;
  actor_user_id: string | null;
  field: string;
  before: string | null;
  after: string | null;
  tiktok_request_id: string | null;
  occurred_at: ColumnType<Date, Date | undefined, never>;
}

export interface TikTokEntityEditsTable {
  workspace_id: string;
  advertiser_id: string;
  level: EntityLevel;
  entity_id: string;
  expires_at: Date;
}

/** A Reports CSV export while it runs (migration 0016): what the caps on exports at once count. */
export interface ReportExportsTable {
  id: Generated<string>;
  workspace_id: string;
  user_id: string;
  started_at: Timestamp;
  heartbeat_at: Timestamp;
}

/** One row of a running export, summed once when it started, read in `position` order. */
export interface ReportExportRowsTable {
  export_id: string;
  position: number;
  /** The breakdown's row as JSON: written only by the export's own INSERT … SELECT. */
  fields: ColumnType<Record<string, unknown>, never, never>;
}

/** Where an account's library mirror stands (migration 0018). */
export interface TikTokMediaAccountsTable {
  workspace_id: string;
  advertiser_id: string;
  state: ColumnType<MirrorAccountState, MirrorAccountState | undefined, MirrorAccountState>;
  images: ColumnType<number, number | undefined, number>;
  videos: ColumnType<number, number | undefined, number>;
  last_synced_at: Date | null;
  last_attempt_at: Date | null;
  error: string | null;
}

export type MediaKind = 'image' | 'video';

/** One image or video of an ad account's TikTok library, as TikTok last listed it. */
export interface TikTokMediaTable {
  workspace_id: string;
  advertiser_id: string;
  kind: MediaKind;
  media_id: string;
  material_id: string | null;
  file_name: string | null;
  /** The file's MD5, lower-case hex. */
  signature: string | null;
  format: string | null;
  width: number | null;
  height: number | null;
  /** bigint: read back as text by `pg`. */
  bytes: ColumnType<string | null, number | null, number | null>;
  duration_seconds: number | null;
  url: string | null;
  cover_url: string | null;
  url_expires_at: Date | null;
  displayable: boolean | null;
  tiktok_created_at: Date | null;
  synced_at: Date;
}

/** An original held under MEDIA_DIR by its SHA-256, once per workspace. */
export interface MediaFilesTable {
  workspace_id: string;
  sha256: string;
  md5: string;
  kind: MediaKind;
  format: string;
  bytes: ColumnType<string, number, number>;
  width: number | null;
  height: number | null;
  duration_seconds: number | null;
  file_name: string;
  created_at: Date;
  last_used_at: Date;
}

export type MediaUploadState = 'queued' | 'uploading' | 'processing' | 'ready' | 'failed';

/** One original to one ad account, within a confirmed batch. */
export interface MediaUploadsTable {
  id: string;
  workspace_id: string;
  batch_id: string;
  sha256: string;
  advertiser_id: string;
  file_name: string;
  state: ColumnType<MediaUploadState, MediaUploadState | undefined, MediaUploadState>;
  bytes_sent: ColumnType<string, number | undefined, number>;
  media_id: string | null;
  reused: ColumnType<boolean, boolean | undefined, boolean>;
  error_code: string | null;
  error_message: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

/** A builder draft (migration 0019): the whole tree as one document, versioned. */
export interface DraftsTable {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  version: ColumnType<number, number | undefined, number>;
  document: ColumnType<unknown, string, string>;
  campaigns: ColumnType<number, number | undefined, number>;
  items: ColumnType<number, number | undefined, number>;
  created_by: string | null;
  updated_by: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export type PublishState =
  'awaiting_approval' | 'queued' | 'running' | 'blocked' | 'succeeded' | 'failed' | 'rejected';

export interface PublishesTable {
  id: Generated<string>;
  workspace_id: string;
  draft_id: string;
  draft_version: number;
  state: PublishState;
  requested_by: string | null;
  reviewed_by: ColumnType<string | null, string | null | undefined, string | null>;
  reviewed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  guardrail_breaches: ColumnType<unknown, string | undefined, string>;
  blocked_reason: ColumnType<string | null, string | null | undefined, string | null>;
  lease_owner: ColumnType<string | null, string | null | undefined, string | null>;
  lease_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: CreatedAt;
  finished_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export type PublishItemState = 'pending' | 'sending' | 'confirmed' | 'failed' | 'skipped' | 'waiting';

export interface PublishItemsTable {
  publish_id: string;
  workspace_id: string;
  node_key: string;
  level: 'campaign' | 'adgroup' | 'ad';
  name: string;
  advertiser_id: string;
  parent_key: string | null;
  action: 'create' | 'update' | 'skip';
  changes: ColumnType<unknown, string, string>;
  node: ColumnType<unknown, string, string>;
  state: PublishItemState;
  request_id: string | null;
  intent_at: Date | null;
  sent_at: Date | null;
  confirmed_at: Date | null;
  tiktok_id: string | null;
  error: string | null;
  error_field: string | null;
  attempts: ColumnType<number, number | undefined, number>;
}

export interface BuilderGuardrailsTable {
  workspace_id: string;
  /** numeric: read back as text by `pg`. */
  max_adgroup_daily_budget: ColumnType<string | null, number | null, number | null>;
  max_budget_increase_percent: ColumnType<string | null, number | null, number | null>;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface Tables {
  users: UsersTable;
  workspaces: WorkspacesTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  invitations: InvitationsTable;
  throttles: ThrottlesTable;
  password_resets: PasswordResetsTable;
  tiktok_oauth_states: TikTokOauthStatesTable;
  tiktok_connections: TikTokConnectionsTable;
  tiktok_pending_grants: TikTokPendingGrantsTable;
  tiktok_rate_buckets: TikTokRateBucketsTable;
  tiktok_rate_tenants: TikTokRateTenantsTable;
  tiktok_rate_usage: TikTokRateUsageTable;
  tiktok_ad_accounts: TikTokAdAccountsTable;
  tiktok_audit_events: TikTokAuditEventsTable;
  tiktok_mirror_accounts: TikTokMirrorAccountsTable;
  tiktok_entities: TikTokEntitiesTable;
  tiktok_entity_changes: TikTokEntityChangesTable;
  tiktok_entity_edits: TikTokEntityEditsTable;
  tiktok_report_accounts: TikTokReportAccountsTable;
  tiktok_report_settings: TikTokReportSettingsTable;
  report_exports: ReportExportsTable;
  report_export_rows: ReportExportRowsTable;
  tiktok_media_accounts: TikTokMediaAccountsTable;
  tiktok_media: TikTokMediaTable;
  media_files: MediaFilesTable;
  media_uploads: MediaUploadsTable;
  drafts: DraftsTable;
  publishes: PublishesTable;
  publish_items: PublishItemsTable;
  builder_guardrails: BuilderGuardrailsTable;
}

export type UserRow = Selectable<UsersTable>;
export type TikTokReportAccountRow = Selectable<TikTokReportAccountsTable>;
export type TikTokMediaRow = Selectable<TikTokMediaTable>;
export type MediaFileRow = Selectable<MediaFilesTable>;
export type MediaUploadRow = Selectable<MediaUploadsTable>;
export type NewUser = Insertable<UsersTable>;
export type WorkspaceRow = Selectable<WorkspacesTable>;
export type SessionRow = Selectable<SessionsTable>;
export type SessionUpdate = Updateable<SessionsTable>;
export type InvitationRow = Selectable<InvitationsTable>;
export type PasswordResetRow = Selectable<PasswordResetsTable>;
export type TikTokOauthStateRow = Selectable<TikTokOauthStatesTable>;
export type TikTokConnectionRow = Selectable<TikTokConnectionsTable>;
export type TikTokAdAccountRow = Selectable<TikTokAdAccountsTable>;
export type TikTokPendingGrantRow = Selectable<TikTokPendingGrantsTable>;
export type TikTokAuditEventRow = Selectable<TikTokAuditEventsTable>;
