-- TikTok connections: one per (workspace, Business Center), their ad accounts, the OAuth states
-- of connections in progress, and the audit trail. Written for PostgreSQL 15.

-- An OAuth `state` in flight (reference §1.1). Only hashes are kept: a dump cannot finish anyone's
-- authorization. Stored in the database so the callback works on any app process.
create table tiktok_oauth_states (
  state_hash text primary key,
  session_token_hash text not null,
  workspace_id uuid not null references workspaces (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  purpose text not null check (purpose in ('connect', 'reconnect')),
  connection_id uuid,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  -- The code this state was finished with: a code seen once is refused everywhere after.
  auth_code_hash text unique
);
create index tiktok_oauth_states_expires_at_idx on tiktok_oauth_states (expires_at);

create table tiktok_connections (
  id uuid primary key,
  workspace_id uuid not null references workspaces (id) on delete cascade,
  business_center_id text not null,
  business_center_name text not null,
  status text not null check (status in ('connected', 'needs_attention', 'disconnected')),
  attention_cause text,
  -- TikTok's granted scope ids (reference §9): text, because some exceed 2^53.
  granted_scope_ids text[] not null default '{}',
  -- AES-256-GCM of the access token; null once disconnected.
  token_ciphertext bytea,
  token_iv bytea,
  token_auth_tag bytea,
  token_key_id text,
  connected_by uuid references users (id) on delete set null,
  connected_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  last_checked_at timestamptz,
  disconnected_at timestamptz,
  unique (workspace_id, business_center_id),
  check ((token_ciphertext is null) = (token_iv is null)),
  check ((token_ciphertext is null) = (token_auth_tag is null)),
  check ((token_ciphertext is null) = (token_key_id is null))
);
create index tiktok_connections_token_key_id_idx on tiktok_connections (token_key_id);

create table tiktok_ad_accounts (
  connection_id uuid not null references tiktok_connections (id) on delete cascade,
  workspace_id uuid not null references workspaces (id) on delete cascade,
  advertiser_id text not null,
  name text not null,
  status text not null,
  currency text,
  timezone text,
  role text,
  api_eligible boolean not null default true,
  selected boolean not null default false,
  is_default boolean not null default false,
  updated_at timestamptz not null default now(),
  primary key (connection_id, advertiser_id),
  check (selected or not is_default)
);
create index tiktok_ad_accounts_workspace_id_idx on tiktok_ad_accounts (workspace_id);
-- A workspace has at most one default account, across all its connections.
create unique index tiktok_ad_accounts_one_default_idx on tiktok_ad_accounts (workspace_id) where is_default;

create table tiktok_audit_events (
  id uuid primary key default gen_random_uuid(),
  -- Orders events written in the same instant (a test clock, one transaction).
  sequence bigint generated always as identity,
  workspace_id uuid not null references workspaces (id) on delete cascade,
  connection_id uuid references tiktok_connections (id) on delete set null,
  actor_user_id uuid references users (id) on delete set null,
  action text not null,
  business_center_id text not null,
  business_center_name text not null,
  summary text not null,
  tiktok_request_id text,
  occurred_at timestamptz not null default now()
);
create index tiktok_audit_events_workspace_idx on tiktok_audit_events (workspace_id, occurred_at desc, sequence desc);
