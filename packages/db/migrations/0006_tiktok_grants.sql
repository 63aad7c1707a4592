-- TikTok grants of any shape (issue 9): a grant is a set of ad accounts that may span several
-- Business Centers or none. Written for PostgreSQL 15.

-- A sign-in whose accounts fall into several groups, held while the user picks which to connect.
-- Bound to the session that started it and kept ten minutes; the token is sealed like a
-- connection's (AES-256-GCM, the grant id as associated data).
create table tiktok_pending_grants (
  id uuid primary key,
  workspace_id uuid not null references workspaces (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  session_token_hash text not null,
  token_ciphertext bytea not null,
  token_iv bytea not null,
  token_auth_tag bytea not null,
  token_key_id text not null,
  token_fingerprint text not null,
  granted_scope_ids text[] not null default '{}',
  -- The groups read from TikTok at sign-in, as JSON text (the two engines serialise jsonb
  -- parameters differently; only the server reads it back).
  groups text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index tiktok_pending_grants_expires_at_idx on tiktok_pending_grants (expires_at);
create index tiktok_pending_grants_session_idx on tiktok_pending_grants (workspace_id, session_token_hash);

-- A connection holds one Business Center's granted accounts, or the granted accounts outside any.
alter table tiktok_connections
  add column kind text not null default 'business_center'
    check (kind in ('business_center', 'outside_business_center')),
  -- The user's role in the Business Center (user_role of /bc/get/): ADMIN or STANDARD.
  add column business_center_role text,
  -- When a page last asked for a background check of a stale connection.
  add column check_requested_at timestamptz;

-- A write TikTok refused with 40001 although the role looked enough: the account is view-only.
alter table tiktok_ad_accounts add column write_refused boolean not null default false;

-- Cancelled and failed attempts are recorded too, and never reached a Business Center.
alter table tiktok_audit_events
  alter column business_center_id drop not null,
  alter column business_center_name drop not null;
