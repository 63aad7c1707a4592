-- The campaign builder (issue 14): drafts, their publishes with a journal per entity, and the
-- workspace's guardrails.

-- A draft is one JSON document of nodes (campaigns, ad groups, ads). `version` goes up by one on
-- every save; a save names the version it started from, so two editors get a conflict instead of
-- overwriting each other.
create table drafts (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  name text not null,
  version integer not null default 1,
  document jsonb not null,
  -- Counted on save, for the list of drafts without reading every document.
  campaigns integer not null default 0,
  items integer not null default 0,
  created_by uuid references users (id) on delete set null,
  updated_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index drafts_workspace_idx on drafts (workspace_id, updated_at desc);

-- One publish of one saved version of a draft.
create table publishes (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces (id) on delete cascade,
  draft_id uuid not null references drafts (id) on delete cascade,
  draft_version integer not null,
  state text not null
    check (state in ('awaiting_approval', 'queued', 'running', 'blocked', 'succeeded', 'failed', 'rejected')),
  requested_by uuid references users (id) on delete set null,
  -- The second owner or admin who approved or rejected a publish that broke a guardrail.
  reviewed_by uuid references users (id) on delete set null,
  reviewed_at timestamptz,
  guardrail_breaches jsonb not null default '[]',
  -- Why a blocked publish waits (a connection to reconnect), in words.
  blocked_reason text,
  -- The process running the publish holds it until `lease_until` and renews it while it works:
  -- two processes never run one publish, and a killed one's publish is taken over once it lapses.
  lease_owner text,
  lease_until timestamptz,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
-- At most one unfinished publish per draft: the draft is read-only while it runs.
create unique index publishes_unfinished_idx on publishes (draft_id)
  where state in ('awaiting_approval', 'queued', 'running', 'blocked');
create index publishes_workspace_idx on publishes (workspace_id, created_at desc);

-- The journal: one row per node of the publish. A create goes pending → sending (intent: the
-- request id is chosen and saved before anything is sent; `sent_at` just before the call) →
-- confirmed (TikTok's id saved) or failed. After a crash, a row left `sending` is looked up at
-- TikTok before it is sent again, so nothing is created twice.
create table publish_items (
  publish_id uuid not null references publishes (id) on delete cascade,
  workspace_id uuid not null references workspaces (id) on delete cascade,
  node_key text not null,
  level text not null check (level in ('campaign', 'adgroup', 'ad')),
  name text not null,
  advertiser_id text not null,
  parent_key text,
  action text not null check (action in ('create', 'update', 'skip')),
  -- For an update: the changed editable fields, before → after.
  changes jsonb not null default '[]',
  -- The node as saved in the published version: what is sent.
  node jsonb not null,
  state text not null
    check (state in ('pending', 'sending', 'confirmed', 'failed', 'skipped', 'waiting')),
  -- TikTok's `request_id` for a campaign or ad group create (a 64-bit integer as text).
  request_id text,
  intent_at timestamptz,
  sent_at timestamptz,
  confirmed_at timestamptz,
  tiktok_id text,
  error text,
  error_field text,
  attempts integer not null default 0,
  primary key (publish_id, node_key)
);

-- Per workspace: limits a publish may not pass without a second owner's or admin's approval.
create table builder_guardrails (
  workspace_id uuid primary key references workspaces (id) on delete cascade,
  max_adgroup_daily_budget numeric,
  max_budget_increase_percent numeric,
  updated_by uuid references users (id) on delete set null,
  updated_at timestamptz not null default now()
);
