-- Users, workspaces, memberships, sessions, invitations and login throttling.
-- Written for PostgreSQL 15 (the oldest server we support); PGlite (PostgreSQL 18) runs it too.

create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  name text not null,
  password_hash text not null,
  created_at timestamptz not null default now()
);
create unique index users_email_key on users (lower(email));

create table workspaces (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  created_at timestamptz not null default now()
);

create table memberships (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  role text not null check (role in ('owner', 'admin', 'member')),
  created_at timestamptz not null default now(),
  primary key (workspace_id, user_id)
);
create index memberships_user_id_idx on memberships (user_id);

-- The session token itself is never stored: only its keyed hash, so a database dump cannot be
-- replayed as a cookie.
create table sessions (
  token_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  active_workspace_id uuid references workspaces (id) on delete set null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user_id_idx on sessions (user_id);
create index sessions_expires_at_idx on sessions (expires_at);

create table invitations (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  email text not null,
  role text not null check (role in ('admin', 'member')),
  token_hash text not null unique,
  invited_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  accepted_at timestamptz,
  accepted_by uuid references users (id) on delete set null,
  revoked_at timestamptz
);
create index invitations_workspace_id_idx on invitations (workspace_id);

-- Failed log-in counters per key (an email or a client address), shared by every app process.
create table login_throttles (
  key text primary key,
  failures integer not null,
  window_started_at timestamptz not null
);
